import { renderError, renderForTest } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { loki } from './index.js';

describe('configuration checks', () => {
  it('types the log level and the cache fields as Mimir and Tempo do', async () => {
    // @ts-expect-error: not a log level (checked at render time too, for plain JS)
    expect(await renderError([loki({ logLevel: 'verbose' })])).toBe(
      'test › loki › logLevel: expected one of "debug", "info", "warn", "error", got "verbose"',
    );
    // @ts-expect-error: the cache fields are memcached's: memoryLimitMb, maxItemSizeMb, cpuRequest, cpuLimit
    loki({ caches: { chunks: { memoryMb: 1024 } } });
    expect(await renderError([loki({ caches: { results: { memoryLimitMb: 8, maxItemSizeMb: 8 } } })])).toBe(
      [
        'test › loki › caches.results.memoryLimitMb: expected a whole number of at least 64, got 8',
        'test › loki › caches.results.maxItemSizeMb: memcached refuses items larger than half its memory: 8 MiB items need memoryLimitMb of at least 16, got 8',
      ].join('\n'),
    );
  });

  it('rejects an unknown mode', async () => {
    expect(await renderError([loki({ mode: 'monolithic' as never })])).toBe(
      'test › loki › mode: expected one of "simple-scalable", "microservices", got "monolithic"',
    );
  });

  it('rejects a retention that is not a whole number of index periods', async () => {
    expect(await renderError([loki({ retentionPeriod: '36h' })])).toBe(
      'test › loki › retentionPeriod: expected "0s" (keep forever) or a multiple of 24h, the index period, such as "744h" or "31d"; got "36h"',
    );
    await expect(renderForTest([loki({ retentionPeriod: '31d' })])).resolves.toBeDefined();
  });

  it('rejects fewer writers than copies of each stream', async () => {
    expect(await renderError([loki({ write: { replicas: 2 } })])).toBe(
      'test › loki › write.replicas: 2 write replicas cannot hold 3 copies of each stream; use at least replicationFactor (3) replicas or lower replicationFactor',
    );
    expect(await renderError([loki({ mode: 'microservices', ingester: { replicas: 1 } })])).toBe(
      'test › loki › ingester.replicas: 1 ingester replicas cannot hold 3 copies of each stream; use at least replicationFactor (3) replicas or lower replicationFactor',
    );
    await expect(renderForTest([loki({ replicationFactor: 1, write: { replicas: 1 } })])).resolves.toBeDefined();
  });

  it('rejects malformed and unordered schema periods', async () => {
    expect(
      await renderError([
        loki({
          schemaPeriods: [
            { from: '2025-01-01', schema: 'v13' },
            { from: '01/06/2025', schema: 'v13' },
          ],
        }),
      ]),
    ).toBe(
      [
        'test › loki › schemaPeriods[1].from: expected a date "YYYY-MM-DD", got "01/06/2025"',
        'test › loki › schemaPeriods[1].from: periods must be in ascending order of "from"; "01/06/2025" does not come after "2025-01-01"',
      ].join('\n'),
    );
  });

  it('reports every problem at once, with paths', async () => {
    expect(
      await renderError([
        loki({ read: { replicas: 0, resources: { requests: { cpu: 'lots' } } }, limits: { ingestionBurstSizeMb: 5 } }),
      ]),
    ).toBe(
      [
        'test › loki › limits.ingestionBurstSizeMb: the burst (5 MB) must be at least the rate (10 MB/s)',
        'test › loki › read.replicas: expected a whole number of at least 1, got 0',
        'test › loki › read.resources.requests.cpu: expected a Kubernetes quantity such as "500m" or "4Gi", got "lots"',
      ].join('\n'),
    );
  });

  it('rejects unknown fields with a suggestion', async () => {
    expect(await renderError([loki({ retentonPeriod: '1d' } as never)])).toMatch(
      /^test › loki › retentonPeriod: unknown field \(did you mean "retentionPeriod"\?\); known fields: backend, caches, /,
    );
  });

  it('reads the retention as a Prometheus duration', async () => {
    for (const retentionPeriod of ['744h', '1w2d', '0s'])
      await expect(renderForTest([loki({ retentionPeriod })])).resolves.toBeDefined();
    for (const retentionPeriod of ['1.5h', '2d1w', '24h30m'])
      expect(await renderError([loki({ retentionPeriod })])).toMatch(/^test › loki › retentionPeriod: expected "0s"/);
  });
});
