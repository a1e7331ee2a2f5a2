/**
 * @platform/edge/testing: what the edge libraries' tests share: one routed application whose routes every edge
 * kind must render (public, basic auth with a body limit on an exact path, internal with forward auth), fake
 * certificate issuers (ACME with DNS-01, ACME with HTTP-01 only, the platform CA) and a fake DNS provider.
 */
import { CERT_MANAGER_KINDS, type IClusterIssuer } from '@platform/cert-manager';
import type { AnyComponent, EnvironmentSpec, GroupKind, RenderedEnvironment } from '@platform/core';
import { type DnsProvider, defineComponent, deployment, type Route, selectorLabels } from '@platform/core';
import { renderForTest } from '@platform/core/testing';
import { EXTERNAL_SECRETS_KINDS, externalSecret } from '@platform/external-secrets';
import { runPolicies } from '@platform/policy';
import { type EdgeRuleOptions, edgeRules } from '../policy/index.js';

/** The pods behind the shop's Service. */
export const SHOP_PODS = selectorLabels('shop', 'shop');

/** Client ranges the tests' edges admit to internal routes. */
export const INTERNAL_RANGES = ['10.0.0.0/8'];

/** The shop's routes: the same three routes every edge kind renders in the tests, under hosts named after `host`. */
export function shopRoutes(host = 'shop'): Route[] {
  return [
    { name: 'ui', host, backend: { service: 'shop', port: 8080, targetPort: 'http', pods: SHOP_PODS } },
    {
      name: 'push',
      host: `${host}-push`,
      paths: [{ path: '/api/v1/push', match: 'exact' }],
      backend: { service: 'shop', port: 8080, targetPort: 'http', pods: SHOP_PODS },
      auth: { type: 'basic', secret: 'shop-push-users', realm: 'Shop push' },
      maxBodySize: '16m',
    },
    {
      name: 'admin',
      host: `${host}-admin`,
      paths: [{ path: '/admin' }],
      backend: { service: 'shop', port: 8080, targetPort: 'http', pods: SHOP_PODS },
      auth: {
        type: 'forward',
        url: 'http://oauth2-proxy.sso.svc.cluster.local:4180/oauth2/auth',
        responseHeaders: ['X-Auth-Request-User'],
      },
      audience: 'internal',
    },
  ];
}

/** {@link shopRoutes} under `shop`. */
export const SHOP_ROUTES: Route[] = shopRoutes();

/** A routed application: a Deployment and Service, its routes, and the ExternalSecret of its push users. */
export const shop = defineComponent({
  name: 'shop',
  tier: 'workloads',
  defaults: { routes: 'all' as 'all' | 'public', host: 'shop' },
  build(context) {
    const { workload, service, pdb } = deployment(context, {
      name: 'shop',
      replicas: 2,
      containers: [
        {
          name: 'shop',
          image: 'nginxinc/nginx-unprivileged:1.27.3',
          ports: [{ name: 'http', containerPort: 8080 }],
          readinessProbe: { httpGet: { path: '/', port: 'http' } },
          livenessProbe: { httpGet: { path: '/', port: 'http' } },
          resources: { requests: { cpu: '10m', memory: '32Mi' }, limits: { memory: '32Mi' } },
        },
      ],
    });
    return {
      shop_deployment: workload,
      shop_service: service!,
      ...(pdb ? { shop_pdb: pdb } : {}),
      push_users_externalsecret: externalSecret({
        name: 'shop-push-users',
        namespace: context.namespace,
        data: { auth: { key: 'platform/test/shop-push-users', property: 'htpasswd' } },
      }),
    };
  },
  routes: ({ config }) => shopRoutes(config.host).filter((route) => config.routes === 'all' || route.name === 'ui'),
  kinds: EXTERNAL_SECRETS_KINDS,
});

/** The issuers the edge tests run against. */
export type FakeIssuerKind = 'acme-dns01' | 'acme-http01' | 'ca';

/**
 * A certificate issuer: a ClusterIssuer named after the component, provided as the capability the edge reads
 * (`publicCertificateIssuer` for ACME, `certificateIssuer` for a CA). Two of them: `fakeIssuer({ kind: 'ca' }).named('platform-ca')`.
 */
