import type { DashboardSet, IDeployment, IService, LogsStore, MetricsStore } from '@platform/core';
import { renderForTest, stubComponent } from '@platform/core/testing';
import { fakeMetricsStore } from '@platform/test-fakes';
import { describe, expect, it } from 'vitest';
import { loki } from './index.js';

function url(service: IService, path = ''): string {
  const port = service.spec!.ports!.find((p) => p.name === 'http-metrics')!.port;
  return `http://${service.metadata!.name}.${service.metadata!.namespace}.svc.cluster.local:${port}${path}`;
}

describe('what Loki provides', () => {
  it('points push and query at the rendered write and read Services in simple-scalable mode', async () => {
    const component = loki();
    const { rendered, objects } = await renderForTest([component]);
    const store = rendered.provided.get(component.name)!.logsStore as LogsStore;
    const lokiObjects = objects('loki');
    expect(store).toEqual({
      component: 'loki',
      namespace: 'loki',
      pushUrl: url(lokiObjects.write_service as IService, '/loki/api/v1/push'),
      queryUrl: url(lokiObjects.read_service as IService),
      multiTenant: true,
      pods: {
        pushUrl: (lokiObjects.write_service as IService).spec!.selector,
        queryUrl: (lokiObjects.read_service as IService).spec!.selector,
      },
    });
    expect(store.pushUrl).toBe('http://write.loki.svc.cluster.local:3100/loki/api/v1/push');
    expect(store.pods.pushUrl).toEqual({ 'app.kubernetes.io/instance': 'loki', 'app.kubernetes.io/name': 'write' });
  });

  it.each(['simple-scalable', 'microservices'] as const)(
    'publishes with each address (%s) the selector of the Service it names, which selects rendered pods',
    async (mode) => {
      const component = loki({ mode }).named('logs');
      const { rendered, objects } = await renderForTest([component]);
      const store = rendered.provided.get(component.name)!.logsStore as LogsStore;
      const all = Object.values(objects('logs'));
      for (const field of ['pushUrl', 'queryUrl'] as const) {
        const host = new URL(store[field]).hostname;
        const service = all.find(
          (o) => o.kind === 'Service' && `${o.metadata!.name}.${o.metadata!.namespace}.svc.cluster.local` === host,
        ) as IService;
        expect(store.pods[field], field).toEqual(service.spec!.selector);
        const pods = all.filter(
          (o) =>
            ['Deployment', 'StatefulSet'].includes(o.kind) &&
            Object.entries(store.pods[field]).every(
              ([k, v]) => (o as IDeployment).spec!.template.metadata!.labels![k] === v,
            ),
        );
        expect(
          pods.map((o) => o.metadata!.name),
          field,
        ).toEqual([service.metadata!.name]);
      }
    },
  );

  it('points push and query at the distributors and query-frontends in microservices mode, in any namespace', async () => {
    const component = loki({ mode: 'microservices' }).named('logs').inNamespace('observability');
    const { rendered, objects } = await renderForTest([component]);
    const store = rendered.provided.get(component.name)!.logsStore as LogsStore;
    const logs = objects('logs');
    expect(store.pushUrl).toBe(url(logs.distributor_service as IService, '/loki/api/v1/push'));
    expect(store.queryUrl).toBe(url(logs.query_frontend_service as IService));
    expect(store.queryUrl).toBe('http://query-frontend.observability.svc.cluster.local:3100');
    expect(store).toMatchObject({ component: 'logs', namespace: 'observability' });
  });

  it('provides a dashboard when the environment renders monitoring objects', async () => {
    const component = loki();
    const { rendered } = await renderForTest([component]);
    const dashboards = rendered.provided.get(component.name)!.dashboards as DashboardSet;
    expect(dashboards.folder).toBe('Loki');
    const dashboard = dashboards.dashboards['loki-overview.json'] as {
      uid: string;
      panels: Array<{ targets: Array<{ expr: string }> }>;
    };
    expect(dashboard.uid).toBe('loki-overview-loki');
    expect(dashboard.panels).toHaveLength(9);
    // Row headers carry no queries.
    for (const panel of dashboard.panels.filter((p) => p.targets))
      expect(panel.targets[0]!.expr).toContain('namespace="loki"');
  });

  it('renders no ServiceMonitors, rules or dashboards without monitoring', async () => {
    const component = loki();
    const { rendered, objects } = await renderForTest([component], {
      settings: {
        baseDomain: 'x',
        objectStorage: { endpoint: 's3.eu-west-1.amazonaws.com', region: 'eu-west-1', bucketPrefix: 'acme' },
        serviceMonitors: false,
      },
    });
    const kinds = new Set(Object.values(objects('loki')).map((o) => o.kind));
    expect(kinds.has('ServiceMonitor')).toBe(false);
    expect(kinds.has('PrometheusRule')).toBe(false);
    expect(rendered.provided.get(component.name)!.dashboards).toBeUndefined();
  });
});

