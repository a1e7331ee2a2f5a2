import { describe, expect, it } from 'vitest';
import { daemonSet, deployment, namedWorkloadObjects, statefulSet, type WorkloadOptions } from '../../index.js';
import type { Capabilities, CapabilityName } from '../../model/capabilities.js';
import type { BuildContext } from '../../model/definition.js';
import { testBuildContext } from '../../testing/index.js';

/** A build context whose environment provides these capabilities. */
function contextWith(provided: Partial<Capabilities>): BuildContext<unknown> {
  const base = testBuildContext('mimir', {});
  const find = <K extends CapabilityName>(capability: K) => provided[capability] as Capabilities[K] | undefined;
  return { ...base, peers: { ...base.peers, find, all: (c) => (find(c) ? [find(c)!] : []) } };
}

const karpenter = {
  nodeCapacity: {
    component: 'karpenter',
    namespace: 'karpenter',
    label: 'node.platform.dev/capacity',
    stable: 'stable',
    interruptible: ['interruptible'],
  },
};
const vpa = { verticalScaling: { component: 'vpa', namespace: 'vpa', updateModes: ['Off' as const] } };

const querier: WorkloadOptions = {
  name: 'querier',
  replicas: 3,
  containers: [
    {
      name: 'querier',
      image: 'grafana/mimir:3.0.6',
      ports: [{ name: 'http-metrics', containerPort: 8080 }],
      resources: { requests: { cpu: '1', memory: '2Gi' }, limits: { memory: '4Gi' } },
    },
  ],
};

describe('autoscaling', () => {
  it('renders an autoscaling/v2 HPA and leaves replicas to it', () => {
    const objects = deployment(testBuildContext('mimir', {}), { ...querier, autoscaling: { min: 2, max: 10 } });
    expect(objects.workload.spec).not.toHaveProperty('replicas');
    expect(objects.hpa).toEqual({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: {
        name: 'querier',
        namespace: 'mimir',
        labels: {
          'app.kubernetes.io/managed-by': 'platform',
          'app.kubernetes.io/part-of': 'mimir',
          'app.kubernetes.io/component': 'querier',
        },
      },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'querier' },
        minReplicas: 2,
        maxReplicas: 10,
        metrics: [
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } },
        ],
      },
    });
    expect(Object.keys(namedWorkloadObjects('querier', 'deployment', objects))).toContain('querier_hpa');
    // Without autoscaling nothing changes: the count is rendered and there is no HPA.
    const fixed = deployment(testBuildContext('mimir', {}), querier);
    expect(fixed.workload.spec!.replicas).toBe(3);
    expect(fixed.hpa).toBeUndefined();
  });

  it('scales StatefulSets too, on the resources asked for, in the workload stage', () => {
    const objects = statefulSet(testBuildContext('mimir', {}), {
      ...querier,
      stage: 2,
      autoscaling: { min: 3, max: 6, memory: 70 },
    });
    expect(objects.workload.spec).not.toHaveProperty('replicas');
    expect(objects.hpa!.spec!.scaleTargetRef.kind).toBe('StatefulSet');
    expect(objects.hpa!.spec!.metrics!.map((m) => m.resource!.name)).toEqual(['memory']);
    // An HPA whose target does not exist yet is Degraded in Argo CD, so it waits for the workload's stage.
    expect(objects.hpa!.metadata!.annotations).toEqual(objects.workload.metadata!.annotations);
  });

  it('spreads and protects by max, since the autoscaler may run many pods', () => {
    const objects = deployment(testBuildContext('mimir', {}), {
      ...querier,
      replicas: 1,
      autoscaling: { min: 1, max: 4 },
    });
    expect(objects.pdb!.spec!.maxUnavailable).toBe(1);
    expect(objects.workload.spec!.template.spec!.topologySpreadConstraints).toHaveLength(2);
    const single = deployment(testBuildContext('mimir', {}), { ...querier, autoscaling: { min: 1, max: 1 } });
    expect(single.pdb).toBeUndefined();
  });

  it('leaves the HPA to an external scaler (KEDA), which may scale to zero', () => {
    const objects = deployment(testBuildContext('mimir', {}), {
      ...querier,
      autoscaling: { scaler: 'external', min: 0, max: 5 },
    });
    expect(objects.workload.spec).not.toHaveProperty('replicas');
    expect(objects.hpa).toBeUndefined();
    expect(objects.pdb).toBeDefined();
    expect(() =>
      deployment(testBuildContext('mimir', {}), {
        ...querier,
        autoscaling: { scaler: 'external', min: 0, max: 5, cpu: 50 },
      }),
    ).toThrow('querier.autoscaling.cpu: belongs to the external scaler');
    expect(() => deployment(testBuildContext('mimir', {}), { ...querier, autoscaling: { min: 0, max: 5 } })).toThrow(
      'querier.autoscaling.min: expected a whole number of at least 1, got 0',
    );
  });

  it('rejects bounds, targets without requests, and a PDB that empties the workload at min', () => {
    const context = testBuildContext('mimir', {});
    expect(() => deployment(context, { ...querier, autoscaling: { min: 0, max: 2 } })).toThrow(
      'querier.autoscaling.min: expected a whole number of at least 1, got 0',
    );
    expect(() => deployment(context, { ...querier, autoscaling: { min: 4, max: 2 } })).toThrow(
      'querier.autoscaling.max: must be at least min (4), got 2',
    );
    expect(() =>
      deployment(context, {
        ...querier,
        autoscaling: { min: 2, max: 4, memory: 80 },
        containers: [{ name: 'q', image: 'x:1' }],
      }),
    ).toThrow('querier.autoscaling.memory: scales on memory utilisation, but container "q" requests no memory');
    expect(() =>
      deployment(context, { ...querier, autoscaling: { min: 2, max: 4 }, pdb: { maxUnavailable: 2 } }),
    ).toThrow('querier.pdb.maxUnavailable: lets 2 of the 2 pods the workload runs at autoscaling.min go at once');
    expect(() =>
      deployment(context, { ...querier, autoscaling: { min: 3, max: 9 }, pdb: { maxUnavailable: '70%' } }),
    ).toThrow('lets 3 of the 3 pods');
    expect(() =>
      deployment(context, { ...querier, autoscaling: { min: 3, max: 9 }, pdb: { maxUnavailable: '50%' } }),
    ).not.toThrow();
    expect(() => daemonSet(context, { ...querier, autoscaling: { min: 1, max: 2 } })).toThrow(
      'querier.autoscaling: a DaemonSet runs one pod per node',
    );
  });
});

