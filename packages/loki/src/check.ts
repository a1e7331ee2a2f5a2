import { type ConfigChecks, parseDuration } from '@platform/core';
import { checkAutoscaling, checkCacheConfig, LOG_LEVELS } from '@platform/grafana-databases';
import { LOKI_MODES, type LokiConfig } from './config.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_SECONDS = 24 * 3600;

/** Semantic checks of a Loki configuration: each problem with its field path and a message saying what to do. */
export function checkConfig(config: LokiConfig, checks: ConfigChecks): void {
  checks.oneOf('mode', config.mode, LOKI_MODES);
  checks.oneOf('logLevel', config.logLevel, LOG_LEVELS);
  checks.integer('replicationFactor', config.replicationFactor, { min: 1 });

  // Loki reads `retention_period` as a Prometheus duration; the compactor applies it per index period (24h).
  const retention = parseDuration(config.retentionPeriod, 'prometheus');
  checks.require(
    retention !== undefined && retention % DAY_SECONDS === 0,
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

  for (const cache of ['chunks', 'results'] as const) checkCacheConfig(checks, `caches.${cache}`, config.caches[cache]);

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
  checkReadPathAutoscaling(config, checks);
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

/** The sections of the stateless Deployments that offer `autoscaling`, by the mode that runs them. */
const AUTOSCALED = {
  'simple-scalable': ['read'],
  microservices: ['distributor', 'querier', 'queryFrontend'],
} as const satisfies Record<LokiConfig['mode'], ReadonlyArray<keyof LokiConfig>>;

/**
 * `autoscaling` of the mode's stateless Deployments, and none on a section the mode does not run, where it
 * would silently do nothing.
 */
function checkReadPathAutoscaling(config: LokiConfig, checks: ConfigChecks): void {
  if (!LOKI_MODES.includes(config.mode)) return; // reported as such
  for (const mode of LOKI_MODES) {
    for (const part of AUTOSCALED[mode]) {
      const { autoscaling, resources } = config[part];
      if (mode === config.mode) checkAutoscaling(checks, part, autoscaling, resources);
      else
        checks.require(
          autoscaling === undefined,
          `${part}.autoscaling`,
          `${part} runs only in ${mode} mode, but mode is ${config.mode}: autoscale ${AUTOSCALED[config.mode].join(', ')} instead`,
        );
    }
  }
}
