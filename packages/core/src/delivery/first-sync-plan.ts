import { apiGroup, type KubeObject, objectRef } from '../model/objects.js';
import type { RenderedEnvironment, SyncStep } from '../model/rendered.js';
import { groupKindKey } from '../registry/kinds.js';
import { apiProvisions, isBuiltInApi } from './api-availability.js';

/** Options of {@link firstSyncPlan}. */
export interface FirstSyncPlanOptions {
  /** Nodes a DaemonSet is assumed to run on (one pod per node). Default 3. */
  daemonSetNodes?: number;
}

/** Pods one workload starts in the first sync. */
export interface PlannedWorkload {
  component: string;
  /** `Deployment/distributor`. */
  workload: string;
  pods: number;
  /** A workload of the component's chart, as the component declares it (`ChartInstall.firstSync`). */
  chart?: true;
}

/** One stage inside a step: the objects of the step's components in one engine stage (Argo CD sync wave). */
export interface PlannedStage {
  stage: number;
  pods: number;
  /** Share of all the environment's pods this stage starts. */
  share: number;
  workloads: PlannedWorkload[];
}

/** One sync step of the first sync. */
export interface PlannedStep {
  wave: number;
  tier: string;
  level: number;
  components: string[];
  /** The engine's units it creates (Argo CD Applications). */
  units: string[];
  /** CRD-backed APIs this step's components install, `group/Kind`, sorted. */
  apisAdded: string[];
  pods: number;
  share: number;
  stages: PlannedStage[];
  /**
   * Chart components of the step whose pods the plan cannot count (charts render in the cluster) because they
   * declare none (`ChartInstall.firstSync`).
   */
  uncounted: string[];
  /** What the next step waits for. */
  waitsFor: string;
  /** Objects of this step whose API is not served when it syncs: the first sync would stop here. */
  failures: string[];
}

/** How a first sync of an environment unfolds. */
export interface FirstSyncPlan {
  environment: string;
  engine: string;
  totalPods: number;
  /** Largest share one stage may start (`delivery.maxFirstSyncShare`). */
  maxShare: number;
  steps: PlannedStep[];
  /** The first step where something would fail, if any. */
  failsAt?: number;
}

/** An integer as Go's `strconv.Atoi` reads it, or undefined. */
function atoi(text: string | undefined): number | undefined {
  return text !== undefined && /^[+-]?\d+$/.test(text) ? Number(text) : undefined;
}

/**
 * The stage of an object as the engine orders it: Argo CD's `syncwaves.Wave` reads the
 * `argocd.argoproj.io/sync-wave` annotation if it is an integer, else `helm.sh/hook-weight`, else 0.
 */
export function objectStage(object: KubeObject): number {
  const annotations = object.metadata?.annotations ?? {};
  return atoi(annotations['argocd.argoproj.io/sync-wave']) ?? atoi(annotations['helm.sh/hook-weight']) ?? 0;
}

/**
 * Pods a workload starts at its first sync: replicas (at least its autoscaler's minimum), one per node for a
 * DaemonSet, parallelism for a Job, none for a CronJob; 0 for anything that starts no pods.
 */
export function podsAtFirstSync(object: KubeObject, autoscalerMin: number | undefined, daemonSetNodes: number): number {
  const spec = (object as { spec?: { replicas?: number; parallelism?: number } }).spec;
  switch (object.kind) {
    case 'Pod':
      return 1;
    case 'DaemonSet':
      return daemonSetNodes;
    case 'CronJob':
      return 0;
    case 'Job':
      return spec?.parallelism ?? 1;
    case 'Deployment':
    case 'StatefulSet':
    case 'ReplicaSet': {
      const replicas = spec?.replicas ?? (autoscalerMin !== undefined ? 0 : 1);
      return Math.max(replicas, autoscalerMin ?? 0);
    }
    default:
      return 0;
  }
}

function autoscalerMinimums(rendered: RenderedEnvironment): Map<string, number> {
  const result = new Map<string, number>();
  for (const { object } of rendered.objects) {
    if (object.kind !== 'HorizontalPodAutoscaler') continue;
    const spec = (object as { spec?: { minReplicas?: number; scaleTargetRef?: { kind: string; name: string } } }).spec;
    if (spec?.scaleTargetRef)
      result.set(
        `${object.metadata?.namespace}/${spec.scaleTargetRef.kind}/${spec.scaleTargetRef.name}`,
        spec.minReplicas ?? 1,
      );
  }
  return result;
}

function unitNames(rendered: RenderedEnvironment, component: string): string[] {
  if (rendered.delivery.engine === 'argocd') return [`Application ${rendered.environment.name}-${component}`];
  const chart = rendered.components.find((c) => c.name === component)?.helm;
  return [...(chart ? [`Kustomization ${component}-chart`] : []), `Kustomization ${component}`];
}

/**
 * How a first sync of the environment unfolds, step by step: the units each step creates, the APIs that exist by
 * then, the pods each stage starts and their share of all pods, what the next step waits for, and the first
 * step where an object's API would not be served. Computed from the rendered objects, so it is exact for
 * everything rendered and says which chart components it cannot count.
 */
