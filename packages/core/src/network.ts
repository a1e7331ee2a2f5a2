import { urlPort } from './checksum.js';
import type { EnvironmentView, Peers } from './component.js';
import type { EndpointOwner, PodSelector } from './endpoints.js';
import { PlatformError } from './errors.js';
import type { INetworkPolicy, INetworkPolicyPeer, INetworkPolicyPort } from './kinds.js';
import { standardLabels } from './labels.js';

/** A port a rule opens: a number, a named container port, or either with a protocol. */
export type PortSpec = number | string | { port: number | string; protocol?: 'TCP' | 'UDP' };

/** Who may connect, or whom a pod may connect to. */
export type NetworkPeer =
  /** Pods of another component of the environment (skipped when that component is absent). */
  | { component: string; podLabels?: Record<string, string> }
  /** Pods of a namespace by name. */
  | { namespace: string; podLabels?: Record<string, string> }
  /** Pods of every namespace of the cluster (e.g. OTLP ingestion that any workload may use). */
  | { allNamespaces: true; podLabels?: Record<string, string> }
  /** Pods of this component's namespace with these labels. */
  | { podLabels: Record<string, string> }
  /** An address range outside the cluster. */
  | { cidr: string; except?: string[] };

/** Ingress into the component's pods. */
export interface IngressRule {
  /** Short name of the rule, used in the NetworkPolicy name (`allow-<name>`). */
  name: string;
  /** Sources; `'any'` allows every source (used for admission webhooks called by the API server). */
  from: NetworkPeer[] | 'any';
  ports: PortSpec[];
  /** Only these pods of the component receive the traffic. Default: all pods of the namespace. */
  podLabels?: Record<string, string>;
}

/** Egress from the component's pods. */
export interface EgressRule {
  name: string;
  /** Destinations; `'apiServer'` is the Kubernetes API, `'objectStorage'` the environment's S3 endpoint, `'any'` everywhere. */
  to: NetworkPeer[] | 'apiServer' | 'objectStorage' | 'any';
  /** Ports; default for `apiServer` 443 and 6443, for `objectStorage` the endpoint's port. */
  ports?: PortSpec[];
  podLabels?: Record<string, string>;
}

/** The network access a component's pods need beyond their own namespace and DNS. */
export interface NetworkAccess {
  ingress?: IngressRule[];
  egress?: EgressRule[];
}

const ANYWHERE: INetworkPolicyPeer[] = [{ ipBlock: { cidr: '0.0.0.0/0' } }, { ipBlock: { cidr: '::/0' } }];

function policy(name: string, namespace: string, component: string, spec: INetworkPolicy['spec']): INetworkPolicy {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace, labels: standardLabels(component, 'network-policy') },
    spec,
  };
}

function ports(list: PortSpec[] | undefined): INetworkPolicyPort[] | undefined {
  if (!list || list.length === 0) return undefined;
  return list.map((p) => (typeof p === 'object' ? { port: p.port, protocol: p.protocol ?? 'TCP' } : { port: p, protocol: 'TCP' }));
}

