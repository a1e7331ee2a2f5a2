import { type DeclaredRoute, isDnsLabel, isDnsSubdomain, isHostName, type Problem } from '@platform/core';
import { bodySizeBytes } from './body-size.js';

/** A container port name (IANA service name): at most 15 characters, lower-case letters, digits and `-`. */
const PORT_NAME = /^(?=.{1,15}$)(?=.*[a-z])[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function isPort(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * What the edge would reject or serve wrongly about one route, located at `routes[<name>].<field>` of the
 * component that declared it: names objects are built from, the host, paths, backend, auth, audience, body
 * size and certificate opt-out. Problems are returned, not thrown, so that every route's are reported at once.
 */
export function routeProblems(route: DeclaredRoute, options: { internalSourceRanges: readonly string[] }): Problem[] {
  const problems: Problem[] = [];
  const at = (field: string, message: string) =>
    problems.push({ component: route.component, path: `routes[${route.name}]${field ? `.${field}` : ''}`, message });
  if (!isDnsLabel(route.name) || route.component.length + route.name.length + 1 > 63)
    at(
      '',
      `a route name must be a DNS label, and "<component>-<name>" at most 63 characters (objects are named after it), got "${route.name}"`,
    );
  if (!isHostName(route.fqdn))
    at(
      'host',
      `expected a host name or a single label under the base domain (no scheme, port or wildcard), got "${route.host}"`,
    );
  (route.paths ?? [{ path: '/' }]).forEach((entry, index) => {
    if (typeof entry.path !== 'string' || !entry.path.startsWith('/') || /[\s?#]/.test(entry.path))
      at(
        `paths[${index}].path`,
        `expected an absolute path without query or fragment, such as "/api", got ${JSON.stringify(entry.path)}`,
      );
    if (entry.match !== undefined && entry.match !== 'prefix' && entry.match !== 'exact')
      at(`paths[${index}].match`, `expected "prefix" or "exact", got ${JSON.stringify(entry.match)}`);
  });
  const { backend } = route;
  if (!isDnsLabel(backend.service)) at('backend.service', `expected a Service name, got "${backend.service}"`);
  if (!isPort(backend.port))
    at('backend.port', `expected a port number from 1 to 65535, got ${JSON.stringify(backend.port)}`);
  if (!(isPort(backend.targetPort) || (typeof backend.targetPort === 'string' && PORT_NAME.test(backend.targetPort))))
    at(
      'backend.targetPort',
      `expected a port number or a container port name, got ${JSON.stringify(backend.targetPort)}`,
    );
  if (Object.keys(backend.pods ?? {}).length === 0)
    at('backend.pods', "the Service's selector is needed to admit the edge to exactly those pods; got none");
  const auth = route.auth ?? { type: 'none' };
  if (auth.type === 'basic' && !isDnsSubdomain(auth.secret))
    at('auth.secret', `expected the name of the Secret holding the htpasswd users, got "${auth.secret}"`);
  if (auth.type === 'forward' && !isHttpUrl(auth.url))
    at('auth.url', `expected an http(s) URL of the authentication service, got "${auth.url}"`);
  if (route.audience === 'internal' && options.internalSourceRanges.length === 0)
    at(
      'audience',
      "an internal route needs the edge's internalSourceRanges (the organisation's networks); the edge has none, so it would be public",
    );
  if (route.maxBodySize !== undefined && bodySizeBytes(route.maxBodySize) === undefined)
    at(
      'maxBodySize',
      `expected a size such as "16m", "512k" or "1g" (powers of 1024), got ${JSON.stringify(route.maxBodySize)}`,
    );
  if (route.certificate && !(typeof route.certificate.reason === 'string' && route.certificate.reason.trim() !== ''))
    at('certificate.reason', 'a route that opts out of the wildcard certificate says why; the reason is empty');
  return problems;
}

/** Two routes claiming the same host and path: the edge would serve one of them, whichever it read last. */
export function conflictProblems(routes: readonly DeclaredRoute[]): Problem[] {
  const seen = new Map<string, DeclaredRoute>();
  const problems: Problem[] = [];
  for (const route of routes) {
    for (const entry of route.paths ?? [{ path: '/' }]) {
      const key = `${route.fqdn} ${entry.match ?? 'prefix'} ${entry.path}`;
      const other = seen.get(key);
      if (other && other !== route)
        problems.push({
          component: route.component,
          path: `routes[${route.name}]`,
          message: `serves ${route.fqdn}${entry.path} (${entry.match ?? 'prefix'}) like route "${other.name}" of component "${other.component}"; one host and path can have one backend`,
        });
      else seen.set(key, route);
    }
  }
  return problems;
}
