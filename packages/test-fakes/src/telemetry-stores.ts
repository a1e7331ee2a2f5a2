import {
  type BuildContext,
  defineComponent,
  type IngressRule,
  type IService,
  type LogsStore,
  type MetricsStore,
  type NetworkAccess,
  type PodSelector,
  selectorLabels,
  standardLabels,
  type TracesStore,
} from '@platform/core';

/** The endpoints the fake stores publish, so tests can compare what a consumer uses with what was provided. */
export const FAKE_STORES = {
  remoteWriteUrl: 'http://distributor.fake-mimir.svc.cluster.local:8080/api/v1/push',
  metricsQueryUrl: 'http://query-frontend.fake-mimir.svc.cluster.local:8080/prometheus',
  alertmanagerUrl: 'http://alertmanager.fake-mimir.svc.cluster.local:8080/alertmanager',
  pushUrl: 'http://write.fake-loki.svc.cluster.local:3100/loki/api/v1/push',
  logsQueryUrl: 'http://read.fake-loki.svc.cluster.local:3100',
  otlpGrpcAddress: 'distributor.fake-tempo.svc.cluster.local:4317',
  otlpHttpUrl: 'http://distributor.fake-tempo.svc.cluster.local:4318',
  tracesQueryUrl: 'http://query-frontend.fake-tempo.svc.cluster.local:3200',
} as const;

/** The pods behind a fake store's Service: the selector a real library's workload helper gives that Service. */
export function fakeStorePods(component: string, service: string): PodSelector {
  return selectorLabels(component, service);
}

/**
 * One Service of a fake store and who may use it: the fakes render the Service (selecting
 * {@link fakeStorePods}) and an ingress rule admitting `consumer` on exactly those pods and ports, as the real
 * store libraries do, so consumer tests can check both sides of each connection.
 */
interface FakeService {
  service: string;
  ports: number[];
  consumer: 'alloy' | 'grafana';
  rule: string;
}

function fakeStoreParts(
  context: Pick<BuildContext<unknown>, 'name' | 'namespace'>,
  services: FakeService[],
): { objects: Record<string, IService>; network: NetworkAccess } {
  const objects: Record<string, IService> = {};
  for (const { service, ports } of services) {
    objects[`${service.replace(/-/g, '_')}_service`] = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: service, namespace: context.namespace, labels: standardLabels(context.name, service) },
      spec: {
        selector: fakeStorePods(context.name, service),
        ports: ports.map((port) => ({ name: `port-${port}`, port, targetPort: port, protocol: 'TCP' })),
      },
    };
  }
  const ingress: IngressRule[] = services.map(({ service, ports, consumer, rule }) => ({
    name: rule,
    from: [{ component: consumer }],
    ports,
    podLabels: fakeStorePods(context.name, service),
  }));
  return { objects, network: { ingress } };
}

/** Where a fake store runs: its component name and namespace (by default the same). */
export interface FakeStorePlace {
  component: string;
  namespace?: string;
}

/** The metrics store `fake-mimir` publishes (with an Alertmanager when asked), for tests that need it without a render. */
export function fakeMetrics(
  { component, namespace = component }: FakeStorePlace,
  { multiTenant = true, alertmanager = false } = {},
): MetricsStore {
  return {
    component,
    namespace,
    remoteWriteUrl: FAKE_STORES.remoteWriteUrl,
    queryUrl: FAKE_STORES.metricsQueryUrl,
    ...(alertmanager ? { alertmanagerUrl: FAKE_STORES.alertmanagerUrl } : {}),
    multiTenant,
    pods: {
      remoteWriteUrl: fakeStorePods(component, 'distributor'),
      queryUrl: fakeStorePods(component, 'query-frontend'),
      ...(alertmanager ? { alertmanagerUrl: fakeStorePods(component, 'alertmanager') } : {}),
    },
  };
}

