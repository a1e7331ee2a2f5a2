import { describe, expect, it } from 'vitest';
import {
  compareResourcesTables,
  daemonSet,
  defineComponent,
  deployment,
  formatResourcesComparison,
  formatResourcesTable,
  type IContainer,
  type IHorizontalPodAutoscaler,
  type KubeObject,
  namedWorkloadObjects,
  podAmounts,
  type RenderedEnvironment,
  resourcesTable,
  statefulSet,
} from '../index.js';
import { renderForTest } from '../testing/index.js';

const container = (name: string, cpu: string, memory: string, memoryLimit?: string): IContainer => ({
  name,
  image: 'example/app:1.0.0',
  resources: { requests: { cpu, memory }, limits: memoryLimit ? { memory: memoryLimit } : {} },
});

/** A component with fixed, autoscaled, stateful and per-node workloads and a Job (which runs to completion). */
const shop = (replicas: number) =>
  defineComponent({
    name: 'shop',
    tier: 'workloads',
    defaults: {},
    build: (context) => ({
      ...namedWorkloadObjects(
        'web',
        'deployment',
        deployment(context, { name: 'web', replicas, containers: [container('web', '250m', '256Mi', '512Mi')] }),
      ),
      ...namedWorkloadObjects(
        'api',
        'deployment',
        deployment(context, {
          name: 'api',
          autoscaling: { min: 2, max: 8 },
          containers: [container('api', '500m', '1Gi', '2Gi'), container('proxy', '100m', '64Mi', '128Mi')],
        }),
      ),
      ...namedWorkloadObjects(
        'db',
        'statefulset',
        statefulSet(context, { name: 'db', replicas: 3, containers: [container('db', '2', '4Gi', '4Gi')] }),
      ),
      ...namedWorkloadObjects(
        'agent',
        'daemonset',
        daemonSet(context, { name: 'agent', containers: [container('agent', '50m', '100Mi', '200Mi')] }),
      ),
      migrate_job: {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { name: 'migrate', namespace: context.namespace },
        spec: { template: { spec: { restartPolicy: 'Never', containers: [container('migrate', '4', '8Gi', '8Gi')] } } },
      },
    }),
  })();

/** What the rendered Deployments and StatefulSets ask for, summed straight from the objects, at min and max. */
function sumOfRendered(rendered: RenderedEnvironment, at: 'min' | 'max'): { cpu: number; memory: number } {
  const hpas = rendered.objects
    .filter((o) => o.object.kind === 'HorizontalPodAutoscaler')
    .map((o) => o.object as IHorizontalPodAutoscaler);
  let cpu = 0;
  let memory = 0;
  for (const { object } of rendered.objects) {
    if (object.kind !== 'Deployment' && object.kind !== 'StatefulSet') continue;
    const spec = (
      object as KubeObject & { spec: { replicas?: number; template: { spec: { containers: IContainer[] } } } }
    ).spec;
    const hpa = hpas.find((h) => h.spec!.scaleTargetRef.name === object.metadata!.name);
    const count = hpa ? (at === 'min' ? hpa.spec!.minReplicas! : hpa.spec!.maxReplicas) : (spec.replicas ?? 1);
    for (const c of spec.template.spec.containers) {
      cpu +=
        count *
        Number.parseFloat(String(c.resources!.requests!.cpu)) *
        (String(c.resources!.requests!.cpu).endsWith('m') ? 1 : 1000);
      const mem = String(c.resources!.requests!.memory);
      memory += count * Number.parseInt(mem, 10) * (mem.endsWith('Gi') ? 2 ** 30 : 2 ** 20);
    }
  }
  return { cpu, memory };
}

describe('resourcesTable', () => {
  it('totals equal the sum of the rendered objects, at the fewest and the most replicas', async () => {
    const { rendered } = await renderForTest([shop(3)]);
    const table = resourcesTable(rendered);
    expect(table.total.min.requests).toEqual(sumOfRendered(rendered, 'min'));
    expect(table.total.max.requests).toEqual(sumOfRendered(rendered, 'max'));
    // 3 × 250m + 2 × 600m + 3 × 2 at min; 8 × 600m at max.
    expect(table.total.min.requests.cpu).toBe(750 + 1200 + 6000);
    expect(table.total.max.requests.cpu).toBe(750 + 4800 + 6000);
    expect(table.total.max.limits.memory).toBe(3 * 512 * 2 ** 20 + 8 * (2 * 2 ** 30 + 128 * 2 ** 20) + 3 * 4 * 2 ** 30);
    // No container has a CPU limit: the limit is unbounded, not zero.
    expect(table.total.min.unlimited).toEqual({ cpu: true, memory: false });
    // DaemonSets count per node; Jobs run to completion and are not counted.
    expect(table.total.perNode.requests).toEqual({ cpu: 50, memory: 100 * 2 ** 20 });
    expect(table.workloads.map((w) => `${w.kind}/${w.name}`)).not.toContain('Job/migrate');
    expect(table.tiers.find((t) => t.tier === 'workloads')!.totals).toEqual(
      table.components.find((c) => c.component === 'shop')!.totals,
    );
  });

  it('shows autoscaled workloads as min–max', async () => {
    const table = resourcesTable((await renderForTest([shop(3)])).rendered);
    expect(table.workloads.find((w) => w.name === 'api')!.replicas).toEqual({ min: 2, max: 8, by: 'hpa' });
    expect(table.workloads.find((w) => w.name === 'web')!.replicas).toEqual({ min: 3, max: 3, by: 'fixed' });
    const text = formatResourcesTable(table);
    expect(text).toMatch(/shop\s+Deployment\/api\s+2–8 \(hpa\)\s+600m\s+none\s+1\.06Gi\s+2\.13Gi\s+1\.2–4\.8/);
    expect(text).toMatch(/environment test\s+7\.95–11\.55/);
    expect(text).toContain('+ per node 50m CPU, 100Mi memory');
  });

  it('counts init containers as the scheduler does', () => {
    const pod = podAmounts({
      initContainers: [
        container('migrate', '2', '1Gi'),
        { ...container('mesh', '100m', '64Mi'), restartPolicy: 'Always' },
      ],
      containers: [container('app', '500m', '512Mi')],
    });
    // The plain init container runs alone and is larger in CPU; the sidecar adds to the app container.
    expect(pod.requests).toEqual({ cpu: 2000, memory: 1024 * 2 ** 20 });
    const sidecarOnly = podAmounts({
      initContainers: [{ ...container('mesh', '100m', '64Mi'), restartPolicy: 'Always' }],
      containers: [container('app', '500m', '512Mi')],
    });
    expect(sidecarOnly.requests).toEqual({ cpu: 600, memory: 576 * 2 ** 20 });
  });

  it('compares two environments workload by workload', async () => {
    const small = resourcesTable((await renderForTest([shop(1)])).rendered);
    const large = resourcesTable((await renderForTest([shop(5)])).rendered);
    const comparison = compareResourcesTables(small, large);
    expect(comparison.changes.map((c) => c.name)).toEqual(['web']);
    expect(comparison.changes[0]!.from!.replicas.min).toBe(1);
    expect(comparison.changes[0]!.to!.replicas.min).toBe(5);
    expect(comparison.total.to.min.requests.cpu - comparison.total.from.min.requests.cpu).toBe(4 * 250);
    expect(formatResourcesComparison(comparison)).toMatch(
      /shop\s+Deployment\/web\s+1 × 250m CPU \/ 256Mi\s+5 × 250m CPU \/ 256Mi/,
    );
    expect(compareResourcesTables(small, small).changes).toEqual([]);
  });
});
