/**
 * @platform/alert-routing: who hears about which alert, as typed declarations. The environment names its on-call
 * pager and, per team, a Slack channel; alerts route on their `severity` and `team` labels (critical → pager,
 * everything else → the team's channel), grouped by alert name, cluster and namespace, with inhibitions. Every
 * Alertmanager of the environment (`@platform/prometheus`, `@platform/mimir`) renders the same plan, and
 * `pnpm check` proves every alert rule reaches a receiver.
 */
import { defineComponent } from '@platform/core';
import { EXTERNAL_SECRETS_KINDS } from '@platform/external-secrets';
import { checkConfig } from './check.js';
import { defaults } from './config.js';
import { routingPlan } from './plan.js';
import { alertRoutingRule } from './policy-rule.js';

export { alertmanagerConfigTemplate, alertmanagerDocument, escapeGoTemplate } from './alertmanager-config.js';
export type { AlertRouting } from './capability.js';
export type { AlertRoutingConfig, Inhibition, PagerProvider, PagerReceiver, TeamReceiver } from './config.js';
export { defaults as alertRoutingDefaults } from './config.js';
export { alertmanagerConfigSecret, type ConfigSecretOptions, configSecretChecksum } from './config-secret.js';
export {
  BUILT_IN_INHIBITION,
  type Integration,
  type Matcher,
  PAGER_RECEIVER,
  type PlanReceiver,
  type PlanRoute,
  type RoutingPlan,
  receiverFor,
  routingPlan,
  slackSecretKey,
  teamReceiver,
  UNROUTED_RECEIVER,
} from './plan.js';
export { alertRoutingRule } from './policy-rule.js';

/**
 * The environment's alert routing (tier `platform`, no pods): provides `alertRouting`, which every Alertmanager
 * of the environment renders into its configuration, and brings `alertRoutingRule` to `pnpm check` (every alert
 * rule of the environment reaches a receiver).
 *
 * ```ts
 * alertRouting({
 *   pager: { provider: 'pagerduty', key: { key: 'platform/prod/pagerduty', property: 'routing-key' } },
 *   teams: { observability: { channel: '#observability-alerts', webhook: { key: 'platform/prod/slack', property: 'observability' } } },
 * })
 * ```
 */
export const alertRouting = defineComponent({
  name: 'alert-routing',
  tier: 'platform',
  defaults,
  check: checkConfig,
  provides: (context) => ({
    alertRouting: { component: context.name, namespace: context.namespace, plan: routingPlan(context.config) },
  }),
  build: () => ({}),
  // The Alertmanagers that render the plan render it as ExternalSecrets, whatever their own library declares.
  kinds: EXTERNAL_SECRETS_KINDS,
  rules: [alertRoutingRule],
});
