/**
 * @platform/dashboards: Grafana dashboards as typed code, built with Grafana's own SDK
 * (`@grafana/grafana-foundation-sdk`), shipped by libraries through the `dashboards` capability.
 */
export { CLUSTER_MATCHER, scopeToCluster } from './cluster-scope.js';
export { dashboard, sdkDashboard } from './dashboard.js';
export { substituteVariables } from './grafana-variables.js';
export { lazyJson } from './lazy.js';
export { LOGS_DATASOURCE, METRICS_DATASOURCE } from './panel-builders.js';
export { gaugePanel, heatmapPanel, logsPanel, statPanel, tablePanel, timeseriesPanel } from './panels.js';
export { platformDashboards } from './platform/index.js';
export { type QueryLanguage, queryParser } from './query-grammars.js';
export { DASHBOARD_SCHEMA_VERSION, GRAFANA_SDK_VERSION } from './schema.js';
export { type GrafanaSdk, grafanaSdk, grafanaSdkLoaded } from './sdk.js';
export type * from './spec.js';
