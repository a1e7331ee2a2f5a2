import { type ConfigChecks, parseDuration } from '@platform/core';
import { checkAutoscaling, LOG_LEVELS } from '@platform/grafana-databases';
import { GENERATOR_PROCESSORS, TEMPO_MODES, type TempoConfig } from './config.js';
import { liveStoreName } from './endpoints.js';

/** The microservices sections whose Deployments offer `autoscaling`. */
const AUTOSCALED = ['distributor', 'querier', 'queryFrontend'] as const;

const HOST_PORT = /^[A-Za-z0-9.-]+:\d{1,5}$/;

/** Semantic checks of a Tempo configuration: each problem with its field path and a message saying what to do. */
export function checkConfig(config: TempoConfig, checks: ConfigChecks): void {
  checks.oneOf('mode', config.mode, TEMPO_MODES);
  checks.oneOf('logLevel', config.logLevel, LOG_LEVELS);
  // Tempo reads `block_retention` as a Go duration: no days or weeks.
  checks.duration('retentionPeriod', config.retentionPeriod, 'go');
  const retention = parseDuration(config.retentionPeriod, 'go');
  if (retention !== undefined)
    checks.require(retention > 0, 'retentionPeriod', `expected a positive duration, got "${config.retentionPeriod}"`);
  for (const [key, value] of Object.entries(config.limits)) checks.integer(`limits.${key}`, value, { min: 1 });

  const generator = config.metricsGenerator;
  if (generator.enabled) {
    checks.require(
      generator.processors.length > 0,
      'metricsGenerator.processors',
      'an enabled metrics-generator needs at least one processor, e.g. "span-metrics"',
    );
    generator.processors.forEach((processor, index) =>
      checks.oneOf(`metricsGenerator.processors[${index}]`, processor, GENERATOR_PROCESSORS),
    );
  }

  if (config.mode === 'monolithic') {
    // The one pod is a StatefulSet; the microservices sections (and their autoscaling) are not rendered.
    for (const part of AUTOSCALED)
      checks.require(
        config[part].autoscaling === undefined,
        `${part}.autoscaling`,
        `${part} runs only in microservices mode; the monolithic pod (a StatefulSet) does not autoscale`,
      );
    checks.resources('monolithic.resources', config.monolithic.resources);
    checks.quantity('monolithic.storageSize', config.monolithic.storageSize);
    return;
  }

  checks.require(
    HOST_PORT.test(config.kafka.address),
    'kafka.address',
    config.kafka.address === ''
      ? 'Tempo 3 microservices write spans through a Kafka-compatible queue: set kafka.address to its bootstrap address ("host:port"), or use mode "monolithic", which needs no Kafka'
      : `expected the broker's bootstrap address as "host:port", got "${config.kafka.address}"`,
  );
  checks.require(config.kafka.topic.length > 0, 'kafka.topic', 'a topic name is required');

  const { liveStore, blockBuilder } = config;
  checks.require(liveStore.zones.length > 0, 'liveStore.zones', 'at least one zone is required');
  liveStore.zones.forEach((zone, index) => {
    checks.dnsLabel(`liveStore.zones[${index}]`, zone);
    checks.require(
      liveStoreName(zone).length <= 52,
      `liveStore.zones[${index}]`,
      `"${zone}" is too long: StatefulSet "${liveStoreName(zone)}" must have at most 52 characters`,
    );
    checks.require(
      liveStore.zones.indexOf(zone) === index,
      `liveStore.zones[${index}]`,
      `zone "${zone}" is listed twice`,
    );
  });
  checks.integer('liveStore.partitions', liveStore.partitions, { min: 1 });
  checks.quantity('liveStore.storageSize', liveStore.storageSize);
  checks.integer('blockBuilder.replicas', blockBuilder.replicas, { min: 1 });
  checks.require(
    blockBuilder.replicas > 0 && liveStore.partitions % blockBuilder.replicas === 0,
    'blockBuilder.replicas',
    `${blockBuilder.replicas} block-builders cannot share ${liveStore.partitions} partitions evenly (each owns liveStore.partitions / replicas); use a divisor of liveStore.partitions`,
  );
  checks.quantity('blockBuilder.scratchSize', blockBuilder.scratchSize);
  checks.quantity('backendScheduler.storageSize', config.backendScheduler.storageSize);

  for (const part of [
    'distributor',
    'querier',
    'queryFrontend',
    'backendWorker',
    ...(generator.enabled ? ['metricsGenerator' as const] : []),
  ] as const) {
    checks.integer(`${part}.replicas`, config[part].replicas, { min: 1 });
  }
  for (const part of AUTOSCALED) checkAutoscaling(checks, part, config[part].autoscaling, config[part].resources);
  for (const part of [
    'distributor',
    'liveStore',
    'blockBuilder',
    'querier',
    'queryFrontend',
    'backendScheduler',
    'backendWorker',
    'metricsGenerator',
  ] as const) {
    checks.resources(`${part}.resources`, config[part].resources);
  }
}
