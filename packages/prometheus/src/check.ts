import type { ConfigChecks } from '@platform/core';
import type { PrometheusConfig } from './config.js';

/** A byte size as Prometheus' `retentionSize` and Thanos' cache sizes parse it (`512MB`, `40GB`, `1GiB`). */
const BYTES = /^\d+(B|KB|MB|GB|TB|PB|EB|KiB|MiB|GiB|TiB)$/;
/** An image with an exact release tag, which the operator also needs as `version`. */
const TAGGED = /:v?\d+\.\d+\.\d+$/;

/** What types cannot say: replicas, quantities, durations, sizes, tags, and a team. */
export function checkConfig(config: PrometheusConfig, checks: ConfigChecks): void {
  const { prometheus, alertmanager, thanos } = config;
  for (const key of ['prometheus', 'alertmanager'] as const)
    checks.require(
      TAGGED.test(config.images[key]),
      `images.${key}`,
      `expected an image with an exact release tag (the operator reads the version from it), got ${JSON.stringify(config.images[key])}`,
    );
  checks.dnsLabel('team', config.team);
  checks.resources('operator.resources', config.operator.resources);
  checks.integer('prometheus.replicas', prometheus.replicas, { min: 1 });
  checks.duration('prometheus.retention', prometheus.retention, 'prometheus');
  checks.require(
    BYTES.test(prometheus.retentionSize),
    'prometheus.retentionSize',
    `expected a size such as "40GB", got ${JSON.stringify(prometheus.retentionSize)}`,
  );
  checks.quantity('prometheus.storage.size', prometheus.storage.size);
  checks.resources('prometheus.resources', prometheus.resources);
  checks.duration('prometheus.scrapeInterval', prometheus.scrapeInterval, 'prometheus');
  checks.duration('prometheus.evaluationInterval', prometheus.evaluationInterval, 'prometheus');
  checks.require(
    !('cluster' in prometheus.externalLabels),
    'prometheus.externalLabels.cluster',
    'the cluster label is always the cluster name; remove it',
  );
  checks.integer('alertmanager.replicas', alertmanager.replicas, { min: 1 });
  checks.duration('alertmanager.retention', alertmanager.retention, 'go');
  checks.quantity('alertmanager.storage.size', alertmanager.storage.size);
  checks.resources('alertmanager.resources', alertmanager.resources);
  checks.resources('kubeStateMetrics.resources', config.kubeStateMetrics.resources);
  checks.resources('thanos.sidecarResources', thanos.sidecarResources);
  checks.integer('thanos.replicas', thanos.replicas, { min: 1 });
  checks.resources('thanos.resources', thanos.resources);
  checks.require(
    BYTES.test(thanos.cacheSize),
    'thanos.cacheSize',
    `expected a size such as "256MB", got ${JSON.stringify(thanos.cacheSize)}`,
  );
  checks.duration('thanos.splitInterval', thanos.splitInterval, 'prometheus');
}
