import type { DashboardSet, IDeployment, IService, MetricsStore } from '@platform/core';
import { providedBy, renderForTest, stubComponent } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { mimirAlertRules } from './alerts.js';
import { readsDashboard, writesDashboard } from './dashboards.js';
import { mimir } from './index.js';
import { view } from './mimir.test-helpers.js';

describe('what Mimir provides', () => {
  it('publishes remote write at the distributors, queries at the query-frontends and the Alertmanager API', () => {
    const provided = providedBy(mimir());
    expect(provided.metricsStore).toEqual({
      component: 'mimir',
      namespace: 'mimir',
      remoteWriteUrl: 'http://distributor.mimir.svc.cluster.local:8080/api/v1/push',
      queryUrl: 'http://query-frontend.mimir.svc.cluster.local:8080/prometheus',
      alertmanagerUrl: 'http://alertmanager.mimir.svc.cluster.local:8080/alertmanager',
      multiTenant: true,
      pods: {
        remoteWriteUrl: { 'app.kubernetes.io/instance': 'mimir', 'app.kubernetes.io/name': 'distributor' },
        queryUrl: { 'app.kubernetes.io/instance': 'mimir', 'app.kubernetes.io/name': 'query-frontend' },
        alertmanagerUrl: { 'app.kubernetes.io/instance': 'mimir', 'app.kubernetes.io/name': 'alertmanager' },
      },
    } satisfies MetricsStore);
    const withoutAlertmanager = providedBy(mimir({ alertmanager: { enabled: false } })).metricsStore as MetricsStore;
    expect(withoutAlertmanager.alertmanagerUrl).toBeUndefined();
    expect(withoutAlertmanager.pods.alertmanagerUrl).toBeUndefined();
  });

  it('publishes with each address exactly the selector of the rendered Service it names, which selects rendered pods', async () => {
    const component = mimir().named('metrics').inNamespace('observability');
    const { rendered, objects } = await renderForTest([component]);
    const store = rendered.provided.get(component.name)!.metricsStore as MetricsStore;
    const all = Object.values(objects('metrics'));
    for (const field of ['remoteWriteUrl', 'queryUrl', 'alertmanagerUrl'] as const) {
      const host = new URL(store[field]!).hostname;
      const service = all.find(
        (o) => o.kind === 'Service' && `${o.metadata!.name}.${o.metadata!.namespace}.svc.cluster.local` === host,
      ) as IService;
      expect(store.pods[field], field).toEqual(service.spec!.selector);
      const pods = all
        .filter((o) => ['Deployment', 'StatefulSet'].includes(o.kind))
        .filter((o) =>
          Object.entries(store.pods[field]!).every(
            ([k, v]) => view<IDeployment>(o).spec!.template.metadata!.labels![k] === v,
          ),
        );
      expect(
        pods.map((o) => o.metadata!.name),
        field,
      ).toEqual([service.metadata!.name]);
    }
  });

  it('publishes the Writes and Reads dashboards', () => {
    const dashboards = providedBy(mimir()).dashboards as DashboardSet;
    expect(dashboards.folder).toBe('Mimir');
    expect(Object.keys(dashboards.dashboards)).toEqual(['mimir-writes.json', 'mimir-reads.json']);
  });
});

describe('dashboards', () => {
  const exprs = (model: Record<string, unknown>) =>
    view<Array<{ type: string; targets?: Array<{ expr: string }> }>>(model.panels)
      .flatMap((panel) => panel.targets ?? [])
      .map((target) => target.expr);

  it("Mimir / Writes queries Mimir's write-path metrics, scoped by the namespace variable", () => {
    const model = writesDashboard('mimir');
    expect(model).toMatchObject({ uid: 'platform-mimir-writes', title: 'Mimir / Writes', schemaVersion: 42 });
    const all = exprs(model).join('\n');
    for (const metric of [
      'cortex_distributor_received_samples_total',
      'cortex_ingester_memory_series',
      'cortex_request_duration_seconds_bucket',
      'cortex_discarded_samples_total',
      'cortex_ingester_shipper_uploads_total',
    ]) {
      expect(all).toContain(metric);
    }
    expect(exprs(model).every((expr) => expr.includes('namespace="$namespace"'))).toBe(true);
    expect(exprs(model)).toContain(
      'histogram_quantile(0.99, sum by (le) (rate(cortex_request_duration_seconds_bucket{cluster=~"$cluster", namespace="$namespace", job="distributor", route=~"api_v1_push|otlp_v1_metrics"}[$__rate_interval])))',
    );
    const namespace = view<{ list: Array<{ name: string; current: { value: string } }> }>(model.templating).list.find(
      (v) => v.name === 'namespace',
    )!;
    expect(namespace.current.value).toBe('mimir');
  });

  it('lays panels out in rows without overlap and gives every panel a unique id', () => {
    for (const model of [writesDashboard('mimir'), readsDashboard('mimir')]) {
      const panels = model.panels as Array<{
        id: number;
        type: string;
        gridPos: { x: number; y: number; w: number; h: number };
      }>;
      expect(new Set(panels.map((p) => p.id)).size).toBe(panels.length);
      for (const panel of panels) expect(panel.gridPos.x + panel.gridPos.w).toBeLessThanOrEqual(24);
      const cells = new Set<string>();
      for (const { gridPos } of panels) {
        for (let x = gridPos.x; x < gridPos.x + gridPos.w; x++) {
          for (let y = gridPos.y; y < gridPos.y + gridPos.h; y++) {
            expect(cells.has(`${x},${y}`)).toBe(false);
            cells.add(`${x},${y}`);
          }
        }
      }
    }
  });

  it('Mimir / Reads covers query-frontend, scheduler queue, querier and store-gateway', () => {
    const all = exprs(readsDashboard('mimir')).join('\n');
    for (const needle of [
      'job="query-frontend", route=~"prometheus_api_v1_.+"',
      'cortex_query_scheduler_queue_length',
      'cortex_querier_request_duration_seconds_bucket',
      'cortex_frontend_query_result_cache_hits_total',
      'job="store-gateway"',
    ]) {
      expect(all).toContain(needle);
    }
  });
});

