import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { buildDashboard } from './build.js';
import { lazyJson } from './lazy.js';
import { type GrafanaSdk, grafanaSdk } from './sdk.js';
import type { DashboardSpec } from './spec.js';

/**
 * A platform dashboard from its rows of panels, built with the Grafana SDK when first read (a JSON value for
 * a `DashboardSet`, a Grafana component's `dashboards.files` ...).
 */
export function dashboard(spec: DashboardSpec): Record<string, unknown> {
  return lazyJson(() => buildDashboard(grafanaSdk(), spec) as unknown as Record<string, unknown>);
}

/**
 * A dashboard written directly with the SDK's builders, for what the row layout of {@link dashboard} does not
 * cover; `build` receives the SDK's modules and runs when the dashboard is first read:
 *
 * ```ts
 * sdkDashboard(({ dashboard, timeseries, prometheus }) =>
 *   new dashboard.DashboardBuilder('Shop / Checkout').uid('shop-checkout').withPanel(
 *     new timeseries.PanelBuilder().title('Orders').withTarget(new prometheus.DataqueryBuilder().expr('sum(rate(orders_total[$__rate_interval]))')),
 *   ))
 * ```
 */
export function sdkDashboard(build: (sdk: GrafanaSdk) => { build(): Dashboard }): Record<string, unknown> {
  return lazyJson(() => build(grafanaSdk()).build() as unknown as Record<string, unknown>);
}
