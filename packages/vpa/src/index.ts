/**
 * @platform/vpa: the Vertical Pod Autoscaler from its upstream chart, in recommend mode: the recommender always,
 * the admission controller and updater only when an environment opts in. With it in an environment, every
 * workload the core helpers build gets a VerticalPodAutoscaler in update mode `Off` (the `verticalScaling`
 * capability); Goldilocks shows the recommendations; `activeUpdateModeRule` warns on VPAs that act by themselves.
 */
import { defineComponent, type VpaUpdateMode } from '@platform/core';
import { CHART, RELEASE_NAME } from './chart.js';
import { checkConfig } from './check.js';
import { defaults, type VpaConfig } from './config.js';
import { VPA_KINDS } from './kinds.js';
import { alerts, podMonitors } from './monitoring.js';
import { networkAccess } from './network.js';
import { activeUpdateModeRule } from './policy.js';
import { syncSettings } from './sync.js';
import { chartValues } from './values.js';

export { CHART, partPods, RELEASE_NAME } from './chart.js';
export type { ResourceRequirements, VpaConfig, VpaPart } from './config.js';
export { defaults, RUNBOOK_URL } from './config.js';
export { goldilocks } from './goldilocks.js';
export { GOLDILOCKS_CHART } from './goldilocks-chart.js';
export type { GoldilocksConfig } from './goldilocks-config.js';
export { goldilocksDefaults } from './goldilocks-config.js';
export type { IVerticalPodAutoscaler } from './kinds.js';
export { VPA_KINDS } from './kinds.js';
export { ACTIVE_UPDATE_MODES, activeUpdateModeRule } from './policy.js';
export type { VpaValues } from './values.js';

/** The update modes the installed parts carry out (see `VerticalScaling.updateModes`). */
export function updateModes(config: VpaConfig): VpaUpdateMode[] {
  if (!config.admissionController.enabled) return ['Off'];
  if (!config.updater.enabled) return ['Off', 'Initial'];
  return ['Off', 'Initial', 'Recreate', 'InPlaceOrRecreate', 'InPlace', 'Auto'];
}

/**
 * The Vertical Pod Autoscaler (tier `operators`, namespace `vpa`). Provides `verticalScaling`: every workload
 * built with the core helpers renders a VerticalPodAutoscaler in update mode `Off`.
 *
 * ```ts
 * vpa()                                                            // recommend only
 * vpa({ admissionController: { enabled: true }, updater: { enabled: true } })   // opt in to acting VPAs
 * ```
 */
export const vpa = defineComponent({
  name: 'vpa',
  tier: 'operators',
  defaults,
  check: checkConfig,
  provides: ({ name, namespace, config }) => ({
    verticalScaling: { component: name, namespace, updateModes: updateModes(config) },
  }),
  dependsOn: ({ config, peers }) => {
    const issuer = config.admissionController.enabled ? peers.find('certificateIssuer') : undefined;
    return issuer ? [issuer.component] : [];
  },
  build: (context) => ({
    ...(context.environment.settings.serviceMonitors
      ? { ...podMonitors(context), alerts_prometheusrule: alerts(context) }
      : {}),
  }),
  helm: (context) => ({ ...CHART, releaseName: RELEASE_NAME, values: chartValues(context) }),
  network: networkAccess,
  sync: syncSettings,
  kinds: VPA_KINDS,
  rules: [activeUpdateModeRule],
});
