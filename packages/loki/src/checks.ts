import type { ConfigChecks } from '@platform/core';
import { LOKI_MODES, type LokiConfig } from './config.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

/** Hours in a Prometheus-style duration (`744h`, `31d`, `1w`), or undefined when it is not one. */
export function durationHours(duration: string): number | undefined {
  const units: Record<string, number> = { ms: 1 / 3_600_000, s: 1 / 3600, m: 1 / 60, h: 1, d: 24, w: 168, y: 8760 };
  const parts = [...duration.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== duration) return undefined;
  return parts.reduce((hours, [, value, unit]) => hours + Number(value) * units[unit!]!, 0);
}

/** Semantic checks of a Loki configuration: each problem with its field path and a message saying what to do. */
export function checkLokiConfig(config: LokiConfig, checks: ConfigChecks): void {
  checks.oneOf('mode', config.mode, LOKI_MODES);
  checks.oneOf('logLevel', config.logLevel, LOG_LEVELS);
  checks.integer('replicationFactor', config.replicationFactor, { min: 1 });

  const retention = durationHours(config.retentionPeriod);
  checks.require(
    retention !== undefined && (retention === 0 || (retention >= 24 && retention % 24 === 0)),
    'retentionPeriod',
    `expected "0s" (keep forever) or a multiple of 24h, the index period, such as "744h" or "31d"; got "${config.retentionPeriod}"`,
  );

  checks.require(config.schemaPeriods.length > 0, 'schemaPeriods', 'at least one schema period is required');
  config.schemaPeriods.forEach((period, index) => {
    checks.require(
      DATE.test(period.from) && !Number.isNaN(Date.parse(period.from)),
      `schemaPeriods[${index}].from`,
      `expected a date "YYYY-MM-DD", got "${period.from}"`,
    );
    checks.oneOf(`schemaPeriods[${index}].schema`, period.schema, ['v13']);
    const previous = config.schemaPeriods[index - 1];
    if (previous)
      checks.require(
        previous.from < period.from,
        `schemaPeriods[${index}].from`,
        `periods must be in ascending order of "from"; "${period.from}" does not come after "${previous.from}"`,
      );
  });

  for (const key of ['maxQueryLength', 'splitQueriesByInterval', 'rejectOldSamplesMaxAge'] as const)
    checks.duration(`limits.${key}`, config.limits[key]);
  checks.require(
    config.limits.ingestionRateMb > 0,
    'limits.ingestionRateMb',
    `expected a positive rate, got ${config.limits.ingestionRateMb}`,
  );
  checks.require(
    config.limits.ingestionBurstSizeMb >= config.limits.ingestionRateMb,
    'limits.ingestionBurstSizeMb',
    `the burst (${config.limits.ingestionBurstSizeMb} MB) must be at least the rate (${config.limits.ingestionRateMb} MB/s)`,
  );

  for (const cache of ['chunks', 'results'] as const) {
    const value = config.caches[cache];
    if (!value.enabled) continue;
    checks.integer(`caches.${cache}.replicas`, value.replicas, { min: 1 });
    checks.integer(`caches.${cache}.memoryMb`, value.memoryMb, { min: 64 });
    checks.integer(`caches.${cache}.maxItemMb`, value.maxItemMb, { min: 1, max: 1024 });
    checks.quantity(`caches.${cache}.cpu`, value.cpu);
  }

  const writers = config.mode === 'simple-scalable' ? 'write' : 'ingester';
  const active =
    config.mode === 'simple-scalable'
      ? (['read', 'write', 'backend'] as const)
      : ([
          'distributor',
          'ingester',
          'querier',
          'queryFrontend',
          'queryScheduler',
          'indexGateway',
          ...(config.ruler.enabled ? ['ruler' as const] : []),
        ] as const);
  for (const part of active) {
    checks.integer(`${part}.replicas`, config[part].replicas, { min: 1 });
    checks.resources(`${part}.resources`, config[part].resources);
  }
  if (config.mode === 'microservices') checks.resources('compactor.resources', config.compactor.resources);
  for (const part of config.mode === 'simple-scalable'
    ? (['write', 'backend'] as const)
    : (['ingester', 'indexGateway', 'compactor'] as const)) {
    checks.quantity(`${part}.storageSize`, config[part].storageSize);
  }
  checks.require(
    config[writers].replicas >= config.replicationFactor,
    `${writers}.replicas`,
    `${config[writers].replicas} ${writers} replicas cannot hold ${config.replicationFactor} copies of each stream; use at least replicationFactor (${config.replicationFactor}) replicas or lower replicationFactor`,
  );
}
