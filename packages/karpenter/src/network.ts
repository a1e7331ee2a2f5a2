import type { BuildContext, NetworkAccess } from '@platform/core';
import { CONTROLLER_POD_LABELS } from './chart.js';
import type { KarpenterConfig } from './config.js';

/**
 * Cross-namespace traffic of the controller: the Kubernetes API (pods, nodes, its own kinds) and the AWS APIs
 * it launches and prices instances with and reads the interruption queue from (EC2, SQS, SSM, Pricing, IAM,
 * STS, EKS). Those are HTTPS endpoints outside the cluster (or VPC endpoints) that NetworkPolicies cannot name
 * by host, so that egress is to any address on 443, from the controller's pods only. It serves no webhook
 * (the v1 chart has none) and nothing calls it but the metrics scrapers, which the namespace admits.
 */
export function networkAccess(_context: BuildContext<KarpenterConfig>): NetworkAccess {
  return {
    egress: [
      { name: 'api-server', to: 'apiServer', podLabels: { ...CONTROLLER_POD_LABELS } },
      { name: 'aws-apis', to: 'any', ports: [443], podLabels: { ...CONTROLLER_POD_LABELS } },
    ],
  };
}
