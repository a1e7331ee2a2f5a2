import { type DeclaredRoute, isPlatformError, type Route, selectorLabels } from '@platform/core';
import { describe, expect, it } from 'vitest';
import { planEdge } from './edge-plan.js';
import type { EdgeIssuer } from './issuer.js';

const pods = selectorLabels('app', 'app');
function declared(route: Partial<Route> & { name: string; host: string }, component = 'app'): DeclaredRoute {
  const fqdn = route.host.includes('.') ? route.host : `${route.host}.prod.example.com`;
  return {
    backend: { service: 'app', port: 8080, targetPort: 'http', pods },
    ...route,
    component,
    namespace: component,
    fqdn,
  };
}
const edge = {
  component: 'traefik',
  namespace: 'traefik',
  tls: 'store' as const,
  wildcardDomains: ['prod.example.com'],
  internalSourceRanges: ['10.0.0.0/8'],
};
const dns01: EdgeIssuer = {
  issuerRef: { name: 'letsencrypt', kind: 'ClusterIssuer', group: 'cert-manager.io' },
  wildcards: true,
  public: true,
};

function problems(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (isPlatformError(error)) return error.problems.map((p) => `${p.component} ${p.path}: ${p.message}`);
    throw error;
  }
  throw new Error('expected problems');
}

describe('planEdge', () => {
  it('gives every route of a domain the one wildcard certificate, in the controller namespace', () => {
    const plan = planEdge(
      [declared({ name: 'ui', host: 'grafana' }), declared({ name: 'api', host: 'api' }, 'shop')],
      edge,
      dns01,
    );
    expect(plan.certificates).toEqual([
      {
        name: 'wildcard-prod-example-com',
        namespace: 'traefik',
        secretName: 'wildcard-prod-example-com-tls',
        dnsNames: ['*.prod.example.com'],
        purpose: 'wildcard',
        renderedBy: 'controller',
        routes: ['app/ui', 'shop/api'],
      },
    ]);
    expect(plan.routes.map((r) => r.certificate.name)).toEqual([
      'wildcard-prod-example-com',
      'wildcard-prod-example-com',
    ]);
  });

  it('gives a route that opts out its own certificate with the reason, in its namespace', () => {
    const plan = planEdge(
      [declared({ name: 'ui', host: 'grafana', certificate: { own: true, reason: 'pinned by a partner' } })],
      edge,
      dns01,
    );
    expect(plan.certificates).toEqual([
      expect.objectContaining({
        name: 'app-ui',
        namespace: 'app',
        dnsNames: ['grafana.prod.example.com'],
        purpose: 'own',
        reason: 'pinned by a partner',
        renderedBy: 'routes',
      }),
    ]);
  });

  it('requires an opt-out for a host no wildcard covers, instead of issuing a certificate per host silently', () => {
    expect(problems(() => planEdge([declared({ name: 'ui', host: 'a.b.prod.example.com' })], edge, dns01))).toEqual([
      "app routes[ui].host: a.b.prod.example.com is not covered by a wildcard certificate of the edge (*.prod.example.com); add its parent domain to the edge's wildcardDomains, or give the route certificate: { own: true, reason }",
    ]);
  });

  it('falls back to a certificate per route when the issuer cannot issue wildcards', () => {
    const plan = planEdge([declared({ name: 'ui', host: 'grafana' })], edge, { ...dns01, wildcards: false });
    expect(plan.certificates.map((c) => [c.name, c.purpose, c.reason])).toEqual([
      ['app-ui', 'own', 'the issuer cannot issue wildcard certificates (no DNS-01 solver)'],
    ]);
  });

  it('copies the wildcard into each routed namespace for plain Ingress, and keeps own certificates on the Gateway', () => {
    const routes = [declared({ name: 'ui', host: 'grafana' }), declared({ name: 'api', host: 'api' }, 'shop')];
    expect(
      planEdge(routes, { ...edge, tls: 'namespace' }, dns01).certificates.map(
        (c) => `${c.namespace}/${c.name} ${c.renderedBy}`,
      ),
    ).toEqual(['app/wildcard-prod-example-com routes', 'shop/wildcard-prod-example-com routes']);
    const own = [declared({ name: 'ui', host: 'grafana', certificate: { own: true, reason: 'r' } })];
    expect(
      planEdge(own, { ...edge, tls: 'listener' }, dns01).certificates.map(
        (c) => `${c.namespace}/${c.name} ${c.renderedBy}`,
      ),
    ).toEqual(['traefik/app-ui controller']);
  });

  it('reports every invalid route at once, with its field, and conflicting routes', () => {
    expect(
      problems(() =>
        planEdge(
          [
            declared({ name: 'ui', host: 'grafana', paths: [{ path: 'api' }, { path: '/v1' }], maxBodySize: '16Mi' }),
            declared({ name: 'admin', host: 'admin', audience: 'internal', auth: { type: 'forward', url: 'auth' } }),
            declared({ name: 'copy', host: 'grafana', paths: [{ path: '/v1' }] }, 'other'),
          ],
          { ...edge, internalSourceRanges: [] },
          dns01,
        ),
      ),
    ).toEqual([
      'app routes[ui].paths[0].path: expected an absolute path without query or fragment, such as "/api", got "api"',
      'app routes[ui].maxBodySize: expected a size such as "16m", "512k" or "1g" (powers of 1024), got "16Mi"',
      'app routes[admin].auth.url: expected an http(s) URL of the authentication service, got "auth"',
      "app routes[admin].audience: an internal route needs the edge's internalSourceRanges (the organisation's networks); the edge has none, so it would be public",
      'other routes[copy]: serves grafana.prod.example.com/v1 (prefix) like route "ui" of component "app"; one host and path can have one backend',
    ]);
  });

  it('skips invalid routes without throwing when lenient, as the controller plans', () => {
    const plan = planEdge(
      [declared({ name: 'ui', host: 'grafana', maxBodySize: 'x' }), declared({ name: 'api', host: 'api' })],
      edge,
      dns01,
      {
        lenient: true,
      },
    );
    expect(plan.routes.map((r) => r.key)).toEqual(['app/api']);
  });
});
