/**
 * `pnpm resources <env>`: what an environment asks of its cluster, computed from the rendered objects (so it
 * is exact for everything rendered): per workload its replicas (min–max when an autoscaler scales it), the
 * requests and limits of one pod, and totals per component, per tier and for the environment.
 */
import type { KubeObject } from '../model/objects.js';
import type { RenderedEnvironment } from '../model/rendered.js';
import type { Tier } from '../model/tiers.js';
import type { IContainer, IPodSpec } from '../registry/kubernetes-types.js';
import { parseQuantity } from '../util/quantities.js';
import { podSpecOf } from './pod-spec.js';

/** CPU in millicores and memory in bytes, whole numbers so that sums are exact. */
export interface Amounts {
  cpu: number;
  memory: number;
}

/** What pods ask for: requests, limits, and whether some container has no limit (then the limit is a floor). */
export interface PodAmounts {
  requests: Amounts;
  limits: Amounts;
  unlimited: { cpu: boolean; memory: boolean };
}

/** How many pods a workload runs and what decides it. */
export interface ReplicaRange {
  min: number;
  max: number;
  /** `fixed` (spec.replicas), `hpa`, `keda` (a ScaledObject), `node` (a DaemonSet: one pod per node). */
  by: 'fixed' | 'hpa' | 'keda' | 'node';
}

/** One workload of the table. */
export interface WorkloadResources {
  component: string;
  tier: Tier;
  namespace: string;
  kind: string;
  name: string;
  replicas: ReplicaRange;
  /** One pod: containers summed, init containers as the scheduler counts them. */
  pod: PodAmounts;
  /** All pods at the fewest and the most replicas (DaemonSets: per node). */
  total: { min: PodAmounts; max: PodAmounts };
}

/** Totals of a group of workloads: at min and max replicas, and what DaemonSets add per node. */
export interface ResourceTotals {
  min: PodAmounts;
  max: PodAmounts;
  perNode: PodAmounts;
}

/** The resources an environment's rendered workloads ask for. */
export interface ResourcesTable {
  environment: string;
  workloads: WorkloadResources[];
  components: Array<{ component: string; tier: Tier; totals: ResourceTotals }>;
  tiers: Array<{ tier: Tier; totals: ResourceTotals }>;
  total: ResourceTotals;
  /** Components whose workloads come from an upstream chart, rendered by the delivery engine: not counted. */
  charts: Array<{ component: string; chart: string; version: string }>;
}

const COUNTED_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Pod']);

function zero(): PodAmounts {
  return { requests: { cpu: 0, memory: 0 }, limits: { cpu: 0, memory: 0 }, unlimited: { cpu: false, memory: false } };
}

function amount(value: string | number | undefined, resource: 'cpu' | 'memory'): number | undefined {
  const parsed = parseQuantity(value);
  if (parsed === undefined) return undefined;
  return Math.round(resource === 'cpu' ? parsed * 1000 : parsed);
}

function containerAmounts(containers: readonly IContainer[]): PodAmounts {
  const sum = zero();
  for (const container of containers) {
    for (const resource of ['cpu', 'memory'] as const) {
      sum.requests[resource] += amount(container.resources?.requests?.[resource], resource) ?? 0;
      const limit = amount(container.resources?.limits?.[resource], resource);
      if (limit === undefined) sum.unlimited[resource] = true;
      else sum.limits[resource] += limit;
    }
  }
  return sum;
}

function larger(a: PodAmounts, b: PodAmounts): PodAmounts {
  return {
    requests: { cpu: Math.max(a.requests.cpu, b.requests.cpu), memory: Math.max(a.requests.memory, b.requests.memory) },
    limits: { cpu: Math.max(a.limits.cpu, b.limits.cpu), memory: Math.max(a.limits.memory, b.limits.memory) },
    unlimited: { cpu: a.unlimited.cpu || b.unlimited.cpu, memory: a.unlimited.memory || b.unlimited.memory },
  };
}

/** Adds `b` times `count` to `a`, in place. */
export function addAmounts(a: PodAmounts, b: PodAmounts, count = 1): PodAmounts {
  for (const resource of ['cpu', 'memory'] as const) {
    a.requests[resource] += b.requests[resource] * count;
    a.limits[resource] += b.limits[resource] * count;
    if (count > 0 && b.unlimited[resource]) a.unlimited[resource] = true;
  }
  return a;
}

/**
 * One pod's effective amounts, as the scheduler counts them: app containers and sidecars (init containers
 * with `restartPolicy: Always`) add up; a plain init container runs alone (next to the sidecars started before
 * it), so it counts only where it is larger.
 */
export function podAmounts(spec: IPodSpec): PodAmounts {
  const init = spec.initContainers ?? [];
  const sidecars = init.filter((c) => c.restartPolicy === 'Always');
  let pod = addAmounts(containerAmounts(spec.containers ?? []), containerAmounts(sidecars));
  const started: IContainer[] = [];
  for (const container of init) {
    if (container.restartPolicy === 'Always') started.push(container);
    else pod = larger(pod, containerAmounts([...started, container]));
  }
  return pod;
}

interface Scaler {
  min: number;
  max: number;
  by: 'hpa' | 'keda';
}

