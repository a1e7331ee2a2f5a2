import type { BuildContext, EgressRule, NetworkAccess } from '@platform/core';
import { NFS_PORT, POD_LABELS, WEBHOOK_PORT } from './chart.js';
import type { LonghornConfig } from './config.js';

/**
 * Longhorn's traffic beyond its namespace (engines, replicas, instance managers, CSI pods and the UI talk to
 * each other and to the manager inside it). The API server calls the manager's admission webhook; the nodes
 * mount RWX volumes over NFS from the share managers (from node addresses, hence from anywhere; iSCSI to a
 * node's own engine is node-local, which NetworkPolicies always allow). The manager and the CSI pods use the
 * API server; backups go to the object storage from the instance managers and the manager (both in the
 * namespace, and the manager creates backup pods with labels of its own), so that rule is namespace-wide.
 */
export function networkAccess({ config }: BuildContext<LonghornConfig>): NetworkAccess {
  const egress: EgressRule[] = [{ name: 'api-server', to: 'apiServer' }];
  if (config.backupTarget.enabled) egress.push({ name: 'backup-target', to: 'objectStorage' });
  return {
    ingress: [
      { name: 'webhook', from: 'any', ports: [WEBHOOK_PORT], podLabels: { ...POD_LABELS.admissionWebhook } },
      { name: 'nfs', from: 'any', ports: [NFS_PORT], podLabels: { ...POD_LABELS.shareManager } },
    ],
    egress,
  };
}
