import { defineComponent } from '@platform/core';

/** The URLs the fake stores publish, so tests compare Grafana's datasources with what was provided. */
export const FAKE = {
  metricsQueryUrl: 'http://query-frontend.fake-mimir.svc.cluster.local:8080/prometheus',
  alertmanagerUrl: 'http://alertmanager.fake-mimir.svc.cluster.local:8080/alertmanager',
  logsQueryUrl: 'http://read.fake-loki.svc.cluster.local:3100',
  tracesQueryUrl: 'http://query-frontend.fake-tempo.svc.cluster.local:3200',
};

/** A component that only publishes a metrics store (with an Alertmanager when asked). */
export const fakeMimir = defineComponent({
  name: 'fake-mimir',
  tier: 'platform',
  defaults: { multiTenant: true, alertmanager: false },
  provides: (ctx) => ({
    metricsStore: {
      component: ctx.name,
      namespace: ctx.namespace,
      remoteWriteUrl: 'http://distributor.fake-mimir.svc.cluster.local:8080/api/v1/push',
      queryUrl: FAKE.metricsQueryUrl,
      ...(ctx.config.alertmanager ? { alertmanagerUrl: FAKE.alertmanagerUrl } : {}),
      multiTenant: ctx.config.multiTenant,
    },
  }),
  build: () => ({}),
});

/** A component that only publishes a log store. */
export const fakeLoki = defineComponent({
  name: 'fake-loki',
  tier: 'platform',
  defaults: { multiTenant: true },
  provides: (ctx) => ({
    logsStore: { component: ctx.name, namespace: ctx.namespace, pushUrl: 'http://write.fake-loki.svc.cluster.local:3100/loki/api/v1/push', queryUrl: FAKE.logsQueryUrl, multiTenant: ctx.config.multiTenant },
  }),
  build: () => ({}),
});

/** A component that only publishes a trace store. */
export const fakeTempo = defineComponent({
  name: 'fake-tempo',
  tier: 'platform',
  defaults: { multiTenant: true },
  provides: (ctx) => ({
    tracesStore: {
      component: ctx.name,
      namespace: ctx.namespace,
      otlpGrpcAddress: 'distributor.fake-tempo.svc.cluster.local:4317',
      otlpHttpUrl: 'http://distributor.fake-tempo.svc.cluster.local:4318',
      queryUrl: FAKE.tracesQueryUrl,
      multiTenant: ctx.config.multiTenant,
    },
  }),
  build: () => ({}),
});

/** A component that ships dashboards, like a store library's mixin would. */
export const fakeDashboards = defineComponent({
  name: 'fake-app',
  tier: 'platform',
  defaults: { dashboards: {} as Record<string, unknown> },
  provides: (ctx) => ({ dashboards: { component: ctx.name, namespace: ctx.namespace, folder: 'Fake App', dashboards: ctx.config.dashboards } }),
  build: () => ({}),
});

/** A component that provides a cert-manager ClusterIssuer. */
export const fakeIssuer = defineComponent({
  name: 'fake-cert-manager',
  tier: 'platform',
  defaults: {},
  provides: (ctx) => ({
    certificateIssuer: { component: ctx.name, namespace: ctx.namespace, issuerRef: { name: 'letsencrypt', kind: 'ClusterIssuer' as const, group: 'cert-manager.io' as const } },
  }),
  build: () => ({}),
});
