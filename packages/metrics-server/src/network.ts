import type { NetworkAccess } from '@platform/core';
import { CONTAINER_PORT, KUBELET_PORT, POD_LABELS } from './chart.js';

/**
 * metrics-server's traffic: the API server calls the aggregated resource metrics API from outside any pod
 * network, hence from anywhere, on the container port only; metrics-server scrapes every node's kubelet
 * (`/metrics/resource` on 10250, addressed by node IP, `--kubelet-use-node-status-port`) and watches nodes and
 * pods through the API server. Prometheus's scrape of `/metrics` comes through the namespace's scraper rule.
 */
export function networkAccess(): NetworkAccess {
  return {
    ingress: [{ name: 'metrics-api', from: 'any', ports: [CONTAINER_PORT], podLabels: { ...POD_LABELS } }],
    egress: [
      { name: 'api-server', to: 'apiServer', podLabels: { ...POD_LABELS } },
      { name: 'kubelet', to: 'any', ports: [KUBELET_PORT], podLabels: { ...POD_LABELS } },
    ],
  };
}
