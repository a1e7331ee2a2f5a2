import { PAGER_RECEIVER, receiverFor, teamReceiver } from '@platform/alert-routing';
import type { IDeployment, IPrometheusRule } from '@platform/core';
import { renderError, renderForTest } from '@platform/core/testing';
import type { IExternalSecret } from '@platform/external-secrets';
import { runPolicies } from '@platform/policy';
import { thanos } from '@platform/thanos';
import { describe, expect, it } from 'vitest';
import { base, CLUSTER_APIS, SCRAPING } from './fixtures.test-helpers.js';
import { type IAlertmanager, type IPrometheus, prometheus } from './index.js';

const OPTIONS = { clusterApis: CLUSTER_APIS, ...SCRAPING };

describe('prometheus', () => {
  it('renders an HA Prometheus pair that selects every monitor and rule of every namespace', async () => {
    const { objects } = await renderForTest([...base(), prometheus()], OPTIONS);
    const server = objects('prometheus').prometheus_prometheus as IPrometheus;
    expect(server.spec).toMatchObject({
      replicas: 2,
      version: 'v3.13.1',
      retention: '15d',
      retentionSize: '40GB',
      externalLabels: { cluster: 'test' },
      serviceMonitorSelector: {},
      serviceMonitorNamespaceSelector: {},
      podMonitorSelector: {},
      podMonitorNamespaceSelector: {},
      ruleSelector: {},
      ruleNamespaceSelector: {},
      enableRemoteWriteReceiver: true,
      alerting: { alertmanagers: [{ namespace: 'prometheus', name: 'alertmanager', port: 'web', apiVersion: 'v2' }] },
    });
    expect(server.spec!.storage!.volumeClaimTemplate!.spec!.resources!.requests).toEqual({ storage: '50Gi' });
    expect(server.spec!.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 65534 });
  });

  it('runs the operator with the upstream flags, restricted and with requests and limits', async () => {
    const { objects } = await renderForTest([...base(), prometheus()], OPTIONS);
    const operator = objects('prometheus').operator_deployment as IDeployment;
    const container = operator.spec!.template.spec!.containers[0]!;
    expect(container.image).toBe('quay.io/prometheus-operator/prometheus-operator:v0.93.0');
    expect(container.args).toEqual(
      expect.arrayContaining([
        '--kubelet-service=kube-system/kubelet',
        '--prometheus-config-reloader=quay.io/prometheus-operator/prometheus-config-reloader:v0.93.0',
      ]),
    );
    expect(container.resources).toEqual({ requests: { cpu: '100m', memory: '100Mi' }, limits: { memory: '200Mi' } });
    expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true });
  });

  it("configures its gossiping Alertmanagers from the environment's routing, keys from the secret store", async () => {
    const { objects, rendered } = await renderForTest([...base(), prometheus()], OPTIONS);
    const manager = objects('prometheus').alertmanager_alertmanager as IAlertmanager;
    expect(manager.spec).toMatchObject({ replicas: 3, configSecret: 'alertmanager-config', retention: '120h' });
    const secret = objects('prometheus').alertmanager_config_externalsecret as IExternalSecret;
    expect(secret.spec!.target!.name ?? secret.metadata!.name).toBe('alertmanager-config');
    expect(secret.spec!.data!.map((d) => d.secretKey)).toEqual(['pager', 'slack_observability', 'slack_platform']);
    const template = secret.spec!.target!.template!.data!['alertmanager.yaml']!;
    expect(template).toContain('routing_key: {{ .pager | quote }}');
    expect(template).not.toContain('hooks.slack.com');
    // Every alert Prometheus ships reaches someone: critical ones the pager, the rest the platform team's channel.
    const routing = rendered.provided.get('alert-routing') as {
      alertRouting: { plan: Parameters<typeof receiverFor>[0] };
    };
    const alerts = rendered.objects
      .filter((o) => o.component === 'prometheus' && o.object.kind === 'PrometheusRule')
      .flatMap((o) => ((o.object as IPrometheusRule).spec?.groups ?? []).flatMap((g) => g.rules ?? []));
    expect(alerts.length).toBeGreaterThan(20);
    for (const rule of alerts) {
      const labels = rule.labels as Record<string, string>;
      const expected = labels.severity === 'critical' ? PAGER_RECEIVER : teamReceiver('platform');
      expect(receiverFor(routing.alertRouting.plan, labels).name, rule.alert).toBe(expected);
    }
  });

  it('covers the failure patterns of Kubernetes: DNS, resource limits, networking, certificates, storage', async () => {
    const { rendered } = await renderForTest([...base(), prometheus()], OPTIONS);
    const names = rendered.objects
      .filter((o) => o.component === 'prometheus' && o.object.kind === 'PrometheusRule')
      .map((o) => o.object.metadata!.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'kubernetes-nodes',
        'kubernetes-kubelet',
        'kubernetes-api-server',
        'kubernetes-dns',
        'kubernetes-certificates',
        'kubernetes-storage',
        'kubernetes-workloads',
        'monitoring',
      ]),
    );
  });

  it('fails pnpm check for every alert when the environment declares no routing', async () => {
    const { rendered } = await renderForTest([base()[0]!, prometheus()], OPTIONS);
    const unrouted = runPolicies(rendered).findings.filter((f) => f.rule === 'alert-routing.unrouted');
    expect(unrouted.length).toBeGreaterThan(20);
    expect(unrouted[0]!.message).toContain('the environment declares no alert routing');
  });

  it('with Thanos: sidecars ship to the bucket, and the metrics store queries the Query Frontend', async () => {
    const { objects, rendered } = await renderForTest(
      [...base(), prometheus({ thanos: { enabled: true } }), thanos()],
      OPTIONS,
    );
    const server = objects('prometheus').prometheus_prometheus as IPrometheus;
    expect(server.spec!.thanos).toMatchObject({
      image: 'quay.io/thanos/thanos:v0.42.4',
      version: 'v0.42.4',
      objectStorageConfigFile: '/etc/thanos/objstore.yaml',
    });
    const store = rendered.provided.get('prometheus') as { metricsStore: { queryUrl: string; remoteWriteUrl: string } };
    expect(store.metricsStore.queryUrl).toBe('http://thanos-query-frontend.prometheus.svc.cluster.local:10902');
    expect(store.metricsStore.remoteWriteUrl).toBe('http://prometheus.prometheus.svc.cluster.local:9090/api/v1/write');
    const query = objects('prometheus').thanos_query_deployment as IDeployment;
    const flag = query.spec!.template.spec!.containers[0]!.args!.find((a) => a.startsWith('--endpoint.sd-config='))!;
    expect(flag).toContain('dnssrv+_grpc._tcp.thanos-sidecar.prometheus.svc.cluster.local');
    expect(flag).toContain('dnssrv+_grpc._tcp.thanos-store.thanos.svc.cluster.local');
  });

  it('refuses Thanos without a store gateway, and bad configuration, naming the field', async () => {
    expect(await renderError([...base(), prometheus({ thanos: { enabled: true } })], OPTIONS)).toContain(
      'prometheus › thanos.enabled: the sidecars ship blocks to the bucket but no component serves them',
    );
    expect(await renderError([...base(), prometheus({ prometheus: { replicas: 0 } })], OPTIONS)).toBe(
      'test › prometheus › prometheus.replicas: expected a whole number of at least 1, got 0',
    );
    expect(
      await renderError([...base(), prometheus({ prometheus: { externalLabels: { cluster: 'x' } } })], OPTIONS),
    ).toContain('prometheus.externalLabels.cluster: the cluster label is always the cluster name');
    // Its namespace must be one every namespace admits scrapes from.
    expect(await renderError([...base(), prometheus()], { clusterApis: CLUSTER_APIS })).toContain(
      'prometheus › namespace: Prometheus scrapes every namespace, which admit scrapes only from settings.metricsScraperNamespaces (["alloy"]): add "prometheus" to it',
    );
  });

  it('fails pnpm check for every monitor and rule its Prometheus does not select, naming the object', async () => {
    const selective = prometheus({ prometheus: { selector: { 'monitoring.example.com/prometheus': 'main' } } });
    const { rendered } = await renderForTest([...base(), selective], OPTIONS);
    const unselected = runPolicies(rendered).findings.filter((f) => f.rule === 'prometheus.unselected');
    expect(unselected.length).toBeGreaterThan(10);
    expect(unselected.map((f) => f.message)).toContainEqual(
      'ServiceMonitor "prometheus" is selected by no Prometheus (prometheus/prometheus): its labels or namespace match none of their serviceMonitorSelectors',
    );
    // With the default `{}` selectors nothing is left out.
    const all = await renderForTest([...base(), prometheus()], OPTIONS);
    expect(runPolicies(all.rendered).findings.filter((f) => f.rule === 'prometheus.unselected')).toEqual([]);
  });
});
