import { certManager } from '@platform/cert-manager';
import { type INetworkPolicy, unknownValuePaths } from '@platform/core';
import { applicationSetElement, renderError, renderForTest, stubComponent } from '@platform/core/testing';
import { runPolicies } from '@platform/policy';
import { describe, expect, it } from 'vitest';
import { CHART, metricsServer } from './index.js';
import type { MetricsServerValues } from './values.js';

const testSettings = {
  baseDomain: 'test.example.com',
  objectStorage: { endpoint: 's3.eu-west-1.amazonaws.com', region: 'eu-west-1', bucketPrefix: 'acme-test' },
  metricsScraperNamespaces: ['alloy'],
};

async function render(component = metricsServer(), settings: Record<string, unknown> = {}) {
  const result = await renderForTest([certManager(), component], { settings: { ...testSettings, ...settings } });
  const chart = applicationSetElement(result.rendered, 'metrics-server').sources[0]!;
  return { ...result, chart, values: chart.helm!.valuesObject as MetricsServerValues };
}

const podLabels = { 'app.kubernetes.io/name': 'metrics-server', 'app.kubernetes.io/instance': 'metrics-server' };

describe('metrics-server', () => {
  it('installs the pinned chart with values the chart reads', async () => {
    const { chart, values } = await render();
    expect(chart).toMatchObject({
      repoURL: 'https://kubernetes-sigs.github.io/metrics-server/',
      chart: 'metrics-server',
      targetRevision: '3.13.1',
    });
    expect(unknownValuePaths(values, CHART.facts.valuePaths)).toEqual([]);
    // A misspelt override is caught by the same check `pnpm check` runs (delivery.chart-values).
    const { values: misspelt } = await render(
      metricsServer({ extraValues: { podDisruptionBudjet: { enabled: true } } }),
    );
    expect(unknownValuePaths(misspelt, CHART.facts.valuePaths)).toEqual(['podDisruptionBudjet']);
  });

  it('registers the resource metrics API and provides it as resourceMetrics', async () => {
    const { rendered, values } = await render();
    expect(values.apiService).toMatchObject({ create: true });
    expect(rendered.provided.get('metrics-server')!.resourceMetrics).toEqual({
      component: 'metrics-server',
      namespace: 'metrics-server',
      apiService: 'v1beta1.metrics.k8s.io',
    });
  });

  it("runs two pods on distinct nodes behind a PodDisruptionBudget, with requests, limits and the chart's restricted context", async () => {
    const { values } = await render();
    expect(values).toMatchObject({
      replicas: 2,
      podDisruptionBudget: { enabled: true, maxUnavailable: 1 },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } },
      affinity: {
        podAntiAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [
            { labelSelector: { matchLabels: podLabels }, topologyKey: 'kubernetes.io/hostname' },
          ],
        },
      },
      topologySpreadConstraints: [
        {
          maxSkew: 1,
          topologyKey: 'topology.kubernetes.io/zone',
          whenUnsatisfiable: 'ScheduleAnyway',
          labelSelector: { matchLabels: podLabels },
        },
      ],
      resources: { requests: { cpu: '100m', memory: '200Mi' }, limits: { memory: '400Mi' } },
      metrics: { enabled: true },
      serviceMonitor: { enabled: true },
    });
    // The chart's container security context (non-root, read-only root, no capabilities, RuntimeDefault) stays.
    expect((values as unknown as Record<string, unknown>).securityContext).toBeUndefined();
    // The first-sync plan counts the chart's pods.
    const { rendered } = await render(metricsServer({ replicas: 3 }));
    expect(rendered.components.find((c) => c.name === 'metrics-server')!.helm!.firstSync).toEqual([
      { workload: 'Deployment/metrics-server', pods: 3, wave: 0 },
    ]);
    const single = (await render(metricsServer({ replicas: 1 }))).values;
    expect(single.podDisruptionBudget).toEqual({ enabled: false });
    expect(single.affinity).toBeUndefined();
  });

  it('passes the metric resolution and kubelet TLS choice as arguments', async () => {
    const { values } = await render();
    expect(values.defaultArgs).toEqual([
      '--cert-dir=/tmp',
      '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname',
      '--kubelet-use-node-status-port',
      '--metric-resolution=15s',
    ]);
    expect(values.args).toEqual([]);
    const custom = (await render(metricsServer({ metricResolution: '30s', kubeletInsecureTls: true }))).values;
    expect(custom.defaultArgs).toContain('--metric-resolution=30s');
    expect(custom.args).toEqual(['--kubelet-insecure-tls']);
  });

  it('pulls through the registry mirror and scrapes nothing without monitoring objects', async () => {
    const { values } = await render(metricsServer(), {
      imageRegistryMirror: 'registry.example.com',
      serviceMonitors: false,
    });
    expect(values.image).toEqual({ repository: 'registry.example.com/registry.k8s.io/metrics-server/metrics-server' });
    expect(values.metrics).toEqual({ enabled: false });
    expect(values.serviceMonitor).toEqual({ enabled: false });
  });

  it('admits the API server on 10250 and reaches the kubelets and the API server', async () => {
    const { objects } = await render();
    const policies = objects('metrics-server');
    const ingress = policies.networkpolicy_allow_metrics_api as INetworkPolicy;
    expect(ingress.spec!.podSelector).toEqual({ matchLabels: podLabels });
    expect(ingress.spec!.ingress).toEqual([{ ports: [{ port: 10250, protocol: 'TCP' }] }]);
    const kubelet = policies.networkpolicy_allow_kubelet as INetworkPolicy;
    expect(kubelet.spec!.podSelector).toEqual({ matchLabels: podLabels });
    // Kubelets are addressed by node IP, outside any pod network: any address, on the kubelet port only.
    expect(kubelet.spec!.egress).toEqual([
      {
        to: [{ ipBlock: { cidr: '0.0.0.0/0' } }, { ipBlock: { cidr: '::/0' } }],
        ports: [{ port: 10250, protocol: 'TCP' }],
      },
    ]);
    const apiServer = policies.networkpolicy_allow_api_server as INetworkPolicy;
    expect(apiServer.spec!.podSelector).toEqual({ matchLabels: podLabels });
    expect(apiServer.spec!.policyTypes).toEqual(['Egress']);
  });

  it('reports bad configuration with paths', async () => {
    const errors = await renderError([
      certManager(),
      metricsServer({
        replicas: 0,
        metricResolution: '5s',
        resources: { requests: { cpu: 'lots' } },
      } as never),
    ]);
    expect(errors).toContain('replicas: expected a whole number of at least 1, got 0');
    expect(errors).toContain('metricResolution: metrics-server refuses a resolution below 10s, got "5s"');
    expect(errors).toContain('resources.requests.cpu');
    expect(await renderError([certManager(), metricsServer({ metricResolution: 'fifteen seconds' })])).toContain(
      'metricResolution: expected a duration such as',
    );
    // cert-manager TLS without an issuer in the environment names the capability it needs.
    expect(await renderError([metricsServer()])).toMatch(/metrics-server.*certificateIssuer/);
  });

  it('serves a certificate of the platform CA, which the API server verifies, and lets the CA injector own caBundle', async () => {
    const { rendered, values } = await render();
    expect(values.tls).toEqual({
      type: 'cert-manager',
      certManager: {
        addInjectorAnnotations: true,
        existingIssuer: { enabled: true, kind: 'ClusterIssuer', name: 'platform-ca' },
      },
    });
    expect(values.apiService).toEqual({ create: true, insecureSkipTLSVerify: false });
    expect(applicationSetElement(rendered, 'metrics-server').ignoreDifferences).toEqual([
      {
        group: 'apiregistration.k8s.io',
        kind: 'APIService',
        name: 'v1beta1.metrics.k8s.io',
        jsonPointers: ['/spec/caBundle'],
      },
    ]);
    // After cert-manager: the chart's Certificate needs its CRDs and the ClusterIssuer.
    const steps = rendered.steps.map((s) => s.components);
    const step = (name: string) => steps.findIndex((components) => components.includes(name));
    expect(step('metrics-server')).toBeGreaterThan(step('cert-manager'));

    const selfSigned = await render(metricsServer({ tls: 'self-signed' }));
    expect(selfSigned.values.tls).toEqual({ type: 'metrics-server' });
    expect(selfSigned.values.apiService).toEqual({ create: true, insecureSkipTLSVerify: true });
    expect(applicationSetElement(selfSigned.rendered, 'metrics-server').ignoreDifferences).toEqual([]);
    expect(unknownValuePaths(selfSigned.values, CHART.facts.valuePaths)).toEqual([]);
  });

  it('refuses an issuer the chart cannot reference, naming the field', async () => {
    // An external issuer (step-issuer's kind): the chart's Certificate hard-codes group cert-manager.io.
    const stepIssuer = () =>
      stubComponent('step-issuer', {
        certificateIssuer: {
          component: 'step-issuer',
          namespace: 'step-issuer',
          issuerRef: { name: 'step', kind: 'StepClusterIssuer', group: 'certmanager.step.sm' },
        },
      });
    const errors = await renderError([stepIssuer(), metricsServer()]);
    expect(errors).toContain('metrics-server › tls: the chart can only use a cert-manager.io ClusterIssuer');
    const { rendered } = await renderForTest([stepIssuer(), metricsServer({ tls: 'self-signed' })]);
    expect(rendered.components.map((c) => c.name)).toContain('metrics-server');
  });

  it("passes pnpm check's rules", async () => {
    const { rendered } = await render();
    const errors = runPolicies(rendered).findings.filter(
      (f) => f.severity === 'error' && f.component === 'metrics-server',
    );
    expect(errors).toEqual([]);
  });
});
