/**
 * The triggers `scaledObject()` takes, typed, and their KEDA form (the metadata keys of the v2.20.2 scalers:
 * pkg/scalers/prometheus_scaler.go:48-60, aws_sqs_queue_scaler.go:32-44, kafka_scaler.go:59-100,
 * cron_scaler.go:31-34).
 */
import type { BuildContext, Problem } from '@platform/core';
import type { IScaledObject } from './kinds.js';

/** A TriggerAuthentication a trigger authenticates with (see `triggerAuthentication()`). */
export interface TriggerAuthRef {
  name: string;
}

/**
 * Scale on a PromQL query against the environment's metrics store (`metricsStore`: Mimir or Prometheus,
 * found, never typed), with the tenant header when the store is multi-tenant.
 */
export interface PrometheusTrigger {
  type: 'prometheus';
  /** A query returning one number, e.g. `sum(rate(http_requests_total{job="web"}[2m]))`. */
  query: string;
  /** Target value per replica. */
  threshold: number;
  /** Above this the workload is active (scaled up from zero). Default 0. */
  activationThreshold?: number;
}

/** Scale on the messages of an SQS queue. */
export interface SqsTrigger {
  type: 'aws-sqs-queue';
  /** Full queue URL, e.g. `https://sqs.eu-west-1.amazonaws.com/111122223333/orders`. */
  queueUrl: string;
  /** AWS region of the queue. */
  region: string;
  /** Target messages per replica. Default 5 (KEDA's). */
  queueLength?: number;
  /** More messages than this activate the workload. Default 0. */
  activationQueueLength?: number;
  /** Credentials: a TriggerAuthentication with AWS pod identity (recommended) or keys from an ExternalSecret. */
  auth: TriggerAuthRef;
}

/** Scale on a Kafka consumer group's lag. */
export interface KafkaTrigger {
  type: 'kafka';
  /** Broker addresses `host:port`. */
  bootstrapServers: string[];
  consumerGroup: string;
  /** Topic; default every topic the group consumes. */
  topic?: string;
  /** Target lag per replica. Default 10 (KEDA's). */
  lagThreshold?: number;
  /** Lag above this activates the workload. Default 0. */
  activationLagThreshold?: number;
  /** SASL/TLS credentials, if the brokers need them. */
  auth?: TriggerAuthRef;
}

/** Run `desiredReplicas` between `start` and `end` (cron expressions in `timezone`). */
export interface CronTrigger {
  type: 'cron';
  /** IANA time zone, e.g. `Europe/Berlin`. */
  timezone: string;
  /** Cron expression of the start, e.g. `0 8 * * 1-5`. */
  start: string;
  /** Cron expression of the end, e.g. `0 20 * * 1-5`. */
  end: string;
  desiredReplicas: number;
}

export type Trigger = PrometheusTrigger | SqsTrigger | KafkaTrigger | CronTrigger;

type KedaTrigger = IScaledObject['spec']['triggers'][number];

const numbers = (entries: Record<string, number | undefined>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(entries)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  );

/** What is wrong with a trigger, with paths under `at`. */
export function triggerProblems(trigger: Trigger, at: string): Problem[] {
  const problems: Problem[] = [];
  const positive = (field: string, value: number | undefined, min = 0) => {
    if (value !== undefined && !(Number.isFinite(value) && value >= min))
      problems.push({ path: `${at}.${field}`, message: `expected a number of at least ${min}, got ${value}` });
  };
  switch (trigger.type) {
    case 'prometheus':
      if (trigger.query.trim() === '')
        problems.push({ path: `${at}.query`, message: 'a prometheus trigger needs a query' });
      positive('threshold', trigger.threshold, Number.MIN_VALUE);
      positive('activationThreshold', trigger.activationThreshold);
      break;
    case 'aws-sqs-queue':
      if (!/^https:\/\/sqs\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/\d{12}\/[\w-]+(\.fifo)?$/.test(trigger.queueUrl))
        problems.push({
          path: `${at}.queueUrl`,
          message: `expected an SQS queue URL (https://sqs.<region>.amazonaws.com/<account>/<queue>), got "${trigger.queueUrl}"`,
        });
      else if (!trigger.queueUrl.startsWith(`https://sqs.${trigger.region}.`))
        problems.push({ path: `${at}.region`, message: `the queue is in another region than "${trigger.region}"` });
      positive('queueLength', trigger.queueLength, 1);
      positive('activationQueueLength', trigger.activationQueueLength);
      break;
    case 'kafka':
      if (trigger.bootstrapServers.length === 0 || trigger.bootstrapServers.some((s) => !/^[^\s:]+:\d+$/.test(s)))
        problems.push({
          path: `${at}.bootstrapServers`,
          message: `expected broker addresses host:port, got ${JSON.stringify(trigger.bootstrapServers)}`,
        });
      if (trigger.consumerGroup === '')
        problems.push({ path: `${at}.consumerGroup`, message: 'a kafka trigger needs the consumer group' });
      positive('lagThreshold', trigger.lagThreshold, 1);
      positive('activationLagThreshold', trigger.activationLagThreshold);
      break;
    case 'cron':
      for (const field of ['start', 'end'] as const)
        if (trigger[field].trim().split(/\s+/).length !== 5)
          problems.push({
            path: `${at}.${field}`,
            message: `expected a cron expression of five fields, got "${trigger[field]}"`,
          });
      if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(trigger.timezone))
        problems.push({
          path: `${at}.timezone`,
          message: `expected an IANA time zone such as "Europe/Berlin", got "${trigger.timezone}"`,
        });
      positive('desiredReplicas', trigger.desiredReplicas, 1);
      break;
  }
  return problems;
}

/** The KEDA form of a trigger; prometheus triggers get the environment's metrics store as server. */
export function kedaTrigger(context: BuildContext<unknown>, trigger: Trigger): KedaTrigger {
  const auth = (ref: TriggerAuthRef | undefined) => (ref ? { authenticationRef: { name: ref.name } } : {});
  switch (trigger.type) {
    case 'prometheus': {
      const store = context.peers.require(
        'metricsStore',
        `the prometheus trigger of a ScaledObject of ${context.name}`,
      );
      return {
        type: 'prometheus',
        metadata: {
          serverAddress: store.queryUrl,
          query: trigger.query,
          ...numbers({ threshold: trigger.threshold, activationThreshold: trigger.activationThreshold }),
          ...(store.multiTenant ? { customHeaders: `X-Scope-OrgID=${context.environment.settings.tenant}` } : {}),
        },
      };
    }
    case 'aws-sqs-queue':
      return {
        type: 'aws-sqs-queue',
        metadata: {
          queueURL: trigger.queueUrl,
          awsRegion: trigger.region,
          ...numbers({ queueLength: trigger.queueLength, activationQueueLength: trigger.activationQueueLength }),
        },
        ...auth(trigger.auth),
      };
    case 'kafka':
      return {
        type: 'kafka',
        metadata: {
          bootstrapServers: trigger.bootstrapServers.join(','),
          consumerGroup: trigger.consumerGroup,
          ...(trigger.topic ? { topic: trigger.topic } : {}),
          ...numbers({ lagThreshold: trigger.lagThreshold, activationLagThreshold: trigger.activationLagThreshold }),
        },
        ...auth(trigger.auth),
      };
    case 'cron':
      return {
        type: 'cron',
        metadata: {
          timezone: trigger.timezone,
          start: trigger.start,
          end: trigger.end,
          desiredReplicas: String(trigger.desiredReplicas),
        },
      };
  }
}
