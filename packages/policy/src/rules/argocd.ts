import { applicationSetName, LAST_APPLIED_LIMIT, SYNC_OPTIONS, SYNC_WAVE, type IApplicationSet, type KubeObject, type PolicyRule, type RenderedEnvironment } from '@platform/core';
import { inventoryOf, type PodWorkload, type Inventory } from '../inventory.js';

/** The annotation client-side apply stores the whole object in. */
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

function options(list: string | undefined): string[] {
  return (list ?? '').split(',').map((o) => o.trim()).filter(Boolean);
}

/** Sync options of each component's generated Application, read from the rendered ApplicationSets' list elements. */
function applicationSyncOptions(inventory: Inventory): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const { object } of inventory.ofKind('argoproj.io', 'ApplicationSet')) {
    for (const generator of (object as IApplicationSet).spec?.generators ?? []) {
      for (const element of (generator.list?.elements ?? []) as Array<{ component?: string; syncOptions?: string[] }>) {
        if (element.component) result.set(element.component, element.syncOptions ?? []);
      }
    }
  }
  return result;
}

export const serverSideApplyRule: PolicyRule = {
  id: 'argocd.server-side-apply',
  severity: 'error',
  rationale: `Client-side apply copies the object into the ${LAST_APPLIED} annotation; objects too large for the ${LAST_APPLIED_LIMIT}-byte annotation limit fail to sync unless applied server-side.`,
  check(environment, report) {
    let applications: Map<string, string[]> | undefined;
    for (const { component, object } of environment.objects) {
      const annotations = object.metadata?.annotations ?? {};
      let size = Buffer.byteLength(JSON.stringify(object)) + Buffer.byteLength(LAST_APPLIED);
      for (const [key, value] of Object.entries(annotations)) size += Buffer.byteLength(key) + Buffer.byteLength(String(value));
      if (size <= LAST_APPLIED_LIMIT) continue;
      const own = options(annotations[SYNC_OPTIONS]);
      if (own.includes('ServerSideApply=true')) continue;
      applications ??= applicationSyncOptions(inventoryOf(environment));
      if (!own.includes('ServerSideApply=false') && (applications.get(component) ?? []).includes('ServerSideApply=true')) continue;
      report({
        component,
        object,
        path: `metadata.annotations["${SYNC_OPTIONS}"]`,
        message: `${object.kind} "${object.metadata?.name}" needs ${size} bytes of annotations under client-side apply, more than Kubernetes' limit of ${LAST_APPLIED_LIMIT}; apply it server-side (${SYNC_OPTIONS}: ServerSideApply=true, or serverSideApply in the component's sync settings)`,
      });
    }
  },
};

/** Options of {@link firstSyncShare}. */
export interface FirstSyncShareOptions {
  /** Nodes a DaemonSet is assumed to run on (each runs one pod per node). Default 3. */
  daemonSetNodes?: number;
}

/** Pods a workload starts at first sync: replicas (at least an autoscaler's minimum), one per node for DaemonSets, parallelism for Jobs, none for CronJobs. */
function podsAtFirstSync(inventory: Inventory, workload: PodWorkload, daemonSetNodes: number): number {
  const spec = (workload.object as { spec?: { replicas?: number; parallelism?: number } }).spec;
  switch (workload.kind) {
    case 'Pod': return 1;
    case 'DaemonSet': return daemonSetNodes;
    case 'CronJob': return 0;
    case 'Job': return spec?.parallelism ?? 1;
    default: {
      const replicas = spec?.replicas ?? 1;
      const hpa = inventory.autoscalerOf(workload);
      return hpa ? Math.max(replicas, hpa.spec?.minReplicas ?? 1) : replicas;
    }
  }
}

/** The annotation Helm hooks order by, which Argo CD takes as the sync wave of an object without its own. */
const HELM_HOOK_WEIGHT = 'helm.sh/hook-weight';

/** An integer as Go's `strconv.Atoi` reads it (optional sign, decimal digits), or undefined. */
function atoi(text: string | undefined): number | undefined {
  return text !== undefined && /^[+-]?\d+$/.test(text) ? Number(text) : undefined;
}

