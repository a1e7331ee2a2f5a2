import { dashboard, statPanel, timeseriesPanel } from '@platform/dashboards';

/** Contour and Envoy: requests and errors per backend, connections, rejected HTTPProxies. */
export function contourDashboard(namespace: string): Record<string, unknown> {
  const ns = `namespace="${namespace}"`;
  return dashboard({
    uid: `contour-${namespace}`,
    title: 'Contour',
    tags: ['contour', 'envoy', 'edge'],
    rows: [
      {
        title: 'Traffic',
        panels: [
          timeseriesPanel('Requests by backend', 'reqps', [
            {
              expr: `sum by (envoy_cluster_name) (rate(envoy_cluster_upstream_rq_total{${ns}}[5m]))`,
              legend: '{{envoy_cluster_name}}',
            },
          ]),
          timeseriesPanel('5xx by backend', 'reqps', [
            {
              expr: `sum by (envoy_cluster_name) (rate(envoy_cluster_upstream_rq_xx{${ns},envoy_response_code_class="5"}[5m]))`,
              legend: '{{envoy_cluster_name}}',
            },
          ]),
        ],
      },
      {
        title: 'Control plane',
        panels: [
          timeseriesPanel('Downstream connections', 'short', [
            { expr: `sum(envoy_http_downstream_cx_active{${ns}})`, legend: 'active' },
          ]),
          statPanel('Invalid HTTPProxies', 'short', { expr: `sum(contour_httpproxy_invalid{${ns}})` }),
          statPanel('Valid HTTPProxies', 'short', { expr: `sum(contour_httpproxy_valid{${ns}})` }),
        ],
      },
    ],
  });
}