export function firstSyncPlan(
  rendered: RenderedEnvironment,
  { daemonSetNodes = 3 }: FirstSyncPlanOptions = {},
): FirstSyncPlan {
  const minimums = autoscalerMinimums(rendered);
  const byComponent = new Map(rendered.components.map((c) => [c.name, c]));
  const provisions = apiProvisions(rendered.components);
  const cluster = new Set((rendered.environment.clusterApis ?? []).map(groupKindKey));
  const workloads = new Map<string, Array<PlannedWorkload & { stage: number }>>();
  // Rendered workloads and the workloads chart components declare: both start pods in their Argo CD wave.
  let totalPods = 0;
  for (const component of rendered.components) {
    const list: Array<PlannedWorkload & { stage: number }> = [];
    for (const { object } of component.objects) {
      const pods = podsAtFirstSync(
        object,
        minimums.get(`${object.metadata?.namespace}/${object.kind}/${object.metadata?.name}`),
        daemonSetNodes,
      );
      if (pods === 0) continue;
      list.push({ component: component.name, workload: objectRef(object), pods, stage: objectStage(object) });
      totalPods += pods;
    }
    for (const declared of component.helm?.firstSync ?? []) {
      if (declared.pods === 0) continue;
      list.push({
        component: component.name,
        workload: declared.workload,
        pods: declared.pods,
        stage: declared.wave,
        chart: true,
      });
      totalPods += declared.pods;
    }
    workloads.set(component.name, list);
  }
  const served = new Set<string>(cluster);
  const done = new Set<string>();
  const steps = rendered.steps.map((step: SyncStep): PlannedStep => {
    const failures: string[] = [];
    for (const name of step.components) {
      for (const { object } of byComponent.get(name)?.objects ?? []) {
        if (isBuiltInApi(object)) continue;
        const key = groupKindKey({ group: apiGroup(object), kind: object.kind });
        const ok =
          served.has(key) || (provisions.get(key) ?? []).some((p) => p.component === name || done.has(p.component));
        if (!ok) failures.push(`${name}: ${objectRef(object)} (${key} is not served yet)`);
      }
    }
    const added: string[] = [];
    for (const name of step.components) {
      for (const [key, list] of provisions) {
        if (list.some((p) => p.component === name) && !served.has(key)) {
          served.add(key);
          added.push(key);
        }
      }
      done.add(name);
    }
    const stages = new Map<number, PlannedStage>();
    for (const name of step.components) {
      for (const { stage, ...workload } of workloads.get(name) ?? []) {
        const entry = stages.get(stage) ?? { stage, pods: 0, share: 0, workloads: [] };
        entry.pods += workload.pods;
        entry.workloads.push(workload);
        stages.set(stage, entry);
      }
    }
    const ordered = [...stages.values()]
      .sort((a, b) => a.stage - b.stage)
      .map((s) => ({ ...s, share: totalPods ? s.pods / totalPods : 0 }));
    const pods = ordered.reduce((sum, s) => sum + s.pods, 0);
    return {
      wave: step.wave,
      tier: step.tier,
      level: step.level,
      components: step.components,
      units: step.components.flatMap((name) => unitNames(rendered, name)),
      apisAdded: added.sort(),
      pods,
      share: totalPods ? pods / totalPods : 0,
      stages: ordered,
      uncounted: step.components.filter((name) => {
        const helm = byComponent.get(name)?.helm;
        return helm !== undefined && helm.firstSync === undefined;
      }),
      waitsFor:
        rendered.delivery.engine === 'argocd'
          ? 'every Application of this step Healthy and Synced'
          : 'every Kustomization of this step Ready (wait: true: every object it applied ready)',
      failures,
    };
  });
  const failing = steps.find((s) => s.failures.length > 0);
  return {
    environment: rendered.environment.name,
    engine: rendered.delivery.engine,
    totalPods,
    maxShare: rendered.environment.delivery?.maxFirstSyncShare ?? 0.6,
    steps,
    ...(failing ? { failsAt: failing.wave } : {}),
  };
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** `cert-manager.io (4 kinds), monitoring.coreos.com/ServiceMonitor`: APIs grouped by group for the text plan. */
function byGroup(apis: readonly string[]): string {
  const groups = new Map<string, string[]>();
  for (const api of apis) {
    const slash = api.lastIndexOf('/');
    const group = api.slice(0, slash);
    groups.set(group, [...(groups.get(group) ?? []), api.slice(slash + 1)]);
  }
  return [...groups]
    .map(([group, kinds]) =>
      kinds.length <= 3 ? kinds.map((k) => `${group}/${k}`).join(', ') : `${group} (${kinds.length} kinds)`,
    )
    .join(', ');
}

/** The plan as text, one block per step, deterministic. */
export function formatFirstSyncPlan(plan: FirstSyncPlan): string {
  const lines = [
    `First sync of ${plan.environment} (${plan.engine}): ${plan.steps.length} steps, ${plan.totalPods} pods; no stage may start more than ${percent(plan.maxShare)} of them`,
  ];
  for (const step of plan.steps) {
    const marker = plan.failsAt === step.wave ? '  ✗ FAILS HERE' : '';
    lines.push('', `step ${step.wave} — ${step.tier}, level ${step.level}: ${step.components.join(', ')}${marker}`);
    lines.push(`  creates: ${step.units.join(', ')}`);
    lines.push(
      `  pods: ${step.pods} (${percent(step.share)} of all)${step.uncounted.length > 0 ? `, plus the chart pods of ${step.uncounted.join(', ')} (not counted)` : ''}`,
    );
    for (const stage of step.stages) {
      const over = stage.share > plan.maxShare ? `  ✗ over ${percent(plan.maxShare)}` : '';
      lines.push(
        `    stage ${stage.stage}: ${stage.pods} pods (${percent(stage.share)})${over} — ${stage.workloads.map((w) => `${w.component}/${w.workload}×${w.pods}${w.chart ? ' (chart)' : ''}`).join(', ')}`,
      );
    }
    if (step.apisAdded.length > 0) lines.push(`  installs APIs: ${byGroup(step.apisAdded)}`);
    for (const failure of step.failures) lines.push(`  ✗ ${failure}`);
    lines.push(`  then waits for: ${step.waitsFor}`);
  }
  return `${lines.join('\n')}\n`;
}
