import { type ConfigChecks, describeValue } from '@platform/core';
import type { ValkeyConfig } from './config.js';

/** Semantic checks of the configuration: what types cannot say. */
export function checkConfig(config: ValkeyConfig, checks: ConfigChecks): void {
  checks.integer('replicas', config.replicas, { min: 1 });
  checks.integer('clusterReplicas', config.clusterReplicas, { min: 0 });
  if (config.mode === 'cluster') {
    const needed = 3 * (1 + config.clusterReplicas);
    checks.require(
      config.replicas >= needed && config.replicas % (1 + config.clusterReplicas) === 0,
      'replicas',
      `Valkey Cluster needs at least 3 primaries with ${config.clusterReplicas} replica(s) each: a multiple of ${1 + config.clusterReplicas} of at least ${needed}, got ${config.replicas}`,
    );
  } else {
    checks.integer('sentinel.quorum', config.sentinel.quorum, { min: 1, max: config.replicas });
    checks.require(
      config.sentinel.quorum > config.replicas / 2 || config.replicas === 1,
      'sentinel.quorum',
      `a quorum of ${config.sentinel.quorum} of ${config.replicas} Sentinels lets two halves elect two primaries; use more than half`,
    );
    checks.require(
      /^[A-Za-z0-9._-]+$/.test(config.sentinel.primarySet),
      'sentinel.primarySet',
      `expected a name of letters, digits, '.', '_' and '-', got ${describeValue(config.sentinel.primarySet)}`,
    );
    checks.integer('sentinel.downAfterMilliseconds', config.sentinel.downAfterMilliseconds, { min: 1000 });
    checks.integer('sentinel.failoverTimeoutMilliseconds', config.sentinel.failoverTimeoutMilliseconds, { min: 1000 });
  }
  checks.resources('resources', config.resources);
  checks.resources('sentinelResources', config.sentinelResources);
  checks.resources('exporterResources', config.exporterResources);
  checks.quantity('persistence.size', config.persistence.size);
  checks.require(
    config.persistence.rdbSave === '' || /^(\d+ \d+)( \d+ \d+)*$/.test(config.persistence.rdbSave),
    'persistence.rdbSave',
    `expected pairs of "<seconds> <changes>" such as "3600 1 300 100", or "" for none, got ${describeValue(config.persistence.rdbSave)}`,
  );
  checks.require(
    config.persistence.aof || config.persistence.rdbSave !== '',
    'persistence',
    'with neither AOF nor RDB snapshots a restart loses every key; enable one',
  );
  if (config.auth.password)
    checks.require(
      config.auth.password.key.trim() !== '' && !config.auth.password.key.startsWith('/'),
      'auth.password.key',
      `expected a path in the secret store such as "platform/prod/harbor-cache", got ${describeValue(config.auth.password.key)}`,
    );
  config.clients.forEach((client, index) => checks.dnsLabel(`clients[${index}]`, client));
  for (const [field, image] of Object.entries(config.images)) {
    const tag = (image.split('/').pop() ?? '').split(':')[1];
    checks.require(
      /@sha256:[0-9a-f]{64}$/.test(image) || (tag !== undefined && tag !== '' && tag !== 'latest'),
      `images.${field}`,
      `expected an image pinned to a tag or digest, got ${describeValue(image)}`,
    );
  }
}
