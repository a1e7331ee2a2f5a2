import {
  type BuildContext,
  type EgressRule,
  egressToEndpoints,
  endpointTarget,
  type IngressRule,
  type NetworkAccess,
  selectorLabels,
} from '@platform/core';
import { WORKLOAD as THANOS, PORTS as THANOS_PORTS } from '@platform/thanos';
import type { PrometheusConfig } from './config.js';
import { PART, PORTS } from './layout.js';
import { bucketStoreApis } from './thanos.js';

/** The kubelet's port, on every node's address (outside any pod network). */
const KUBELET_PORT = 10250;

/**
 * Prometheus' traffic beyond its namespace. In: remote write and queries from the metrics store's clients (on
 * exactly the pods and ports its addresses name), the Alertmanager API, and the global Query on this Query's
 * StoreAPI. Out: the API server (discovery; the operator; kube-state-metrics), scrape targets in every namespace,
 * the kubelets and node-exporters on the nodes' addresses, and with Thanos the bucket and the store gateways;
 * the Alertmanagers reach their HTTPS receivers.
 */
export function prometheusNetwork(context: BuildContext<PrometheusConfig>): NetworkAccess {
  const { config } = context;
  const pods = (part: string) => selectorLabels(context.name, part);
  const prometheus = pods(PART.prometheus);
  const thanos = config.thanos.enabled;
  const from = (components: string[]) => components.map((component) => ({ component }));
  const ingress: IngressRule[] = [
    {
      name: 'remote-write',
      from: from(config.network.remoteWriteFrom),
      ports: [PORTS.prometheus],
      podLabels: prometheus,
    },
    thanos
      ? {
          name: 'query',
          from: from(config.network.queryFrom),
          ports: [THANOS_PORTS.http],
          podLabels: pods(THANOS.queryFrontend),
        }
      : { name: 'query', from: from(config.network.queryFrom), ports: [PORTS.prometheus], podLabels: prometheus },
  ];
  if (config.alertmanager.enabled)
    ingress.push({
      name: 'alertmanager-api',
      from: from(config.network.alertmanagerFrom),
      ports: [PORTS.alertmanager],
      podLabels: pods(PART.alertmanager),
    });
  if (thanos)
    ingress.push({
      name: 'store-api',
      from: from(config.network.storeApiFrom),
      ports: [THANOS_PORTS.grpc],
      podLabels: pods(THANOS.query),
    });

  const egress: EgressRule[] = [
    { name: 'operator-api-server', to: 'apiServer', podLabels: pods(PART.operator) },
    { name: 'prometheus-api-server', to: 'apiServer', podLabels: prometheus },
    { name: 'scrape-targets', to: [{ allNamespaces: true }], podLabels: prometheus },
    { name: 'scrape-nodes', to: 'any', ports: [KUBELET_PORT, PORTS.nodeExporter], podLabels: prometheus },
  ];
  if (config.kubeStateMetrics.enabled)
    egress.push({ name: 'kube-state-metrics-api-server', to: 'apiServer', podLabels: pods(PART.kubeStateMetrics) });
  if (thanos) {
    egress.push({ name: 'sidecar-object-storage', to: 'objectStorage', podLabels: prometheus });
    egress.push(
      ...egressToEndpoints(
        bucketStoreApis(context).map((api) => endpointTarget(api, 'grpcAddress')),
        pods(THANOS.query),
      ),
    );
  }
  if (config.alertmanager.enabled && context.peers.find('alertRouting'))
    egress.push({ name: 'alertmanager-receivers', to: 'any', ports: [443], podLabels: pods(PART.alertmanager) });
  return { ingress, egress };
}