describe('alerts', () => {
  it('are a PrometheusRule of real Mimir alerts, scoped to the namespace', async () => {
    const { objects } = await renderForTest([mimir()]);
    const rule = view<{
      metadata: { name: string };
      spec: {
        groups: Array<{ rules: Array<{ alert: string; expr: string; for: string; labels: { severity: string } }> }>;
      };
    }>(objects('mimir').alerts_prometheusrule);
    expect(rule.metadata.name).toBe('mimir-alerts');
    const rules = rule.spec.groups[0]!.rules;
    expect(rules.map((r) => r.alert)).toEqual([
      'MimirRequestErrors',
      'MimirRequestLatency',
      'MimirIngesterUnhealthy',
      'MimirCompactorHasNotSuccessfullyRunCompaction',
      'MimirIngesterHasUnshippedBlocks',
      'MimirSchedulerQueriesStuck',
      'MimirCompactorFailing',
      'MimirRulerTooManyFailedQueries',
      'MimirRulerTooManyFailedPushes',
      'MimirRulerMissedEvaluations',
      'PersistentVolumeFillingUp',
      'PersistentVolumeFullInFourDays',
      'MemcachedDown',
      'MemcachedEvictions',
    ]);
    for (const r of rules) expect(r.expr, r.alert).toContain('namespace="mimir"');
    expect(rules.find((r) => r.alert === 'MimirIngesterUnhealthy')!.expr).toBe(
      'min(cortex_ring_members{namespace="mimir", name="ingester", state="Unhealthy"}) > 0',
    );
    expect(mimirAlertRules('other').every((r) => r.expr.includes('namespace="other"'))).toBe(true);
  });
});

describe('network', () => {
  const consumers = [stubComponent('alloy'), stubComponent('grafana'), stubComponent('tempo'), stubComponent('loki')];
  const from = (...namespaces: string[]) =>
    namespaces.map((ns) => ({
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': ns } },
      podSelector: {},
    }));

  it('admits each client on the pods and port of the address it uses, and lets Mimir reach object storage', async () => {
    const component = mimir();
    const { rendered, objects } = await renderForTest([component, ...consumers]);
    const store = rendered.provided.get(component.name)!.metricsStore as MetricsStore;
    const o = view<Record<string, { spec: Record<string, unknown> }>>(objects('mimir'));
    // Alloy and Tempo's metrics-generator remote-write to the distributors.
    expect(o.networkpolicy_allow_remote_write!.spec).toEqual({
      podSelector: { matchLabels: store.pods.remoteWriteUrl },
      policyTypes: ['Ingress'],
      ingress: [{ from: from('alloy', 'tempo'), ports: [{ port: 8080, protocol: 'TCP' }] }],
    });
    expect(store.pods.remoteWriteUrl).toEqual({
      'app.kubernetes.io/instance': 'mimir',
      'app.kubernetes.io/name': 'distributor',
    });
    // Grafana queries the query-frontends.
    expect(o.networkpolicy_allow_query!.spec).toEqual({
      podSelector: { matchLabels: store.pods.queryUrl },
      policyTypes: ['Ingress'],
      ingress: [{ from: from('grafana'), ports: [{ port: 8080, protocol: 'TCP' }] }],
    });
    // Grafana's Alertmanager datasource and Loki's ruler call the Alertmanager API.
    expect(o.networkpolicy_allow_alertmanager_api!.spec).toEqual({
      podSelector: { matchLabels: store.pods.alertmanagerUrl },
      policyTypes: ['Ingress'],
      ingress: [{ from: from('grafana', 'loki'), ports: [{ port: 8080, protocol: 'TCP' }] }],
    });
    expect(o.networkpolicy_allow_object_storage!.spec).toMatchObject({
      podSelector: { matchLabels: { 'app.kubernetes.io/instance': 'mimir', 'object-storage-client': 'true' } },
      policyTypes: ['Egress'],
      egress: [{ ports: [{ port: 443, protocol: 'TCP' }] }],
    });
  });

  it('takes the admitted clients from configuration', async () => {
    const { objects } = await renderForTest([
      mimir({ network: { remoteWriteFrom: ['otel-collector'], queryFrom: ['grafana'], alertmanagerFrom: [] } }),
      stubComponent('otel-collector'),
      ...consumers,
    ]);
    const o = view<Record<string, { spec: { ingress: unknown } } | undefined>>(objects('mimir'));
    expect(o.networkpolicy_allow_remote_write!.spec.ingress).toEqual([
      { from: from('otel-collector'), ports: [{ port: 8080, protocol: 'TCP' }] },
    ]);
    expect(o.networkpolicy_allow_alertmanager_api).toBeUndefined();
  });

  it('renders no ingress rules for peers the environment does not have', async () => {
    const { objects } = await renderForTest([mimir({ alertmanager: { notificationEgress: false } })]);
    const keys = Object.keys(objects('mimir')).filter((key) => key.startsWith('networkpolicy_'));
    expect(keys.sort()).toEqual([
      'networkpolicy_allow_dns',
      'networkpolicy_allow_metrics_scraping',
      'networkpolicy_allow_object_storage',
      'networkpolicy_allow_same_namespace',
      'networkpolicy_default_deny',
    ]);
  });
});
