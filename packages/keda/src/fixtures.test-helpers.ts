import {
  type AnyComponent,
  type BuildContext,
  defineComponent,
  deployment,
  namedWorkloadObjects,
  type ObjectMap,
  selectorLabels,
  standardLabels,
} from '@platform/core';
import { stubComponent } from '@platform/core/testing';
import { EXTERNAL_SECRETS_KINDS } from '@platform/external-secrets';
import { fakeMetrics } from '@platform/test-fakes';
import {
  KEDA_KINDS,
  type KedaScaling,
  kedaAutoscaling,
  scaledObject,
  storedTriggerCredentials,
  triggerAuthentication,
} from './index.js';

/** A metrics store `mimir` that renders its query Service and admits KEDA's operator on it, as Mimir's `network.queryFrom` does. */
export const metricsStore = defineComponent({
  name: 'mimir',
  tier: 'platform',
  defaults: {},
  provides: ({ name, namespace }) => ({ metricsStore: fakeMetrics({ component: name, namespace }) }),
  build: ({ name, namespace }) => ({
    query_frontend_service: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'query-frontend', namespace, labels: standardLabels(name, 'query-frontend') },
      spec: {
        selector: selectorLabels(name, 'query-frontend'),
        ports: [{ name: 'http', port: 8080, targetPort: 8080, protocol: 'TCP' }],
      },
    },
  }),
  network: ({ name }) => ({
    ingress: [
      {
        name: 'query',
        from: [{ component: 'keda' }],
        ports: [8080],
        podLabels: selectorLabels(name, 'query-frontend'),
      },
    ],
  }),
})();

/** The environment's secret store, for stored trigger credentials. */
export const secretStore = stubComponent('external-secrets', {
  secretStore: {
    component: 'external-secrets',
    namespace: 'external-secrets',
    storeRef: { name: 'platform-vault', kind: 'ClusterSecretStore' },
  },
});

const container = {
  name: 'worker',
  image: 'example/worker:1.0.0',
  resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { memory: '512Mi' } },
  readinessProbe: { exec: { command: ['true'] } },
  livenessProbe: { exec: { command: ['true'] } },
};

function storedCredentials(context: BuildContext<unknown>): ObjectMap {
  const credentials = storedTriggerCredentials(context, 'kafka-sasl', {
    password: { key: 'platform/test/kafka', property: 'password' },
  });
  return {
    kafka_sasl_externalsecret: credentials.externalSecret,
    kafka_sasl_triggerauthentication: credentials.triggerAuthentication,
  };
}

/** A consumer: a queue worker scaled to zero by SQS (pod identity) and a report job scaled by a query and office hours. */
export function workers(scaling: Partial<KedaScaling> = {}, stored = false): AnyComponent {
  return defineComponent({
    name: 'orders',
    tier: 'workloads',
    defaults: {},
    kinds: [...KEDA_KINDS, ...EXTERNAL_SECRETS_KINDS],
    build: (context): ObjectMap => {
      const queue: KedaScaling = {
        min: 0,
        max: 20,
        triggers: [
          {
            type: 'aws-sqs-queue',
            queueUrl: 'https://sqs.eu-west-1.amazonaws.com/111122223333/orders',
            region: 'eu-west-1',
            queueLength: 10,
            auth: { name: 'orders-sqs' },
          },
        ],
        ...scaling,
      };
      const reports: KedaScaling = {
        min: 1,
        max: 6,
        triggers: [
          { type: 'prometheus', query: 'sum(orders_pending_reports)', threshold: 50 },
          { type: 'cron', timezone: 'Europe/Berlin', start: '0 8 * * 1-5', end: '0 18 * * 1-5', desiredReplicas: 2 },
        ],
      };
      // The ScaledObject first: its problems name the scaling, the workload helper's only the bounds.
      const workerScaled = scaledObject(context, { kind: 'Deployment', name: 'worker', stage: 2 }, queue);
      return {
        ...namedWorkloadObjects(
          'worker',
          'deployment',
          deployment(context, {
            name: 'worker',
            stage: 2,
            containers: [container],
            autoscaling: kedaAutoscaling(queue),
          }),
        ),
        worker_scaledobject: workerScaled,
        orders_sqs_triggerauthentication: triggerAuthentication(context, 'orders-sqs', {
          awsPodIdentity: { identityOwner: 'keda' },
        }),
        ...namedWorkloadObjects(
          'reports',
          'deployment',
          deployment(context, {
            name: 'reports',
            containers: [{ ...container, name: 'reports' }],
            autoscaling: kedaAutoscaling(reports),
          }),
        ),
        reports_scaledobject: scaledObject(context, { kind: 'Deployment', name: 'reports' }, reports),
        ...(stored ? storedCredentials(context) : {}),
      };
    },
  })();
}
