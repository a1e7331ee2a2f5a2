import { pinnedChart } from '@platform/core';
import * as chartFacts from './plugin-chart-values.generated.js';
import { CHART_NAME } from './plugin-chart-values.generated.js';

/**
 * The Barman Cloud plugin chart, pinned: `plugin-barman-cloud` 0.7.0 ships plugin v0.13.0. CloudNativePG 1.30
 * phases in-tree Barman Cloud backups out in favour of this plugin (docs/src/backup.md), so backups go through it.
 */
export const PLUGIN_CHART = pinnedChart('https://cloudnative-pg.github.io/charts', chartFacts);

/** The plugin version chart {@link PLUGIN_CHART} installs (its `appVersion`); the ObjectStore CRD is this tag's. */
export const PLUGIN_VERSION = 'v0.13.0';

/** Helm release of the plugin; it contains the chart name, so objects are named `plugin-barman-cloud`. */
export const PLUGIN_RELEASE_NAME = 'plugin-barman-cloud';

/** The plugin's name in a Cluster's `spec.plugins[].name` and a backup's `pluginConfiguration.name`. */
export const PLUGIN_NAME = 'barman-cloud.cloudnative-pg.io';

/** Labels of the plugin's pods (chart `plugin-barman-cloud.selectorLabels`). */
export const PLUGIN_POD_LABELS = {
  'app.kubernetes.io/name': CHART_NAME,
  'app.kubernetes.io/instance': PLUGIN_RELEASE_NAME,
} as const;

/** Image repositories of the plugin and of the sidecar it injects into instance pods (chart `image`, `sidecarImage`). */
export const PLUGIN_IMAGES = {
  registry: 'ghcr.io',
  plugin: 'cloudnative-pg/plugin-barman-cloud',
  sidecar: 'cloudnative-pg/plugin-barman-cloud-sidecar',
} as const;
