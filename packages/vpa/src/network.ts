import type { BuildContext, NetworkAccess } from '@platform/core';
import { partPods, WEBHOOK_PORT } from './chart.js';
import type { VpaConfig } from './config.js';

/**
 * Cross-namespace traffic of the VPA: every part talks only to the API server (the recommender reads pod usage
 * from the resource metrics API through it); with the admission controller, the API server calls its webhook
 * from outside any pod network, hence from anywhere, on the webhook port only.
 */
export function networkAccess({ config }: BuildContext<VpaConfig>): NetworkAccess {
  return {
    ingress: config.admissionController.enabled
      ? [{ name: 'webhook', from: 'any', ports: [WEBHOOK_PORT], podLabels: partPods('admission-controller') }]
      : [],
    egress: [{ name: 'api-server', to: 'apiServer' }],
  };
}
