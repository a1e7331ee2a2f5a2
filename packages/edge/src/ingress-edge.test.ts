import type { IIngress, INetworkPolicy } from '@platform/core';
import { renderError } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { ingressEdge } from './ingress-edge.js';
import {
  checkFindings,
  EDGE_TEST_CLUSTER_APIS,
  fakeDns,
  fakeIssuer,
  INTERNAL_RANGES,
  renderEdgeTest,
  SHOP_PODS,
  shop,
} from './testing/index.js';

const nginx = () => ingressEdge({ dialect: 'ingress-nginx', internalSourceRanges: INTERNAL_RANGES });
const environment = () => [fakeIssuer(), fakeDns(), shop(), nginx()];

describe('the plain Ingress edge', () => {
  it('renders each route as an Ingress in its namespace, with TLS from its domain wildcard copied there', async () => {
    const { objects } = await renderEdgeTest(environment());
    const edge = objects('ingress-edge');
    expect(Object.keys(edge).sort()).toEqual([
      'shop_admin_ingress',
      'shop_push_ingress',
      'shop_ui_ingress',
      'wildcard_test_example_com_shop_certificate',
    ]);
    const push = edge.shop_push_ingress as IIngress;
    expect(push.metadata?.namespace).toBe('shop');
    expect(push.spec).toEqual({
      ingressClassName: 'nginx',
      tls: [{ hosts: ['shop-push.test.example.com'], secretName: 'wildcard-test-example-com-tls' }],
      rules: [
        {
          host: 'shop-push.test.example.com',
          http: {
            paths: [
              {
                path: '/api/v1/push',
                pathType: 'Exact',
                backend: { service: { name: 'shop', port: { number: 8080 } } },
              },
            ],
          },
        },
      ],
    });
    expect(push.metadata?.annotations).toEqual({
      'nginx.ingress.kubernetes.io/auth-type': 'basic',
      'nginx.ingress.kubernetes.io/auth-secret': 'shop-push-users',
      'nginx.ingress.kubernetes.io/auth-secret-type': 'auth-file',
      'nginx.ingress.kubernetes.io/auth-realm': 'Shop push',
      'nginx.ingress.kubernetes.io/proxy-body-size': '16m',
    });
    expect((edge.shop_admin_ingress as IIngress).metadata?.annotations).toEqual({
      'nginx.ingress.kubernetes.io/auth-url': 'http://oauth2-proxy.sso.svc.cluster.local:4180/oauth2/auth',
      'nginx.ingress.kubernetes.io/auth-response-headers': 'X-Auth-Request-User',
      'nginx.ingress.kubernetes.io/whitelist-source-range': '10.0.0.0/8',
    });
  });

  it("admits the controller's pods to the routed pods, and comes after every routed component", async () => {
    const { objects, rendered } = await renderEdgeTest(environment());
    const policy = objects('shop').networkpolicy_allow_ingress_ui as INetworkPolicy;
    expect(policy.spec?.podSelector).toEqual({ matchLabels: SHOP_PODS });
    expect(policy.spec?.ingress?.[0]?.from).toEqual([
      {
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } },
        podSelector: {
          matchLabels: {
            'app.kubernetes.io/name': 'ingress-nginx',
            'app.kubernetes.io/instance': 'ingress-nginx',
            'app.kubernetes.io/component': 'controller',
          },
        },
      },
    ]);
    expect(rendered.components.find((c) => c.name === 'ingress-edge')?.dependsOn).toEqual(['shop']);
    // The controller's namespace belongs to whoever installed the controller.
    expect(
      Object.keys(objects('ingress-edge')).filter((k) => k.startsWith('networkpolicy') || k === 'namespace'),
    ).toEqual([]);
  });

  it('refuses routes it cannot protect without a dialect, rather than exposing them unauthenticated', async () => {
    expect(
      await renderError([fakeIssuer(), shop(), ingressEdge({ internalSourceRanges: INTERNAL_RANGES })], {
        clusterApis: EDGE_TEST_CLUSTER_APIS,
      }),
    ).toBe(
      [
        "test › shop › routes[admin].auth: the plain Ingress edge has no way to express forward auth without a controller dialect; set ingressEdge({ dialect: 'ingress-nginx' }) or use another edge",
        "test › shop › routes[admin].audience: the plain Ingress edge has no way to express an internal audience (source ranges) without a controller dialect; set ingressEdge({ dialect: 'ingress-nginx' }) or use another edge",
        "test › shop › routes[push].auth: the plain Ingress edge has no way to express basic auth without a controller dialect; set ingressEdge({ dialect: 'ingress-nginx' }) or use another edge",
        "test › shop › routes[push].maxBodySize: the plain Ingress edge has no way to express a body size limit without a controller dialect; set ingressEdge({ dialect: 'ingress-nginx' }) or use another edge",
      ].join('\n'),
    );
  });

  it("passes pnpm check's rules, the edge's included", async () => {
    const { rendered } = await renderEdgeTest(environment());
    expect(checkFindings(rendered, ['ingress-edge', 'shop'])).toEqual([]);
  });
});
