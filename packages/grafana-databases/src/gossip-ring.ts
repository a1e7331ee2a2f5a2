import type { IContainerPort, IService } from '@platform/core';
import { type ResolvedSettings, serviceHost, standardLabels } from '@platform/core';

/** The port memberlist gossips on in Grafana's databases (Mimir, Loki, Tempo). */
export const GOSSIP_PORT = 7946;

/** A memberlist gossip ring shared by the members of one component instance. */
export interface GossipRing {
  /** Headless Service whose endpoints are every ring member, ready or not. */
  service: IService;
  /** Labels that make a pod a ring member. */
  memberLabels: Record<string, string>;
  /** The container port every member exposes. */
  port: IContainerPort;
  /** The join address for `-memberlist.join` / `memberlist.join_members`, e.g. `dns+gossip-ring.mimir.svc.cluster.local.:7946`. */
  joinAddress: string;
}

/**
 * The memberlist ring of a component, as Grafana's Jsonnet libraries build it: a headless `gossip-ring`
 * Service selecting pods labelled as members, which publishes not-ready pods so a starting member can join.
 */
export function gossipRing(
  component: string,
  namespace: string,
  settings: Pick<ResolvedSettings, 'clusterDomain'>,
  serviceName = 'gossip-ring',
): GossipRing {
  const memberLabels = { 'app.kubernetes.io/instance': component, gossip_ring_member: 'true' };
  return {
    service: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: serviceName, namespace, labels: standardLabels(component, 'gossip-ring') },
      spec: {
        clusterIP: 'None',
        publishNotReadyAddresses: true,
        selector: memberLabels,
        ports: [
          { name: 'gossip-ring', port: GOSSIP_PORT, targetPort: GOSSIP_PORT, protocol: 'TCP', appProtocol: 'tcp' },
        ],
      },
    },
    memberLabels,
    port: { name: 'gossip-ring', containerPort: GOSSIP_PORT, protocol: 'TCP' },
    joinAddress: `dns+${serviceHost(serviceName, namespace, settings)}.:${GOSSIP_PORT}`,
  };
}

/** The `memberlist` block of a Grafana database's configuration file (Mimir, Loki, Tempo). */
export interface MemberlistConfig {
  join_members: string[];
  bind_port: number;
  abort_if_cluster_join_fails: boolean;
  cluster_label?: string;
}

/**
 * How a process joins its ring: through the ring's join address, on the gossip port, starting even when nobody
 * answers (the first pods of a new cluster find nobody to join). With a `clusterLabel` (e.g.
 * `<component>.<namespace>`), the ring also refuses members of another memberlist cluster that reuses pod IPs.
 */
export function memberlistConfig(joinAddress: string, clusterLabel?: string): MemberlistConfig {
  return {
    join_members: [joinAddress],
    bind_port: GOSSIP_PORT,
    abort_if_cluster_join_fails: false,
    ...(clusterLabel ? { cluster_label: clusterLabel } : {}),
  };
}
