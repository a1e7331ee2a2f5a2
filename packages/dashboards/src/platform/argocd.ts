import { dashboard } from '../dashboard.js';
import { statPanel, tablePanel, timeseriesPanel } from '../panels.js';

/**
 * "Argo CD / Applications": the sync and health status of every Application (one per component of the
 * environment), from the application controller's `argocd_app_info{name, sync_status, health_status}` and
 * `argocd_app_sync_total{name, phase}` (argo-cd v3.4.4 controller/metrics/metrics.go:65-74).
 */
export function argocdDashboard(): Record<string, unknown> {
  const count = (matchers: string) => ({ expr: `count(argocd_app_info{${matchers}}) or vector(0)` });
  return dashboard({
    uid: 'platform-argocd-applications',
    title: 'Argo CD / Applications',
    tags: ['argocd', 'platform'],
    clusterVariable: { metric: 'argocd_app_info' },
    rows: [
      {
        title: 'Status',
        panels: [
          statPanel('Applications', 'short', count('')),
          statPanel('Out of sync', 'short', count('sync_status!="Synced"')),
          statPanel('Not healthy', 'short', count('health_status!="Healthy"')),
          statPanel('Degraded or missing', 'short', count('health_status=~"Degraded|Missing"')),
        ],
      },
      {
        title: 'Applications',
        panels: [
          tablePanel('Sync and health by Application', 'short', [
            {
              expr: 'max by (name, project, dest_namespace, sync_status, health_status) (argocd_app_info)',
              legend: 'applications',
            },
          ]),
        ],
      },
      {
        panels: [
          timeseriesPanel(
            'Sync operations by phase',
            'short',
            [{ expr: 'sum by (phase) (increase(argocd_app_sync_total[$__rate_interval]))', legend: '{{phase}}' }],
            { stacked: true },
          ),
          timeseriesPanel('Applications not healthy', 'short', [
            {
              expr: 'count by (name, health_status) (argocd_app_info{health_status!="Healthy"})',
              legend: '{{name}} {{health_status}}',
            },
          ]),
        ],
      },
    ],
  });
}
