import { applyPatch, type BuildContext, type Patch } from '@platform/core';
import type { ResourceRequirements } from './config.js';
import { PLUGIN_IMAGES } from './plugin-chart.js';
import type { BarmanCloudConfig } from './plugin-config.js';

/**
 * The subset of the plugin-barman-cloud 0.7.0 chart values this package sets. Security contexts are the chart's
 * (non-root, `RuntimeDefault` seccomp, no privilege escalation, no capabilities, read-only root), which satisfy
 * Pod Security "restricted"; the sidecar the plugin injects gets the same (internal/cnpgi/operator/lifecycle.go).
 * The chart's cert-manager Issuer and Certificates (mTLS between operator and plugin) stay on.
 */
export interface BarmanCloudValues {
  crds: { create: boolean };
  resources: ResourceRequirements;
  /** Registries through the mirror (`<mirror>/ghcr.io`); tags stay the chart's appVersion. Set only with a mirror. */
  image?: { registry: string };
  sidecarImage?: { registry: string };
}

/** The plugin chart's values, with `extraValues` deep-merged last. */
export function pluginValues({ config, environment }: BuildContext<BarmanCloudConfig>): BarmanCloudValues {
  const mirror = environment.settings.imageRegistryMirror?.replace(/\/+$/, '');
  const registry = mirror ? `${mirror}/${PLUGIN_IMAGES.registry}` : undefined;
  const values: BarmanCloudValues = {
    crds: { create: true },
    resources: config.resources,
    ...(registry ? { image: { registry }, sidecarImage: { registry } } : {}),
  };
  return applyPatch<BarmanCloudValues>(values, config.extraValues as Patch<BarmanCloudValues>);
}
