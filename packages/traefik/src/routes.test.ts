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
import { describe, expect, it } from 'vitest';
import { traefik, traefikRoutes } from './index.js';
import type { IIngressRoute, IMiddleware, ITLSStore } from './kinds.js';

const environment = () => [
  fakeIssuer(),
  fakeDns({ sources: ['traefik-proxy', 'service'] }),
  shop(),
  traefik({ internalSourceRanges: INTERNAL_RANGES }),
  traefikRoutes(),
];

describe('traefik routes', () => {
  it('render each route as an IngressRoute on the HTTPS entrypoint, pointing DNS at the load balancer', async () => {
    const { objects } = await renderEdgeTest(environment());
    const ui = objects('traefik-routes').shop_ui_ingressroute as IIngressRoute;
    expect(ui.metadata).toMatchObject({
      name: 'shop-ui',
      namespace: 'shop',
      annotations: { 'external-dns.alpha.kubernetes.io/target': 'edge.test.example.com' },
    });
    expect(ui.spec).toEqual({
      entryPoints: ['websecure'],
      routes: [
        {
          kind: 'Rule',
          match: 'Host(`shop.test.example.com`) && PathPrefix(`/`)',
          services: [{ name: 'shop', port: 8080 }],
        },
      ],
      tls: {},
    });
  });

  it('protect basic-auth routes with a Middleware naming the Secret, and limit their bodies', async () => {
    const { objects, rendered } = await renderEdgeTest(environment());
    const routes = objects('traefik-routes');
    const push = routes.shop_push_ingressroute as IIngressRoute;
    expect(push.spec.routes[0]).toEqual({
      kind: 'Rule',
      match: 'Host(`shop-push.test.example.com`) && Path(`/api/v1/push`)',
      middlewares: [{ name: 'shop-push-auth' }, { name: 'shop-push-body' }],
      services: [{ name: 'shop', port: 8080 }],
    });
    expect((routes.shop_push_auth_middleware as IMiddleware).spec).toEqual({
      basicAuth: { secret: 'shop-push-users', realm: 'Shop push', removeHeader: true },
    });
    expect((routes.shop_push_body_middleware as IMiddleware).spec).toEqual({
      buffering: { maxRequestBodyBytes: 16 * 1024 * 1024 },
    });
    // No credential anywhere: the users stay in the Secret the ExternalSecret delivers.
    expect(rendered.objects.filter((o) => o.object.kind === 'Secret')).toEqual([]);
    expect(rendered.objects.some((o) => /\$apr1\$|\$2[aby]\$|\{SHA\}/.test(o.yaml))).toBe(false);
  });

  it('admit internal routes from the organisation only, then forward them to the auth service', async () => {
    const { objects } = await renderEdgeTest(environment());
    const routes = objects('traefik-routes');
    expect((routes.shop_admin_ingressroute as IIngressRoute).spec.routes[0]!.middlewares).toEqual([
      { name: 'shop-admin-internal' },
      { name: 'shop-admin-auth' },
    ]);
    expect((routes.shop_admin_internal_middleware as IMiddleware).spec).toEqual({
      ipAllowList: { sourceRange: ['10.0.0.0/8'] },
    });
    expect((routes.shop_admin_auth_middleware as IMiddleware).spec).toEqual({
      forwardAuth: {
        address: 'http://oauth2-proxy.sso.svc.cluster.local:4180/oauth2/auth',
        trustForwardHeader: false,
        authResponseHeaders: ['X-Auth-Request-User'],
      },
    });
  });

  it('serve every route from one wildcard certificate in the default TLS store', async () => {
    const { objects } = await renderEdgeTest(environment());
    const edge = objects('traefik');
    expect((edge.default_tlsstore as ITLSStore).spec).toEqual({
      certificates: [{ secretName: 'wildcard-test-example-com-tls' }],
      defaultCertificate: { secretName: 'wildcard-test-example-com-tls' },
    });
    const wildcard = edge.wildcard_test_example_com_certificate as ICertificate;
    expect(wildcard.metadata?.namespace).toBe('traefik');
    expect(wildcard.spec).toMatchObject({
      secretName: 'wildcard-test-example-com-tls',
      dnsNames: ['*.test.example.com'],
      issuerRef: { name: 'issuer', kind: 'ClusterIssuer', group: 'cert-manager.io' },
    });
    expect(Object.keys(objects('traefik-routes')).filter((k) => k.endsWith('_certificate'))).toEqual([]);
  });

  it('give a route that opts out its own certificate and let HTTP-01 reach its solver', async () => {
    const own = shop({ routes: 'public' }).addRoutes([
      {
        name: 'partner',
        host: 'partner.example.org',
        backend: { service: 'shop', port: 8080, targetPort: 'http', pods: SHOP_PODS },
        certificate: { own: true, reason: 'a partner domain outside the wildcard' },
      },
    ]);
    const { objects } = await renderEdgeTest([
      fakeIssuer(),
      fakeDns({ sources: ['traefik-proxy'], domains: ['test.example.com', 'example.org'] }),
      own,
      traefik(),
      traefikRoutes(),
    ]);
    const routes = objects('traefik-routes');
    expect((routes.shop_partner_ingressroute as IIngressRoute).spec.tls).toEqual({ secretName: 'shop-partner-tls' });
    expect((routes.shop_partner_certificate as ICertificate).spec).toMatchObject({ dnsNames: ['partner.example.org'] });
    expect((routes.acme_http01_shop_networkpolicy as INetworkPolicy).spec?.ingress?.[0]?.ports).toEqual([
      { port: 8089, protocol: 'TCP' },
    ]);
    expect(objects('traefik').networkpolicy_allow_to_acme_http01_shop).toBeDefined();
  });

  it("open the edge's egress to each backend and the backend's ingress to the edge, on the targeted port", async () => {
    const { objects } = await renderEdgeTest(environment());
    const egress = objects('traefik').networkpolicy_allow_to_shop_shop as INetworkPolicy;
    expect(egress.spec?.egress).toEqual([
      {
        to: [
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } },
            podSelector: { matchLabels: SHOP_PODS },
          },
        ],
        ports: [{ port: 'http', protocol: 'TCP' }],
      },
    ]);
    const ingress = objects('shop').networkpolicy_allow_ingress_push as INetworkPolicy;
    expect(ingress.spec?.ingress?.[0]?.from).toEqual([
      {
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'traefik' } },
        podSelector: {
          matchLabels: { 'app.kubernetes.io/name': 'traefik', 'app.kubernetes.io/instance': 'traefik-traefik' },
        },
      },
    ]);
    expect(
      (objects('traefik').networkpolicy_allow_to_forward_auth_sso_4180 as INetworkPolicy).spec?.egress?.[0]?.ports,
    ).toEqual([{ port: 4180, protocol: 'TCP' }]);
  });

  it('come after the routed components, in the controller namespace without owning it', async () => {
    const { rendered, objects } = await renderEdgeTest(environment());
    const component = rendered.components.find((c) => c.name === 'traefik-routes')!;
    expect(component.dependsOn).toEqual(['shop', 'traefik']);
    expect(component.namespace).toBe('traefik');
    expect(
      Object.keys(objects('traefik-routes')).some((k) => k.startsWith('networkpolicy_') || k === 'namespace'),
    ).toBe(false);
  });

  it("pass pnpm check's rules, the edge's included", async () => {
    const { rendered } = await renderEdgeTest(environment());
    expect(checkFindings(rendered, ['traefik', 'traefik-routes', 'shop'])).toEqual([]);
  });

  it('validate the rendered objects against the CRD schemas', async () => {
    const broken = traefikRoutes().override({ shop_ui_ingressroute: { spec: { entrypoints: ['web'] } } as object });
    const message = await renderError([fakeIssuer(), shop({ routes: 'public' }), traefik(), broken], {
      clusterApis: EDGE_TEST_CLUSTER_APIS,
    });
    expect(message).toContain('IngressRoute/shop-ui');
    expect(message).toContain('entrypoints');
  });
});
