// staging runs metrics the Prometheus way: the proofs the issue asks for, on the rendered environment itself.
import { type AlertRouting, PAGER_RECEIVER, receiverFor, teamReceiver } from '@platform/alert-routing';
import type { IConfigMap, IPrometheusRule, RenderedEnvironment } from '@platform/core';
import { inventoryOf } from '@platform/policy';
import { type IPrometheus, prometheusSelects } from '@platform/prometheus';
import { describe, expect, it } from 'vitest';
import staging from './index.js';

let rendered: Promise<RenderedEnvironment> | undefined;
const render = () => (rendered ??= staging.render());

function configMapFile(environment: RenderedEnvironment, component: string, file: string): string {
  const found = environment.objects.find(
    (o) => o.component === component && o.object.kind === 'ConfigMap' && (o.object as IConfigMap).data?.[file],
  );
  if (!found) throw new Error(`no ${file} in ${component}`);
  return (found.object as IConfigMap).data![file]!;
}

describe('staging: Prometheus and Thanos instead of Mimir', () => {
  it('composes Prometheus, Thanos, node-exporter and the alert routing, and no Mimir', async () => {
    const components = new Set((await render()).objects.map((o) => o.component));
    for (const component of ['prometheus', 'thanos', 'node-exporter', 'alert-routing'])
      expect(components).toContain(component);
    expect(components).not.toContain('mimir');
  });

  it('selects every ServiceMonitor, PodMonitor and PrometheusRule it renders with its Prometheus', async () => {
    const environment = await render();
    const inventory = inventoryOf(environment);
    const [server] = inventory.ofKind('monitoring.coreos.com', 'Prometheus').map((o) => o.object as IPrometheus);
    const monitored = ['ServiceMonitor', 'PodMonitor', 'PrometheusRule'].flatMap((kind) =>
      inventory.ofKind('monitoring.coreos.com', kind),
    );
    // Every component's monitors and rules, not just Prometheus' own.
    expect(new Set(monitored.map((o) => o.component)).size).toBeGreaterThan(10);
    const unselected = monitored.filter(({ object }) => {
      const namespace = object.metadata!.namespace!;
      return !prometheusSelects(
        server!,
        object,
        inventory.namespaces.get(namespace) ?? { 'kubernetes.io/metadata.name': namespace },
      );
    });
    expect(unselected.map((o) => `${o.component}/${o.object.kind}/${o.object.metadata!.name}`)).toEqual([]);
  });

  it("routes every alert to a receiver: critical to the pager, the rest to the owning team's Slack channel", async () => {
    const environment = await render();
    const { plan } = (environment.provided.get('alert-routing') as { alertRouting: AlertRouting }).alertRouting;
    const alerts = environment.objects
      .filter((o) => o.object.kind === 'PrometheusRule')
      .flatMap((o) =>
        ((o.object as IPrometheusRule).spec?.groups ?? []).flatMap((g) => (g.rules ?? []).filter((r) => r.alert)),
      );
    expect(alerts.length).toBeGreaterThan(100);
    const severities = new Set<string>();
    for (const rule of alerts) {
      const labels = rule.labels as Record<string, string>;
      severities.add(labels.severity!);
      const receiver = receiverFor(plan, labels);
      if (labels.severity === 'critical') {
        expect(receiver.name, rule.alert).toBe(PAGER_RECEIVER);
        expect(receiver.integrations, rule.alert).toEqual([{ kind: 'pagerduty', secretKey: 'pager' }]);
      } else {
        expect(receiver.name, rule.alert).toBe(teamReceiver(labels.team!));
        expect(receiver.integrations[0]!.kind, rule.alert).toBe('slack');
      }
    }
    expect([...severities]).toEqual(expect.arrayContaining(['critical', 'warning']));
  });

  it("runs the Alertmanagers from that routing, every key from the secret store's ExternalSecret", async () => {
    const environment = await render();
    const secret = environment.objects.find((o) => o.component === 'prometheus' && o.object.kind === 'ExternalSecret');
    expect(secret?.object.metadata?.name).toBe('alertmanager-config');
    const spec = (
      secret!.object as unknown as { spec: { data: Array<{ secretKey: string; remoteRef: { key: string } }> } }
    ).spec;
    expect(spec.data.map((d) => `${d.secretKey} ${d.remoteRef.key}`)).toEqual([
      'pager platform/staging/pagerduty',
      'slack_observability platform/staging/slack',
      'slack_platform platform/staging/slack',
    ]);
  });

  it("points Grafana at the Thanos Query Frontend, Alloy at Prometheus' receiver, and leaves scraping to Prometheus", async () => {
    const environment = await render();
    const datasources = JSON.parse(configMapFile(environment, 'grafana', 'datasources.yaml')) as {
      datasources: Array<{ type: string; url: string; jsonData: { implementation?: string } }>;
    };
    const byType = (type: string) => datasources.datasources.filter((d) => d.type === type);
    expect(byType('prometheus').map((d) => d.url)).toEqual([
      'http://thanos-query-frontend.prometheus.svc.cluster.local:10902',
    ]);
    // Grafana speaks Prometheus' Alertmanager API to it, not Mimir's.
    expect(byType('alertmanager').map((d) => [d.url, d.jsonData.implementation])).toEqual([
      ['http://alertmanager.prometheus.svc.cluster.local:9093', 'prometheus'],
    ]);
    const alloy = configMapFile(environment, 'alloy', 'config.alloy');
    expect(alloy).toContain('http://prometheus.prometheus.svc.cluster.local:9090/api/v1/write');
    expect(alloy).not.toContain('prometheus.operator.servicemonitors');
    expect(alloy).not.toContain('prometheus.scrape "kubelet"');
  });
});
