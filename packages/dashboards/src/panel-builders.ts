import type * as cog from '@grafana/grafana-foundation-sdk/cog';
import type { Panel } from '@grafana/grafana-foundation-sdk/dashboard';
import type { GrafanaSdk } from './sdk.js';
import type { DashboardPanel, DashboardQuery } from './spec.js';

/** The data source variables every platform dashboard defines, referenced by uid. */
export const METRICS_DATASOURCE = { type: 'prometheus', uid: '${datasource}' };
export const LOGS_DATASOURCE = { type: 'loki', uid: '${logs_datasource}' };

/** Grid cell of a panel. */
export interface GridPos {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** What every panel builder of the SDK has in common, as far as the platform uses it. */
interface CommonPanelBuilder extends cog.Builder<Panel> {
  id(id: number): this;
  title(title: string): this;
  description(description: string): this;
  gridPos(gridPos: GridPos): this;
  datasource(datasource: { type: string; uid: string }): this;
  withTarget(target: cog.Builder<cog.Dataquery>): this;
}

function refId(index: number): string {
  return String.fromCharCode(65 + index);
}

function promTargets(sdk: GrafanaSdk, queries: DashboardQuery[], format: 'range' | 'instant' | 'heatmap') {
  return queries.map((query, index) => {
    const target = new sdk.prometheus.DataqueryBuilder()
      .datasource(METRICS_DATASOURCE)
      .expr(query.expr)
      .legendFormat(query.legend ?? '__auto')
      .refId(refId(index));
    if (format === 'instant') return target.instant().format(sdk.prometheus.PromQueryFormat.Table);
    if (format === 'heatmap') return target.range().format(sdk.prometheus.PromQueryFormat.Heatmap);
    return target.range();
  });
}

/** The SDK builder of one panel type, with the platform's defaults for it. */
function typed(sdk: GrafanaSdk, panel: DashboardPanel): CommonPanelBuilder {
  const { common } = sdk;
  switch (panel.type) {
    case 'timeseries': {
      const builder = new sdk.timeseries.PanelBuilder()
        .unit(panel.unit)
        .lineWidth(1)
        .fillOpacity(panel.stacked ? 40 : 10)
        .showPoints(common.VisibilityMode.Never)
        .stacking(
          new common.StackingConfigBuilder()
            .mode(panel.stacked ? common.StackingMode.Normal : common.StackingMode.None)
            .group('A'),
        )
        .legend(
          new common.VizLegendOptionsBuilder()
            .displayMode(common.LegendDisplayMode.List)
            .placement(common.LegendPlacement.Bottom)
            .showLegend(true),
        )
        .tooltip(
          new common.VizTooltipOptionsBuilder().mode(common.TooltipDisplayMode.Multi).sort(common.SortOrder.Descending),
        );
      for (const target of promTargets(sdk, panel.queries, 'range')) builder.withTarget(target);
      return builder;
    }
    case 'stat': {
      const builder = new sdk.stat.PanelBuilder()
        .unit(panel.unit)
        .reduceOptions(new common.ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false))
        .colorMode(common.BigValueColorMode.Value)
        .graphMode(common.BigValueGraphMode.Area);
      for (const target of promTargets(sdk, panel.queries, 'range')) builder.withTarget(target);
      return builder;
    }
    case 'gauge': {
      const max = panel.max ?? 1;
      const thresholds = panel.thresholds ?? { warning: 0.8 * max, critical: 0.9 * max };
      const builder = new sdk.gauge.PanelBuilder()
        .unit(panel.unit)
        .min(panel.min ?? 0)
        .max(max)
        .reduceOptions(new common.ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false))
        .thresholds(
          new sdk.dashboard.ThresholdsConfigBuilder().mode(sdk.dashboard.ThresholdsMode.Absolute).steps(
            thresholds.critical >= thresholds.warning
              ? [
                  { value: null, color: 'green' },
                  { value: thresholds.warning, color: 'orange' },
                  { value: thresholds.critical, color: 'red' },
                ]
              : // Lower is worse (days left, free space).
                [
                  { value: null, color: 'red' },
                  { value: thresholds.critical, color: 'orange' },
                  { value: thresholds.warning, color: 'green' },
                ],
          ),
        );
      for (const target of promTargets(sdk, panel.queries, 'range')) builder.withTarget(target);
      return builder;
    }
    case 'table': {
      const builder = new sdk.table.PanelBuilder()
        .unit(panel.unit)
        // One row per label set, one column per query: Grafana's "merge" of the instant results.
        .withTransformation({ id: 'merge', options: {} })
        .withTransformation({ id: 'organize', options: { excludeByName: { Time: true } } });
      for (const target of promTargets(sdk, panel.queries, 'instant')) builder.withTarget(target);
      return builder;
    }
    case 'logs': {
      const [query] = panel.queries;
      return new sdk.logs.PanelBuilder()
        .showTime(true)
        .wrapLogMessage(true)
        .enableLogDetails(true)
        .sortOrder(common.LogsSortOrder.Descending)
        .withTarget(new sdk.loki.DataqueryBuilder().datasource(LOGS_DATASOURCE).expr(query.expr).refId('A'))
        .datasource(LOGS_DATASOURCE);
    }
    case 'heatmap': {
      const builder = new sdk.heatmap.PanelBuilder()
        .calculate(false)
        .rowsFrame(new sdk.heatmap.RowsHeatmapOptionsBuilder().layout(common.HeatmapCellLayout.Le))
        .yAxis(new sdk.heatmap.YAxisConfigBuilder().unit(panel.unit))
        .color(new sdk.heatmap.HeatmapColorOptionsBuilder().mode(sdk.heatmap.HeatmapColorMode.Scheme).scheme('Oranges'))
        .cellGap(1);
      for (const target of promTargets(sdk, panel.queries, 'heatmap')) builder.withTarget(target);
      return builder;
    }
  }
}

/** One panel as an SDK builder, placed at `gridPos`. */
export function panelBuilder(sdk: GrafanaSdk, panel: DashboardPanel, id: number, gridPos: GridPos): CommonPanelBuilder {
  const builder = typed(sdk, panel).id(id).title(panel.title).gridPos(gridPos);
  if (panel.type !== 'logs') builder.datasource(METRICS_DATASOURCE);
  if (panel.description) builder.description(panel.description);
  return builder;
}
