import { type AlertRule, type BuildContext, type IPrometheusRule, prometheusRule } from '@platform/core';
import type { ValkeyConfig } from './config.js';

type Rule = Omit<AlertRule, 'labels' | 'annotations'> & {
  severity: 'warning' | 'critical';
  summary: string;
  description: string;
};

/**
 * The known failure modes of a Valkey deployment, on the exporter's metrics (names as redis_exporter v1.88.0
 * registers them, `redis_<INFO field>`): an instance down, memory at `maxmemory`, refused connections,
 * persistence failing; in sentinel mode no primary, two primaries, replicas missing or cut off; in cluster mode
 * the cluster state and failing slots.
 */
export function valkeyAlerts(context: BuildContext<ValkeyConfig>): IPrometheusRule {
  const { config, name, namespace } = context;
  const pods = `namespace="${namespace}", pod=~"${name}-[0-9]+"`;
  const where = `${namespace}/${name}`;
  const rules: Rule[] = [
    {
      alert: 'ValkeyDown',
      expr: `redis_up{${pods}} == 0`,
      for: '5m',
      severity: config.replicas > 1 ? 'warning' : 'critical',
      summary: `Valkey {{ $labels.pod }} of ${where} is down`,
      description: 'The exporter cannot reach the Valkey server in its pod.',
    },
    {
      alert: 'ValkeyMemoryNearLimit',
      expr: `redis_memory_used_bytes{${pods}} / redis_memory_max_bytes{${pods}} > 0.9`,
      for: '10m',
      severity: 'warning',
      summary: `Valkey {{ $labels.pod }} of ${where} uses over 90% of maxmemory`,
      description: `At maxmemory Valkey applies ${config.maxMemoryPolicy}: ${config.maxMemoryPolicy === 'noeviction' ? 'writes fail' : 'keys are evicted'}. Raise resources.limits.memory or find what grows.`,
    },
    {
      alert: 'ValkeyRejectingConnections',
      expr: `increase(redis_rejected_connections_total{${pods}}[5m]) > 0`,
      for: '5m',
      severity: 'warning',
      summary: `Valkey {{ $labels.pod }} of ${where} rejects connections`,
      description: 'maxclients is reached; a client is probably leaking connections.',
    },
    {
      alert: 'ValkeyPersistenceFailing',
      expr: `redis_rdb_last_bgsave_status{${pods}} == 0 or redis_aof_last_write_status{${pods}} == 0 or redis_aof_last_bgrewrite_status{${pods}} == 0`,
      for: '10m',
      severity: 'critical',
      summary: `Valkey {{ $labels.pod }} of ${where} cannot persist`,
      description:
        'The last RDB save, AOF write or AOF rewrite failed (often a full volume); a restart would lose data.',
    },
  ];
  if (config.mode === 'sentinel') {
    rules.push(
      {
        alert: 'ValkeyNoPrimary',
        expr: `absent(redis_instance_info{${pods}, role="master"})`,
        for: '2m',
        severity: 'critical',
        summary: `Valkey ${where} has no primary`,
        description: 'Sentinel has not promoted a replica; every write fails.',
      },
      {
        alert: 'ValkeyMultiplePrimaries',
        expr: `count(redis_instance_info{${pods}, role="master"}) > 1`,
        for: '5m',
        severity: 'critical',
        summary: `Valkey ${where} has more than one primary`,
        description: 'A split brain: clients write to different primaries and one side will lose its writes.',
      },
      {
        alert: 'ValkeyReplicationBroken',
        expr: `redis_master_link_up{${pods}} == 0`,
        for: '5m',
        severity: 'warning',
        summary: `Replica {{ $labels.pod }} of ${where} lost its primary`,
        description: 'The replica does not receive writes; a failover to it would lose them.',
      },
    );
  } else {
    rules.push({
      alert: 'ValkeyClusterDegraded',
      expr: `redis_cluster_state{${pods}} == 0 or redis_cluster_slots_fail{${pods}} > 0`,
      for: '5m',
      severity: 'critical',
      summary: `Valkey Cluster ${where} is not ok`,
      description: 'Some hash slots have no reachable primary: commands on their keys fail.',
    });
  }
  return prometheusRule(context, `${name}-valkey`, [
    {
      name: `valkey-${name}`,
      rules: rules.map(({ severity, summary, description, ...rule }) => ({
        ...rule,
        labels: { severity, team: config.alerts.team },
        annotations: { summary, description, runbook_url: `${config.alerts.runbookUrl}#${rule.alert.toLowerCase()}` },
      })),
    },
  ]);
}
