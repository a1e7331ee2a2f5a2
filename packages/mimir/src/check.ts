import type { BuildContext, ConfigChecks } from '@platform/core';
import { checkAutoscaling, checkCacheConfig, LOG_LEVELS } from '@platform/grafana-databases';
import type { MimirConfig } from './config.js';

/** Tenant ids Mimir accepts: up to 150 characters out of letters, digits and `!-_.*'()`. */
const TENANT_ID = /^[a-zA-Z0-9!\-_.*'()]{1,150}$/;

type WorkloadKey =
  | 'distributor'
  | 'ingester'
  | 'querier'
  | 'queryFrontend'
  | 'queryScheduler'
  | 'storeGateway'
  | 'compactor'
  | 'ruler'
  | 'alertmanager';
const WORKLOADS: WorkloadKey[] = [
  'distributor',
  'ingester',
  'querier',
  'queryFrontend',
  'queryScheduler',
  'storeGateway',
  'compactor',
  'ruler',
  'alertmanager',
];
const CACHES = ['chunks', 'indexQueries', 'metadata', 'frontend'] as const;

function checkReplicationFactor(
  checks: ConfigChecks,
  path: string,
  replicas: number,
  factor: number,
  what: string,
): void {
  checks.integer(`${path}.replicationFactor`, factor, { min: 1 });
  if (Number.isInteger(replicas) && replicas >= 1 && Number.isInteger(factor)) {
    checks.require(
      factor <= replicas,
      `${path}.replicationFactor`,
      `is ${factor} but only ${replicas} ${what} would run; raise ${path}.replicas or lower the factor`,
    );
  }
}

/** Semantic checks of a merged configuration (the shape is already checked against {@link defaults}). */
export function checkConfig(
  config: MimirConfig,
  checks: ConfigChecks,
  _context: Omit<BuildContext<MimirConfig>, 'peers'>,
): void {
  for (const key of WORKLOADS) {
    const workload = config[key];
    if ('enabled' in workload && !workload.enabled) continue;
    checks.integer(`${key}.replicas`, workload.replicas, { min: 1 });
    checks.resources(`${key}.resources`, workload.resources);
    if ('storage' in workload) checks.quantity(`${key}.storage.size`, workload.storage.size);
  }
  for (const key of ['distributor', 'querier', 'queryFrontend'] as const)
    checkAutoscaling(checks, key, config[key].autoscaling, config[key].resources);
  checkReplicationFactor(checks, 'ingester', config.ingester.replicas, config.ingester.replicationFactor, 'ingesters');
  checkReplicationFactor(
    checks,
    'storeGateway',
    config.storeGateway.replicas,
    config.storeGateway.replicationFactor,
    'store-gateways',
  );
  if (config.alertmanager.enabled) {
    checkReplicationFactor(
      checks,
      'alertmanager',
      config.alertmanager.replicas,
      config.alertmanager.replicationFactor,
      'alertmanagers',
    );
    const url = config.alertmanager.externalUrl;
    checks.require(
      url.startsWith('/') || /^https?:\/\/[^/]/.test(url),
      'alertmanager.externalUrl',
      `expected a path such as "/alertmanager" or an http(s) URL, got ${JSON.stringify(url)}`,
    );
  }
  checks.integer('querier.maxConcurrent', config.querier.maxConcurrent, { min: 1 });
  checks.integer(
    'queryScheduler.maxOutstandingRequestsPerTenant',
    config.queryScheduler.maxOutstandingRequestsPerTenant,
    { min: 1 },
  );

  for (const key of CACHES) {
    checkCacheConfig(checks, `caches.${key}`, config.caches[key]);
  }
  checks.resources('caches.exporterResources', config.caches.exporterResources);

  const limits = config.limits;
  checks.integer('limits.ingestionBurstSize', limits.ingestionBurstSize, { min: 1 });
  checks.require(
    limits.ingestionRate > 0,
    'limits.ingestionRate',
    `expected a positive rate, got ${limits.ingestionRate}`,
  );
  checks.integer('limits.maxGlobalSeriesPerUser', limits.maxGlobalSeriesPerUser, { min: 0 });
  checks.integer('limits.maxGlobalMetadataPerUser', limits.maxGlobalMetadataPerUser, { min: 0 });
  checks.integer('limits.maxGlobalMetadataPerMetric', limits.maxGlobalMetadataPerMetric, { min: 0 });
  checks.integer('limits.maxQueryParallelism', limits.maxQueryParallelism, { min: 1 });
  for (const key of ['retentionPeriod', 'maxTotalQueryLength', 'maxPartialQueryLength', 'maxCacheFreshness'] as const) {
    checks.duration(`limits.${key}`, limits[key]);
  }
  for (const tenant of Object.keys(config.overrides)) {
    checks.require(
      TENANT_ID.test(tenant),
      `overrides.${tenant}`,
      `"${tenant}" is not a valid Mimir tenant id (at most 150 letters, digits and !-_.*'())`,
    );
  }
  checks.oneOf('logLevel', config.logLevel, LOG_LEVELS);
}
