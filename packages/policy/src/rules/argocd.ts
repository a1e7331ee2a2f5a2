import { applicationSetName, LAST_APPLIED_LIMIT, SYNC_OPTIONS, type IApplicationSet, type PolicyRule, type RenderedEnvironment } from '@platform/core';
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

/**
 * The first-sync staging rule: no sync step may start more than `delivery.maxFirstSyncShare` (default 0.6)
 * of all the pods of the environment, so that a new cluster comes up in stages rather than all at once.
 */
export function firstSyncShare({ daemonSetNodes = 3 }: FirstSyncShareOptions = {}): PolicyRule {
  return {
    id: 'argocd.first-sync-share',
    severity: 'error',
    rationale: 'A first sync that starts most pods at once overwhelms the scheduler, image pulls and the stores everything connects to.',
    check(environment: RenderedEnvironment, report) {
      const inventory = inventoryOf(environment);
      const podsByComponent = new Map<string, number>();
      let total = 0;
      for (const workload of inventory.workloads) {
        const pods = podsAtFirstSync(inventory, workload, daemonSetNodes);
        podsByComponent.set(workload.component, (podsByComponent.get(workload.component) ?? 0) + pods);
        total += pods;
      }
      if (total === 0) return;
      const limit = environment.environment.delivery?.maxFirstSyncShare ?? 0.6;
      for (const step of environment.steps) {
        const pods = step.components.reduce((sum, c) => sum + (podsByComponent.get(c) ?? 0), 0);
        if (pods / total <= limit) continue;
        const name = applicationSetName(environment.environment, step);
        const set = inventory.ofKind('argoproj.io', 'ApplicationSet').find((r) => r.object.metadata?.name === name);
        report({
          component: '_argocd',
          ...(set ? { object: set.object, path: 'spec.generators[0].list.elements' } : {}),
          message: `sync step ${step.wave} (${step.tier}, level ${step.level}: ${step.components.join(', ')}) starts ${pods} of the environment's ${total} pods (${Math.round((pods / total) * 100)}%), more than delivery.maxFirstSyncShare (${Math.round(limit * 100)}%); order some of these components after others (dependsOn or .after()) so that the first sync brings them up in stages`,
        });
      }
    },
  };
}

export const firstSyncShareRule = firstSyncShare();

export const argocdRules: PolicyRule[] = [serverSideApplyRule, firstSyncShareRule];
