import { describe, expect, it } from 'vitest';
import { web } from '../fixtures.test-helpers.js';
import { defineComponent, type INetworkPolicy, selectorLabels } from '../index.js';
import { renderForTest } from '../testing/index.js';

const edge = defineComponent({
  name: 'edge',
  tier: 'operators',
  defaults: {},
  provides: ({ name, namespace }) => ({
    ingressController: { component: name, namespace, kind: 'ingress', className: 'edge', pods: { app: 'edge' } },
  }),
  build: ({ peers }) => ({
    seen_configmap: {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'seen' },
      data: {
        hosts: peers
          .routes()
          .map((r) => r.fqdn)
          .join(','),
      },
    },
  }),
});

const routed = web().addRoutes([
  {
    name: 'ui',
    host: 'shop',
    backend: { service: 'web', port: 8080, targetPort: 'http', pods: selectorLabels('web', 'web') },
  },
]);

describe('routes', () => {
  it('reach the edge component with their host resolved under the base domain', async () => {
    const { objects, rendered } = await renderForTest([edge(), routed]);
    expect((objects('edge').seen_configmap as unknown as { data: { hosts: string } }).data.hosts).toBe(
      'shop.test.example.com',
    );
    expect(rendered.routes.map((r) => [r.component, r.name, r.fqdn])).toEqual([['web', 'ui', 'shop.test.example.com']]);
  });

  it("admit the ingress controller's pods to the backend pods on the targeted port, and nothing else", async () => {
    const { objects } = await renderForTest([edge(), routed]);
    expect((objects('web').networkpolicy_allow_ingress_ui as INetworkPolicy).spec).toEqual({
      podSelector: { matchLabels: selectorLabels('web', 'web') },
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [
            {
              namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'edge' } },
              podSelector: { matchLabels: { app: 'edge' } },
            },
          ],
          ports: [{ port: 'http', protocol: 'TCP' }],
        },
      ],
    });
    const { objects: alone } = await renderForTest([routed]);
    expect(alone('web').networkpolicy_allow_ingress_ui).toBeUndefined();
  });
});