/**
 * The Argo CD sync wave of an object, as Argo CD's `syncwaves.Wave` reads it: its `argocd.argoproj.io/sync-wave`
 * annotation if that is an integer, else its `helm.sh/hook-weight` annotation if that is one, else 0.
 */
function stageOf(object: KubeObject): number {
  const annotations = object.metadata?.annotations ?? {};
  return atoi(annotations[SYNC_WAVE]) ?? atoi(annotations[HELM_HOOK_WEIGHT]) ?? 0;
}

/** The pods one stage of the first sync starts: one sync wave of the Applications of one sync step. */
interface Stage {
  wave: number;
  pods: number;
  /** Components with pods in this wave. */
  components: Set<string>;
}

/**
 * The first-sync staging rule: no stage of the first sync may start more than `delivery.maxFirstSyncShare`
 * (default 0.6) of all the pods of the environment, so that a new cluster comes up in stages rather than all at
 * once.
 *
 * A stage is one sync wave of one sync step. The sync steps (`rendered.steps`) start one after another. Inside
 * an Application, Argo CD applies the resources wave by wave (`argocd.argoproj.io/sync-wave`, default 0) and
 * starts a wave only once every resource of the waves before it is healthy, so the pods of one component in
 * different waves start in different stages. The Applications of one step sync side by side, each through its
 * own waves: their workloads of the same wave count as one stage. That is exact for a step of one component
 * and an approximation for several (an Application whose early waves become healthy quickly can reach a later
 * wave while another one of the step is still in an earlier wave). A workload's wave is the wave of the
 * workload object as Argo CD reads it (the annotation if it is an integer, else `helm.sh/hook-weight`, else 0),
 * not of its pod template.
 */
export function firstSyncShare({ daemonSetNodes = 3 }: FirstSyncShareOptions = {}): PolicyRule {
  return {
    id: 'argocd.first-sync-share',
    severity: 'error',
    rationale: 'A first sync that starts most pods at once overwhelms the scheduler, image pulls and the stores everything connects to.',
    check(environment: RenderedEnvironment, report) {
      const inventory = inventoryOf(environment);
      const stagesByComponent = new Map<string, Map<number, number>>();
      let total = 0;
      for (const workload of inventory.workloads) {
        const pods = podsAtFirstSync(inventory, workload, daemonSetNodes);
        if (pods === 0) continue;
        const wave = stageOf(workload.object);
        const waves = stagesByComponent.get(workload.component) ?? new Map<number, number>();
        waves.set(wave, (waves.get(wave) ?? 0) + pods);
        stagesByComponent.set(workload.component, waves);
        total += pods;
      }
      if (total === 0) return;
      const limit = environment.environment.delivery?.maxFirstSyncShare ?? 0.6;
      const percent = (share: number) => `${Math.round(share * 100)}%`;
      for (const step of environment.steps) {
        const stages = new Map<number, Stage>();
        for (const component of step.components) {
          for (const [wave, pods] of stagesByComponent.get(component) ?? []) {
            const stage = stages.get(wave) ?? { wave, pods: 0, components: new Set<string>() };
            stage.pods += pods;
            stage.components.add(component);
            stages.set(wave, stage);
          }
        }
        for (const stage of [...stages.values()].sort((a, b) => a.wave - b.wave)) {
          if (stage.pods / total <= limit) continue;
          const name = applicationSetName(environment.environment, step);
          const set = inventory.ofKind('argoproj.io', 'ApplicationSet').find((r) => r.object.metadata?.name === name);
          report({
            component: '_argocd',
            ...(set ? { object: set.object, path: 'spec.generators[0].list.elements' } : {}),
            message: `sync step ${step.wave} (${step.tier}, level ${step.level}), sync wave ${stage.wave} (${[...stage.components].sort().join(', ')}) starts ${stage.pods} of the environment's ${total} pods (${percent(stage.pods / total)}), more than delivery.maxFirstSyncShare (${percent(limit)}); order some of these components after others (dependsOn or .after()), or spread their workloads over sync waves (${SYNC_WAVE}), so that the first sync brings them up in stages`,
          });
        }
      }
    },
  };
}

export const firstSyncShareRule = firstSyncShare();

export const argocdRules: PolicyRule[] = [serverSideApplyRule, firstSyncShareRule];
