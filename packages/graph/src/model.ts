import { createHash } from 'node:crypto';
import {
  firstSyncPlan,
  type INetworkPolicy,
  type KubeObject,
  podsAtFirstSync,
  type RenderedEnvironment,
} from '@platform/core';
import { type CalendarEntry, certificateCalendar, formatLifetime, formatWhen } from '@platform/pki';

/** A finding of `pnpm check` about a component (the shape @platform/policy reports). */
export interface GraphFinding {
  component: string;
  severity: 'error' | 'warn';
  rule: string;
  object?: string;
  path?: string;
  message: string;
  /** True when a waiver annotation waives it. */
  waived?: boolean;
}

/** The library a component comes from, and whether the environment pins a release or renders the workspace. */
export interface GraphLibrary {
  name: string;
  version: string;
  source: 'workspace' | 'published';
}

/** One component as the page shows it. */
export interface GraphNode {
  id: string;
  step: number;
  tier: string;
  level: number;
  namespace: string;
  library?: GraphLibrary;
  chart?: { repoURL: string; chart: string; version: string };
  /** Objects with the file each is written to and a hash of its YAML (what the compare page diffs). */
  objects: Array<{ kind: string; name: string; namespace?: string; path: string; hash: string }>;
  kinds: Record<string, number>;
  pods: number;
  findings: { errors: number; warnings: number; waived: number; items: GraphFinding[] };
}

/** A dependency (`after`/`dependsOn`) or a wiring edge (one component's pods connect to another's). */
export interface GraphEdge {
  id: string;
  from: string;
  to: string;
  type: 'dependency' | 'wiring';
  /** Wiring: the ports the derived NetworkPolicies open, and their names. */
  ports?: Array<number | string>;
  policies?: string[];
}

/** One step of the first sync on the timeline. */
export interface GraphStep {
  wave: number;
  tier: string;
  components: string[];
  pods: number;
  share: number;
  stages: Array<{ stage: number; pods: number; share: number }>;
}

/** A certificate or CA on the expiry calendar (one entry of `@platform/pki`'s certificate calendar). */
export interface GraphCertificate {
  component: string;
  name: string;
  role: CalendarEntry['role'];
  issuer?: string;
  /** `8760h (365d)`; absent when the lifetime does not parse. */
  duration?: string;
  renewBefore?: string;
  rotation: CalendarEntry['rotation'];
  /** Whether the lifetime is written down rather than left to cert-manager's defaults. */
  explicit: boolean;
  /** The first expiries after the first sync, `day 315` (the first one first). */
  expiries: string[];
}

/** Facts a model could not know (a model of a committed render has no dependency graph or library versions). */
export type UnknownFact = 'dependencies' | 'libraries' | 'findings' | 'pods';

/** Everything the page draws, deterministic for one render. */
export interface GraphModel {
  environment: string;
  engine: string;
  totalPods: number;
  maxShare: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
  steps: GraphStep[];
  certificates: GraphCertificate[];
  /** What this model does not know; a comparison skips those facts. Absent: it knows everything. */
  unknown?: UnknownFact[];
}

/** What the page is made from besides the render. */
export interface GraphInputs {
  findings?: GraphFinding[];
  /** Library of each component, by component name. */
  libraries?: Record<string, GraphLibrary>;
  daemonSetNodes?: number;
}

/** A short hash of a file's content: equal content, equal hash. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

function byName<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** What wiring edges are derived from: each component's namespace and objects. */
export interface WiredComponent {
  name: string;
  namespace: string;
  objects: ReadonlyArray<{ object: KubeObject }>;
}

/** The component whose pods a NetworkPolicy peer selects: by namespace, and by instance label where shared. */
function peerComponent(
  components: readonly WiredComponent[],
  namespace: string,
  podLabels: Record<string, string> | undefined,
): string | undefined {
  // By name, so that a fresh render and one read back from its files (listed in another order) agree.
  const owners = components.filter((c) => c.namespace === namespace).sort((a, b) => (a.name < b.name ? -1 : 1));
  const instance = podLabels?.['app.kubernetes.io/instance'];
  return (
    owners.find((c) => c.name === instance)?.name ??
    owners.find((c) => c.objects.some(({ object }) => podsAtFirstSync(object, undefined, 1) > 0))?.name ??
    owners[0]?.name
  );
}

