import type { ComponentContext, DashboardSet } from '@platform/core';
import { dashboard, statPanel, timeseriesPanel } from '@platform/dashboards';
import type { LinkerdConfig } from './config.js';

const inbound = 'direction="inbound", namespace=~"$namespace"';

/**
 * Two dashboards of our own, on the proxies' and controllers' series (labels as the chart's PodMonitors set them):
 * "Linkerd / Mesh" (traffic, success rate, latency and mTLS of meshed workloads, by namespace and deployment) and
 * "Linkerd / Control plane" (controllers up, certificates, policy).
 */
export function linkerdDashboards({ name, namespace }: ComponentContext<LinkerdConfig>): DashboardSet {
  const mesh = dashboard({
    uid: 'platform-linkerd-mesh',
    title: 'Linkerd / Mesh',
    tags: ['linkerd', 'mesh', 'platform'],
    namespaceVariable: { metric: 'request_total', current: 'default' },
    rows: [
      {
        title: 'Headlines',
        panels: [
          statPanel('Inbound requests / sec', 'reqps', {
            expr: `sum(rate(request_total{${inbound}}[$__rate_interval]))`,
          }),
          statPanel('Success rate', 'percentunit', {
            expr: `sum(rate(response_total{${inbound}, classification="success"}[$__rate_interval])) / sum(rate(response_total{${inbound}}[$__rate_interval]))`,
          }),
          statPanel('Meshed pods', 'short', { expr: 'count(count by (namespace, pod) (proxy_build_info))' }),
          statPanel('mTLS share of inbound connections', 'percentunit', {
            expr: `sum(tcp_open_connections{${inbound}, tls="true"}) / sum(tcp_open_connections{${inbound}})`,
          }),
        ],
      },
      {
        title: 'By deployment',
        panels: [
          timeseriesPanel('Success rate', 'percentunit', [
            {
              expr: `sum by (deployment) (rate(response_total{${inbound}, classification="success"}[$__rate_interval])) / sum by (deployment) (rate(response_total{${inbound}}[$__rate_interval]))`,
              legend: '{{deployment}}',
            },
          ]),
          timeseriesPanel('Requests / sec', 'reqps', [
            {
              expr: `sum by (deployment) (rate(request_total{${inbound}}[$__rate_interval]))`,
              legend: '{{deployment}}',
            },
          ]),
          timeseriesPanel('p95 latency', 'ms', [
            {
              expr: `histogram_quantile(0.95, sum by (deployment, le) (rate(response_latency_ms_bucket{${inbound}}[$__rate_interval])))`,
              legend: '{{deployment}}',
            },
          ]),
        ],
      },
    ],
  });
  const controlPlane = dashboard({
    uid: 'platform-linkerd-control-plane',
    title: 'Linkerd / Control plane',
    tags: ['linkerd', 'mesh', 'platform'],
    rows: [
      {
        title: 'Controllers',
        panels: [
          timeseriesPanel('Replicas up', 'short', [
            { expr: `sum by (component) (up{namespace="${namespace}"})`, legend: '{{component}}' },
          ]),
          timeseriesPanel('Control-plane calls from proxies / sec', 'reqps', [
            {
              expr: 'sum by (classification) (rate(control_response_total[$__rate_interval]))',
              legend: '{{classification}}',
            },
          ]),
        ],
      },
      {
        title: 'Identity and policy',
        panels: [
          timeseriesPanel('Earliest proxy certificate expiry', 's', [
            {
              expr: 'min by (namespace) (identity_cert_expiration_timestamp_seconds) - time()',
              legend: '{{namespace}}',
            },
          ]),
          timeseriesPanel('Certificate refreshes / hour', 'short', [
            { expr: 'sum by (namespace) (increase(identity_cert_refresh_count[1h]))', legend: '{{namespace}}' },
          ]),
          timeseriesPanel('Requests denied by policy / sec', 'reqps', [
            {
              expr: 'sum by (namespace, deployment) (rate(inbound_http_authz_deny_total[$__rate_interval]))',
              legend: '{{namespace}}/{{deployment}}',
            },
          ]),
        ],
      },
    ],
  });
  return {
    component: name,
    namespace,
    folder: 'Linkerd',
    dashboards: { 'linkerd-mesh.json': mesh, 'linkerd-control-plane.json': controlPlane },
  };
}
