import type { IIngress, INetworkPolicy } from '@platform/core';
import { renderForTest } from '@platform/core/testing';
import { fakeMetricsStore as fakeMimir } from '@platform/test-fakes';
import { describe, expect, it } from 'vitest';
import { fakeIssuer } from './fakes.test-helpers.js';
import { grafana } from './index.js';

describe('grafana ingress', () => {
  it('serves an Ingress with a cert-manager certificate when the environment has an issuer', async () => {
    const withIssuer = await renderForTest([
      fakeMimir(),
      fakeIssuer(),
      grafana({ ingress: { enabled: true, className: 'traefik' } }),
    ]);
    const ingress = withIssuer.objects('grafana').grafana_ingress as IIngress;
    expect(ingress.metadata!.annotations).toEqual({ 'cert-manager.io/cluster-issuer': 'letsencrypt' });
    expect(ingress.spec!.ingressClassName).toBe('traefik');
    expect(ingress.spec!.rules![0]!.host).toBe('grafana.test.example.com');
    expect(ingress.spec!.tls).toEqual([{ hosts: ['grafana.test.example.com'], secretName: 'grafana-tls' }]);
    const policy = withIssuer.objects('grafana').networkpolicy_allow_from_ingress_controller as INetworkPolicy;
    expect(policy.spec!.ingress).toEqual([
      {
        from: [
          { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } }, podSelector: {} },
        ],
        ports: [{ port: 3000, protocol: 'TCP' }],
      },
    ]);
    const withoutIssuer = await renderForTest([fakeMimir(), grafana({ ingress: { enabled: true } })]);
    expect((withoutIssuer.objects('grafana').grafana_ingress as IIngress).metadata!.annotations).toBeUndefined();
    const none = await renderForTest([fakeMimir(), grafana()]);
    expect(none.objects('grafana').grafana_ingress).toBeUndefined();
    expect(none.objects('grafana').networkpolicy_allow_from_ingress_controller).toBeUndefined();
  });
});
