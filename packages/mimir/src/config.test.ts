import { describe, expect, it } from 'vitest';
import { defaults } from './config.js';
import { renderProblems } from './mimir.test-helpers.js';

describe('configuration errors', () => {
  it('rejects an ingester count of zero', async () => {
    expect(await renderProblems({ ingester: { replicas: 0 } })).toEqual([
      {
        environment: 'test',
        component: 'mimir',
        path: 'ingester.replicas',
        message: 'expected a whole number of at least 1, got 0',
      },
    ]);
  });

  it('rejects a replication factor above the number of replicas', async () => {
    expect(await renderProblems({ ingester: { replicas: 2 } })).toEqual([
      {
        environment: 'test',
        component: 'mimir',
        path: 'ingester.replicationFactor',
        message: 'is 3 but only 2 ingesters would run; raise ingester.replicas or lower the factor',
      },
    ]);
    expect((await renderProblems({ storeGateway: { replicas: 1 } }))[0]!.message).toBe(
      'is 3 but only 1 store-gateways would run; raise storeGateway.replicas or lower the factor',
    );
  });

  it('names an unknown key and suggests the known one', async () => {
    expect(await renderProblems({ ingester: { replica: 3 } } as never)).toEqual([
      {
        environment: 'test',
        component: 'mimir',
        path: 'ingester.replica',
        message:
          'unknown field (did you mean "replicas"?); known fields: extraArgs, replicas, replicationFactor, resources, storage',
      },
    ]);
  });

  it('rejects values of the wrong type', async () => {
    expect(await renderProblems({ querier: { replicas: '3' } } as never)).toEqual([
      { environment: 'test', component: 'mimir', path: 'querier.replicas', message: 'expected a number, got "3"' },
    ]);
  });

  it('checks quantities, memory limits against requests, durations, tenant ids and log levels together', async () => {
    const problems = await renderProblems({
      distributor: { resources: { requests: { cpu: 'two' }, limits: { memory: '256Mi' } } },
      compactor: { storage: { size: '20 GB' } },
      limits: { retentionPeriod: '30 days' },
      overrides: { 'team a': { ingestion_rate: 1 } },
      logLevel: 'verbose' as never,
    });
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'distributor.resources.requests.cpu: expected a Kubernetes quantity such as "500m" or "4Gi", got "two"',
      'distributor.resources.limits.memory: the memory limit 256Mi is below the memory request 512Mi',
      'compactor.storage.size: expected a Kubernetes quantity such as "500m" or "4Gi", got "20 GB"',
      'limits.retentionPeriod: expected a duration such as "30s", "15m", "2h" or "30d", got "30 days"',
      'overrides.team a: "team a" is not a valid Mimir tenant id (at most 150 letters, digits and !-_.*\'())',
      'logLevel: expected one of "debug", "info", "warn", "error", got "verbose"',
    ]);
  });

  it('rejects memcached items larger than half the cache memory, which memcached refuses at start-up', async () => {
    expect(await renderProblems({ caches: { metadata: { memoryLimitMb: 64, maxItemSizeMb: 64 } } })).toEqual([
      {
        environment: 'test',
        component: 'mimir',
        path: 'caches.metadata.maxItemSizeMb',
        message:
          'memcached refuses items larger than half its memory: 64 MiB items need memoryLimitMb of at least 128, got 64',
      },
    ]);
  });

  it('does not check disabled parts', async () => {
    const problems = await renderProblems({ ruler: { enabled: false, replicas: 0 }, ingester: { replicas: 0 } });
    expect(problems.map((p) => p.path)).toEqual(['ingester.replicas']);
  });

  it('documents every default it promises', () => {
    expect(defaults.images.mimir).toBe('grafana/mimir:3.0.6');
    expect(defaults.ingester).toMatchObject({ replicas: 3, replicationFactor: 3 });
    expect(defaults.ruler.enabled).toBe(true);
    expect(defaults.alertmanager.enabled).toBe(true);
    for (const key of ['distributor', 'querier', 'queryFrontend', 'queryScheduler', 'ruler'] as const) {
      expect(defaults[key].replicas, key).toBeGreaterThanOrEqual(2);
    }
  });
});