/** Wiring edges: each egress rule of a component's NetworkPolicies that opens another component's pods. */
export function wiringEdges(components: readonly WiredComponent[]): GraphEdge[] {
  const edges = new Map<string, GraphEdge>();
  for (const component of components) {
    for (const { object } of component.objects) {
      if (object.kind !== 'NetworkPolicy') continue;
      const policy = object as INetworkPolicy;
      for (const rule of policy.spec?.egress ?? []) {
        for (const peer of rule.to ?? []) {
          const namespace = peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'];
          if (!namespace) continue;
          const target = peerComponent(components, namespace, peer.podSelector?.matchLabels);
          if (!target || target === component.name) continue;
          const id = `wiring:${component.name}->${target}`;
          const edge = edges.get(id) ?? {
            id,
            from: component.name,
            to: target,
            type: 'wiring' as const,
            ports: [],
            policies: [],
          };
          for (const port of rule.ports ?? [])
            if (port.port !== undefined && !edge.ports!.includes(port.port)) edge.ports!.push(port.port);
          if (!edge.policies!.includes(policy.metadata!.name!)) edge.policies!.push(policy.metadata!.name!);
          edges.set(id, edge);
        }
      }
    }
  }
  return [...edges.values()].map((e) => ({
    ...e,
    ports: [...e.ports!].sort((a, b) => String(a).localeCompare(String(b), 'en', { numeric: true })),
    policies: [...e.policies!].sort(),
  }));
}

/** How many expiries of each certificate the page lists. */
const SHOWN_EXPIRIES = 3;

/** The calendar of `@platform/pki` (rendered Certificates and declared lifetimes), as the page shows it. */
export function graphCertificates(rendered: RenderedEnvironment): GraphCertificate[] {
  return certificateCalendar(rendered).entries.map((entry) => ({
    component: entry.component,
    name: entry.name,
    role: entry.role,
    ...(entry.issuer ? { issuer: entry.issuer } : {}),
    ...(entry.lifetime
      ? { duration: formatLifetime(entry.lifetime.duration), renewBefore: formatLifetime(entry.lifetime.renewBefore) }
      : {}),
    rotation: entry.rotation,
    explicit: entry.explicit,
    expiries: entry.expiries.slice(0, SHOWN_EXPIRIES).map(formatWhen),
  }));
}

/** The page's model of a rendered environment: nodes by sync step, dependency and wiring edges, the first-sync timeline. */
export function graphModel(rendered: RenderedEnvironment, inputs: GraphInputs = {}): GraphModel {
  const plan = firstSyncPlan(rendered, { daemonSetNodes: inputs.daemonSetNodes ?? 3 });
  const stepOf = new Map(rendered.steps.flatMap((step) => step.components.map((name) => [name, step] as const)));
  const findings = inputs.findings ?? [];
  const renderedOf = new Map(rendered.objects.map((o) => [o.object, o]));
  const nodes = rendered.components
    .map((component): GraphNode => {
      const step = stepOf.get(component.name)!;
      const mine = findings.filter((f) => f.component === component.name);
      const kinds: Record<string, number> = {};
      for (const { object } of component.objects) kinds[object.kind] = (kinds[object.kind] ?? 0) + 1;
      const pods = component.objects.reduce(
        (sum, { object }) => sum + podsAtFirstSync(object, undefined, inputs.daemonSetNodes ?? 3),
        0,
      );
      const library = inputs.libraries?.[component.name];
      return {
        id: component.name,
        step: step.wave,
        tier: step.tier,
        level: step.level,
        namespace: component.namespace,
        ...(library ? { library } : {}),
        ...(component.helm
          ? { chart: { repoURL: component.helm.repoURL, chart: component.helm.chart, version: component.helm.version } }
          : {}),
        objects: component.objects
          .map(({ object }) => {
            const file = renderedOf.get(object);
            return {
              kind: object.kind,
              name: object.metadata?.name ?? '',
              ...(object.metadata?.namespace ? { namespace: object.metadata.namespace } : {}),
              path: file?.path ?? '',
              hash: file ? contentHash(file.yaml) : '',
            };
          })
          .sort((a, b) => a.path.localeCompare(b.path)),
        kinds: Object.fromEntries(Object.entries(kinds).sort(([a], [b]) => a.localeCompare(b))),
        pods,
        findings: {
          errors: mine.filter((f) => !f.waived && f.severity === 'error').length,
          warnings: mine.filter((f) => !f.waived && f.severity === 'warn').length,
          waived: mine.filter((f) => f.waived).length,
          items: mine,
        },
      };
    })
    .sort(byName);
  const dependencies = rendered.components.flatMap((c) =>
    c.dependsOn.map((d): GraphEdge => ({ id: `dependency:${c.name}->${d}`, from: d, to: c.name, type: 'dependency' })),
  );
  return {
    environment: rendered.environment.name,
    engine: rendered.delivery.engine,
    totalPods: plan.totalPods,
    maxShare: plan.maxShare,
    nodes,
    edges: [...dependencies, ...wiringEdges(rendered.components)].sort(byName),
    steps: plan.steps.map((s) => ({
      wave: s.wave,
      tier: s.tier,
      components: s.components,
      pods: s.pods,
      share: s.share,
      stages: s.stages.map((st) => ({ stage: st.stage, pods: st.pods, share: st.share })),
    })),
    certificates: graphCertificates(rendered),
  };
}
