import { dashboard } from '../dashboard.js';
import { logsPanel, statPanel, tablePanel, timeseriesPanel } from '../panels.js';

/**
 * "Platform / Components": the health of every component of the environment at a glance. Each component is an
 * Argo CD Application in its own namespace, so health is read per namespace: its Application's health and sync
 * (`argocd_app_info`, by `dest_namespace`), its scrape targets (`up`), pods not ready and container restarts
 * (kube-state-metrics), and what its pods log at error level.
 */
export function componentHealthDashboard(): Record<string, unknown> {
  const scope = 'namespace=~"$namespace"';
  return dashboard({
    uid: 'platform-components',
    title: 'Platform / Components',
    tags: ['platform'],
    from: 'now-6h',
    namespaceVariable: { metric: 'up', current: '$__all', multi: true },
    rows: [
      {
        title: 'Now',
        panels: [
          statPanel('Scrape targets down', 'short', { expr: `count(up{${scope}} == 0) or vector(0)` }),
          statPanel('Pods not ready', 'short', {
            expr: `count(kube_pod_status_ready{${scope}, condition="false"} == 1) or vector(0)`,
          }),
          statPanel('Container restarts (1h)', 'short', {
            expr: `sum(increase(kube_pod_container_status_restarts_total{${scope}}[1h])) or vector(0)`,
          }),
          statPanel('Applications not healthy', 'short', {
            expr: 'count(argocd_app_info{health_status!="Healthy"}) or vector(0)',
          }),
        ],
      },
      {
        title: 'By component',
        panels: [
          tablePanel('Applications', 'short', [
            {
              expr: `max by (name, dest_namespace, sync_status, health_status) (argocd_app_info{dest_namespace=~"$namespace"})`,
              legend: 'application',
            },
          ]),
          tablePanel('Scrape targets', 'short', [
            { expr: `sum by (namespace, job) (up{${scope}})`, legend: 'up' },
            { expr: `count by (namespace, job) (up{${scope}})`, legend: 'targets' },
          ]),
        ],
      },
      {
        panels: [
          timeseriesPanel('Pods not ready by namespace', 'short', [
            {
              expr: `sum by (namespace) (kube_pod_status_ready{${scope}, condition="false"})`,
              legend: '{{namespace}}',
            },
          ]),
          timeseriesPanel('Container restarts by namespace', 'short', [
            {
              expr: `sum by (namespace) (increase(kube_pod_container_status_restarts_total{${scope}}[$__rate_interval]))`,
              legend: '{{namespace}}',
            },
          ]),
        ],
      },
      {
        title: 'Logs',
        panels: [logsPanel('Errors', `{${scope}} |~ "(?i)level=error|\\"level\\":\\"error\\""`)],
      },
    ],
  });
}
