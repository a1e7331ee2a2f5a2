import {
  addressPort,
  type BuildContext,
  type EgressRule,
  egressToEndpoints,
  endpointTarget,
  type IngressRule,
  type NetworkAccess,
  selectorLabels,
  type TelemetryStores,
} from '@platform/core';
import type { GeneratedAlloyConfig } from './alloy-config.js';
import { ALLOY_WORKLOAD, type AlloyConfig, PORTS, type RemoteTarget } from './config.js';

const KUBELET_PORT = 10250;

/** Egress to exactly the pods behind the addresses Alloy ships to: remote write, log push, OTLP gRPC. */
function storeEgress(stores: TelemetryStores): EgressRule[] {
  return egressToEndpoints([
    ...stores.metrics.map((s) => endpointTarget(s, 'remoteWriteUrl')),
    ...stores.logs.map((s) => endpointTarget(s, 'pushUrl')),
    ...stores.traces.map((s) => endpointTarget(s, 'otlpGrpcAddress')),
  ]);
}

function extraEgress(kind: 'metrics' | 'logs', targets: readonly RemoteTarget[]): EgressRule[] {
  return targets.map((target) => ({
    name: `extra-${kind}-${target.name}`,
    to: 'any',
    ports: [addressPort(target.url)],
  }));
}

/**
 * Alloy's network needs: the stores it ships to (the pods and ports of the addresses they publish), the API server
 * (discovery), each node's kubelet (10250, addressed by node IP), scrape targets anywhere in the cluster,
 * the extra targets outside it, and OTLP from the cluster's pods.
 *
 * Scrape targets and OTLP senders live in every namespace; core's network peers cannot select "all
 * namespaces" yet, so those two rules use `any` (see README).
 */
export function alloyNetwork(
  context: BuildContext<AlloyConfig>,
  stores: TelemetryStores,
  generated: GeneratedAlloyConfig,
): NetworkAccess {
  const { config } = context;
  const uses = (prefix: string) => generated.components.some((id) => id.startsWith(prefix));
  const egress: EgressRule[] = [
    ...storeEgress(generated.otlp ? stores : { ...stores, traces: [] }),
    { name: 'kubernetes-api', to: 'apiServer' },
    ...(uses('prometheus.scrape.kubelet') || uses('prometheus.scrape.cadvisor')
      ? [{ name: 'kubelet', to: 'any' as const, ports: [KUBELET_PORT] }]
      : []),
    ...(uses('prometheus.scrape.annotated_pods') || uses('prometheus.operator.')
      ? [{ name: 'scrape-targets', to: [{ allNamespaces: true as const }] }]
      : []),
    ...extraEgress('metrics', config.extraMetricsTargets),
    ...extraEgress('logs', config.extraLogsTargets),
  ];
  const ingress: IngressRule[] = generated.otlp
    ? [
        {
          name: 'otlp',
          from:
            config.otlp.allowedNamespaces.length > 0
              ? config.otlp.allowedNamespaces.map((namespace) => ({ namespace }))
              : [{ allNamespaces: true as const }],
          ports: [PORTS.otlpGrpc, PORTS.otlpHttp],
          podLabels: selectorLabels(context.name, ALLOY_WORKLOAD),
        },
      ]
    : [];
  return { ingress, egress };
}
