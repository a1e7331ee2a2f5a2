import { dashboard, timeseriesPanel } from '@platform/dashboards';

/** Traefik's dashboard: requests and errors per entrypoint and service, latency, connections, certificate expiry. */
export function traefikDashboard(namespace: string): Record<string, unknown> {
  const ns = `namespace="${namespace}"`;
  return dashboard({
    uid: `traefik-${namespace}`,
    title: 'Traefik',
    tags: ['traefik', 'edge'],
    rows: [
      {
        title: 'Traffic',
        panels: [
          timeseriesPanel('Requests by entrypoint', 'reqps', [
            {
              expr: `sum by (entrypoint) (rate(traefik_entrypoint_requests_total{${ns}}[5m]))`,
              legend: '{{entrypoint}}',
            },
          ]),
          timeseriesPanel('5xx by service', 'reqps', [
            {
              expr: `sum by (service) (rate(traefik_service_requests_total{${ns},code=~"5.."}[5m]))`,
              legend: '{{service}}',
            },
          ]),
        ],
      },
      {
        title: 'Latency and connections',
        panels: [
          timeseriesPanel('p99 latency by service', 's', [
            {
              expr: `histogram_quantile(0.99, sum by (service, le) (rate(traefik_service_request_duration_seconds_bucket{${ns}}[5m])))`,
              legend: '{{service}}',
            },
          ]),
          timeseriesPanel('Open connections', 'short', [
            { expr: `sum by (entrypoint) (traefik_open_connections{${ns}})`, legend: '{{entrypoint}}' },
          ]),
          timeseriesPanel('Days until served certificates expire', 'd', [
            { expr: `(min by (sans) (traefik_tls_certs_not_after{${ns}}) - time()) / 86400`, legend: '{{sans}}' },
          ]),
        ],
      },
    ],
  });
}
