import type { ICertificate } from '@platform/cert-manager';
import type { INetworkPolicy } from '@platform/core';
import { renderError } from '@platform/core/testing';
import {
  checkFindings,
  EDGE_TEST_CLUSTER_APIS,
  fakeDns,
  fakeIssuer,
  INTERNAL_RANGES,
  renderEdgeTest,
  SHOP_PODS,
  shop,
} from '@platform/edge/testing';
import { type IMiddleware, traefik, traefikGatewayFilters } from '@platform/traefik';
import { describe, expect, it } from 'vitest';
import { gateway, gatewayApiCrds, gatewayRoutes, type IGateway, type IHTTPRoute } from './index.js';

const environment = (routes = gatewayRoutes({ filters: traefikGatewayFilters })) => [
  gatewayApiCrds(),
  fakeIssuer(),
  fakeDns({ sources: ['gateway-httproute'] }),
  shop(),
  traefik({ routes: 'gateway-api', internalSourceRanges: INTERNAL_RANGES }),
  gateway({ internalSourceRanges: INTERNAL_RANGES }),
  routes,
];

describe('the Gateway and its HTTPRoutes', () => {
  it('render each route as an HTTPRoute on the HTTPS listener of its wildcard', async () => {
    const { objects } = await renderEdgeTest(environment());
    const ui = objects('gateway-routes').shop_ui_httproute as IHTTPRoute;
    expect(ui.metadata).toMatchObject({ name: 'shop-ui', namespace: 'shop' });
    expect(ui.spec).toEqual({
      parentRefs: [
        {
          group: 'gateway.networking.k8s.io',
          kind: 'Gateway',
          name: 'edge',
          namespace: 'gateway',
          sectionName: 'https-test-example-com',
        },
      ],
      hostnames: ['shop.test.example.com'],
      rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'shop', port: 8080 }] }],
    });
  });

  it("give routes auth, body limits and internal audiences through the implementation's filters", async () => {
    const { objects } = await renderEdgeTest(environment());
    const routes = objects('gateway-routes');
    expect((routes.shop_push_httproute as IHTTPRoute).spec.rules![0]).toEqual({
      matches: [{ path: { type: 'Exact', value: '/api/v1/push' } }],
      filters: [
        { type: 'ExtensionRef', extensionRef: { group: 'traefik.io', kind: 'Middleware', name: 'shop-push-auth' } },
        { type: 'ExtensionRef', extensionRef: { group: 'traefik.io', kind: 'Middleware', name: 'shop-push-body' } },
      ],
      backendRefs: [{ name: 'shop', port: 8080 }],
    });
    expect((routes.shop_push_auth_middleware as IMiddleware).spec.basicAuth?.secret).toBe('shop-push-users');
    expect((routes.shop_admin_internal_middleware as IMiddleware).spec.ipAllowList?.sourceRange).toEqual([
      '10.0.0.0/8',
    ]);
  });

  it('refuse routes the standard channel cannot protect when no implementation filters are given', async () => {
    const message = await renderError(environment(gatewayRoutes()), { clusterApis: EDGE_TEST_CLUSTER_APIS });
    expect(message.split('\n')).toEqual([
      "test › shop › routes[admin].auth: Gateway API's standard HTTPRoute has no filter for forward auth; pass the implementation's filters, e.g. gatewayRoutes({ filters: traefikGatewayFilters }) of @platform/traefik",
      "test › shop › routes[admin].audience: Gateway API's standard HTTPRoute has no filter for an internal audience (source ranges); pass the implementation's filters, e.g. gatewayRoutes({ filters: traefikGatewayFilters }) of @platform/traefik",
      "test › shop › routes[push].auth: Gateway API's standard HTTPRoute has no filter for basic auth; pass the implementation's filters, e.g. gatewayRoutes({ filters: traefikGatewayFilters }) of @platform/traefik",
      "test › shop › routes[push].maxBodySize: Gateway API's standard HTTPRoute has no filter for a body size limit; pass the implementation's filters, e.g. gatewayRoutes({ filters: traefikGatewayFilters }) of @platform/traefik",
    ]);
  });

  it('terminate TLS on the Gateway with one wildcard listener per domain and redirect HTTP', async () => {
    const { objects } = await renderEdgeTest(environment());
    const edge = objects('gateway');
    const gw = edge.edge_gateway as IGateway;
    expect(gw.spec.gatewayClassName).toBe('traefik');
    expect(
      gw.spec.listeners.map((l) => [l.name, l.port, l.protocol, l.hostname, l.tls?.certificateRefs?.[0]?.name]),
    ).toEqual([
      ['http', 8000, 'HTTP', undefined, undefined],
      ['https-test-example-com', 8443, 'HTTPS', '*.test.example.com', 'wildcard-test-example-com-tls'],
    ]);
    expect(gw.spec.listeners[1]!.allowedRoutes?.namespaces?.selector?.matchExpressions).toEqual([
      { key: 'kubernetes.io/metadata.name', operator: 'In', values: ['gateway', 'shop'] },
    ]);
    expect((edge.https_redirect_httproute as IHTTPRoute).spec.rules).toEqual([
      { filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }] },
    ]);
    expect((edge.wildcard_test_example_com_certificate as ICertificate).metadata?.namespace).toBe('gateway');
    // Traefik serves no IngressRoutes and publishes no edge of its own in this mode.
    expect(Object.keys(objects('traefik')).filter((k) => k.includes('tlsstore') || k.includes('certificate'))).toEqual(
      [],
    );
  });

  it('give a route with its own certificate a listener of its own, and admit HTTP-01 to the solver', async () => {
    const own = shop({ routes: 'public' }).addRoutes([
      {
        name: 'partner',
        host: 'partner.example.org',
        backend: { service: 'shop', port: 8080, targetPort: 'http', pods: SHOP_PODS },
        certificate: { own: true, reason: 'a partner domain' },
      },
    ]);
    const { objects } = await renderEdgeTest([
      gatewayApiCrds(),
      fakeIssuer(),
      fakeDns({ sources: ['gateway-httproute'], domains: ['test.example.com', 'example.org'] }),
      own,
      traefik({ routes: 'gateway-api' }),
      gateway(),
      gatewayRoutes({ filters: traefikGatewayFilters }),
    ]);
    const listeners = (objects('gateway').edge_gateway as IGateway).spec.listeners;
    expect(listeners.find((l) => l.name === 'https-shop-partner')).toMatchObject({
      hostname: 'partner.example.org',
      tls: { certificateRefs: [{ kind: 'Secret', name: 'shop-partner-tls' }] },
    });
    expect((objects('gateway-routes').shop_partner_httproute as IHTTPRoute).spec.parentRefs![0]!.sectionName).toBe(
      'https-shop-partner',
    );
    expect((objects('gateway').shop_partner_certificate as ICertificate).metadata?.namespace).toBe('gateway');
    expect((objects('gateway').networkpolicy_allow_acme_http01 as INetworkPolicy).spec?.podSelector).toEqual({
      matchLabels: { 'acme.cert-manager.io/http01-solver': 'true' },
    });
    expect(objects('traefik').networkpolicy_allow_to_acme_http01_gateway).toBeDefined();
  });

  it("admit the implementation's pods to the backends", async () => {
    const { objects } = await renderEdgeTest(environment());
    expect((objects('shop').networkpolicy_allow_ingress_ui as INetworkPolicy).spec?.ingress?.[0]?.from).toEqual([
      {
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'traefik' } },
        podSelector: {
          matchLabels: { 'app.kubernetes.io/name': 'traefik', 'app.kubernetes.io/instance': 'traefik-traefik' },
        },
      },
    ]);
    expect(objects('traefik').networkpolicy_allow_to_shop_shop).toBeDefined();
  });

  it("pass pnpm check's rules, the edge's included", async () => {
    const { rendered } = await renderEdgeTest(environment());
    expect(checkFindings(rendered, ['gateway', 'gateway-routes', 'gateway-api-crds', 'traefik', 'shop'])).toEqual([]);
  });
});