describe('interruptible', () => {
  const stable = {
    requiredDuringSchedulingIgnoredDuringExecution: {
      nodeSelectorTerms: [
        { matchExpressions: [{ key: 'node.platform.dev/capacity', operator: 'In', values: ['stable'] }] },
      ],
    },
  };

  it('keeps StatefulSets on stable nodes unless they are interruptible', () => {
    const context = contextWith(karpenter);
    expect(statefulSet(context, querier).workload.spec!.template.spec!.affinity).toEqual({ nodeAffinity: stable });
    expect(
      statefulSet(context, { ...querier, interruptible: true }).workload.spec!.template.spec!.affinity,
    ).toBeUndefined();
  });

  it('lets Deployments run anywhere unless they are not interruptible, and never places DaemonSets', () => {
    const context = contextWith(karpenter);
    expect(deployment(context, querier).workload.spec!.template.spec!.affinity).toBeUndefined();
    const pinned = deployment(context, { ...querier, interruptible: false, antiAffinity: 'required' });
    expect(pinned.workload.spec!.template.spec!.affinity!.nodeAffinity).toEqual(stable);
    expect(pinned.workload.spec!.template.spec!.affinity!.podAntiAffinity).toBeDefined();
    expect(
      daemonSet(context, { ...querier, interruptible: false }).workload.spec!.template.spec!.affinity,
    ).toBeUndefined();
  });

  it('places nothing in an environment without node classes', () => {
    expect(statefulSet(testBuildContext('mimir', {}), querier).workload.spec!.template.spec!.affinity).toBeUndefined();
  });
});

describe('vertical scaling', () => {
  it('gives every workload a recommend-only VPA when the environment has one', () => {
    const context = contextWith(vpa);
    for (const [kind, objects] of [
      ['Deployment', deployment(context, querier)],
      ['StatefulSet', statefulSet(context, querier)],
      ['DaemonSet', daemonSet(context, querier)],
    ] as const) {
      expect(objects.vpa!.spec).toEqual({
        targetRef: { apiVersion: 'apps/v1', kind, name: 'querier' },
        updatePolicy: { updateMode: 'Off' },
      });
    }
    expect(deployment(context, { ...querier, verticalScaling: false }).vpa).toBeUndefined();
    expect(deployment(testBuildContext('mimir', {}), querier).vpa).toBeUndefined();
    expect(Object.keys(namedWorkloadObjects('querier', 'deployment', deployment(context, querier)))).toContain(
      'querier_vpa',
    );
  });

  it('refuses modes the installed VPA cannot carry out, and acting VPAs on autoscaled resources', () => {
    expect(() => deployment(contextWith(vpa), { ...querier, verticalScaling: { updateMode: 'Recreate' } })).toThrow(
      'querier.verticalScaling.updateMode: "Recreate" needs the VPA\'s updater and admission controller',
    );
    const full = contextWith({
      verticalScaling: { ...vpa.verticalScaling, updateModes: ['Off', 'Initial', 'Recreate'] },
    });
    expect(
      deployment(full, { ...querier, verticalScaling: { updateMode: 'Recreate' } }).vpa!.spec.updatePolicy,
    ).toEqual({
      updateMode: 'Recreate',
    });
    expect(() =>
      deployment(full, { ...querier, autoscaling: { min: 2, max: 4 }, verticalScaling: { updateMode: 'Initial' } }),
    ).toThrow('the two autoscalers would fight');
  });
});
