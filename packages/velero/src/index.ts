/**
 * @platform/velero: Velero from its upstream chart (installed by Argo CD with typed values), a
 * BackupStorageLocation on the environment's object storage, file-system backups of volumes with the node agent
 * (kopia), and Schedules derived from what the environment holds: every namespace marked stateful, and
 * cert-manager's certificates and keys. Alerts, a dashboard, and policy rules that prove the coverage.
 */
import { defineComponent } from '@platform/core';
import { alerts } from './alerts.js';
import { CHART, RELEASE_NAME } from './chart.js';
import { checkConfig } from './check.js';
import { defaults } from './config.js';
import { veleroDashboards } from './dashboards.js';
import { VELERO_KINDS } from './kinds.js';
import { networkAccess } from './network.js';
import { backupRules } from './rules.js';
import { certificateSchedules, statefulSchedules } from './schedules.js';
import { statefulNamespaces } from './stateful-namespaces.js';
import { backupStorageLocation, credentialsExternalSecret } from './storage-location.js';
import { syncSettings } from './sync.js';
import { chartValues } from './values.js';

export type { StatefulData } from './capability.js';
export { AWS_PLUGIN_IMAGE, CHART, RELEASE_NAME, STORAGE_LOCATION, VELERO_IMAGE } from './chart.js';
export type { ResourceRequirements, ScheduleTiming, StatefulMark, VeleroConfig } from './config.js';
export { defaults } from './config.js';
export type { IBackupStorageLocation, ISchedule } from './kinds.js';
export { VELERO_KINDS } from './kinds.js';
export { backupRules, statefulNamespacesRule, unscheduledVolumesRule } from './rules.js';
export { CERT_MANAGER_SECRET_LABEL, REASON_ANNOTATION } from './schedules.js';
export type { StatefulNamespace } from './stateful-namespaces.js';
export { CREDENTIALS_SECRET, veleroBucket } from './storage-location.js';
export type { VeleroValues } from './values.js';

/**
 * Velero (tier `operators`, namespace `velero`). The namespace is Pod Security `privileged`: the node agent
 * DaemonSet runs as root with the kubelet's pod and plugin directories mounted from the host (chart
 * templates/node-agent-daemonset.yaml `host-pods`, `host-plugins`), which baseline forbids; the server itself
 * runs restricted.
 *
 * ```ts
 * velero({ stateful: { grafana: 'SQLite database with users and dashboards' } })
 * ```
 */
export const velero = defineComponent({
  name: 'velero',
  tier: 'operators',
  defaults,
  podSecurity: 'privileged',
  check: checkConfig,
  // The credentials' ExternalSecret needs the secret store's CRDs and store first.
  dependsOn: (context) =>
    context.config.credentialsKey !== undefined
      ? [context.peers.require('secretStore', 'the object storage credentials are an ExternalSecret').component]
      : [],
  provides: (context) =>
    context.environment.settings.serviceMonitors ? { dashboards: veleroDashboards(context) } : {},
  build: (context) => {
    const credentials = credentialsExternalSecret(context);
    const certificates = context.config.certificates.enabled && context.peers.find('certificateIssuer') !== undefined;
    return {
      default_backupstoragelocation: backupStorageLocation(context),
      ...(credentials ? { credentials_externalsecret: credentials } : {}),
      ...statefulSchedules(context, statefulNamespaces(context)),
      ...(certificates ? certificateSchedules(context) : {}),
      ...(context.environment.settings.serviceMonitors ? { alerts_prometheusrule: alerts(context) } : {}),
    };
  },
  helm: (context) => ({ ...CHART, releaseName: RELEASE_NAME, values: chartValues(context) }),
  network: networkAccess,
  sync: syncSettings,
  kinds: VELERO_KINDS,
  rules: backupRules,
});