export const fakeIssuer = defineComponent({
  name: 'issuer',
  tier: 'operators',
  defaults: { kind: 'acme-dns01' as FakeIssuerKind },
  provides: ({ name, namespace, config }) => {
    const issuerRef = { name, kind: 'ClusterIssuer' as const, group: 'cert-manager.io' as const };
    return config.kind === 'ca'
      ? { certificateIssuer: { component: name, namespace, issuerRef } }
      : {
          publicCertificateIssuer: { component: name, namespace, issuerRef, wildcards: config.kind === 'acme-dns01' },
        };
  },
  build: ({ name, config }) => {
    const issuer: IClusterIssuer = {
      apiVersion: 'cert-manager.io/v1',
      kind: 'ClusterIssuer',
      metadata: { name },
      spec:
        config.kind === 'ca'
          ? { ca: { secretName: `${name}-ca` } }
          : {
              acme: {
                server: 'https://acme-staging-v02.api.letsencrypt.org/directory',
                privateKeySecretRef: { name: `${name}-account` },
                solvers: [
                  config.kind === 'acme-dns01'
                    ? { dns01: { route53: { region: 'eu-west-1' } } }
                    : { http01: { ingress: { ingressClassName: 'edge' } } },
                ],
              },
            },
    };
    return { issuer_clusterissuer: issuer };
  },
  kinds: CERT_MANAGER_KINDS,
});

/** A secret store (External Secrets' ClusterSecretStore) that renders nothing: ExternalSecrets name it. */
export const fakeSecretStore = defineComponent({
  name: 'secret-store',
  tier: 'operators',
  defaults: {},
  provides: ({ name, namespace }) => ({
    secretStore: {
      component: name,
      namespace,
      storeRef: { name: 'platform-vault', kind: 'ClusterSecretStore' as const },
    },
  }),
  build: () => ({}),
});

/** A DNS provider that renders nothing and manages `domains` through `sources`. */
export const fakeDns = defineComponent({
  name: 'dns',
  tier: 'platform',
  defaults: { domains: ['test.example.com'], sources: ['ingress'] as DnsProvider['sources'] },
  provides: ({ name, namespace, config }) => ({
    dnsProvider: { component: name, namespace, domains: [...config.domains], sources: [...config.sources] },
  }),
  build: () => ({}),
});

/**
 * The APIs the edge tests' cluster serves without a component installing them: prometheus-operator's (as core's
 * test environment), cert-manager's and External Secrets' (whose operators the fakes stand in for).
 */
export const EDGE_TEST_CLUSTER_APIS: GroupKind[] = [
  ...['ServiceMonitor', 'PodMonitor', 'PrometheusRule'].map((kind) => ({ group: 'monitoring.coreos.com', kind })),
  ...['Certificate', 'ClusterIssuer', 'Issuer'].map((kind) => ({ group: 'cert-manager.io', kind })),
  { group: 'external-secrets.io', kind: 'ExternalSecret' },
];

/** `renderForTest` in a cluster that serves {@link EDGE_TEST_CLUSTER_APIS} (plus `clusterApis` of the overrides). */
export function renderEdgeTest(components: AnyComponent[], overrides: Partial<EnvironmentSpec> = {}) {
  return renderForTest(components, {
    ...overrides,
    clusterApis: [...EDGE_TEST_CLUSTER_APIS, ...(overrides.clusterApis ?? [])],
  });
}

/**
 * What `pnpm check` (every built-in rule plus {@link edgeRules}) finds about `components` of a test render: their
 * errors, and every finding of an `edge.*` rule, as `rule component: message` lines. The test environment's own
 * gaps (no Argo CD, one tiny workload) are not the libraries' and are left out.
 */
export function checkFindings(
  rendered: RenderedEnvironment,
  components: readonly string[],
  options: EdgeRuleOptions = {},
): string[] {
  return runPolicies(rendered, { rules: edgeRules(options) })
    .findings.filter((f) => f.rule.startsWith('edge.') || (f.severity === 'error' && components.includes(f.component)))
    .map((f) => `${f.rule} ${f.component}: ${f.message}`);
}
