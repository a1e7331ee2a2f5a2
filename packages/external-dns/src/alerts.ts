import { type BuildContext, type IPrometheusRule, prometheusRule } from '@platform/core';
import type { ExternalDnsConfig } from './config.js';

/**
 * external-dns's known failure modes, on its metrics (v0.21.0 `controller/metrics.go:26-72`, namespace
 * `external_dns`, `pkg/metrics/metrics.go:30`): not running, not syncing (new routes get no record), and errors
 * of the provider (credentials, rate limits: `registry`) or of the sources (RBAC, CRDs: `source`).
 */
export function alerts(context: BuildContext<ExternalDnsConfig>): IPrometheusRule {
  const { namespace, config } = context;
  const { team, runbookUrl, staleSyncMinutes } = config.alerts;
  const ns = `namespace="${namespace}"`;
  const rules = [
    {
      alert: 'ExternalDnsDown',
      expr: `absent(external_dns_controller_last_sync_timestamp_seconds{${ns}})`,
      for: '10m',
      severity: 'warning' as const,
      summary: `external-dns in ${namespace} reports no metrics`,
      description: 'Existing records stay; records of new or moved routes are not created until it runs again.',
    },
    {
      alert: 'ExternalDnsSyncStale',
      expr: `time() - max(external_dns_controller_last_sync_timestamp_seconds{${ns}}) > ${staleSyncMinutes * 60}`,
      for: '5m',
      severity: 'warning' as const,
      summary: `external-dns has not synced for ${staleSyncMinutes} minutes`,
      description: 'Its logs say why: usually the provider rejects the credentials or rate-limits the account.',
    },
    {
      alert: 'ExternalDnsProviderErrors',
      expr: `increase(external_dns_registry_errors_total{${ns}}[15m]) > 0`,
      for: '15m',
      severity: 'warning' as const,
      summary: 'external-dns keeps failing to read or write the DNS provider',
      description:
        "Check the credential Secret (ExternalSecret status), IAM role or TSIG key, and the provider's limits.",
    },
    {
      alert: 'ExternalDnsSourceErrors',
      expr: `increase(external_dns_source_errors_total{${ns}}[15m]) > 0`,
      for: '15m',
      severity: 'warning' as const,
      summary: 'external-dns keeps failing to read its sources',
      description: 'Usually a source whose CRD is missing or that its ClusterRole cannot list.',
    },
  ];
  return prometheusRule(context, `${context.name}-alerts`, [
    {
      name: 'external-dns',
      rules: rules.map(({ severity, summary, description, ...rule }) => ({
        ...rule,
        labels: { severity, team },
        annotations: { summary, description, runbook_url: `${runbookUrl}#${rule.alert.toLowerCase()}` },
      })),
    },
  ]);
}