/** HPAs and KEDA ScaledObjects by `namespace/Kind/name` of their target. */
function scalers(objects: readonly KubeObject[]): Map<string, Scaler> {
  const result = new Map<string, Scaler>();
  for (const object of objects) {
    const spec = (object as { spec?: Record<string, unknown> }).spec ?? {};
    const target = spec.scaleTargetRef as { kind?: string; name?: string } | undefined;
    if (!target?.name) continue;
    const namespace = object.metadata?.namespace ?? '';
    if (object.kind === 'HorizontalPodAutoscaler' && object.apiVersion.startsWith('autoscaling/'))
      result.set(`${namespace}/${target.kind}/${target.name}`, {
        min: (spec.minReplicas as number | undefined) ?? 1,
        max: spec.maxReplicas as number,
        by: 'hpa',
      });
    // KEDA's defaults: minReplicaCount 0, maxReplicaCount 100, target kind Deployment.
    if (object.kind === 'ScaledObject' && object.apiVersion.startsWith('keda.sh/'))
      result.set(`${namespace}/${target.kind ?? 'Deployment'}/${target.name}`, {
        min: (spec.minReplicaCount as number | undefined) ?? 0,
        max: (spec.maxReplicaCount as number | undefined) ?? 100,
        by: 'keda',
      });
  }
  return result;
}

function replicasOf(object: KubeObject, scaler: Scaler | undefined): ReplicaRange {
  if (object.kind === 'DaemonSet') return { min: 1, max: 1, by: 'node' };
  if (object.kind === 'Pod') return { min: 1, max: 1, by: 'fixed' };
  if (scaler) return { min: scaler.min, max: scaler.max, by: scaler.by };
  const replicas = (object as { spec?: { replicas?: number } }).spec?.replicas ?? 1;
  return { min: replicas, max: replicas, by: 'fixed' };
}

function totalsOf(workloads: readonly WorkloadResources[]): ResourceTotals {
  const totals: ResourceTotals = { min: zero(), max: zero(), perNode: zero() };
  for (const w of workloads) {
    if (w.replicas.by === 'node') addAmounts(totals.perNode, w.pod);
    else {
      addAmounts(totals.min, w.total.min);
      addAmounts(totals.max, w.total.max);
    }
  }
  return totals;
}

/**
 * The resources table of a rendered environment: every long-running workload the components render (Jobs and
 * CronJobs run to completion and are left out), with the replicas its autoscaler allows, and totals.
 */
export function resourcesTable(rendered: RenderedEnvironment): ResourcesTable {
  const tiers = new Map(rendered.components.map((c) => [c.name, c.tier]));
  const objects = rendered.objects.filter((o) => tiers.has(o.component));
  const scaledBy = scalers(objects.map((o) => o.object));
  const workloads: WorkloadResources[] = [];
  for (const { component, object } of objects) {
    const spec = podSpecOf(object);
    if (!spec || !COUNTED_KINDS.has(object.kind)) continue;
    const namespace = object.metadata?.namespace ?? '';
    const name = object.metadata?.name ?? '';
    const replicas = replicasOf(object, scaledBy.get(`${namespace}/${object.kind}/${name}`));
    const pod = podAmounts(spec);
    workloads.push({
      component,
      tier: tiers.get(component)!,
      namespace,
      kind: object.kind,
      name,
      replicas,
      pod,
      total: { min: addAmounts(zero(), pod, replicas.min), max: addAmounts(zero(), pod, replicas.max) },
    });
  }
  const tierOrder = [...new Set(rendered.components.map((c) => c.tier))];
  return {
    environment: rendered.environment.name,
    workloads,
    components: rendered.components.map((c) => ({
      component: c.name,
      tier: c.tier,
      totals: totalsOf(workloads.filter((w) => w.component === c.name)),
    })),
    tiers: tierOrder.map((tier) => ({ tier, totals: totalsOf(workloads.filter((w) => w.tier === tier)) })),
    total: totalsOf(workloads),
    charts: rendered.components
      .filter((c) => c.helm)
      .map((c) => ({ component: c.name, chart: c.helm!.chart, version: c.helm!.version })),
  };
}

/** One workload that differs between two environments (absent on one side when only the other renders it). */
export interface WorkloadChange {
  component: string;
  kind: string;
  name: string;
  from?: WorkloadResources;
  to?: WorkloadResources;
}

/** What changes from one environment's resources to another's: differing workloads and the totals of both. */
export interface ResourcesComparison {
  from: string;
  to: string;
  changes: WorkloadChange[];
  tiers: Array<{ tier: Tier; from: ResourceTotals; to: ResourceTotals }>;
  total: { from: ResourceTotals; to: ResourceTotals };
}

const key = (w: Pick<WorkloadResources, 'component' | 'kind' | 'name'>) => `${w.component}/${w.kind}/${w.name}`;
const same = (a: WorkloadResources, b: WorkloadResources) =>
  JSON.stringify([a.replicas, a.pod]) === JSON.stringify([b.replicas, b.pod]);

/** Compares two resources tables workload by workload (by component, kind and name) and tier by tier. */
export function compareResourcesTables(from: ResourcesTable, to: ResourcesTable): ResourcesComparison {
  const before = new Map(from.workloads.map((w) => [key(w), w]));
  const after = new Map(to.workloads.map((w) => [key(w), w]));
  const changes: WorkloadChange[] = [];
  for (const id of [...new Set([...before.keys(), ...after.keys()])]) {
    const a = before.get(id);
    const b = after.get(id);
    if (a && b && same(a, b)) continue;
    const { component, kind, name } = (a ?? b)!;
    changes.push({ component, kind, name, ...(a ? { from: a } : {}), ...(b ? { to: b } : {}) });
  }
  const empty: ResourceTotals = { min: zero(), max: zero(), perNode: zero() };
  const tierNames = [...new Set([...from.tiers, ...to.tiers].map((t) => t.tier))];
  return {
    from: from.environment,
    to: to.environment,
    changes,
    tiers: tierNames.map((tier) => ({
      tier,
      from: from.tiers.find((t) => t.tier === tier)?.totals ?? empty,
      to: to.tiers.find((t) => t.tier === tier)?.totals ?? empty,
    })),
    total: { from: from.total, to: to.total },
  };
}

export { formatResourcesComparison, formatResourcesTable } from './resources-table-format.js';
