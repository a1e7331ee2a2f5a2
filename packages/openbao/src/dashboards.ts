import type { ComponentContext, DashboardSet } from '@platform/core';
import { dashboard, statPanel, timeseriesPanel } from '@platform/dashboards';
import type { OpenBaoConfig } from './config.js';

/** One dashboard of this instance: seal and HA state, Raft health, request and audit traffic, tokens. */
function openBaoDashboard(namespace: string): Record<string, unknown> {
  const ns = `namespace="${namespace}"`;
  return dashboard({
    uid: `openbao-${namespace}`,
    title: `OpenBao (${namespace})`,
    tags: ['openbao', 'secrets'],
    rows: [
      {
        title: 'State',
        panels: [
          statPanel('Unsealed pods', 'short', { expr: `sum(vault_core_unsealed{${ns}})` }),
          statPanel('Active nodes', 'short', { expr: `sum(vault_core_active{${ns}})` }),
          statPanel('Raft peers', 'short', { expr: `max(vault_raft_peers{${ns}})` }),
          statPanel('Failure tolerance', 'short', { expr: `min(vault_autopilot_failure_tolerance{${ns}})` }),
        ],
      },
      {
        title: 'Requests',
        panels: [
          timeseriesPanel('Requests per second', 'reqps', [
            { expr: `sum by (pod) (rate(vault_core_handle_request_count{${ns}}[5m]))`, legend: '{{pod}}' },
          ]),
          timeseriesPanel('Logins per second', 'reqps', [
            { expr: `sum by (pod) (rate(vault_core_handle_login_request_count{${ns}}[5m]))`, legend: '{{pod}}' },
          ]),
          timeseriesPanel('Audit failures', 'short', [
            { expr: `sum(increase(vault_audit_log_request_failure{${ns}}[5m]))`, legend: 'requests' },
            { expr: `sum(increase(vault_audit_log_response_failure{${ns}}[5m]))`, legend: 'responses' },
          ]),
        ],
      },
      {
        title: 'Raft',
        panels: [
          timeseriesPanel('Leader last contact (ms)', 'ms', [
            { expr: `max(vault_raft_leader_lastContact{${ns}, quantile="0.99"})`, legend: 'p99' },
          ]),
          timeseriesPanel('Leadership losses', 'short', [
            { expr: `sum(increase(vault_core_leadership_lost_count{${ns}}[1h]))`, legend: 'per hour' },
          ]),
        ],
      },
    ],
  });
}

/** The dashboards OpenBao publishes for Grafana. */
export function openBaoDashboards(context: ComponentContext<OpenBaoConfig>): DashboardSet {
  return {
    component: context.name,
    namespace: context.namespace,
    folder: 'Secrets',
    dashboards: { [`openbao-${context.namespace}.json`]: openBaoDashboard(context.namespace) },
  };
}
