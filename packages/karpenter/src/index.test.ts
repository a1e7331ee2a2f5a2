import {
  type AnyComponent,
  defineComponent,
  deployment,
  type INetworkPolicy,
  type IPrometheusRule,
  namedWorkloadObjects,
  statefulSet,
} from '@platform/core';
import { applicationSetElement, providedBy, renderError, renderForTest } from '@platform/core/testing';
import { runPolicies } from '@platform/policy';
import { describe, expect, it } from 'vitest';
import { type IEC2NodeClass, type INodePool, karpenter } from './index.js';

const aws = {
  clusterName: 'prod-eu1',
  controllerIdentity: { roleArn: 'arn:aws:iam::111122223333:role/KarpenterController-prod-eu1' },
  interruptionQueue: 'Karpenter-prod-eu1',
  nodeClass: { role: 'KarpenterNodeRole-prod-eu1' },
};

/** A component with a database-like StatefulSet, an interruptible StatefulSet and a Deployment. */
const store = defineComponent({
  name: 'store',
  tier: 'workloads',
  defaults: {},
  build: (context) => {
    const containers = [
      {
        name: 'app',
        image: 'example/app:1.0.0',
        resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { memory: '1Gi' } },
      },
    ];
    return {
      ...namedWorkloadObjects('db', 'statefulset', statefulSet(context, { name: 'db', replicas: 3, containers })),
      ...namedWorkloadObjects(
        'cache',
        'statefulset',
        statefulSet(context, { name: 'cache', replicas: 2, containers, interruptible: true }),
      ),
      ...namedWorkloadObjects('web', 'deployment', deployment(context, { name: 'web', replicas: 2, containers })),
    };
  },
})();

/** Whether a pool's nodes satisfy a pod's required node affinity (the `In` terms the helpers write). */
function poolAdmits(
  pool: INodePool,
  podSpec: {
    affinity?: {
      nodeAffinity?: {
        requiredDuringSchedulingIgnoredDuringExecution?: {
          nodeSelectorTerms: Array<{ matchExpressions?: Array<{ key: string; operator: string; values?: string[] }> }>;
        };
      };
    };
  },
): boolean {
  const terms = podSpec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms) return true;
  const labels = pool.spec.template.metadata?.labels ?? {};
  return terms.some((t) =>
    (t.matchExpressions ?? []).every((e) => e.operator === 'In' && e.values!.includes(labels[e.key] ?? '')),
  );
}

const render = (components: AnyComponent[] = [karpenter(aws)]) => renderForTest(components);