function peersFor(list: NetworkPeer[], peers: Peers, namespace: string): INetworkPolicyPeer[] {
  const result: INetworkPolicyPeer[] = [];
  for (const peer of list) {
    if ('cidr' in peer) {
      result.push({ ipBlock: { cidr: peer.cidr, except: peer.except } });
      continue;
    }
    const podSelector = peer.podLabels ? { matchLabels: peer.podLabels } : {};
    if ('component' in peer) {
      const peerNamespace = peers.namespaceOf(peer.component);
      if (peerNamespace === undefined) continue;
      result.push({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': peerNamespace } }, podSelector });
    } else if ('allNamespaces' in peer) {
      result.push({ namespaceSelector: {}, podSelector });
    } else if ('namespace' in peer) {
      result.push({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': peer.namespace } }, podSelector });
    } else {
      result.push({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': namespace } }, podSelector });
    }
  }
  return result;
}

function objectStoragePort(environment: EnvironmentView): number {
  const { endpoint, insecure } = environment.settings.objectStorage;
  const match = /:(\d+)$/.exec(endpoint);
  return match ? Number(match[1]) : insecure ? 80 : 443;
}

/** The policies of a namespace as a whole: deny everything, then allow the namespace itself, DNS and metrics scrapers. */
function namespacePolicies(component: string, namespace: string, environment: EnvironmentView): Record<string, INetworkPolicy> {
  const result: Record<string, INetworkPolicy> = {
    networkpolicy_default_deny: policy('default-deny', namespace, component, { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }),
    networkpolicy_allow_same_namespace: policy('allow-same-namespace', namespace, component, {
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ podSelector: {} }] }],
      egress: [{ to: [{ podSelector: {} }] }],
    }),
    networkpolicy_allow_dns: policy('allow-dns', namespace, component, {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [{
        to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
        ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }],
      }],
    }),
  };
  const scrapers = environment.settings.metricsScraperNamespaces.filter((ns) => ns !== namespace);
  if (scrapers.length > 0) {
    result.networkpolicy_allow_metrics_scraping = policy('allow-metrics-scraping', namespace, component, {
      podSelector: {},
      policyTypes: ['Ingress'],
      ingress: [{ from: scrapers.map((ns) => ({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': ns } } })) }],
    });
  }
  return result;
}

/**
 * The NetworkPolicies of a component's namespace: deny all ingress and egress, then allow traffic inside the
 * namespace, DNS, metrics scraping from the environment's scraper namespaces, and each declared rule.
 * Rules whose peers are all absent from the environment render nothing.
 */
export function networkPolicies(component: string, namespace: string, access: NetworkAccess, environment: EnvironmentView, peers: Peers, { namespaceWide = true }: { namespaceWide?: boolean } = {}): Record<string, INetworkPolicy> {
  const result: Record<string, INetworkPolicy> = namespaceWide ? namespacePolicies(component, namespace, environment) : {};
  const seen = new Set<string>();
  const key = (name: string) => `networkpolicy_allow_${name.replace(/-/g, '_')}`;
  for (const rule of access.ingress ?? []) {
    if (seen.has(rule.name)) throw new PlatformError({ path: `network.ingress`, message: `two rules are named "${rule.name}"` });
    seen.add(rule.name);
    const from = rule.from === 'any' ? undefined : peersFor(rule.from, peers, namespace);
    if (from !== undefined && from.length === 0) continue;
    result[key(rule.name)] = policy(`allow-${rule.name}`, namespace, component, {
      podSelector: rule.podLabels ? { matchLabels: rule.podLabels } : {},
      policyTypes: ['Ingress'],
      ingress: [{ from, ports: ports(rule.ports) }],
    });
  }
  for (const rule of access.egress ?? []) {
    if (seen.has(rule.name)) throw new PlatformError({ path: `network.egress`, message: `two rules are named "${rule.name}"` });
    seen.add(rule.name);
    let to: INetworkPolicyPeer[];
    let rulePorts = rule.ports;
    if (rule.to === 'apiServer') {
      to = ANYWHERE;
      rulePorts ??= [443, 6443];
    } else if (rule.to === 'objectStorage') {
      to = ANYWHERE;
      rulePorts ??= [objectStoragePort(environment)];
    } else if (rule.to === 'any') {
      to = ANYWHERE;
    } else {
      to = peersFor(rule.to, peers, namespace);
      if (to.length === 0) continue;
    }
    result[key(rule.name)] = policy(`allow-${rule.name}`, namespace, component, {
      podSelector: rule.podLabels ? { matchLabels: rule.podLabels } : {},
      policyTypes: ['Egress'],
      egress: [{ to, ports: ports(rulePorts) }],
    });
  }
  return result;
}

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
export function endpointTarget<E extends EndpointOwner & { pods: object }, F extends keyof E['pods'] & keyof E & string>(endpoint: E, field: F): EndpointTarget | undefined {
  const address = endpoint[field] as unknown;
  if (address === undefined) return undefined;
  if (typeof address !== 'string') throw new PlatformError({ message: `${field} of component "${endpoint.component}" is not an address` });
  // `pods` may be missing at run time when the provider's library was built against an older core.
  const podLabels = (endpoint.pods as Partial<Record<string, PodSelector>> | undefined)?.[field];
  if (!podLabels || Object.keys(podLabels).length === 0) {
    throw new PlatformError({
      message: `component "${endpoint.component}" publishes ${field} "${address}" without the pod selector of its Service (pods.${field}), so no egress rule can be limited to those pods; use a version of its library that publishes endpoint pods`,
    });
  }
  return { component: endpoint.component, service: serviceOf(address), podLabels, port: addressPort(address) };
}

/**
 * Least-privilege egress to the addresses a component uses: one rule per provider's pod set, named
 * `to-<component>-<service>`, opening exactly those pods (the Services' selectors) on the addresses' ports,
 * instead of every pod of the provider's namespace. Absent targets (`undefined`) are skipped, so optional
 * addresses can be passed as they are. `podLabels` limits the rules to some of the consumer's own pods.
 */
export function egressToEndpoints(targets: ReadonlyArray<EndpointTarget | undefined>, podLabels?: Record<string, string>): EgressRule[] {
  const groups = new Map<string, { component: string; service: string; podLabels: PodSelector; ports: Set<number> }>();
  for (const target of targets) {
    if (!target) continue;
    const selector = Object.keys(target.podLabels).sort().map((key) => `${key}=${target.podLabels[key]}`).join(',');
    const key = `${target.component}\u0000${selector}`;
    const group = groups.get(key) ?? { component: target.component, service: target.service, podLabels: target.podLabels, ports: new Set<number>() };
    group.ports.add(target.port);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((group): EgressRule => ({
      name: `to-${group.component}-${group.service}`,
      to: [{ component: group.component, podLabels: group.podLabels }],
      ports: [...group.ports].sort((a, b) => a - b),
      ...(podLabels ? { podLabels } : {}),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
