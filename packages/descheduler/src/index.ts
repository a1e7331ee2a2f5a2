/**
 * @platform/descheduler: the Kubernetes descheduler from its upstream chart, with a typed policy profile
 * (LowNodeUtilization, RemoveDuplicates, RemovePodsViolatingTopologySpreadConstraint) that evicts through the
 * Eviction API (PodDisruptionBudgets hold), protects pods without a PDB or with volumes, and leaves opted-out
 * namespaces alone.
 */
import { defineComponent } from '@platform/core';
import { alerts } from './alerts.js';
import { CHART, POD_LABELS, RELEASE_NAME } from './chart.js';
import { checkConfig } from './check.js';
import { defaults } from './config.js';
import { chartValues } from './values.js';

export { CHART, POD_LABELS, RELEASE_NAME } from './chart.js';
export type { DeschedulerConfig, DeschedulerProfile, ResourceRequirements, Thresholds } from './config.js';
export { defaults, RUNBOOK_URL } from './config.js';
export { deschedulerPolicy, EXCLUDE_LABEL } from './policy-profile.js';
export type { DeschedulerValues } from './values.js';

/**
 * The descheduler (tier `platform`, namespace `descheduler`): it only moves pods, so it comes after the
 * operators and never blocks the first sync of anything.
 *
 * ```ts
 * descheduler({ excludeNamespaces: ['kube-system', 'mimir'] })
 * ```
 */
export const descheduler = defineComponent({
  name: 'descheduler',
  tier: 'platform',
  defaults,
  check: checkConfig,
  build: (context) => ({
    ...(context.environment.settings.serviceMonitors ? { alerts_prometheusrule: alerts(context) } : {}),
  }),
  helm: (context) => ({ ...CHART, releaseName: RELEASE_NAME, values: chartValues(context) }),
  // It reads nodes and pods and evicts through the API server; nothing calls it but the metrics scrapers.
  network: () => ({ egress: [{ name: 'api-server', to: 'apiServer', podLabels: { ...POD_LABELS } }] }),
});
