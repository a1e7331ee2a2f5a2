import { type AlertRule, type BuildContext, type IPrometheusRule, prometheusRule, runbookUrl } from '@platform/core';
import type { ThanosConfig } from './config.js';

/** The page with the runbook of each alert (a section per alert). */
const RUNBOOKS = 'packages/thanos/README.md';

function alert(
  team: string,
  name: string,
  expr: string,
  severity: 'warning' | 'critical',
  forDuration: string,
  summary: string,
  description: string,
): AlertRule {
  return {
    alert: name,
    expr,
    for: forDuration,
    labels: { severity, team },
    annotations: { summary, description, runbook_url: runbookUrl(RUNBOOKS, name) },
  };
}

/**
 * The failure modes of the bucket side (metric names at v0.42.4): a halted compactor (`thanos_compact_halted`,
 * `cmd/thanos/compact.go:126`) stops retention and downsampling and lets the bucket grow for ever; failing
 * compactions (`thanos_compact_group_compactions_failures_total`, `pkg/compact/compact.go:311`); a global Query
 * that lost its stores (`thanos_store_nodes_grpc_connections`, `pkg/query/endpointset.go:147`).
 */
function thanosAlertRules(namespace: string, team: string, globalQuery: boolean): AlertRule[] {
  const ns = `namespace="${namespace}"`;
  return [
    alert(
      team,
      'ThanosCompactHalted',
      `max by (namespace, pod) (thanos_compact_halted{${ns}}) == 1`,
      'critical',
      '5m',
      'The Thanos compactor has halted.',
      'Compactor {{ $labels.pod }} hit an error it will not retry (an overlapping or corrupt block): retention and downsampling stopped and the bucket grows until it is fixed.',
    ),
    alert(
      team,
      'ThanosCompactionsFailing',
      `sum by (namespace, pod) (rate(thanos_compact_group_compactions_failures_total{${ns}}[5m])) / sum by (namespace, pod) (rate(thanos_compact_group_compactions_total{${ns}}[5m])) > 0.05`,
      'warning',
      '15m',
      'Thanos compactions are failing.',
      '{{ $value | humanizePercentage }} of the compactions of {{ $labels.pod }} fail.',
    ),
    ...(globalQuery
      ? [
          alert(
            team,
            'ThanosQueryStoresMissing',
            `min by (namespace) (sum by (namespace, pod) (thanos_store_nodes_grpc_connections{${ns}})) < 1`,
            'warning',
            '10m',
            'The global Thanos Query has no store.',
            'A Query in {{ $labels.namespace }} is connected to no StoreAPI: the global view shows nothing.',
          ),
        ]
      : []),
  ];
}

/** The PrometheusRule with Thanos' alerts. */
export function alertsPrometheusRule(context: BuildContext<ThanosConfig>, globalQuery: boolean): IPrometheusRule {
  return prometheusRule(context, 'thanos-alerts', [
    { name: 'thanos', rules: thanosAlertRules(context.namespace, context.config.team, globalQuery) },
  ]);
}
