import type { IAppProject, INetworkPolicy, IPrometheusRule, TrustBundle } from '@platform/core';
import { unknownValuePaths } from '@platform/core';
import {
  applicationSetElement,
  deliveryObjects,
  providedBy,
  renderError,
  renderForTest,
  stubComponent,
} from '@platform/core/testing';
import { runPolicies } from '@platform/policy';
import { describe, expect, it } from 'vitest';
import { CHART, kyverno } from './index.js';

const bundle: TrustBundle = {
  component: 'trust-manager',
  namespace: 'cert-manager',
  configMap: 'platform-trust-bundle',
  key: 'ca-certificates.crt',
  namespaceLabel: { key: 'trust.platform.dev/bundle', value: 'platform' },
};
const trustManager = () => stubComponent('trust-manager', { trustBundle: bundle }).inTier('operators');
const settings = { baseDomain: 'x', objectStorage: { endpoint: 's3', region: 'r', bucketPrefix: 'b' } };

async function values(config: object = {}, overrides: object = {}) {
  const { rendered } = await renderForTest([trustManager(), kyverno(config as never)], overrides);
  return applicationSetElement(rendered, 'kyverno').sources[0]!.helm!.valuesObject;
}

describe('kyverno', () => {
  it('installs the pinned chart in HA: replicas, PodDisruptionBudgets, zone spread, ServiceMonitors', async () => {
    const { rendered } = await renderForTest([trustManager(), kyverno()]);
    const element = applicationSetElement(rendered, 'kyverno');
    expect(element.tier).toBe('operators');
    expect(element.sources[0]).toMatchObject({
      repoURL: 'https://kyverno.github.io/kyverno/',
      chart: 'kyverno',
      targetRevision: '3.9.0',
    });
    const v = element.sources[0]!.helm!.valuesObject;
    expect(v.admissionController).toMatchObject({
      replicas: 3,
      podDisruptionBudget: { enabled: true, minAvailable: 2 },
      serviceMonitor: { enabled: true },
    });
    for (const c of ['backgroundController', 'cleanupController', 'reportsController'])
      expect(v[c]).toMatchObject({ replicas: 2, podDisruptionBudget: { enabled: true, minAvailable: 1 } });
    expect(v.admissionController.topologySpreadConstraints[0]).toMatchObject({
      topologyKey: 'topology.kubernetes.io/zone',
      labelSelector: {
        matchLabels: { 'app.kubernetes.io/component': 'admission-controller', 'app.kubernetes.io/instance': 'kyverno' },
      },
    });
    expect(v.admissionController.container.resources).toEqual({
      requests: { cpu: '100m', memory: '256Mi' },
      limits: { memory: '768Mi' },
    });
    // Security contexts are the chart's (restricted-compliant) and left alone.
    expect(v.admissionController.container.securityContext).toBeUndefined();
    expect(unknownValuePaths(v, CHART.facts.valuePaths)).toEqual([]);
  });

  it('applies server-side and ignores the rules the API server aggregates into its ClusterRoles', async () => {
    const { rendered } = await renderForTest([trustManager(), kyverno()]);
    const element = applicationSetElement(rendered, 'kyverno');
    expect(element.syncOptions).toEqual(
      expect.arrayContaining(['ServerSideApply=true', 'RespectIgnoreDifferences=true']),
    );
    expect(element.ignoreDifferences).toEqual(
      ['admission-controller', 'background-controller', 'cleanup-controller', 'reports-controller'].map((c) => ({
        group: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: `kyverno:${c}`,
        jsonPointers: ['/rules'],
      })),
    );
    const project = deliveryObjects<IAppProject>(rendered, 'AppProject').find(
      (p) => p.metadata!.name === 'platform-test',
    )!;
    const allowed = project.spec!.clusterResourceWhitelist!.map((r) => `${r.group}/${r.kind}`);
    expect(allowed).toEqual(
      expect.arrayContaining(['policies.kyverno.io/MutatingPolicy', 'policies.kyverno.io/ValidatingPolicy']),
    );
  });

  it('pulls every image through the environment mirror and merges extra values last', async () => {
    const v = await values(
      { extraValues: { features: { logging: { verbosity: 4 } } } },
      { settings: { ...settings, imageRegistryMirror: 'registry.example.com/mirror/' } },
    );
    const registry = 'registry.example.com/mirror/reg.kyverno.io';
    expect(v.admissionController.container.image).toEqual({ registry });
    expect(v.admissionController.initContainer.image).toEqual({ registry });
    for (const c of ['backgroundController', 'cleanupController', 'reportsController'])
      expect(v[c].image).toEqual({ registry });
    expect(v.crds.migration.image).toEqual({ registry });
    expect(v.webhooksCleanup.image).toEqual({ registry: 'registry.example.com/mirror/ghcr.io' });
    expect(v.features.logging.verbosity).toBe(4);
    expect(unknownValuePaths(v, CHART.facts.valuePaths)).toEqual([]);
  });

  it('drops PodDisruptionBudgets and spread for single replicas, and ServiceMonitors without them', async () => {
    const v = await values({ replicas: { admission: 1 } }, { settings: { ...settings, serviceMonitors: false } });
    expect(v.admissionController).toMatchObject({
      replicas: 1,
      podDisruptionBudget: { enabled: false },
      topologySpreadConstraints: [],
      serviceMonitor: { enabled: false },
    });
  });

  it('opens the webhooks to the API server on 9443 only, and egress to the API server', async () => {
    const { objects } = await renderForTest([trustManager(), kyverno()]);
    const o = objects('kyverno');
    const admission = o.networkpolicy_allow_admission_webhook as INetworkPolicy;
    expect(admission.spec).toMatchObject({
      podSelector: { matchLabels: { 'app.kubernetes.io/component': 'admission-controller' } },
      ingress: [{ ports: [{ port: 9443, protocol: 'TCP' }] }],
    });
    expect(admission.spec!.ingress![0]!.from).toBeUndefined();
    expect(o.networkpolicy_allow_cleanup_webhook).toBeDefined();
    expect(o.networkpolicy_allow_api_server).toBeDefined();
  });

  it('renders the four policies after the chart, and alerts with team and runbook', async () => {
    const { objects } = await renderForTest([trustManager(), kyverno()]);
    const o = objects('kyverno');
    for (const key of [
      'trust_bundle_mutatingpolicy',
      'pod_security_validatingpolicy',
      'images_validatingpolicy',
      'resources_validatingpolicy',
    ])
      expect(o[key]!.metadata!.annotations!['argocd.argoproj.io/sync-wave']).toBe('1');
    const rules = (o.alerts_prometheusrule as IPrometheusRule).spec!.groups![0]!.rules!;
    expect(rules.map((r) => r.alert)).toEqual([
      'KyvernoAdmissionControllerDown',
      'KyvernoAdmissionSlow',
      'KyvernoTrustBundleMutationFailing',
      'KyvernoPolicyViolations',
    ]);
    for (const r of rules)
      expect(r).toMatchObject({
        labels: { team: 'platform' },
        annotations: { runbook_url: expect.stringMatching(/#kyverno[a-z]+$/) },
      });
    const off = await renderForTest([trustManager(), kyverno({ policies: { images: { enabled: false } } })]);
    expect(off.objects('kyverno').images_validatingpolicy).toBeUndefined();
  });

  it('comes after the trust bundle provider, provides its dashboard, and passes the policy checks', async () => {
    expect(
      Object.keys(
        (providedBy(kyverno({ trustBundle: { enabled: false } })).dashboards as { dashboards: object }).dashboards,
      ),
    ).toEqual(['kyverno-kyverno.json']);
    const { rendered } = await renderForTest([trustManager(), kyverno()]);
    expect(rendered.objects.filter((o) => o.object.kind === 'Secret')).toEqual([]);
    expect(runPolicies(rendered).findings.filter((f) => f.component === 'kyverno' && f.severity === 'error')).toEqual(
      [],
    );
  });

  it('reports bad configuration with its path', async () => {
    const error = (config: object) => renderError([trustManager(), kyverno(config as never)]);
    expect(await error({ replicas: { admission: 0 } })).toContain(
      'kyverno › replicas.admission: expected a whole number of at least 1, got 0',
    );
    expect(await error({ trustBundle: { mountPath: 'etc/trust' } })).toContain(
      'trustBundle.mountPath: expected an absolute path',
    );
    expect(await error({ trustBundle: { env: ['SSL-CERT'] } })).toContain(
      'trustBundle.env[0]: "SSL-CERT" is not an environment variable name',
    );
    expect(await error({ policies: { enforcement: 'Deny' } })).toContain(
      'policies.enforcement: expected "Audit" or "Enforce", got "Deny"',
    );
    expect(await error({ policies: { excludeNamespaces: ['Bad_NS'] } })).toContain('policies.excludeNamespaces[0]');
  });
});
