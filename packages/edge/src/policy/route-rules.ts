import type { ICertificate } from '@platform/cert-manager';
import type { DeclaredRoute, DnsProvider, PolicyRule, RenderedEnvironment } from '@platform/core';
import { inventoryOf } from '@platform/policy';
import { inDomain, nameCovers } from '../wildcards.js';
import { type Serving, servingObjects } from './serving.js';

/** The objects serving a route's host, by environment (the rules share one scan per render). */
const servingCache = new WeakMap<RenderedEnvironment, Serving[]>();
function serving(environment: RenderedEnvironment): Serving[] {
  let found = servingCache.get(environment);
  if (!found) servingCache.set(environment, (found = servingObjects(environment)));
  return found;
}

/** The objects that serve `route`: in its namespace, naming its host. */
function servingRoute(environment: RenderedEnvironment, route: DeclaredRoute): Serving[] {
  return serving(environment).filter(
    (s) =>
      s.dnsSource !== 'crd' &&
      s.rendered.object.metadata?.namespace === route.namespace &&
      s.hosts.includes(route.fqdn),
  );
}

/** Every value of a capability the environment's components provide. */
function providedAll<K extends 'dnsProvider' | 'edgeController'>(environment: RenderedEnvironment, capability: K) {
  return [...environment.provided.values()].flatMap((provided) => {
    const value = provided[capability];
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  });
}

/** Every `dnsProvider` of the environment, with the edge's sources for those that follow the edge. */
function dnsProviders(environment: RenderedEnvironment): DnsProvider[] {
  const edgeSources = providedAll(environment, 'edgeController').flatMap((edge) => edge.dnsSources);
  return providedAll(environment, 'dnsProvider').map((provider) =>
    provider.followsEdge ? { ...provider, sources: [...new Set([...provider.sources, ...edgeSources])] } : provider,
  );
}

export const routeServedRule: PolicyRule = {
  id: 'edge.route-served',
  severity: 'warn',
  rationale: 'A route nothing serves is an endpoint its component expects to be reachable and is not.',
  check(environment, report) {
    for (const route of environment.routes) {
      if (servingRoute(environment, route).length > 0) continue;
      report({
        component: route.component,
        message: `route "${route.name}" (${route.fqdn}) is declared but no edge serves it; add an edge (@platform/traefik, @platform/contour, @platform/gateway-api or ingressEdge of @platform/edge) with its routes component`,
      });
    }
  },
};

/**
 * Every served route's host gets a DNS record: a `dnsProvider` (external-dns) whose domains contain the host
 * watches a source that sees one of the serving objects and can tell its target, or the host is in a domain
 * whose records are kept by hand (`manualDnsDomains`).
 */
export function routeDnsRule(manualDnsDomains: readonly string[]): PolicyRule {
  return {
    id: 'edge.route-dns',
    severity: 'error',
    rationale: 'A route without a DNS record is unreachable, and its ACME certificate cannot be validated.',
    check(environment, report) {
      const providers = dnsProviders(environment);
      const records = servingObjects(environment).filter((s) => s.dnsSource === 'crd');
      for (const route of environment.routes) {
        const objects = servingRoute(environment, route);
        if (objects.length === 0 || manualDnsDomains.some((d) => inDomain(route.fqdn, d))) continue;
        const covering = providers.filter((p) => p.domains.some((d) => inDomain(route.fqdn, d)));
        const sourced = covering.some((p) =>
          [...objects, ...records.filter((r) => r.hosts.includes(route.fqdn))].some(
            (s) => p.sources.includes(s.dnsSource) && s.hasDnsTarget,
          ),
        );
        if (sourced) continue;
        const why =
          covering.length === 0
            ? providers.length === 0
              ? 'the environment has no DNS provider (@platform/external-dns); if records are kept by hand, list the domain in edgeRules({ manualDnsDomains })'
              : `no DNS provider manages a domain containing it (domains: ${providers.flatMap((p) => p.domains).join(', ')})`
            : `its DNS provider watches ${covering.flatMap((p) => p.sources).join(', ')}, but the route is served by ${objects
                .map(
                  (s) =>
                    `${s.rendered.object.kind}/${s.rendered.object.metadata?.name} (source ${s.dnsSource}${s.hasDnsTarget ? '' : ', without a target annotation'})`,
                )
                .join(', ')}`;
        report({
          component: route.component,
          object: objects[0]!.rendered.object,
          message: `route "${route.name}": ${route.fqdn} has no DNS record source: ${why}`,
        });
      }
    },
  };
}

export const routeCertificateRule: PolicyRule = {
  id: 'edge.route-certificate',
  severity: 'error',
  rationale:
    "A served host whose TLS Secret no Certificate covers gets the edge's fallback certificate: a browser error.",
  check(environment, report) {
    const certificates = inventoryOf(environment).ofKind('cert-manager.io', 'Certificate');
    for (const route of environment.routes) {
      const objects = servingRoute(environment, route);
      if (objects.length === 0) continue;
      const covered = objects.some((s) =>
        s.tlsSecrets(route.fqdn).some((secret) =>
          certificates.some(({ object }) => {
            const spec = (object as ICertificate).spec;
            return (
              object.metadata?.namespace === secret.namespace &&
              spec?.secretName === secret.name &&
              (spec.dnsNames ?? []).some((name) => nameCovers(name, route.fqdn))
            );
          }),
        ),
      );
      if (covered) continue;
      report({
        component: route.component,
        object: objects[0]!.rendered.object,
        message: `route "${route.name}": no Certificate covers ${route.fqdn} in a Secret its ${objects.map((s) => s.rendered.object.kind).join('/')} can present`,
      });
    }
  },
};
