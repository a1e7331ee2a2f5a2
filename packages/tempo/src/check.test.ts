import { renderError, renderForTest } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { tempo } from './index.js';

const KAFKA = 'kafka.kafka.svc.cluster.local:9092';

describe('configuration checks', () => {
  it('requires a Kafka broker in microservices mode and says how to do without', async () => {
    expect(await renderError([tempo()])).toBe(
      'test › tempo › kafka.address: Tempo 3 microservices write spans through a Kafka-compatible queue: set kafka.address to its bootstrap address ("host:port"), or use mode "monolithic", which needs no Kafka',
    );
    expect(await renderError([tempo({ kafka: { address: 'kafka://broker' } })])).toBe(
      'test › tempo › kafka.address: expected the broker\'s bootstrap address as "host:port", got "kafka://broker"',
    );
    await expect(renderForTest([tempo({ mode: 'monolithic' })])).resolves.toBeDefined();
  });

  it('types the log level as Mimir and Loki do', async () => {
    // @ts-expect-error: not a log level (checked at render time too, for plain JS)
    expect(await renderError([tempo({ mode: 'monolithic', logLevel: 'trace' })])).toBe(
      'test › tempo › logLevel: expected one of "debug", "info", "warn", "error", got "trace"',
    );
  });

  it('rejects an unknown mode', async () => {
    expect(await renderError([tempo({ mode: 'distributed' as never })])).toMatch(
      /^test › tempo › mode: expected one of "microservices", "monolithic", got "distributed"/,
    );
  });

  it('rejects block-builders that cannot share the partitions evenly', async () => {
    expect(
      await renderError([
        tempo({ kafka: { address: KAFKA }, liveStore: { partitions: 4 }, blockBuilder: { replicas: 3 } }),
      ]),
    ).toBe(
      'test › tempo › blockBuilder.replicas: 3 block-builders cannot share 4 partitions evenly (each owns liveStore.partitions / replicas); use a divisor of liveStore.partitions',
    );
  });

  it('rejects bad zones', async () => {
    expect(
      await renderError([tempo({ kafka: { address: KAFKA }, liveStore: { zones: ['zone-a', 'Zone_B', 'zone-a'] } })]),
    ).toBe(
      [
        'test › tempo › liveStore.zones[1]: expected a DNS label (lower-case letters, digits and \'-\', at most 63 characters), got "Zone_B"',
        'test › tempo › liveStore.zones[2]: zone "zone-a" is listed twice',
      ].join('\n'),
    );
  });

  it('rejects a retention Tempo cannot parse', async () => {
    expect(await renderError([tempo({ mode: 'monolithic', retentionPeriod: '14d' })])).toBe(
      'test › tempo › retentionPeriod: expected a duration such as "30s", "15m" or "2160h", got "14d"',
    );
    expect(await renderError([tempo({ mode: 'monolithic', retentionPeriod: '0' })])).toBe(
      'test › tempo › retentionPeriod: expected a positive duration, got "0"',
    );
    await expect(renderForTest([tempo({ mode: 'monolithic', retentionPeriod: '1.5h' })])).resolves.toBeDefined();
  });

  it('rejects unknown processors and a metrics-generator without a metrics store', async () => {
    expect(
      await renderError([
        tempo({ mode: 'monolithic', metricsGenerator: { enabled: true, processors: ['local-blocks' as never] } }),
      ]),
    ).toMatch(
      /^test › tempo › metricsGenerator\.processors\[0\]: expected one of "service-graphs", "span-metrics", .*, got "local-blocks"$/,
    );
    expect(await renderError([tempo({ mode: 'monolithic', metricsGenerator: { enabled: true } })])).toBe(
      'test › tempo: needs a component that provides "metricsStore" (the Tempo metrics-generator remote-writes span metrics and service graphs to it), and the environment has none',
    );
  });
});
