import type { BuildContext, EgressRule, IngressRule, NetworkAccess, TelemetryStores } from '@platform/core';
import type { GeneratedAlloyConfig } from './alloy-config.js';
import { PORTS, type AlloyConfig, type RemoteTarget } from './config.js';
import { portOf } from './stores.js';

const KUBELET_PORT = 10250;

function storeEgress(stores: TelemetryStores): EgressRule[] {
  const ports = new Map<string, Set<number>>();
  const add = (component: string, address: string) => {
    if (!ports.has(component)) ports.set(component, new Set());
    ports.get(component)!.add(portOf(address));
  };
  stores.metrics.forEach((s) => add(s.component, s.remoteWriteUrl));
  stores.logs.forEach((s) => add(s.component, s.pushUrl));
  stores.traces.forEach((s) => add(s.component, s.otlpGrpcAddress));
  return [...ports.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([component, set]) => ({
    name: `to-${component}`,
    to: [{ component }],
    ports: [...set].sort((a, b) => a - b),
  }));
}

function extraEgress(kind: 'metrics' | 'logs', targets: readonly RemoteTarget[]): EgressRule[] {
  return targets.map((target) => ({ name: `extra-${kind}-${target.name}`, to: 'any', ports: [portOf(target.url)] }));
}

/**
 * Alloy's network needs: the stores it ships to (by component, on the ports of their URLs), the API server
 * (discovery), each node's kubelet (10250, addressed by node IP), scrape targets anywhere in the cluster,
 * the extra targets outside it, and OTLP from the cluster's pods.
 *
 * Scrape targets and OTLP senders live in every namespace; core's network peers cannot select "all
 * namespaces" yet, so those two rules use `any` (see README).
 */
export function alloyNetwork(context: BuildContext<AlloyConfig>, stores: TelemetryStores, generated: GeneratedAlloyConfig): NetworkAccess {
  const { config } = context;
  const uses = (prefix: string) => generated.components.some((id) => id.startsWith(prefix));
  const egress: EgressRule[] = [
    ...storeEgress(generated.otlp ? stores : { ...stores, traces: [] }),
    { name: 'kubernetes-api', to: 'apiServer' },
    ...(uses('prometheus.scrape.kubelet') || uses('prometheus.scrape.cadvisor') ? [{ name: 'kubelet', to: 'any' as const, ports: [KUBELET_PORT] }] : []),
    ...(uses('prometheus.scrape.annotated_pods') || uses('prometheus.operator.') ? [{ name: 'scrape-targets', to: [{ allNamespaces: true as const }] }] : []),
    ...extraEgress('metrics', config.extraMetricsTargets),
    ...extraEgress('logs', config.extraLogsTargets),
  ];
  const ingress: IngressRule[] = generated.otlp
    ? [{
      name: 'otlp',
      from: config.otlp.allowedNamespaces.length > 0 ? config.otlp.allowedNamespaces.map((namespace) => ({ namespace })) : [{ allNamespaces: true as const }],
      ports: [PORTS.otlpGrpc, PORTS.otlpHttp],
    }]
    : [];
  return { ingress, egress };
}
