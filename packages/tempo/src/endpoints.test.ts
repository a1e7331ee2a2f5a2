import type { DashboardSet, IDeployment, IService, IStatefulSet, KubeObject, TracesStore } from '@platform/core';
import { renderForTest, stubComponent } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { tempo } from './index.js';

const KAFKA = 'kafka.kafka.svc.cluster.local:9092';

function host(service: IService): string {
  return `${service.metadata!.name}.${service.metadata!.namespace}.svc.cluster.local`;
}
function port(service: IService, name: string): number {
  return service.spec!.ports!.find((p) => p.name === name)!.port;
}

describe('what Tempo provides', () => {
  it('points OTLP at the rendered distributor Service and queries at the query-frontend Service', async () => {
    const component = tempo({ kafka: { address: KAFKA } });
    const { rendered, objects } = await renderForTest([component]);
    const store = rendered.provided.get(component.name)!.tracesStore as TracesStore;
    const distributor = objects('tempo').distributor_service as IService;
    const frontend = objects('tempo').query_frontend_service as IService;
    expect(store).toEqual({
      component: 'tempo',
      namespace: 'tempo',
      otlpGrpcAddress: `${host(distributor)}:${port(distributor, 'otlp-grpc')}`,
      otlpHttpUrl: `http://${host(distributor)}:${port(distributor, 'otlp-http')}`,
      queryUrl: `http://${host(frontend)}:${port(frontend, 'http-metrics')}`,
      multiTenant: true,
      pods: {
        otlpGrpcAddress: distributor.spec!.selector,
        otlpHttpUrl: distributor.spec!.selector,
        queryUrl: frontend.spec!.selector,
      },
    });
    expect(store.otlpGrpcAddress).toBe('distributor.tempo.svc.cluster.local:4317');
    expect(store.queryUrl).toBe('http://query-frontend.tempo.svc.cluster.local:3200');
    expect(store.pods.queryUrl).toEqual({
      'app.kubernetes.io/instance': 'tempo',
      'app.kubernetes.io/name': 'query-frontend',
    });
    // Each Service selects exactly the pods of its workload.
    const labels = (o: KubeObject) => (o as IDeployment).spec!.template.metadata!.labels!;
    const selected = (pods: Record<string, string>) =>
      Object.values(objects('tempo'))
        .filter(
          (o) =>
            ['Deployment', 'StatefulSet'].includes(o.kind) &&
            Object.entries(pods).every(([k, v]) => labels(o)[k] === v),
        )
        .map((o) => o.metadata!.name);
    expect(selected(store.pods.otlpGrpcAddress)).toEqual(['distributor']);
    expect(selected(store.pods.queryUrl)).toEqual(['query-frontend']);
  });

  it('provides a dashboard when the environment renders monitoring objects', async () => {
    const component = tempo({ kafka: { address: KAFKA } }).named('traces');
    const { rendered } = await renderForTest([component]);
    const dashboards = rendered.provided.get(component.name)!.dashboards as DashboardSet;
    expect(dashboards).toMatchObject({ component: 'traces', namespace: 'traces', folder: 'Tempo' });
    const dashboard = dashboards.dashboards['traces-overview.json'] as {
      panels: Array<{ targets: Array<{ expr: string }> }>;
    };
    expect(dashboard.panels).toHaveLength(8);
    // Row headers carry no queries.
    for (const panel of dashboard.panels.filter((p) => p.targets))
      expect(panel.targets[0]!.expr).toContain('namespace="traces"');
  });
});

describe('network access', () => {
  it('lets Alloy send OTLP to the distributors, Grafana query the frontends, Tempo reach storage and the Kafka component', async () => {
    const { objects } = await renderForTest([
      tempo({ kafka: { address: KAFKA, component: 'kafka' } }),
      stubComponent('alloy'),
      stubComponent('grafana'),
      stubComponent('kafka'),
    ]);
    const policies = objects('tempo');
    expect((policies.networkpolicy_allow_otlp as unknown as { spec: unknown }).spec).toEqual({
      podSelector: { matchLabels: { 'app.kubernetes.io/instance': 'tempo', 'app.kubernetes.io/name': 'distributor' } },
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'alloy' } }, podSelector: {} }],
          ports: [
            { port: 4317, protocol: 'TCP' },
            { port: 4318, protocol: 'TCP' },
          ],
        },
      ],
    });
    expect((policies.networkpolicy_allow_query as unknown as { spec: unknown }).spec).toEqual({
      podSelector: {
        matchLabels: { 'app.kubernetes.io/instance': 'tempo', 'app.kubernetes.io/name': 'query-frontend' },
      },
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'grafana' } }, podSelector: {} }],
          ports: [{ port: 3200, protocol: 'TCP' }],
        },
      ],
    });
    expect((policies.networkpolicy_allow_kafka as unknown as { spec: unknown }).spec).toEqual({
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        {
          to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kafka' } }, podSelector: {} }],
          ports: [{ port: 9092, protocol: 'TCP' }],
        },
      ],
    });
    expect(policies.networkpolicy_allow_object_storage).toBeDefined();
  });

  it('takes the sending and querying components from configuration', async () => {
    const { objects } = await renderForTest([
      tempo({ mode: 'monolithic', network: { otlpFrom: ['otel-collector'], queryFrom: ['grafana'] } }),
      stubComponent('otel-collector'),
      stubComponent('grafana'),
      stubComponent('alloy'),
    ]);
    const otlp = objects('tempo').networkpolicy_allow_otlp as unknown as {
      spec: {
        podSelector: unknown;
        ingress: Array<{ from: Array<{ namespaceSelector: { matchLabels: Record<string, string> } }> }>;
      };
    };
    expect(otlp.spec.podSelector).toEqual({
      matchLabels: { 'app.kubernetes.io/instance': 'tempo', 'app.kubernetes.io/name': 'tempo' },
    });
    expect(
      otlp.spec.ingress[0]!.from.map((f) => f.namespaceSelector.matchLabels['kubernetes.io/metadata.name']),
    ).toEqual(['otel-collector']);
  });
});

describe('overrides', () => {
  it('patches generated objects by name, live-stores per zone included', async () => {
    const { objects } = await renderForTest([
      tempo({ kafka: { address: KAFKA } }).override({
        live_store_zone_b_statefulset: {
          spec: { template: { spec: { nodeSelector: { 'topology.kubernetes.io/zone': 'eu-west-1b' } } } },
        },
        distributor_deployment: { spec: { replicas: 4 } },
      }),
    ]);
    const rendered = objects('tempo');
    expect((rendered.live_store_zone_b_statefulset as IStatefulSet).spec!.template.spec!.nodeSelector).toEqual({
      'topology.kubernetes.io/zone': 'eu-west-1b',
    });
    expect((rendered.live_store_zone_a_statefulset as IStatefulSet).spec!.template.spec!.nodeSelector).toBeUndefined();
    expect((rendered.distributor_deployment as unknown as { spec: { replicas: number } }).spec.replicas).toBe(4);
  });
});