describe('karpenter', () => {
  it('installs the pinned OCI chart with the cluster, the interruption queue and the IRSA role', async () => {
    const { rendered } = await render();
    const chart = applicationSetElement(rendered, 'karpenter').sources[0]!;
    expect(chart).toMatchObject({ repoURL: 'public.ecr.aws/karpenter', chart: 'karpenter', targetRevision: '1.14.1' });
    const values = chart.helm!.valuesObject;
    expect(values.settings).toEqual({ clusterName: 'prod-eu1', interruptionQueue: 'Karpenter-prod-eu1' });
    expect(values.serviceAccount.annotations).toEqual({
      'eks.amazonaws.com/role-arn': 'arn:aws:iam::111122223333:role/KarpenterController-prod-eu1',
    });
    expect(values.serviceMonitor).toEqual({ enabled: true });
    expect(values.controller.image).toBeUndefined();
    // The chart's restricted security contexts are kept.
    expect(values.podSecurityContext).toBeUndefined();
    const podIdentity = await render([
      karpenter({ ...aws, controllerIdentity: { roleArn: '', mode: 'pod-identity' } }),
    ]);
    expect(
      applicationSetElement(podIdentity.rendered, 'karpenter').sources[0]!.helm!.valuesObject.serviceAccount,
    ).toEqual({
      annotations: {},
    });
  });

  it('renders the default pool: spot and on-demand, amd64, c/m/r, a CPU limit, consolidation and budgets', async () => {
    const { objects } = await render();
    const pool = objects('karpenter').default_nodepool as INodePool;
    expect(pool.spec.template.spec.requirements).toEqual([
      { key: 'karpenter.sh/capacity-type', operator: 'In', values: ['spot', 'on-demand'] },
      { key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] },
      { key: 'kubernetes.io/os', operator: 'In', values: ['linux'] },
      { key: 'karpenter.k8s.aws/instance-category', operator: 'In', values: ['c', 'm', 'r'] },
      { key: 'karpenter.k8s.aws/instance-generation', operator: 'Gt', values: ['2'] },
    ]);
    expect(pool.spec.limits).toEqual({ cpu: '1000' });
    expect(pool.spec.disruption).toEqual({
      consolidationPolicy: 'WhenEmptyOrUnderutilized',
      consolidateAfter: '5m',
      budgets: [
        { nodes: '10%' },
        { nodes: '0', reasons: ['Underutilized'], schedule: '0 9 * * mon-fri', duration: '8h' },
      ],
    });
    expect(pool.spec.template.spec.nodeClassRef).toEqual({
      group: 'karpenter.k8s.aws',
      kind: 'EC2NodeClass',
      name: 'default',
    });
    expect(pool.metadata!.namespace).toBeUndefined();
    const nodeClass = objects('karpenter').default_ec2nodeclass as IEC2NodeClass;
    expect(nodeClass.spec).toMatchObject({
      role: 'KarpenterNodeRole-prod-eu1',
      amiSelectorTerms: [{ alias: 'al2023@latest' }],
      subnetSelectorTerms: [{ tags: { 'karpenter.sh/discovery': 'prod-eu1' } }],
      metadataOptions: { httpTokens: 'required', httpPutResponseHopLimit: 1 },
    });
  });

  it('keeps StatefulSets on the on-demand stateful pool unless they are interruptible', async () => {
    const { objects } = await render([karpenter(aws), store]);
    const pools = ['default_nodepool', 'stateful_nodepool'].map((k) => objects('karpenter')[k] as INodePool);
    const admittedBy = (key: string) =>
      pools
        .filter((p) =>
          poolAdmits(
            p,
            (objects('store')[key] as unknown as { spec: { template: { spec: object } } }).spec.template.spec,
          ),
        )
        .map((p) => p.metadata!.name);
    expect(admittedBy('db_statefulset')).toEqual(['stateful']);
    expect(admittedBy('cache_statefulset')).toEqual(['default', 'stateful']);
    expect(admittedBy('web_deployment')).toEqual(['default', 'stateful']);
    const stateful = pools[1]!;
    expect(stateful.spec.template.spec.requirements[0]).toEqual({
      key: 'karpenter.sh/capacity-type',
      operator: 'In',
      values: ['on-demand'],
    });
    expect(stateful.spec.disruption).toEqual({
      consolidationPolicy: 'WhenEmpty',
      consolidateAfter: '30m',
      budgets: [{ nodes: '1' }],
    });
    expect(stateful.spec.template.spec.expireAfter).toBe('Never');
    // Pods without a constraint go to the default pool first.
    expect(pools[0]!.spec.weight).toBeGreaterThan(stateful.spec.weight ?? 0);
  });

  it('provides the node classes as nodeCapacity', () => {
    expect(providedBy(karpenter(aws)).nodeCapacity).toEqual({
      component: 'karpenter',
      namespace: 'karpenter',
      label: 'node.platform.dev/capacity',
      stable: 'stable',
      interruptible: ['interruptible'],
    });
  });

  it('adds pools and node classes from the defaults', async () => {
    const { objects } = await render([
      karpenter({
        ...aws,
        extraNodeClasses: { graviton: { amiAlias: 'bottlerocket@latest' } },
        extraPools: { arm: { nodeClass: 'graviton', architectures: ['arm64'], cpuLimit: '64' } },
      }),
    ]);
    const arm = objects('karpenter').arm_nodepool as INodePool;
    expect(arm.spec.template.spec.requirements[1]).toEqual({
      key: 'kubernetes.io/arch',
      operator: 'In',
      values: ['arm64'],
    });
    expect(arm.spec.template.spec.requirements[0]!.values).toEqual(['spot', 'on-demand']);
    const graviton = objects('karpenter').graviton_ec2nodeclass as unknown as {
      spec: { role: string; blockDeviceMappings: Array<{ deviceName: string }> };
    };
    expect(graviton.spec.role).toBe('KarpenterNodeRole-prod-eu1');
    expect(graviton.spec.blockDeviceMappings.map((d) => d.deviceName)).toEqual(['/dev/xvda', '/dev/xvdb']);
  });

  it('reports bad configuration with paths', async () => {
    expect(await renderError([karpenter()])).toContain(
      'test › karpenter › clusterName: Karpenter needs the name of the EKS cluster',
    );
    const errors = await renderError([
      karpenter({
        ...aws,
        interruptionQueue: '',
        controllerIdentity: { roleArn: 'KarpenterController' },
        pools: {
          default: { consolidation: { after: '5 minutes' }, budgets: [{ nodes: 'ten', schedule: '@daily' }] },
          stateful: { capacityTypes: ['spot'] },
        },
        extraPools: { gpu: { nodeClass: 'gpu', cpuLimits: '8' } as never },
      }),
    ]);
    expect(errors).toContain("controllerIdentity.roleArn: expected the controller's IAM role ARN");
    expect(errors).toContain(
      'pools.default.consolidation.after: expected a duration such as "30s" or "5m", got "5 minutes"',
    );
    expect(errors).toContain('pools.default.budgets[0].nodes: expected a count or a percentage');
    expect(errors).toContain('pools.default.budgets[0]: schedule and duration go together');
    expect(errors).toContain('pools.stateful.capacityTypes: a stable pool runs the pods that must not be interrupted');
    expect(errors).toContain('extraPools.gpu.cpuLimits: unknown field (did you mean "cpuLimit"?)');
    const noStable = await renderError([karpenter({ ...aws, pools: { stateful: { capacity: 'interruptible' } } })]);
    expect(noStable).toContain('pools: no pool has stable capacity, so every StatefulSet');
    const noQueue = await renderError([karpenter({ ...aws, interruptionQueue: '' })]);
    expect(noQueue).toContain('interruptionQueue: pool "default" launches spot capacity');
  });

  it('lets the controller reach the API server and AWS, and alerts on its failure modes', async () => {
    const { objects } = await render();
    const o = objects('karpenter');
    const aws443 = o.networkpolicy_allow_aws_apis as INetworkPolicy;
    expect(aws443.spec!.podSelector).toEqual({
      matchLabels: { 'app.kubernetes.io/name': 'karpenter', 'app.kubernetes.io/instance': 'karpenter' },
    });
    expect(aws443.spec!.egress![0]!.ports).toEqual([{ port: 443, protocol: 'TCP' }]);
    expect(o.networkpolicy_allow_api_server).toBeDefined();
    const rule = o.alerts_prometheusrule as IPrometheusRule;
    for (const r of rule.spec.groups![0]!.rules!) {
      expect(r.labels).toMatchObject({ severity: expect.any(String), team: 'platform' });
      expect(r.annotations!.runbook_url).toMatch(/packages\/karpenter\/README\.md#karpenter/);
      expect(r.for).toBeDefined();
    }
  });

  it("passes pnpm check's rules and renders no Secret", async () => {
    const { rendered } = await render([karpenter(aws), store]);
    const errors = runPolicies(rendered).findings.filter((f) => f.severity === 'error' && f.component === 'karpenter');
    expect(errors).toEqual([]);
    expect(rendered.objects.some((o) => o.object.kind === 'Secret')).toBe(false);
  });
});
