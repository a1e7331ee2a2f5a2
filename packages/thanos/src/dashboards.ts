import type { ComponentContext, DashboardSet } from '@platform/core';
import { dashboard, statPanel, timeseriesPanel } from '@platform/dashboards';
import type { ThanosConfig } from './config.js';

/**
 * "Thanos": what the bucket side does, in this namespace. Metric names at v0.42.4: blocks the store gateways
 * serve (`thanos_bucket_store_blocks_loaded`, `pkg/store/bucket.go:199`), compactions and their failures and a
 * halted compactor (`pkg/compact/compact.go:299,311`, `cmd/thanos/compact.go:126`), downsamplings
 * (`cmd/thanos/downsample.go:53`), and the StoreAPIs a global Query is connected to
 * (`thanos_store_nodes_grpc_connections`, `pkg/query/endpointset.go:147`).
 */
export function thanosDashboards({ name, namespace }: ComponentContext<ThanosConfig>): DashboardSet {
  const ns = 'namespace="$namespace"';
  const board = dashboard({
    uid: `platform-${name}`.slice(0, 40),
    title: 'Thanos',
    tags: ['thanos', 'platform'],
    namespaceVariable: { metric: 'thanos_bucket_store_blocks_loaded', current: namespace },
    rows: [
      {
        title: 'Headlines',
        panels: [
          statPanel('Blocks served', 'short', { expr: `max(thanos_bucket_store_blocks_loaded{${ns}})` }),
          statPanel('Compactor halted', 'short', { expr: `max(thanos_compact_halted{${ns}}) or vector(0)` }),
          statPanel('Connected StoreAPIs', 'short', {
            expr: `sum(thanos_store_nodes_grpc_connections{${ns}}) or vector(0)`,
          }),
        ],
      },
      {
        title: 'Compaction',
        panels: [
          timeseriesPanel('Compactions', 'short', [
            {
              expr: `sum by (pod) (rate(thanos_compact_group_compactions_total{${ns}}[$__rate_interval]))`,
              legend: '{{pod}}',
            },
          ]),
          timeseriesPanel('Compaction failures', 'short', [
            {
              expr: `sum by (pod) (rate(thanos_compact_group_compactions_failures_total{${ns}}[$__rate_interval]))`,
              legend: '{{pod}}',
            },
          ]),
          timeseriesPanel('Downsamplings', 'short', [
            {
              expr: `sum by (pod) (rate(thanos_compact_downsample_total{${ns}}[$__rate_interval]))`,
              legend: '{{pod}}',
            },
          ]),
        ],
      },
    ],
  });
  return { component: name, namespace, folder: 'Platform', dashboards: { 'thanos.json': board } };
}
