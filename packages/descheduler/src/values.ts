import { applyPatch, type BuildContext, mirroredImage, type Patch } from '@platform/core';
import { IMAGE } from './chart.js';
import type { DeschedulerConfig, ResourceRequirements } from './config.js';
import { deschedulerPolicy } from './policy-profile.js';

/**
 * The subset of the descheduler 0.36.0 chart values this package sets (chart `values.yaml`). It runs as a
 * Deployment (a loop every `interval`) rather than the chart's default CronJob, so that its metrics can be
 * scraped. The chart's container security context (non-root 1000, no capabilities, no privilege escalation,
 * read-only root) gets the `RuntimeDefault` seccomp profile Pod Security "restricted" also requires.
 */
export interface DeschedulerValues {
  kind: 'Deployment';
  deschedulingInterval: string;
  replicas: 1;
  deschedulerPolicyAPIVersion: 'descheduler/v1alpha2';
  deschedulerPolicy: Record<string, unknown>;
  cmdOptions: Record<string, string | number | boolean>;
  podSecurityContext: { seccompProfile: { type: 'RuntimeDefault' } };
  resources: ResourceRequirements;
  image?: { repository: string };
  /** The metrics Service (port `http-metrics`, HTTPS 10258) and its ServiceMonitor. */
  service: { enabled: boolean };
  serviceMonitor: { enabled: boolean };
}

/** The chart values of a descheduler instance, with `extraValues` deep-merged last. */
export function chartValues({ config, environment }: BuildContext<DeschedulerConfig>): DeschedulerValues {
  const mirror = environment.settings.imageRegistryMirror;
  const values: DeschedulerValues = {
    kind: 'Deployment',
    deschedulingInterval: config.interval,
    // One instance: a missed round while it restarts changes nothing, and more need leader election.
    replicas: 1,
    deschedulerPolicyAPIVersion: 'descheduler/v1alpha2',
    deschedulerPolicy: deschedulerPolicy(config),
    cmdOptions: { v: 3, ...(config.evict ? {} : { 'dry-run': true }) },
    podSecurityContext: { seccompProfile: { type: 'RuntimeDefault' } },
    resources: config.resources,
    ...(mirror ? { image: { repository: mirroredImage(IMAGE, mirror) } } : {}),
    service: { enabled: true },
    serviceMonitor: { enabled: environment.settings.serviceMonitors },
  };
  return applyPatch<DeschedulerValues>(values, config.extraValues as Patch<DeschedulerValues>);
}
