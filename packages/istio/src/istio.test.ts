import type { IAppProject, INetworkPolicy } from '@platform/core';
import { applicationSetElement, deliveryObjects, providedBy, renderForTest } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { istio, istioBase, istiod } from './index.js';
import type { IPeerAuthentication } from './kinds.js';

const settings = {
  baseDomain: 'x.example.com',
  objectStorage: { endpoint: 's3', region: 'r', bucketPrefix: 'b' },
  metricsScraperNamespaces: ['alloy'],
};

describe('istio', () => {
  it('installs the pinned base and istiod charts, CRDs first', async () => {
    const { rendered } = await renderForTest(istio());
    const base = applicationSetElement(rendered, 'istio-base');
    const control = applicationSetElement(rendered, 'istiod');
    expect(base.sources[0]).toMatchObject({
      repoURL: 'https://istio-release.storage.googleapis.com/charts',
      chart: 'base',
      targetRevision: '1.30.3',
    });
    expect(control.sources[0]).toMatchObject({
      repoURL: 'https://istio-release.storage.googleapis.com/charts',
      chart: 'istiod',
      targetRevision: '1.30.3',
    });
    expect(base.namespace).toBe('istio-system');
    expect(control.namespace).toBe('istio-system');
    expect(rendered.steps.map((s) => [s.tier, s.components])).toEqual([
      ['crds', ['istio-base']],
      ['operators', ['istiod']],
    ]);
    expect(rendered.components.find((c) => c.name === 'istiod')!.dependsOn).toEqual(['istio-base']);
    expect(base.syncOptions).toContain('ServerSideApply=true');
  });

  it('sets typed istiod values', async () => {
    const { rendered } = await renderForTest(
      istio({ istiod: { autoscale: { enabled: false }, replicas: 3, mesh: { accessLogFile: '/dev/stdout' } } }),
    );
    const values = applicationSetElement(rendered, 'istiod').sources[0]!.helm!.valuesObject;
    expect(values).toMatchObject({
      autoscaleEnabled: false,
      replicaCount: 3,
      resources: { requests: { cpu: '500m', memory: '2Gi' }, limits: { memory: '4Gi' } },
      seccompProfile: { type: 'RuntimeDefault' },
      pdb: { minAvailable: 1 },
      base: { validationFailurePolicy: 'Fail' },
      meshConfig: {
        accessLogFile: '/dev/stdout',
        accessLogEncoding: 'JSON',
        outboundTrafficPolicy: { mode: 'ALLOW_ANY' },
        defaultConfig: { holdApplicationUntilProxyStarts: true },
      },
      global: {
        istioNamespace: 'istio-system',
        defaultPodDisruptionBudget: { enabled: true },
        proxy: {
          clusterDomain: 'cluster.local',
          resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '2000m', memory: '1Gi' } },
        },
      },
    });
    expect(values.global.hub).toBeUndefined();
  });

  it('renders mesh-wide STRICT mTLS in the root namespace, after istiod is up', async () => {
    const { objects } = await renderForTest(istio());
    const peer = objects('istiod').peerauthentication as IPeerAuthentication;
    expect(peer.metadata).toMatchObject({
      name: 'default',
      namespace: 'istio-system',
      annotations: { 'argocd.argoproj.io/sync-wave': '1' },
    });
    expect(peer.spec).toEqual({ mtls: { mode: 'STRICT' } });
  });

  it('renders one istio-system Namespace, owned by istio-base', async () => {
    const { rendered, objects } = await renderForTest(istio());
    const namespaces = rendered.objects.filter((o) => o.object.kind === 'Namespace');
    expect(namespaces.map((n) => `${n.component}/${n.object.metadata!.name}`)).toEqual(['istio-base/istio-system']);
    expect(objects('istio-base').networkpolicy_default_deny).toBeDefined();
    expect(objects('istiod').networkpolicy_default_deny).toBeUndefined();
  });

  it('opens xDS and the webhook to everyone, metrics to the scrapers, and the API server', async () => {
    const { objects } = await renderForTest(istio(), { settings });
    const o = objects('istiod');
    const ports = (key: string) => (o[key] as INetworkPolicy).spec!.ingress![0]!;
    expect(ports('networkpolicy_allow_xds')).toEqual({ ports: [{ port: 15012, protocol: 'TCP' }] });
    expect(ports('networkpolicy_allow_webhook')).toEqual({ ports: [{ port: 15017, protocol: 'TCP' }] });
    expect(ports('networkpolicy_allow_monitoring')).toEqual({
      from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'alloy' } }, podSelector: {} }],
      ports: [{ port: 15014, protocol: 'TCP' }],
    });
    expect((o.networkpolicy_allow_xds as INetworkPolicy).spec!.podSelector).toEqual({ matchLabels: { app: 'istiod' } });
    expect((o.networkpolicy_allow_api_server as INetworkPolicy).spec!.policyTypes).toEqual(['Egress']);
  });

  it('ignores the fields istiod patches into the webhook configurations', async () => {
    const { rendered } = await renderForTest(istio());
    expect(applicationSetElement(rendered, 'istio-base').ignoreDifferences).toEqual([
      {
        group: 'admissionregistration.k8s.io',
        kind: 'ValidatingWebhookConfiguration',
        name: 'istiod-default-validator',
        jqPathExpressions: ['.webhooks[]?.clientConfig.caBundle', '.webhooks[]?.failurePolicy'],
      },
    ]);
    expect(applicationSetElement(rendered, 'istiod').ignoreDifferences).toEqual([
      {
        group: 'admissionregistration.k8s.io',
        kind: 'ValidatingWebhookConfiguration',
        name: 'istio-validator-istio-system',
        jqPathExpressions: ['.webhooks[]?.clientConfig.caBundle', '.webhooks[]?.failurePolicy'],
      },
      {
        group: 'admissionregistration.k8s.io',
        kind: 'MutatingWebhookConfiguration',
        name: 'istio-sidecar-injector',
        jqPathExpressions: ['.webhooks[]?.clientConfig.caBundle'],
      },
    ]);
    expect(applicationSetElement(rendered, 'istiod').syncOptions).toContain('RespectIgnoreDifferences=true');
  });

  it('lets the AppProject use the Istio chart repository and the kinds the charts create', async () => {
    const { rendered } = await renderForTest(istio());
    const project = deliveryObjects<IAppProject>(rendered, 'AppProject').find(
      (p) => p.metadata!.name === 'platform-test',
    )!;
    expect(project.spec!.sourceRepos).toContain('https://istio-release.storage.googleapis.com/charts');
    expect(project.spec!.clusterResourceWhitelist!.map((r) => `${r.group}/${r.kind}`)).toEqual(
      expect.arrayContaining([
        'apiextensions.k8s.io/CustomResourceDefinition',
        'admissionregistration.k8s.io/ValidatingWebhookConfiguration',
        'admissionregistration.k8s.io/MutatingWebhookConfiguration',
        'rbac.authorization.k8s.io/ClusterRole',
        'rbac.authorization.k8s.io/ClusterRoleBinding',
      ]),
    );
    expect(project.spec!.destinations).toEqual([
      { server: 'https://kubernetes.default.svc', namespace: 'istio-system' },
    ]);
  });

  it('provides serviceMesh: the Istio mesh, its injection label and istiod port', () => {
    expect(providedBy(istiod())).toEqual({
      serviceMesh: expect.objectContaining({
        component: 'istiod',
        namespace: 'istio-system',
        mesh: 'istio',
        controlPlanePorts: [15012],
        join: { labels: { 'istio-injection': 'enabled' }, annotations: {} },
        proxyInboundPorts: [],
      }),
    });
  });

  it('pulls images through the registry mirror and merges extra values last', async () => {
    const { rendered } = await renderForTest(
      istio({ istiod: { extraValues: { global: { logging: { level: 'default:debug' } } } } }),
      {
        settings: { ...settings, imageRegistryMirror: 'mirror.example.com' },
      },
    );
    const values = applicationSetElement(rendered, 'istiod').sources[0]!.helm!.valuesObject;
    expect(values.global.hub).toBe('mirror.example.com/docker.io/istio');
    expect(values.global.logging).toEqual({ level: 'default:debug' });
    expect(values.global.istioNamespace).toBe('istio-system');
  });

  it('needs istio-base', async () => {
    await expect(renderForTest([istiod()])).rejects.toThrow(
      'depends on "istio-base", which is not a component of this environment',
    );
    const { rendered } = await renderForTest([
      istioBase().named('istio-crds'),
      istiod({ baseComponent: 'istio-crds' }),
    ]);
    expect(rendered.steps.map((s) => s.components)).toEqual([['istio-crds'], ['istiod']]);
  });

  it('types enum-like mesh settings as unions, a misspelt mode being a compile error', () => {
    // @ts-expect-error: not a mutual TLS mode
    istiod({ mesh: { mtlsMode: 'STRIKT' } });
    // @ts-expect-error: not an access log encoding
    istiod({ mesh: { accessLogEncoding: 'YAML' } });
    // @ts-expect-error: not an outbound traffic policy
    istiod({ mesh: { outboundTrafficPolicy: 'DENY' } });
    istiod({ mesh: { mtlsMode: 'PERMISSIVE', accessLogEncoding: 'TEXT', outboundTrafficPolicy: 'REGISTRY_ONLY' } });
  });

  it('reports bad configuration with paths', async () => {
    // @ts-expect-error: checked at render time too, for configuration that bypasses the type
    await expect(renderForTest(istio({ istiod: { mesh: { mtlsMode: 'strict' } } }))).rejects.toThrow(
      'mesh.mtlsMode: expected one of "STRICT", "PERMISSIVE", got "strict"',
    );
    await expect(renderForTest(istio({ istiod: { autoscale: { min: 4, max: 2 } } }))).rejects.toThrow(
      'autoscale.max: must be at least autoscale.min (4), got 2',
    );
    await expect(renderForTest(istio({ istiod: { mesh: { accessLogFile: 'stdout' } } }))).rejects.toThrow(
      'mesh.accessLogFile: expected an absolute path',
    );
    await expect(renderForTest(istio({ istiod: { resources: { requests: { memory: '2 GB' } } } }))).rejects.toThrow(
      'resources.requests.memory: expected a Kubernetes quantity',
    );
    await expect(renderForTest(istio({ istiod: { replicas: '2' as never } }))).rejects.toThrow(
      'replicas: expected a number, got "2"',
    );
  });
});
