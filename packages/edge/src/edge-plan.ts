import { type DeclaredRoute, PlatformError, type Problem, type RouteAuth } from '@platform/core';
import { bodySizeBytes } from './body-size.js';
import type { EdgeController } from './controller.js';
import type { EdgeIssuer } from './issuer.js';
import { conflictProblems, routeProblems } from './route-validation.js';
import { domainSlug, wildcardDomainFor } from './wildcards.js';

/** Which component renders a planned certificate: the controller (in its namespace) or the routes component. */
export type CertificateOwner = 'controller' | 'routes';

/** A Certificate the edge requests. */
export interface PlannedCertificate {
  /** Certificate name, also the stem of its Secret's. */
  name: string;
  namespace: string;
  secretName: string;
  dnsNames: string[];
  /** `wildcard`: shared by every route under its domain; `own`: one route's, with the reason. */
  purpose: 'wildcard' | 'own';
  reason?: string;
  renderedBy: CertificateOwner;
  /** Keys (`<component>/<route>`) of the routes it serves. */
  routes: string[];
}

/** A route as the edge renders it: resolved host, paths, auth and the certificate that covers it. */
export interface EdgeRoute {
  route: DeclaredRoute;
  /** `<component>/<route>`, unique in the environment. */
  key: string;
  /** Name of the objects rendered for the route in its namespace: `<component>-<name>`. */
  objectName: string;
  paths: Array<{ path: string; match: 'prefix' | 'exact' }>;
  auth: RouteAuth;
  audience: 'public' | 'internal';
  maxBodyBytes?: number;
  certificate: PlannedCertificate;
}

/** Every route of the environment as the edge renders it, and the certificates they need. */
export interface EdgePlan {
  routes: EdgeRoute[];
  certificates: PlannedCertificate[];
}

type PlanEdge = Pick<EdgeController, 'component' | 'namespace' | 'tls' | 'wildcardDomains' | 'internalSourceRanges'>;

/**
 * Plans the edge: validates every declared route (all problems at once), and gives each its certificate. By
 * default a route uses the one wildcard certificate of its domain (`*.<domain>`, a domain of
 * `edge.wildcardDomains`), so an environment requests one certificate per domain instead of one per host; a
 * route opts out with `certificate: { own: true, reason }`, and a host no wildcard covers must opt out (an error
 * says so). When the issuer cannot issue wildcards (ACME without DNS-01), every route gets its own certificate.
 * Where a certificate lives follows `edge.tls`: the controller's namespace, or each routed namespace for plain
 * Ingress; own certificates live with their route, except behind a Gateway, whose listeners hold them.
 * `lenient` skips invalid routes instead of throwing: the controller plans its certificates that way and leaves
 * reporting the problems to the routes component, so that each is reported once.
 */
export function planEdge(
  declared: readonly DeclaredRoute[],
  edge: PlanEdge,
  issuer: EdgeIssuer,
  options: { lenient?: boolean } = {},
): EdgePlan {
  const invalid = new Set(declared.filter((route) => routeProblems(route, edge).length > 0));
  const problems: Problem[] = [
    ...declared.flatMap((route) => routeProblems(route, edge)),
    ...conflictProblems(declared),
  ];
  const certificates = new Map<string, PlannedCertificate>();
  const certificateFor = (planned: Omit<PlannedCertificate, 'routes'>, key: string): PlannedCertificate => {
    const id = `${planned.namespace}/${planned.name}`;
    const existing = certificates.get(id) ?? { ...planned, routes: [] };
    if (planned.dnsNames.some((name) => !existing.dnsNames.includes(name)))
      existing.dnsNames = [...new Set([...existing.dnsNames, ...planned.dnsNames])].sort();
    existing.routes.push(key);
    certificates.set(id, existing);
    return existing;
  };
  const routes: EdgeRoute[] = [];
  for (const route of declared) {
    if (options.lenient && invalid.has(route)) continue;
    const key = `${route.component}/${route.name}`;
    const objectName = `${route.component}-${route.name}`;
    const domain = wildcardDomainFor(route.fqdn, edge.wildcardDomains);
    const ownReason = route.certificate?.own
      ? route.certificate.reason
      : !issuer.wildcards
        ? 'the issuer cannot issue wildcard certificates (no DNS-01 solver)'
        : undefined;
    if (ownReason === undefined && domain === undefined) {
      problems.push({
        component: route.component,
        path: `routes[${route.name}].host`,
        message: `${route.fqdn} is not covered by a wildcard certificate of the edge (*.${edge.wildcardDomains.join(', *.')}); add its parent domain to the edge's wildcardDomains, or give the route certificate: { own: true, reason }`,
      });
      continue;
    }
    const inController = edge.tls !== 'namespace';
    const certificate =
      ownReason !== undefined
        ? certificateFor(
            {
              name: objectName,
              namespace: edge.tls === 'listener' ? edge.namespace : route.namespace,
              secretName: `${objectName}-tls`,
              dnsNames: [route.fqdn],
              purpose: 'own',
              reason: ownReason,
              renderedBy: edge.tls === 'listener' ? 'controller' : 'routes',
            },
            key,
          )
        : certificateFor(
            {
              name: `wildcard-${domainSlug(domain!)}`,
              namespace: inController ? edge.namespace : route.namespace,
              secretName: `wildcard-${domainSlug(domain!)}-tls`,
              dnsNames: [`*.${domain}`],
              purpose: 'wildcard',
              renderedBy: inController ? 'controller' : 'routes',
            },
            key,
          );
    routes.push({
      route,
      key,
      objectName,
      paths: (route.paths ?? [{ path: '/' }]).map((p) => ({ path: p.path, match: p.match ?? 'prefix' })),
      auth: route.auth ?? { type: 'none' },
      audience: route.audience ?? 'public',
      ...(route.maxBodySize !== undefined ? { maxBodyBytes: bodySizeBytes(route.maxBodySize) } : {}),
      certificate,
    });
  }
  if (problems.length > 0 && !options.lenient) throw new PlatformError(problems);
  const sorted = [...certificates.values()].sort((a, b) =>
    `${a.namespace}/${a.name}` < `${b.namespace}/${b.name}` ? -1 : 1,
  );
  return { routes: routes.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)), certificates: sorted };
}
