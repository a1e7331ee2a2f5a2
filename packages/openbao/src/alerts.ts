import {
  type AlertRule,
  alertRuleBuilder,
  type BuildContext,
  type IPrometheusRule,
  prometheusRule,
} from '@platform/core';
import type { OpenBaoConfig } from './config.js';

/*
 * Metric names as OpenBao 2.6.2 documents them (`website/content/partials/telemetry-metrics/vault/`), with the
 * default `vault` prefix and dots as underscores: `core/unsealed.mdx` (gauge, 1 unsealed), `core/active.mdx`
 * (gauge, 1 on the active node), `core/leadership_lost.mdx` (summary), `raft/peers.mdx` (gauge),
 * `autopilot/failure_tolerance.mdx` (gauge, healthy voters beyond quorum), `audit/log_request_failure.mdx`
 * (counter: every device failed, so the request failed too).
 */

/**
 * Alerts on OpenBao's failure modes, scoped to this instance's namespace: a sealed pod (it serves nothing until
 * unsealed, by hand with Shamir), no active node (every request fails), leadership flapping, Raft peers missing
 * from the configuration, no failure tolerance left, failing audit (OpenBao refuses requests it cannot audit),
 * and a pod that cannot be scraped at all.
 */
export function alerts(context: BuildContext<OpenBaoConfig>): IPrometheusRule {
  const { name, namespace, config } = context;
  const ns = `namespace="${namespace}"`;
  const rule = alertRuleBuilder(config.alerts);
  const rules: AlertRule[] = [
    rule(
      'OpenBaoSealed',
      'critical',
      `max by (pod) (vault_core_unsealed{${ns}}) == 0`,
      '5m',
      'OpenBao pod {{ $labels.pod }} is sealed',
      config.unseal.type === 'shamir'
        ? 'The pod restarted and waits for key holders to unseal it; until then it serves no request.'
        : `The ${config.unseal.type} seal cannot unseal the pod; check the seal's reachability and credentials in its log.`,
    ),
    rule(
      'OpenBaoNoActiveNode',
      'critical',
      `(sum(vault_core_active{${ns}}) or vector(0)) == 0`,
      '5m',
      `OpenBao in ${namespace} has no active node`,
      'No pod holds the leadership: every request fails, External Secrets stops syncing. Check quorum and seals.',
    ),
    rule(
      'OpenBaoLeadershipFlapping',
      'warning',
      `sum(increase(vault_core_leadership_lost_count{${ns}}[1h])) > 3`,
      '10m',
      `OpenBao in ${namespace} changes leader repeatedly`,
      'The active node lost its leadership {{ $value }} times in an hour: look for a pod restarting, CPU throttling or a slow disk.',
    ),
    rule(
      'OpenBaoAuditFailing',
      'critical',
      `sum(increase(vault_audit_log_request_failure{${ns}}[5m])) > 0`,
      '1m',
      `OpenBao in ${namespace} cannot write its audit log`,
      'OpenBao refuses every request it cannot audit. Check the audit device target (pod log or volume) for space and errors.',
    ),
    rule(
      'OpenBaoDown',
      'critical',
      `up{${ns}, job="openbao-internal"} == 0`,
      '5m',
      'OpenBao pod {{ $labels.pod }} does not answer metrics scrapes',
      'The pod is not running or its listener is down; see its events and log.',
    ),
  ];
  if (config.replicas > 1) {
    rules.push(
      rule(
        'OpenBaoRaftPeersMissing',
        'warning',
        `max(vault_raft_peers{${ns}}) < ${config.replicas}`,
        '15m',
        `OpenBao in ${namespace} has fewer Raft peers than replicas`,
        `The Raft configuration holds {{ $value }} of ${config.replicas} peers: a pod did not (re)join. Compare \`bao operator raft list-peers\` with the pods.`,
      ),
      rule(
        'OpenBaoNoFailureTolerance',
        'critical',
        `min(vault_autopilot_failure_tolerance{${ns}}) < 1`,
        '15m',
        `OpenBao in ${namespace} cannot lose another node`,
        'Autopilot counts no healthy voter beyond quorum: one more failure stops the cluster.',
      ),
    );
  }
  return prometheusRule(context, `${name}-alerts`, [{ name: 'openbao', rules }]);
}
