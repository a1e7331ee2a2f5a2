import { dashboard } from '../dashboard.js';
import { gaugePanel, statPanel, tablePanel, timeseriesPanel } from '../panels.js';

const EXPIRY = 'certmanager_certificate_expiration_timestamp_seconds';

/**
 * "cert-manager / Certificates": when every certificate expires and whether it is ready, from cert-manager's
 * `certificate_expiration_timestamp_seconds`, `certificate_renewal_timestamp_seconds` and
 * `certificate_ready_status` (v1.21.1 pkg/metrics/metrics.go:19-21). Certificates not issued yet report 0.
 */
export function certificatesDashboard(): Record<string, unknown> {
  return dashboard({
    uid: 'platform-certificates',
    title: 'cert-manager / Certificates',
    tags: ['cert-manager', 'platform'],
    from: 'now-7d',
    clusterVariable: { metric: EXPIRY },
    rows: [
      {
        title: 'Status',
        panels: [
          statPanel('Certificates', 'short', { expr: `count(${EXPIRY})` }),
          statPanel('Not ready', 'short', {
            expr: 'count(certmanager_certificate_ready_status{condition!="True"} == 1) or vector(0)',
          }),
          statPanel('Expiring within 21 days', 'short', {
            expr: `count((${EXPIRY} > 0) - time() < 21 * 24 * 3600) or vector(0)`,
          }),
          gaugePanel(
            'Soonest expiry',
            'd',
            { expr: `min((${EXPIRY} > 0) - time()) / 86400` },
            { min: 0, max: 90, thresholds: { warning: 21, critical: 7 } },
          ),
        ],
      },
      {
        title: 'Certificates',
        panels: [
          tablePanel('Time left by certificate', 's', [
            {
              expr: `max by (namespace, name, issuer_kind, issuer_name) ((${EXPIRY} > 0) - time())`,
              legend: 'expires in',
            },
            {
              expr: 'max by (namespace, name, issuer_kind, issuer_name) ((certmanager_certificate_renewal_timestamp_seconds > 0) - time())',
              legend: 'renews in',
            },
          ]),
        ],
      },
      {
        panels: [
          timeseriesPanel('Days left, soonest ten', 'd', [
            { expr: `bottomk(10, ((${EXPIRY} > 0) - time()) / 86400)`, legend: '{{namespace}}/{{name}}' },
          ]),
        ],
      },
    ],
  });
}
