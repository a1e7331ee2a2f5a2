import { renderForTest } from '@platform/core/testing';
import { runPolicies } from '@platform/policy';
import { describe, expect, it } from 'vitest';
import { supportingComponents } from './fixtures.test-helpers.js';
import { postgresCluster, singleInstancePostgresRule, singleInstanceRule } from './index.js';

async function findings(environment: string, instances: number, rule = singleInstancePostgresRule) {
  const { rendered } = await renderForTest(
    [...supportingComponents(), postgresCluster({ instances }).named('grafana-db')],
    {
      name: environment,
    },
  );
  return runPolicies(rendered, { rules: [rule] }).findings.filter((f) => f.rule === 'cloudnative-pg.single-instance');
}

describe('cloudnative-pg.single-instance', () => {
  it('warns about a single instance in prod, with the reason', async () => {
    const found = await findings('prod', 1);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: 'warn',
      component: 'grafana-db',
      object: 'Cluster/grafana-db/grafana-db',
      path: 'spec.instances',
    });
    expect(found[0]!.message).toContain(
      'with no standby to fail over to, a node failure, eviction or upgrade stops the database',
    );
  });

  it('is silent for replicated clusters and outside production', async () => {
    expect(await findings('prod', 2)).toEqual([]);
    expect(await findings('dev', 1)).toEqual([]);
    expect(await findings('staging', 1, singleInstanceRule({ environments: ['prod', 'staging'] }))).toHaveLength(1);
  });
});
