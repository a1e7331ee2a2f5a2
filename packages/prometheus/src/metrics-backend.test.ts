import { alloy } from '@platform/alloy';
import type { AnyComponent, IConfigMap } from '@platform/core';
import { renderError, renderForTest } from '@platform/core/testing';
import type { IExternalSecret } from '@platform/external-secrets';
import { grafana } from '@platform/grafana';
import { mimir } from '@platform/mimir';
import { prometheusOperatorCrds } from '@platform/prometheus-operator-crds';
import { describe, expect, it } from 'vitest';
import { CLUSTER_APIS, routing, secretStore } from './fixtures.test-helpers.js';
import { prometheus } from './index.js';

/** One small environment's settings, the same whichever backend it composes. */
const OPTIONS = {
  clusterApis: CLUSTER_APIS,
  settings: {
    baseDomain: 'test.example.com',
    objectStorage: { endpoint: 's3.eu-west-1.amazonaws.com', region: 'eu-west-1', bucketPrefix: 'acme-test' },
    metricsScraperNamespaces: ['alloy', 'prometheus'],
    serviceMonitors: true,
  },
};
/** What stays: the CRDs the ServiceMonitors need, and the store's consumers. */
const consumers = () => [prometheusOperatorCrds(), alloy({ require: ['metricsStore'] }), grafana()];

/** The files of a render outside the backend's own folder and the delivery objects, by path. */
async function consumerFiles(backend: AnyComponent): Promise<Map<string, string>> {
  const { rendered } = await renderForTest([...consumers(), backend], OPTIONS);
  return new Map(
    [...rendered.files].filter(([path]) => !path.startsWith(`${backend.name}/`) && !path.startsWith('_argocd/')),
  );
}

describe('choosing the metrics backend', () => {
  it("changes Grafana's datasource and Alloy's output, and nothing else", async () => {
    const [withMimir, withPrometheus] = await Promise.all([consumerFiles(mimir()), consumerFiles(prometheus())]);
    const paths = [...new Set([...withMimir.keys(), ...withPrometheus.keys()])].sort();
    const changed = paths.filter((path) => withMimir.get(path) !== withPrometheus.get(path));
    expect(changed).toEqual([
      // Alloy: where it writes, and that it leaves the ServiceMonitors and kubelets to Prometheus; hence its
      // rollout checksum, its RBAC and egress for what it scrapes, its clustering Service (which shards the
      // ServiceMonitors' targets), and its egress to the store.
      'alloy/clusterrole-alloy-alloy.yaml',
      'alloy/configmap-alloy-config.yaml',
      'alloy/daemonset-alloy.yaml',
      'alloy/networkpolicy-allow-kubelet.yaml',
      'alloy/networkpolicy-allow-to-mimir-distributor.yaml',
      'alloy/networkpolicy-allow-to-prometheus-prometheus.yaml',
      'alloy/service-alloy-cluster.yaml',
      // Grafana: its datasources (and checksum), the backend's dashboards, and its egress to the query API.
      'grafana/configmap-grafana-dashboard-providers.yaml',
      'grafana/configmap-grafana-dashboards-mimir.yaml',
      'grafana/configmap-grafana-dashboards-prometheus.yaml',
      'grafana/configmap-grafana-datasources.yaml',
      'grafana/deployment-grafana.yaml',
      'grafana/networkpolicy-allow-to-mimir-alertmanager.yaml',
      'grafana/networkpolicy-allow-to-mimir-query-frontend.yaml',
      'grafana/networkpolicy-allow-to-prometheus-alertmanager.yaml',
      'grafana/networkpolicy-allow-to-prometheus-prometheus.yaml',
    ]);
    expect(withMimir.get('grafana/configmap-grafana-datasources.yaml')).toContain(
      'http://query-frontend.mimir.svc.cluster.local:8080/prometheus',
    );
    expect(withPrometheus.get('grafana/configmap-grafana-datasources.yaml')).toContain(
      'http://prometheus.prometheus.svc.cluster.local:9090',
    );
    const alloyConfig = withPrometheus.get('alloy/configmap-alloy-config.yaml')!;
    expect(alloyConfig).toContain('http://prometheus.prometheus.svc.cluster.local:9090/api/v1/write');
    expect(alloyConfig).not.toContain('prometheus.operator.servicemonitors');
    expect(withMimir.get('alloy/configmap-alloy-config.yaml')).toContain('prometheus.operator.servicemonitors');
  });

  it('is a render error for a component that needs a metrics store and finds none', async () => {
    expect(await renderError(consumers(), OPTIONS)).toContain('metricsStore');
    expect(await renderError([grafana()], OPTIONS)).toMatch(/grafana.*metricsStore/s);
  });

  it("runs the environment's one alert routing in either backend's Alertmanager, byte for byte", async () => {
    const components = (backend: AnyComponent) => [prometheusOperatorCrds(), secretStore(), routing(), backend];
    const [viaMimir, viaPrometheus] = await Promise.all([
      renderForTest(components(mimir()), OPTIONS),
      renderForTest(components(prometheus()), OPTIONS),
    ]);
    const mimirSecret = viaMimir.objects('mimir').alertmanager_fallback_externalsecret as IExternalSecret;
    const prometheusSecret = viaPrometheus.objects('prometheus').alertmanager_config_externalsecret as IExternalSecret;
    const file = (secret: IExternalSecret) => Object.values(secret.spec!.target!.template!.data!)[0];
    expect(file(mimirSecret)).toContain('receiver: on-call');
    expect(file(prometheusSecret)).toBe(file(mimirSecret));
    expect(prometheusSecret.spec!.data).toEqual(mimirSecret.spec!.data);
  });

  it('with both backends, sends Prometheus none of the series it scrapes itself', async () => {
    const { objects } = await renderForTest([...consumers(), mimir(), prometheus()], OPTIONS);
    const config = (objects('alloy').alloy_configmap as IConfigMap).data!['config.alloy']!;
    const forwards = (block: string) => {
      const body = config.slice(config.indexOf(block));
      return body.slice(body.indexOf('forward_to'), body.indexOf(']') + 1);
    };
    // ServiceMonitors and kubelets: only to Mimir, which does not scrape them.
    expect(forwards('prometheus.operator.servicemonitors')).toContain('prometheus.remote_write.mimir.receiver');
    expect(forwards('prometheus.operator.servicemonitors')).not.toContain(
      'prometheus.remote_write.prometheus.receiver',
    );
    // Annotated pods, which no Prometheus resource selects: to both.
    expect(forwards('prometheus.scrape "annotated_pods"')).toContain('prometheus.remote_write.prometheus.receiver');
  });
});
