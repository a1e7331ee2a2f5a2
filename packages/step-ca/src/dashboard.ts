import { dashboard, statPanel, timeseriesPanel } from '@platform/dashboards';
import { EXPORTER, SERVER } from './layout.js';

/** "step-ca": what it signs and renews, per provisioner and outcome, and how long its root and intermediate have left. */
export function stepCaDashboard(namespace: string): Record<string, unknown> {
  const ca = `namespace="$namespace", job="${SERVER}"`;
  return dashboard({
    uid: 'platform-step-ca',
    title: 'step-ca',
    tags: ['step-ca', 'pki', 'platform'],
    namespaceVariable: { metric: 'step_ca_uptime_seconds', current: namespace },
    from: 'now-24h',
    rows: [
      {
        title: 'Certificate authorities',
        panels: [
          statPanel('Root and intermediate: days left', 'd', {
            expr: `min by (subject_CN) (x509_cert_not_after{namespace="$namespace", job="${EXPORTER}"} - time()) / 86400`,
            legend: '{{subject_CN}}',
          }),
          statPanel('Uptime', 's', { expr: `max(step_ca_uptime_seconds{${ca}})` }),
        ],
      },
      {
        title: 'Issuance',
        panels: [
          timeseriesPanel('Signed / sec', 'reqps', [
            {
              expr: `sum by (provisioner, success) (rate(step_ca_x509_signed_total{${ca}}[$__rate_interval]))`,
              legend: '{{provisioner}} success={{success}}',
            },
          ]),
          timeseriesPanel('Renewed / sec', 'reqps', [
            {
              expr: `sum by (provisioner, success) (rate(step_ca_x509_renewed_total{${ca}}[$__rate_interval]))`,
              legend: '{{provisioner}} success={{success}}',
            },
          ]),
        ],
      },
    ],
  });
}