describe('network access', () => {
  it('lets Alloy push to the write pods and Grafana query the read pods, and Loki reach object storage', async () => {
    const component = loki();
    const { rendered, objects } = await renderForTest([component, stubComponent('alloy'), stubComponent('grafana')]);
    const store = rendered.provided.get(component.name)!.logsStore as LogsStore;
    const policies = objects('loki');
    // The same pods the log store publishes with its addresses, so clients' egress and Loki's ingress pair up.
    expect(
      (policies.networkpolicy_allow_push as unknown as { spec: { podSelector: unknown } }).spec.podSelector,
    ).toEqual({ matchLabels: store.pods.pushUrl });
    expect(
      (policies.networkpolicy_allow_query as unknown as { spec: { podSelector: unknown } }).spec.podSelector,
    ).toEqual({ matchLabels: store.pods.queryUrl });
    expect((policies.networkpolicy_allow_push as unknown as { spec: unknown }).spec).toEqual({
      podSelector: { matchLabels: { 'app.kubernetes.io/instance': 'loki', 'app.kubernetes.io/name': 'write' } },
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'alloy' } }, podSelector: {} }],
          ports: [{ port: 3100, protocol: 'TCP' }],
        },
      ],
    });
    expect((policies.networkpolicy_allow_query as unknown as { spec: unknown }).spec).toEqual({
      podSelector: { matchLabels: { 'app.kubernetes.io/instance': 'loki', 'app.kubernetes.io/name': 'read' } },
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'grafana' } }, podSelector: {} }],
          ports: [{ port: 3100, protocol: 'TCP' }],
        },
      ],
    });
    expect(
      (policies.networkpolicy_allow_object_storage as unknown as { spec: { egress: Array<{ ports: unknown }> } }).spec
        .egress[0]!.ports,
    ).toEqual([{ port: 443, protocol: 'TCP' }]);
  });

  it('lets only the ruler (in the backend pods) reach only the Alertmanager pods of the metrics store', async () => {
    const { rendered, objects } = await renderForTest([loki(), fakeMetricsStore({ alertmanager: true })]);
    const store = rendered.provided.get(fakeMetricsStore({ alertmanager: true }).name)!.metricsStore as MetricsStore;
    expect(
      (objects('loki').networkpolicy_allow_to_fake_mimir_alertmanager as unknown as { spec: unknown }).spec,
    ).toEqual({
      podSelector: { matchLabels: { 'app.kubernetes.io/instance': 'loki', 'app.kubernetes.io/name': 'backend' } },
      policyTypes: ['Egress'],
      egress: [
        {
          to: [
            {
              namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'fake-mimir' } },
              podSelector: { matchLabels: store.pods.alertmanagerUrl },
            },
          ],
          ports: [{ port: 8080, protocol: 'TCP' }],
        },
      ],
    });
    const { objects: withoutAlertmanager } = await renderForTest([loki(), fakeMetricsStore()]);
    expect(Object.keys(withoutAlertmanager('loki')).filter((key) => key.includes('fake_mimir'))).toEqual([]);
  });

  it('takes the pushing and querying components from configuration', async () => {
    const { objects } = await renderForTest([
      loki({ mode: 'microservices', network: { pushFrom: ['otel-collector', 'alloy'], queryFrom: [] } }),
      stubComponent('alloy'),
      stubComponent('otel-collector'),
      stubComponent('grafana'),
    ]);
    const policies = objects('loki');
    const push = policies.networkpolicy_allow_push as unknown as {
      spec: {
        podSelector: unknown;
        ingress: Array<{ from: Array<{ namespaceSelector: { matchLabels: Record<string, string> } }> }>;
      };
    };
    expect(push.spec.podSelector).toEqual({
      matchLabels: { 'app.kubernetes.io/instance': 'loki', 'app.kubernetes.io/name': 'distributor' },
    });
    expect(
      push.spec.ingress[0]!.from.map((f) => f.namespaceSelector.matchLabels['kubernetes.io/metadata.name']),
    ).toEqual(['otel-collector', 'alloy']);
    expect(policies.networkpolicy_allow_query).toBeUndefined();
  });
});

describe('overrides', () => {
  it('patches generated objects by name and rejects unknown names', async () => {
    const { objects } = await renderForTest([
      loki().override({
        write_statefulset: {
          spec: {
            replicas: 5,
            template: {
              spec: {
                containers: [
                  {
                    name: 'write',
                    args: ['-config.file=/etc/loki/config/config.yaml', '-target=write', '-log.level=debug'],
                  },
                ],
              },
            },
          },
        },
        results_cache_statefulset: null,
      }),
    ]);
    const rendered = objects('loki');
    const write = rendered.write_statefulset as unknown as {
      spec: {
        replicas: number;
        template: { spec: { containers: Array<{ name: string; args: string[]; image: string }> } };
      };
    };
    expect(write.spec.replicas).toBe(5);
    expect(write.spec.template.spec.containers[0]!.args).toContain('-log.level=debug');
    expect(write.spec.template.spec.containers[0]!.image).toBe('grafana/loki:3.7.6');
    expect(rendered.results_cache_statefulset).toBeUndefined();

    await expect(renderForTest([loki().override({ writer_statefulset: {} } as never)])).rejects.toThrow(
      /override\.writer_statefulset: the component renders no object named "writer_statefulset" \(did you mean "write_statefulset"\?\)/,
    );
  });
});
