import { describe, expect, it } from 'vitest';
import type { MetricsStore, TracesStore } from '../../index.js';
import { addressPort, defineComponent, egressToEndpoints, endpointTarget, selectorLabels } from '../../index.js';
import { renderError, stubComponent } from '../../testing/index.js';

const metrics: MetricsStore = {
  component: 'mimir',
  namespace: 'mimir',
  remoteWriteUrl: 'http://distributor.mimir.svc.cluster.local:8080/api/v1/push',
  queryUrl: 'http://query-frontend.mimir.svc.cluster.local:8080/prometheus',
  alertmanagerUrl: 'http://alertmanager.mimir.svc.cluster.local:8080/alertmanager',
  multiTenant: true,
  pods: {
    remoteWriteUrl: selectorLabels('mimir', 'distributor'),
    queryUrl: selectorLabels('mimir', 'query-frontend'),
    alertmanagerUrl: selectorLabels('mimir', 'alertmanager'),
  },
};

const traces: TracesStore = {
  component: 'tempo',
  namespace: 'tempo',
  otlpGrpcAddress: 'tempo.tempo.svc.cluster.local:4317',
  otlpHttpUrl: 'http://tempo.tempo.svc.cluster.local:4318',
  queryUrl: 'http://tempo.tempo.svc.cluster.local:3200',
  multiTenant: false,
  pods: {
    otlpGrpcAddress: selectorLabels('tempo', 'tempo'),
    otlpHttpUrl: selectorLabels('tempo', 'tempo'),
    queryUrl: selectorLabels('tempo', 'tempo'),
  },
};

describe('addressPort', () => {
  it('reads the port of URLs (scheme default when absent) and of host:port addresses', () => {
    expect(addressPort('http://read.loki.svc.cluster.local:3100/loki')).toBe(3100);
    expect(addressPort('https://logs.example.com/loki/api/v1/push')).toBe(443);
    expect(addressPort('http://logs.example.com')).toBe(80);
    expect(addressPort('distributor.tempo.svc.cluster.local:4317')).toBe(4317);
    expect(() => addressPort('distributor.tempo.svc.cluster.local')).toThrow(
      'address "distributor.tempo.svc.cluster.local" has no port',
    );
  });
});

describe('endpointTarget', () => {
  it('is the component, Service, pods and port behind one address of an endpoint', () => {
    expect(endpointTarget(metrics, 'queryUrl')).toEqual({
      component: 'mimir',
      service: 'query-frontend',
      podLabels: { 'app.kubernetes.io/instance': 'mimir', 'app.kubernetes.io/name': 'query-frontend' },
      port: 8080,
    });
    expect(endpointTarget(traces, 'otlpGrpcAddress')).toEqual({
      component: 'tempo',
      service: 'tempo',
      podLabels: selectorLabels('tempo', 'tempo'),
      port: 4317,
    });
  });

  it('is undefined for an optional address the endpoint does not publish', () => {
    const withoutAlertmanager: MetricsStore = {
      ...metrics,
      alertmanagerUrl: undefined,
      pods: { remoteWriteUrl: metrics.pods.remoteWriteUrl, queryUrl: metrics.pods.queryUrl },
    };
    expect(endpointTarget(withoutAlertmanager, 'alertmanagerUrl')).toBeUndefined();
  });

  it('refuses an address published without its pods, which would open the whole namespace', () => {
    const old = { ...metrics, pods: undefined } as unknown as MetricsStore;
    expect(() => endpointTarget(old, 'queryUrl')).toThrow(
      'component "mimir" publishes queryUrl "http://query-frontend.mimir.svc.cluster.local:8080/prometheus" without the pod selector of its Service (pods.queryUrl)',
    );
    expect(() => endpointTarget({ ...metrics, pods: { ...metrics.pods, queryUrl: {} } }, 'queryUrl')).toThrow(
      'without the pod selector of its Service',
    );
  });
});

describe('egressToEndpoints', () => {
  it('opens one rule per provider pod set, with the ports of every address it serves, sorted by name', () => {
    expect(
      egressToEndpoints([
        endpointTarget(metrics, 'queryUrl'),
        endpointTarget(traces, 'otlpHttpUrl'),
        endpointTarget(metrics, 'alertmanagerUrl'),
        endpointTarget(traces, 'otlpGrpcAddress'),
        endpointTarget(metrics, 'queryUrl'),
        undefined,
      ]),
    ).toEqual([
      {
        name: 'to-mimir-alertmanager',
        to: [{ component: 'mimir', podLabels: metrics.pods.alertmanagerUrl }],
        ports: [8080],
      },
      {
        name: 'to-mimir-query-frontend',
        to: [{ component: 'mimir', podLabels: metrics.pods.queryUrl }],
        ports: [8080],
      },
      {
        name: 'to-tempo-tempo',
        to: [{ component: 'tempo', podLabels: traces.pods.otlpGrpcAddress }],
        ports: [4317, 4318],
      },
    ]);
  });

  it("limits the rules to some of the client's pods when asked", () => {
    expect(
      egressToEndpoints([endpointTarget(metrics, 'remoteWriteUrl')], { 'app.kubernetes.io/name': 'ruler' }),
    ).toEqual([
      {
        name: 'to-mimir-distributor',
        to: [{ component: 'mimir', podLabels: metrics.pods.remoteWriteUrl }],
        ports: [8080],
        podLabels: { 'app.kubernetes.io/name': 'ruler' },
      },
    ]);
  });

  it('fails the render of the client, naming the provider, when a provider publishes no pods', async () => {
    const old = stubComponent('old-mimir', {
      metricsStore: { ...metrics, component: 'old-mimir', pods: undefined } as unknown as MetricsStore,
    });
    const client = defineComponent({
      name: 'client',
      tier: 'platform',
      defaults: {},
      network: (ctx) => ({
        egress: egressToEndpoints([endpointTarget(ctx.peers.require('metricsStore', 'test'), 'queryUrl')]),
      }),
      build: () => ({}),
    });
    expect(await renderError([old, client()])).toContain('test › client: component "old-mimir" publishes queryUrl');
  });
});
