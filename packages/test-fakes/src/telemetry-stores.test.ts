import { defineComponent, egressToEndpoints, endpointTarget, type INetworkPolicy } from '@platform/core';
import { connectionProblems, renderForTest, stubComponent } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { FAKE_STORES, fakeMetricsStore, fakeStorePods } from './telemetry-stores.js';

describe('fake metrics store', () => {
  it('renders NetworkPolicies whose peer selects exactly the pods of the Service the address names', async () => {
    const client = defineComponent({
      name: 'client',
      tier: 'platform',
      defaults: {},
      network: (ctx) => ({
        egress: egressToEndpoints([endpointTarget(ctx.peers.require('metricsStore', 'test'), 'queryUrl')]),
      }),
      build: () => ({}),
    });
    const { objects } = await renderForTest([fakeMetricsStore(), client()]);
    const service = objects('fake-mimir').query_frontend_service as unknown as {
      spec: { selector: Record<string, string> };
    };
    expect(service.spec.selector).toEqual(fakeStorePods('fake-mimir', 'query-frontend'));
    expect((objects('client').networkpolicy_allow_to_fake_mimir_query_frontend as INetworkPolicy).spec!.egress).toEqual(
      [
        {
          to: [
            {
              namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'fake-mimir' } },
              podSelector: { matchLabels: service.spec.selector },
            },
          ],
          ports: [{ port: 8080, protocol: 'TCP' }],
        },
      ],
    );
  });
});

describe('connectionProblems', () => {
  it('reports a client whose namespace opens no egress to the Service and which the server does not admit', async () => {
    const { rendered } = await renderForTest([fakeMetricsStore(), stubComponent('alloy')]);
    // A component without pods cannot be judged.
    expect(connectionProblems(rendered, 'alloy', FAKE_STORES.remoteWriteUrl)).toEqual([
      'component "alloy" renders no pods',
    ]);
    expect(connectionProblems(rendered, 'alloy', 'http://nothing.fake-mimir.svc.cluster.local:8080')).toEqual([
      'no rendered Service fake-mimir/nothing with a selector',
    ]);
    expect(connectionProblems(rendered, 'alloy', 'http://distributor.fake-mimir.svc.cluster.local:9999')).toEqual([
      'Service fake-mimir/distributor has no port 9999',
    ]);
  });
});
