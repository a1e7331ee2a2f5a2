import type { EndpointOwner, PodSelector } from '../../model/capabilities.js';
import { PlatformError } from '../../model/errors.js';
import { urlPort } from '../../util/urls.js';
import type { EgressRule } from './types.js';

/** The port of a URL (`http://x:8080/path`, scheme default when none is written) or of a `host:port` address. */
export function addressPort(address: string): number {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(address)) return urlPort(address);
  const match = /:(\d+)$/.exec(address);
  if (!match) throw new PlatformError({ message: `address "${address}" has no port` });
  return Number(match[1]);
}

/** The Service an in-cluster address names: the first label of its host (`query-frontend` of `http://query-frontend.mimir.svc...`). */
function serviceOf(address: string): string {
  const host = /^[a-z][a-z0-9+.-]*:\/\//i.test(address) ? new URL(address).hostname : address.replace(/:\d+$/, '');
  return host.split('.')[0]!;
}

/** One address of a peer's endpoint as a network destination. */
export interface EndpointTarget {
  /** Component that provides the endpoint. */
  component: string;
  /** Service the address names (for rule names). */
  service: string;
  /** The pods behind the address: the Service's `spec.selector`, as the endpoint publishes it. */
  podLabels: PodSelector;
  /** Port of the address. */
  port: number;
}

/**
 * Where one address of an endpoint leads: its component, the pods of the Service it names (from the endpoint's
 * `pods`) and its port. `undefined` when the endpoint does not publish that (optional) address, e.g. a metrics
 * store without an Alertmanager. `field` is an address field of the endpoint: `endpointTarget(store, 'queryUrl')`.
 */
export function endpointTarget<
  E extends EndpointOwner & { pods: object },
  F extends keyof E['pods'] & keyof E & string,
>(endpoint: E, field: F): EndpointTarget | undefined {
  const address = endpoint[field] as unknown;
  if (address === undefined) return undefined;
  if (typeof address !== 'string')
    throw new PlatformError({ message: `${field} of component "${endpoint.component}" is not an address` });
  // `pods` may be missing at run time when the provider's library was built against an older core.
  const podLabels = (endpoint.pods as Partial<Record<string, PodSelector>> | undefined)?.[field];
  if (!podLabels || Object.keys(podLabels).length === 0) {
    throw new PlatformError({
      message: `component "${endpoint.component}" publishes ${field} "${address}" without the pod selector of its Service (pods.${field}), so no egress rule can be limited to those pods; use a version of its library that publishes endpoint pods`,
    });
  }
  // A host without a port (a database's `host`) takes the endpoint's own `port` field.
  const port = hasPort(address) ? addressPort(address) : (endpoint as { port?: unknown }).port;
  if (typeof port !== 'number')
    throw new PlatformError({
      message: `${field} "${address}" of component "${endpoint.component}" has no port, and the endpoint publishes none`,
    });
  return { component: endpoint.component, service: serviceOf(address), podLabels, port };
}

/** Whether an address names its port (a URL always does, through its scheme). */
function hasPort(address: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(address) || /:\d+$/.test(address);
}

/**
 * Least-privilege egress to the addresses a component uses: one rule per provider's pod set, named
 * `to-<component>-<service>`, opening exactly those pods (the Services' selectors) on the addresses' ports,
 * instead of every pod of the provider's namespace. Absent targets (`undefined`) are skipped, so optional
 * addresses can be passed as they are. `podLabels` limits the rules to some of the consumer's own pods.
 */
export function egressToEndpoints(
  targets: ReadonlyArray<EndpointTarget | undefined>,
  podLabels?: Record<string, string>,
): EgressRule[] {
  const groups = new Map<string, { component: string; service: string; podLabels: PodSelector; ports: Set<number> }>();
  for (const target of targets) {
    if (!target) continue;
    const selector = Object.keys(target.podLabels)
      .sort()
      .map((key) => `${key}=${target.podLabels[key]}`)
      .join(',');
    const key = `${target.component}\u0000${selector}`;
    const group = groups.get(key) ?? {
      component: target.component,
      service: target.service,
      podLabels: target.podLabels,
      ports: new Set<number>(),
    };
    group.ports.add(target.port);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map(
      (group): EgressRule => ({
        name: `to-${group.component}-${group.service}`,
        to: [{ component: group.component, podLabels: group.podLabels }],
        ports: [...group.ports].sort((a, b) => a - b),
        ...(podLabels ? { podLabels } : {}),
      }),
    )
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
