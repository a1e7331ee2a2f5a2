import { type KubeObject, podsAtFirstSync } from '@platform/core';
import { load } from 'js-yaml';
import { contentHash, type GraphEdge, type GraphModel, type GraphNode, type GraphStep, wiringEdges } from './model.js';

/** Options of {@link committedModel}. */
export interface CommittedModelOptions {
  /** Nodes a DaemonSet is counted on, as for the current render. Default 3. */
  daemonSetNodes?: number;
}

/** What an Argo CD ApplicationSet of the platform says about the components of its sync step. */
interface StepElement {
  component?: string;
  namespace?: string;
  sources?: Array<{ chart?: string; repoURL?: string; targetRevision?: string }>;
}

interface ParsedFile {
  path: string;
  yaml: string;
  object: KubeObject;
}

/** The Argo CD folder of a render; a render delivered by another engine is read without sync steps. */
const ARGO_CD_FOLDER = '_argocd';

function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The step of each component, and its namespace and chart, from the ApplicationSets (one per step). */
function stepsOf(
  delivery: ParsedFile[],
): Map<string, { wave: number; tier: string; level: number; element: StepElement }> {
  const steps = new Map<string, { wave: number; tier: string; level: number; element: StepElement }>();
  for (const { object } of delivery) {
    if (object.kind !== 'ApplicationSet') continue;
    const metadata = object.metadata ?? {};
    const wave = Number(metadata.annotations?.['argocd.argoproj.io/sync-wave']);
    const tier = metadata.labels?.['platform.dev/tier'];
    const level = Number(/-(\d+)$/.exec(metadata.name ?? '')?.[1]);
    if (!Number.isInteger(wave) || !tier) continue;
    const spec = (object as { spec?: { generators?: Array<{ list?: { elements?: StepElement[] } }> } }).spec;
    for (const generator of spec?.generators ?? [])
      for (const element of generator.list?.elements ?? [])
        if (element.component)
          steps.set(element.component, { wave, tier, level: Number.isInteger(level) ? level : 1, element });
  }
  return steps;
}

/**
 * The page's model of a render committed to git (`rendered/<env>/` at a ref), for `pnpm graph <env> --compare
 * <ref>`: components are the folders, objects the files (hashed like a fresh render's, so unchanged files
 * compare equal), sync steps, namespaces and charts come from the Argo CD ApplicationSets, wiring from the
 * NetworkPolicies, pods from the workloads. A render does not record the dependency graph, the library versions
 * or the findings: the model says so in `unknown`, and a comparison leaves those out.
 */
export function committedModel(
  environment: string,
  files: ReadonlyMap<string, string>,
  options: CommittedModelOptions = {},
): GraphModel {
  const daemonSetNodes = options.daemonSetNodes ?? 3;
  const byFolder = new Map<string, ParsedFile[]>();
  for (const [path, yaml] of files) {
    const slash = path.indexOf('/');
    if (slash <= 0) continue;
    const folder = path.slice(0, slash);
    if (folder.startsWith('.') || (folder.startsWith('_') && folder !== ARGO_CD_FOLDER)) continue;
    const object = load(yaml) as KubeObject | null;
    if (!object || typeof object !== 'object' || typeof object.kind !== 'string') continue;
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), { path, yaml, object }]);
  }
  const steps = stepsOf(byFolder.get(ARGO_CD_FOLDER) ?? []);
  byFolder.delete(ARGO_CD_FOLDER);

  const components = [...byFolder.entries()].map(([name, parsed]) => {
    const namespaces = parsed.flatMap(({ object }) => (object.metadata?.namespace ? [object.metadata.namespace] : []));
    const namespace = steps.get(name)?.element.namespace ?? namespaces.sort()[0] ?? name;
    return { name, namespace, objects: parsed };
  });
  const nodes = components
    .map((component): GraphNode => {
      const step = steps.get(component.name);
      const chart = step?.element.sources?.find((source) => source.chart !== undefined);
      const kinds: Record<string, number> = {};
      for (const { object } of component.objects) kinds[object.kind] = (kinds[object.kind] ?? 0) + 1;
      return {
        id: component.name,
        step: step?.wave ?? 0,
        tier: step?.tier ?? 'unknown',
        level: step?.level ?? 0,
        namespace: component.namespace,
        ...(chart?.chart
          ? {
              chart: {
                repoURL: chartRepository(chart.repoURL ?? ''),
                chart: chart.chart,
                version: chart.targetRevision ?? '',
              },
            }
          : {}),
        objects: component.objects
          .map(({ path, yaml, object }) => ({
            kind: object.kind,
            name: object.metadata?.name ?? '',
            ...(object.metadata?.namespace ? { namespace: object.metadata.namespace } : {}),
            path,
            hash: contentHash(yaml),
          }))
          .sort((a, b) => a.path.localeCompare(b.path)),
        kinds: Object.fromEntries(Object.entries(kinds).sort(([a], [b]) => a.localeCompare(b))),
        pods: component.objects.reduce(
          (sum, { object }) => sum + podsAtFirstSync(object, undefined, daemonSetNodes),
          0,
        ),
        findings: { errors: 0, warnings: 0, waived: 0, items: [] },
      };
    })
    .sort(byId);
  const totalPods = nodes.reduce((sum, node) => sum + node.pods, 0);
  const waves = [...new Set(nodes.map((node) => node.step))].sort((a, b) => a - b);
  const timeline: GraphStep[] = waves.map((wave) => {
    const members = nodes.filter((node) => node.step === wave);
    const pods = members.reduce((sum, node) => sum + node.pods, 0);
    return {
      wave,
      tier: members[0]!.tier,
      components: members.map((node) => node.id),
      pods,
      share: totalPods > 0 ? pods / totalPods : 0,
      stages: [],
    };
  });
  const edges: GraphEdge[] = wiringEdges(components).sort(byId);
  return {
    environment,
    engine: steps.size > 0 ? 'argocd' : 'unknown',
    totalPods,
    maxShare: 1,
    nodes,
    edges,
    steps: timeline,
    certificates: [],
    unknown: ['dependencies', 'findings', 'libraries'],
  };
}

/**
 * A chart source's repository as the component declared it: Argo CD names an OCI Helm repository without its
 * scheme (`ghcr.io/org/charts`), every other one by URL.
 */
function chartRepository(repoURL: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//.test(repoURL) || repoURL === '' ? repoURL : `oci://${repoURL}`;
}
