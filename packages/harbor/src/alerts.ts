import { alertRuleBuilder, type BuildContext, type IPrometheusRule, prometheusRule } from '@platform/core';
import type { HarborConfig } from './config.js';

/*
 * Metrics of Harbor's exporter v2.15.1 (src/pkg/exporter, namespace `harbor`): `harbor_health` (health_collector.go:32),
 * `harbor_up{component}` (:36), `harbor_task_queue_latency{type}` (js_collector.go:31), `harbor_project_quota_usage_byte`
 * and `harbor_project_quota_byte{project_name}` (project_collector.go:59,63).
 */

/** Alerts on Harbor being down or degraded, its job queue stalling, and proxy-cache projects running out of quota. */
export function alerts(context: BuildContext<HarborConfig>): IPrometheusRule {
  const { name, namespace, config } = context;
  const scope = `namespace="${namespace}"`;
  const rule = alertRuleBuilder(config.alerts);
  return prometheusRule(context, `${name}-registry`, [
    {
      name: 'harbor',
      rules: [
        rule(
          'HarborUnhealthy',
          'critical',
          `max(harbor_health{${scope}}) == 0`,
          '10m',
          'Harbor reports itself unhealthy',
          'At least one Harbor component fails its health check: image pulls through the proxy cache fail for every node that does not have the image yet.',
        ),
        rule(
          'HarborComponentDown',
          'critical',
          `max by (component) (harbor_up{${scope}}) == 0`,
          '10m',
          'Harbor component {{ $labels.component }} is down',
          'Check its pods, and for the database and redis components the providers Harbor uses.',
        ),
        rule(
          'HarborJobQueueStalled',
          'warning',
          `max by (type) (harbor_task_queue_latency{${scope}}) > 3600`,
          '30m',
          'Harbor jobs of type {{ $labels.type }} have waited more than an hour',
          'The job service is not processing its queue (replication, garbage collection, scans): check its pods and Redis.',
        ),
        rule(
          'HarborProjectQuotaNearlyFull',
          'warning',
          `max by (project_name) (harbor_project_quota_usage_byte{${scope}} / (harbor_project_quota_byte{${scope}} > 0)) > 0.9`,
          '1h',
          'Harbor project {{ $labels.project_name }} has used 90% of its quota',
          'Pushes and proxy-cache fills fail when the quota is full; raise it or let retention clean up.',
        ),
        rule(
          'HarborExporterDown',
          'warning',
          `absent(up{${scope}, job="harbor-exporter"} == 1)`,
          '15m',
          "Harbor's metrics exporter is not being scraped",
          "Harbor's other alerts cannot fire while it is down.",
        ),
      ],
    },
  ]);
}
