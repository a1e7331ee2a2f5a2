import {
  type BuildContext,
  type EgressRule,
  egressToEndpoints,
  endpointTarget,
  type NetworkAccess,
} from '@platform/core';
import { METRICS_SERVER_PORT, POD_NAME_LABEL, POD_NAMES, WEBHOOK_PORT } from './chart.js';
import type { KedaConfig } from './config.js';

const operatorPods = { [POD_NAME_LABEL]: POD_NAMES.operator };

/**
 * Cross-namespace traffic of KEDA: the API server calls the metrics server (the aggregated external metrics
 * API) and the admission webhook, from outside any pod network, hence from anywhere, on those ports only; every
 * part talks to the API server; the operator queries the scalers: the environment's metrics store for
 * `prometheus` triggers (derived from its endpoint, so the store's own ingress must admit `keda` among its
 * query clients), and AWS and Kafka when configured. The metrics server reaches the operator over gRPC inside
 * the namespace.
 */
export function networkAccess({ config, peers }: BuildContext<KedaConfig>): NetworkAccess {
  const store = peers.find('metricsStore');
  const egress: EgressRule[] = [
    { name: 'api-server', to: 'apiServer' },
    ...(store ? egressToEndpoints([endpointTarget(store, 'queryUrl')], operatorPods) : []),
  ];
  if (config.scalerEgress.aws) egress.push({ name: 'aws-apis', to: 'any', ports: [443], podLabels: operatorPods });
  if (config.scalerEgress.kafkaPorts.length > 0)
    egress.push({ name: 'kafka', to: 'any', ports: [...config.scalerEgress.kafkaPorts], podLabels: operatorPods });
  return {
    ingress: [
      {
        name: 'metrics-api',
        from: 'any',
        ports: [METRICS_SERVER_PORT],
        podLabels: { [POD_NAME_LABEL]: POD_NAMES.metricsServer },
      },
      { name: 'webhook', from: 'any', ports: [WEBHOOK_PORT], podLabels: { [POD_NAME_LABEL]: POD_NAMES.webhooks } },
    ],
    egress,
  };
}