/** The log store `fake-loki` publishes. */
export function fakeLogs({ component, namespace = component }: FakeStorePlace, { multiTenant = true } = {}): LogsStore {
  return {
    component,
    namespace,
    pushUrl: FAKE_STORES.pushUrl,
    queryUrl: FAKE_STORES.logsQueryUrl,
    multiTenant,
    pods: { pushUrl: fakeStorePods(component, 'write'), queryUrl: fakeStorePods(component, 'read') },
  };
}

/** The trace store `fake-tempo` publishes. */
export function fakeTraces(
  { component, namespace = component }: FakeStorePlace,
  { multiTenant = true } = {},
): TracesStore {
  return {
    component,
    namespace,
    otlpGrpcAddress: FAKE_STORES.otlpGrpcAddress,
    otlpHttpUrl: FAKE_STORES.otlpHttpUrl,
    queryUrl: FAKE_STORES.tracesQueryUrl,
    multiTenant,
    pods: {
      otlpGrpcAddress: fakeStorePods(component, 'distributor'),
      otlpHttpUrl: fakeStorePods(component, 'distributor'),
      queryUrl: fakeStorePods(component, 'query-frontend'),
    },
  };
}

const fakeMimirServices = (alertmanager: boolean): FakeService[] => [
  { service: 'distributor', ports: [8080], consumer: 'alloy', rule: 'remote-write' },
  { service: 'query-frontend', ports: [8080], consumer: 'grafana', rule: 'query' },
  ...(alertmanager
    ? [{ service: 'alertmanager', ports: [8080], consumer: 'grafana' as const, rule: 'alertmanager-api' }]
    : []),
];

/**
 * A component (`fake-mimir`) that publishes a metrics store, with an Alertmanager when asked, and renders the
 * Services its addresses name plus the ingress policies that admit Alloy (remote write) and Grafana (queries).
 */
export const fakeMetricsStore = defineComponent({
  name: 'fake-mimir',
  tier: 'platform',
  defaults: { multiTenant: true, alertmanager: false },
  provides: (ctx) => ({ metricsStore: fakeMetrics({ component: ctx.name, namespace: ctx.namespace }, ctx.config) }),
  build: (ctx) => fakeStoreParts(ctx, fakeMimirServices(ctx.config.alertmanager)).objects,
  network: (ctx) => fakeStoreParts(ctx, fakeMimirServices(ctx.config.alertmanager)).network,
});

const FAKE_LOKI_SERVICES: FakeService[] = [
  { service: 'write', ports: [3100], consumer: 'alloy', rule: 'push' },
  { service: 'read', ports: [3100], consumer: 'grafana', rule: 'query' },
];

/** A component (`fake-loki`) that publishes a log store, with its Services and the ingress policies for Alloy and Grafana. */
export const fakeLogsStore = defineComponent({
  name: 'fake-loki',
  tier: 'platform',
  defaults: { multiTenant: true },
  provides: (ctx) => ({ logsStore: fakeLogs({ component: ctx.name, namespace: ctx.namespace }, ctx.config) }),
  build: (ctx) => fakeStoreParts(ctx, FAKE_LOKI_SERVICES).objects,
  network: (ctx) => fakeStoreParts(ctx, FAKE_LOKI_SERVICES).network,
});

const FAKE_TEMPO_SERVICES: FakeService[] = [
  { service: 'distributor', ports: [4317, 4318], consumer: 'alloy', rule: 'otlp' },
  { service: 'query-frontend', ports: [3200], consumer: 'grafana', rule: 'query' },
];

/** A component (`fake-tempo`) that publishes a trace store, with its Services and the ingress policies for Alloy and Grafana. */
export const fakeTracesStore = defineComponent({
  name: 'fake-tempo',
  tier: 'platform',
  defaults: { multiTenant: true },
  provides: (ctx) => ({ tracesStore: fakeTraces({ component: ctx.name, namespace: ctx.namespace }, ctx.config) }),
  build: (ctx) => fakeStoreParts(ctx, FAKE_TEMPO_SERVICES).objects,
  network: (ctx) => fakeStoreParts(ctx, FAKE_TEMPO_SERVICES).network,
});
