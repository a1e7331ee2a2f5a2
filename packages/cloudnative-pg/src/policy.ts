import { apiGroup, type PolicyRule } from '@platform/core';
import type { ICluster } from './kinds.js';

/** Options of {@link singleInstanceRule}. */
export interface SingleInstanceRuleOptions {
  /** Environments where a single-instance cluster is worth a warning. Default `['prod']`. */
  environments?: string[];
}

/**
 * `cloudnative-pg.single-instance`: a warning for every CloudNativePG `Cluster` with one instance in a production
 * environment. One instance has no standby to fail over to: a node failure, an eviction or a minor upgrade
 * takes the database down until the pod is back (or, with its PVC lost, until it is recovered from backup), and
 * a drain of its node cannot wait for a switchover (docs/src/kubernetes_upgrade.md). Waive it on the Cluster
 * (`waiverAnnotations({ 'cloudnative-pg.single-instance': '<why>' })` through an override) when that is accepted.
 */
export function singleInstanceRule({ environments = ['prod'] }: SingleInstanceRuleOptions = {}): PolicyRule {
  return {
    id: 'cloudnative-pg.single-instance',
    severity: 'warn',
    rationale:
      'A PostgreSQL cluster with one instance has no standby: any node failure, eviction or upgrade is an outage.',
    check(rendered, report) {
      if (!environments.includes(rendered.environment.name)) return;
      for (const { component, object } of rendered.objects) {
        if (object.kind !== 'Cluster' || apiGroup(object) !== 'postgresql.cnpg.io') continue;
        const instances = (object as ICluster).spec?.instances;
        if (instances !== 1) continue;
        report({
          component,
          object,
          path: 'spec.instances',
          message: `Cluster "${object.metadata?.name}" runs a single PostgreSQL instance in ${rendered.environment.name}: with no standby to fail over to, a node failure, eviction or upgrade stops the database (and clients with it) until the pod is back; run at least 2 instances (3 to keep a standby during maintenance), or waive with the reason the outage is acceptable`,
        });
      }
    },
  };
}

/** The rule as the lead wires it into `pnpm check`: production environments named `prod`. */
export const singleInstancePostgresRule: PolicyRule = singleInstanceRule();
