import { defineComponent, type INamespace, type INetworkPolicy, MESH_EXCLUDED_ANNOTATION } from '@platform/core';
import { applicationSetElement, renderError, renderForTest, testEnvironment } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { istio } from './index.js';
import type { IPeerAuthentication } from './kinds.js';
import { plaintextExceptions } from './plaintext-exceptions.js';

const settings = testEnvironment([]).settings;

/** A workload with an admission webhook, the shape every operator library declares. */
const operator = defineComponent({
  name: 'operator',
  tier: 'workloads',
  defaults: {},
  build: () => ({}),
  network: () => ({ ingress: [{ name: 'webhook', from: 'any', ports: [9443], podLabels: { app: 'operator' } }] }),
});

describe('Istio as the mesh of choice', () => {
  it('labels every meshed namespace for injection, keeps istio-system out, and opens istiod to the proxies', async () => {
    const { objects } = await renderForTest([...istio(), operator()], { settings: { ...settings, mesh: 'istio' } });
    const meshed = objects('operator').namespace as INamespace;
    expect(meshed.metadata!.labels!['istio-injection']).toBe('enabled');
    const system = objects('istio-base').namespace as INamespace;
    expect(system.metadata!.labels!['istio-injection']).toBe('disabled');
    expect(system.metadata!.annotations![MESH_EXCLUDED_ANNOTATION]).toMatch(/control plane/);
    const egress = objects('operator').networkpolicy_allow_mesh_control_plane as INetworkPolicy;
    expect(egress.spec!.egress).toEqual([
      {
        to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'istio-system' } } }],
        ports: [{ port: 15012, protocol: 'TCP' }],
      },
    ]);
  });

  it('keeps probes working behind the sidecar: the injector rewrites them to the agent', async () => {
    const { rendered } = await renderForTest(istio(), { settings: { ...settings, mesh: 'istio' } });
    const values = applicationSetElement(rendered, 'istiod').sources[0]!.helm!.valuesObject;
    expect(values.sidecarInjectorWebhook).toEqual({ rewriteAppHTTPProbe: true });
    const before = await renderForTest(istio());
    expect(
      applicationSetElement(before.rendered, 'istiod').sources[0]!.helm!.valuesObject.sidecarInjectorWebhook,
    ).toBeUndefined();
  });

  it('leaves out webhooks it cannot select: no pod labels, or named ports only', () => {
    const rules = [
      { name: 'no-selector', from: 'any' as const, ports: [443] },
      { name: 'named', from: 'any' as const, ports: ['metrics'], podLabels: { app: 'x' } },
    ];
    expect(plaintextExceptions({ component: 'x', namespace: 'x', rules })).toEqual({});
  });

  it('lets the API server reach webhooks in meshed namespaces despite mesh-wide STRICT mTLS', async () => {
    const { objects } = await renderForTest([...istio(), operator()], { settings: { ...settings, mesh: 'istio' } });
    expect((objects('istiod').peerauthentication as IPeerAuthentication).spec!.mtls!.mode).toBe('STRICT');
    const exception = objects('operator').mesh_peerauthentication_webhook as IPeerAuthentication;
    expect(exception.spec).toEqual({
      selector: { matchLabels: { app: 'operator' } },
      portLevelMtls: { '9443': { mode: 'PERMISSIVE' } },
    });
  });

  it('renders exactly what it did before the choice when the environment has no mesh', async () => {
    const { objects } = await renderForTest([...istio(), operator()]);
    expect((objects('operator').namespace as INamespace).metadata!.labels!['istio-injection']).toBeUndefined();
    expect((objects('istio-base').namespace as INamespace).metadata!.annotations).toBeUndefined();
    expect(objects('operator').mesh_peerauthentication_webhook).toBeUndefined();
    expect(objects('operator').networkpolicy_allow_mesh_control_plane).toBeUndefined();
  });

  it('refuses to be installed in an environment whose mesh is another', async () => {
    const message = await renderError(istio(), { settings: { ...settings, mesh: 'linkerd' as never } });
    expect(message).toContain('istio-base › settings.mesh: the environment\'s mesh is "linkerd"; remove istio-base');
    expect(message).toContain('istiod › settings.mesh');
  });
});
