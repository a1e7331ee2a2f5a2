import { defineComponent } from '@platform/core';

/** The URLs the fake stores publish, so tests can compare what Alloy and Grafana use with what was provided. */
export const FAKE = {
  remoteWriteUrl: 'http://distributor.fake-mimir.svc.cluster.local:8080/api/v1/push',
  metricsQueryUrl: 'http://query-frontend.fake-mimir.svc.cluster.local:8080/prometheus',
  pushUrl: 'http://write.fake-loki.svc.cluster.local:3100/loki/api/v1/push',
  logsQueryUrl: 'http://read.fake-loki.svc.cluster.local:3100',
  otlpGrpcAddress: 'distributor.fake-tempo.svc.cluster.local:4317',
  otlpHttpUrl: 'http://distributor.fake-tempo.svc.cluster.local:4318',
  tracesQueryUrl: 'http://query-frontend.fake-tempo.svc.cluster.local:3200',
};

/** A component that only publishes a metrics store. */
export const fakeMimir = defineComponent({
  name: 'fake-mimir',
  tier: 'platform',
  defaults: { multiTenant: true },
  provides: (ctx) => ({ metricsStore: { component: ctx.name, namespace: ctx.namespace, remoteWriteUrl: FAKE.remoteWriteUrl, queryUrl: FAKE.metricsQueryUrl, multiTenant: ctx.config.multiTenant } }),
  build: () => ({}),
});

/** A component that only publishes a log store. */
export const fakeLoki = defineComponent({
  name: 'fake-loki',
  tier: 'platform',
  defaults: { multiTenant: true },
  provides: (ctx) => ({ logsStore: { component: ctx.name, namespace: ctx.namespace, pushUrl: FAKE.pushUrl, queryUrl: FAKE.logsQueryUrl, multiTenant: ctx.config.multiTenant } }),
  build: () => ({}),
});

/** A component that only publishes a trace store. */
export const fakeTempo = defineComponent({
  name: 'fake-tempo',
  tier: 'platform',
  defaults: { multiTenant: true },
  provides: (ctx) => ({
    tracesStore: { component: ctx.name, namespace: ctx.namespace, otlpGrpcAddress: FAKE.otlpGrpcAddress, otlpHttpUrl: FAKE.otlpHttpUrl, queryUrl: FAKE.tracesQueryUrl, multiTenant: ctx.config.multiTenant },
  }),
  build: () => ({}),
});
