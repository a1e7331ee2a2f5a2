/**
 * @platform/keda: KEDA from its upstream chart (operator, external metrics API server, admission webhook, CRDs),
 * delivered so that Argo CD neither fights the operator over its CA nor starts ScaledObjects before the metrics
 * API answers; and the helpers any component scales its workloads with: `scaledObject()` with typed triggers
 * (prometheus against the environment's metrics store, aws-sqs-queue, kafka, cron), `kedaAutoscaling()` for the
 * workload helpers, and TriggerAuthentications from pod identity or ExternalSecrets.
 */
import { defineComponent } from '@platform/core';
import { alerts } from './alerts.js';
import { CHART, RELEASE_NAME } from './chart.js';
import { checkConfig } from './check.js';
import { defaults } from './config.js';
import { kedaDashboards } from './dashboards.js';
import { KEDA_KINDS } from './kinds.js';
import { networkAccess } from './network.js';
import { syncSettings } from './sync.js';
import { chartValues } from './values.js';

export { CHART, METRICS_API_SERVICE, POD_NAME_LABEL, POD_NAMES, RELEASE_NAME, WEBHOOK_CONFIGURATION } from './chart.js';
export type { KedaConfig, KedaPart, ResourceRequirements } from './config.js';
export { defaults, RUNBOOK_URL } from './config.js';
export type { IScaledObject, ITriggerAuthentication } from './kinds.js';
export { KEDA_KINDS } from './kinds.js';
export type { KedaScaling } from './scaled-object.js';
export { kedaAutoscaling, scaledObject, scalingProblems } from './scaled-object.js';
export type { TriggerCredentials } from './trigger-auth.js';
export { storedTriggerCredentials, triggerAuthentication } from './trigger-auth.js';
export type { CronTrigger, KafkaTrigger, PrometheusTrigger, SqsTrigger, Trigger, TriggerAuthRef } from './triggers.js';
export type { KedaValues } from './values.js';

/**
 * KEDA (tier `operators`, namespace `keda`). Provides its dashboard.
 *
 * ```ts
 * keda({ awsRoleArn: 'arn:aws:iam::111122223333:role/keda-prod-eu1', scalerEgress: { aws: true } })
 * ```
 */
export const keda = defineComponent({
  name: 'keda',
  tier: 'operators',
  defaults,
  check: checkConfig,
  provides: (context) => ({ dashboards: kedaDashboards(context) }),
  build: (context) => ({
    ...(context.environment.settings.serviceMonitors ? { alerts_prometheusrule: alerts(context) } : {}),
  }),
  helm: (context) => ({ ...CHART, releaseName: RELEASE_NAME, values: chartValues(context) }),
  network: networkAccess,
  sync: syncSettings,
  kinds: KEDA_KINDS,
});
