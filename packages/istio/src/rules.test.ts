import { defineComponent } from '@platform/core';
import { renderForTest, testEnvironment } from '@platform/core/testing';
import { runPolicies } from '@platform/policy';
import { describe, expect, it } from 'vitest';
import { istio } from './index.js';

const settings = { ...testEnvironment([]).settings, mesh: 'istio' as const };

/** A node agent (privileged: outside the mesh) and a store it pushes to, with or without a workload selector. */
const agent = defineComponent({
  name: 'agent',
  tier: 'workloads',
  defaults: {},
  podSecurity: 'privileged',
  build: () => ({}),
});
const store = defineComponent({
  name: 'store',
  tier: 'workloads',
  defaults: { selector: true },
  build: () => ({}),
  network: ({ config }) => ({
    ingress: [
      {
        name: 'push',
        from: [{ component: 'agent' }],
        ports: [8080],
        ...(config.selector ? { podLabels: { app: 'store' } } : {}),
      },
    ],
  }),
});

const findings = async (selector: boolean) => {
  const { rendered } = await renderForTest([...istio(), agent(), store({ selector })], {
    settings,
    delivery: { maxFirstSyncShare: 1 },
  });
  return runPolicies(rendered).findings.filter((f) => f.rule === 'istio.unmeshed-callers');
};

describe('istio.unmeshed-callers', () => {
  it('passes a caller outside the mesh when the port is PERMISSIVE for it (rendered from the rule)', async () => {
    expect(await findings(true)).toEqual([]);
  });

  it('fails a rule Istio cannot make an exception for (no workload selector): STRICT would refuse the agent', async () => {
    const [finding, ...rest] = await findings(false);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ component: 'store', object: 'NetworkPolicy/store/allow-push', severity: 'error' });
    expect(finding!.message).toContain('admits "agent" (outside the mesh) to port 8080 of meshed namespace "store"');
  });

  it('fails a scraper outside the mesh that may reach every port of a STRICT namespace', async () => {
    const { rendered } = await renderForTest([...istio(), agent(), store({ selector: true })], {
      settings: { ...settings, metricsScraperNamespaces: ['agent'] },
      delivery: { maxFirstSyncShare: 1 },
    });
    const found = runPolicies(rendered).findings.filter((f) => f.rule === 'istio.unmeshed-callers');
    expect(found.map((f) => f.object)).toContain('NetworkPolicy/store/allow-metrics-scraping');
    expect(found.find((f) => f.object === 'NetworkPolicy/store/allow-metrics-scraping')!.message).toContain(
      'admits "agent" (outside the mesh) to every port of meshed namespace "store"',
    );
  });

  it('lets one PeerAuthentication carry every port of the same pods: Istio applies only one per workload', async () => {
    const twoPorts = defineComponent({
      name: 'store',
      tier: 'workloads',
      defaults: {},
      build: () => ({}),
      network: () => ({
        ingress: [
          { name: 'push', from: [{ component: 'agent' }], ports: [8080], podLabels: { app: 'store' } },
          { name: 'grpc', from: [{ component: 'agent' }], ports: [9095], podLabels: { app: 'store' } },
        ],
      }),
    });
    const { rendered, objects } = await renderForTest([...istio(), agent(), twoPorts()], {
      settings,
      delivery: { maxFirstSyncShare: 1 },
    });
    const exceptions = Object.values(objects('store')).filter(
      (o) => (o as { kind?: string }).kind === 'PeerAuthentication',
    );
    expect(exceptions).toHaveLength(1);
    expect(exceptions[0]).toMatchObject({
      spec: {
        selector: { matchLabels: { app: 'store' } },
        portLevelMtls: { 8080: { mode: 'PERMISSIVE' }, 9095: { mode: 'PERMISSIVE' } },
      },
    });
    expect(runPolicies(rendered).findings.filter((f) => f.rule === 'istio.unmeshed-callers')).toEqual([]);
  });

  it('fails pods selected by two workload-level PeerAuthentications: which one applies is creation order', async () => {
    const { rendered } = await renderForTest([...istio(), agent(), store({ selector: true })], {
      settings,
      delivery: { maxFirstSyncShare: 1 },
    });
    const extra = rendered.objects.find((o) => o.object.kind === 'PeerAuthentication' && o.component === 'store')!;
    const twice = {
      ...rendered,
      objects: [
        ...rendered.objects,
        {
          ...extra,
          key: 'second',
          object: { ...extra.object, metadata: { ...extra.object.metadata, name: 'second' } },
        },
      ],
    };
    const [finding] = runPolicies(twice).findings.filter((f) => f.rule === 'istio.unmeshed-callers');
    expect(finding!.message).toContain('selected by several workload-level PeerAuthentications');
  });
});
