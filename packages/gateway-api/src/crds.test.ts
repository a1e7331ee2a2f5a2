import { renderForTest } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { gatewayApiCrds } from './crds.js';

describe('gatewayApiCrds', () => {
  it('renders every standard-channel CRD of v1.6.1, server-side, in the crds tier', async () => {
    const { objects, rendered } = await renderForTest([gatewayApiCrds()]);
    const crds = Object.values(objects('gateway-api-crds')).filter((o) => o.kind === 'CustomResourceDefinition');
    expect(crds.map((c) => c.metadata?.name).sort()).toEqual(
      [
        'backendtlspolicies',
        'gatewayclasses',
        'gateways',
        'grpcroutes',
        'httproutes',
        'listenersets',
        'referencegrants',
        'tcproutes',
        'tlsroutes',
        'udproutes',
      ].map((plural) => `${plural}.gateway.networking.k8s.io`),
    );
    for (const crd of crds)
      expect(crd.metadata?.annotations).toMatchObject({
        'gateway.networking.k8s.io/bundle-version': 'v1.6.1',
        'gateway.networking.k8s.io/channel': 'standard',
      });
    const component = rendered.components.find((c) => c.name === 'gateway-api-crds')!;
    expect([component.tier, component.sync.serverSideApply]).toEqual(['crds', true]);
    const yaml = rendered.objects.find((o) => o.object.metadata?.name === 'httproutes.gateway.networking.k8s.io')!.yaml;
    expect(yaml).not.toMatch(/^\s+description: /m);
    expect(yaml).toContain('x-kubernetes-validations');
  });
});
