import type { ComponentContext, DashboardSet } from '@platform/core';
import { dashboard, statPanel, timeseriesPanel } from '@platform/dashboards';
import type { KedaConfig } from './config.js';

/** "KEDA": active scalers, metric values against targets, errors and scale-loop latency. */
export function kedaDashboards({ name, namespace }: ComponentContext<KedaConfig>): DashboardSet {
  const board = dashboard({
    uid: 'platform-keda',
    title: 'KEDA',
    tags: ['keda', 'autoscaling', 'platform'],
    rows: [
      {
        title: 'Headlines',
        panels: [
          statPanel('Active scalers', 'short', { expr: 'sum(keda_scaler_active)' }),
          statPanel('Paused ScaledObjects', 'short', { expr: 'sum(keda_scaled_object_paused)' }),
          statPanel('Scaler errors / 5m', 'short', { expr: 'sum(increase(keda_scaler_detail_errors_total[5m]))' }),
        ],
      },
      {
        title: 'Scalers',
        panels: [
          timeseriesPanel('Metric value', 'short', [
            {
              expr: 'sum by (namespace, scaledObject, scaler) (keda_scaler_metrics_value)',
              legend: '{{namespace}}/{{scaledObject}} {{scaler}}',
            },
          ]),
          timeseriesPanel('Scaler latency', 's', [
            {
              expr: 'max by (namespace, scaledObject, scaler) (keda_scaler_metrics_latency_seconds)',
              legend: '{{namespace}}/{{scaledObject}} {{scaler}}',
            },
          ]),
          timeseriesPanel('Scale loop latency', 's', [
            {
              expr: 'max by (namespace, resource) (keda_internal_scale_loop_latency_seconds)',
              legend: '{{namespace}}/{{resource}}',
            },
          ]),
        ],
      },
    ],
  });
  return { component: name, namespace, folder: 'Platform', dashboards: { 'keda.json': board } };
}
