import type { EnvironmentView } from '../../model/definition.js';
import { PlatformError } from '../../model/errors.js';
import type { Peers } from '../../model/peers.js';
import type { INetworkPolicy, INetworkPolicyPeer, INetworkPolicyPort } from '../../registry/kubernetes-types.js';
import { standardLabels } from '../labels.js';
import type { MeshMembership } from '../mesh/membership.js';
import { controlPlaneEgress, withProxyPorts } from '../mesh/network.js';
import type { NetworkAccess, NetworkPeer, PortSpec } from './types.js';

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
  return list.map((p) =>
    typeof p === 'object' ? { port: p.port, protocol: p.protocol ?? 'TCP' } : { port: p, protocol: 'TCP' },
  );
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
      result.push({
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': peerNamespace } },
        podSelector,
      });
    } else if ('allNamespaces' in peer) {
      result.push({ namespaceSelector: {}, podSelector });
    } else if ('namespace' in peer) {
      result.push({
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': peer.namespace } },
        podSelector,
      });
    } else {
      result.push({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': namespace } }, podSelector });
    }
  }
  return result;
}

export function objectStoragePort(environment: EnvironmentView): number {
  const { endpoint, insecure } = environment.settings.objectStorage;
  const match = /:(\d+)$/.exec(endpoint);
  return match ? Number(match[1]) : insecure ? 80 : 443;
}

/**
 * The policies of a namespace as a whole: deny everything, then allow the namespace itself, DNS, metrics scrapers
 * and, in a meshed namespace, the mesh's control plane.
 */
function namespacePolicies(
  component: string,
  namespace: string,
  environment: EnvironmentView,
  mesh: MeshMembership | undefined,
): Record<string, INetworkPolicy> {
  const result: Record<string, INetworkPolicy> = {
    networkpolicy_default_deny: policy('default-deny', namespace, component, {
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
    }),
    networkpolicy_allow_same_namespace: policy('allow-same-namespace', namespace, component, {
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ podSelector: {} }] }],
      egress: [{ to: [{ podSelector: {} }] }],
    }),
    networkpolicy_allow_dns: policy('allow-dns', namespace, component, {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        {
          to: [
            {
              namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
              podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
            },
          ],
          ports: [
            { port: 53, protocol: 'UDP' },
            { port: 53, protocol: 'TCP' },
          ],
        },
      ],
    }),
  };
  const scrapers = environment.settings.metricsScraperNamespaces.filter((ns) => ns !== namespace);
  if (scrapers.length > 0) {
    result.networkpolicy_allow_metrics_scraping = policy('allow-metrics-scraping', namespace, component, {
      podSelector: {},
      policyTypes: ['Ingress'],
      ingress: [
        { from: scrapers.map((ns) => ({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': ns } } })) },
      ],
    });
  }
  const toControlPlane = controlPlaneEgress(namespace, mesh);
  if (toControlPlane) {
    result.networkpolicy_allow_mesh_control_plane = policy('allow-mesh-control-plane', namespace, component, {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [{ to: toControlPlane.to, ports: ports(toControlPlane.ports) }],
    });
  }
  return result;
}

/**
 * The NetworkPolicies of a component's namespace: deny all ingress and egress, then allow traffic inside the
 * namespace, DNS, metrics scraping from the environment's scraper namespaces, and each declared rule.
 * Rules whose peers are all absent from the environment render nothing. In a meshed namespace (`mesh`), rules
 * between pods also open the mesh's proxy ports, and the namespace may reach the mesh's control plane.
 */
export function networkPolicies(
  component: string,
  namespace: string,
  access: NetworkAccess,
  environment: EnvironmentView,
  peers: Peers,
  { namespaceWide = true, mesh }: { namespaceWide?: boolean; mesh?: MeshMembership } = {},
): Record<string, INetworkPolicy> {
  const result: Record<string, INetworkPolicy> = namespaceWide
    ? namespacePolicies(component, namespace, environment, mesh)
    : {};
  const seen = new Set<string>();
  const key = (name: string) => `networkpolicy_allow_${name.replace(/-/g, '_')}`;
  for (const rule of access.ingress ?? []) {
    if (seen.has(rule.name))
      throw new PlatformError({ path: `network.ingress`, message: `two rules are named "${rule.name}"` });
    seen.add(rule.name);
    const from = rule.from === 'any' ? undefined : peersFor(rule.from, peers, namespace);
    if (from !== undefined && from.length === 0) continue;
    result[key(rule.name)] = policy(`allow-${rule.name}`, namespace, component, {
      podSelector: rule.podLabels ? { matchLabels: rule.podLabels } : {},
      policyTypes: ['Ingress'],
      // Sources outside the cluster and the API server are never meshed: their rules keep their ports.
      ingress: [{ from, ports: ports(rule.from === 'any' ? rule.ports : withProxyPorts(rule.ports, mesh)) }],
    });
  }
  for (const rule of access.egress ?? []) {
    if (seen.has(rule.name))
      throw new PlatformError({ path: `network.egress`, message: `two rules are named "${rule.name}"` });
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
      rulePorts = withProxyPorts(rulePorts, mesh);
    }
    result[key(rule.name)] = policy(`allow-${rule.name}`, namespace, component, {
      podSelector: rule.podLabels ? { matchLabels: rule.podLabels } : {},
      policyTypes: ['Egress'],
      egress: [{ to, ports: ports(rulePorts) }],
    });
  }
  return result;
}
