import { certManager } from '@platform/cert-manager';
import type { IDeployment, INetworkPolicy, IPrometheusRule } from '@platform/core';
import { applicationSetElement, providedBy, renderError, renderForTest, stubComponent } from '@platform/core/testing';
import { trustBundleNamespaceRule } from '@platform/pki';
import { TEST_LEAF_PEM, TEST_ROOT_PEM } from '@platform/pki/testing';
import { runPolicies } from '@platform/policy';
import { describe, expect, it } from 'vitest';
import { type IBundle, trustedNamespaces, trustManager } from './index.js';

const anchor = {
  component: 'step-ca',
  namespace: 'step-ca',
  name: 'step-ca root',
  certificate: TEST_ROOT_PEM,
  issuers: [{ name: 'step-ca', kind: 'StepClusterIssuer', group: 'certmanager.step.sm' }],
};

describe('trust-manager', () => {
  it('installs the pinned chart, reading sources from cert-manager’s namespace, with an explicit webhook certificate', async () => {
    const { rendered } = await renderForTest([certManager(), trustManager()]);
    const { sources, ignoreDifferences, syncOptions } = applicationSetElement(rendered, 'trust-manager');
    expect(sources[0]).toMatchObject({
      repoURL: 'https://charts.jetstack.io',
      chart: 'trust-manager',
      targetRevision: 'v0.24.0',
    });
    const values = sources[0]!.helm!.valuesObject;
    expect(values.crds).toEqual({ enabled: true, keep: true });
    expect(values.app.trust.namespace).toBe('cert-manager');
    expect(values.app.webhook.tls).toEqual({ helmCert: { enabled: false }, certificate: { duration: '2160h' } });
    expect(values.replicaCount).toBe(2);
    expect(values.podDisruptionBudget).toEqual({ enabled: true, maxUnavailable: 1 });
    expect(values.topologySpreadConstraints.map((c: { topologyKey: string }) => c.topologyKey)).toEqual([
      'topology.kubernetes.io/zone',
      'kubernetes.io/hostname',
    ]);
    expect(values.topologySpreadConstraints[0].labelSelector).toEqual({ matchLabels: { app: 'trust-manager' } });
    // Public roots are off by default, and so is the init container that copies them.
    expect(values.defaultPackage.enabled).toBe(false);
    expect(values.app.metrics.service.servicemonitor.enabled).toBe(true);
    expect(values.app.securityContext).toBeUndefined();
    expect(ignoreDifferences).toEqual([
      {
        group: 'admissionregistration.k8s.io',
        kind: 'ValidatingWebhookConfiguration',
        name: 'trust-manager',
        jqPathExpressions: ['.webhooks[]?.clientConfig.caBundle'],
      },
    ]);
    expect(syncOptions).toContain('RespectIgnoreDifferences=true');
  });

  it("distributes cert-manager's root and every published trust anchor to labelled namespaces under a fixed key", async () => {
    const { objects } = await renderForTest([
      certManager(),
      stubComponent('step-ca', { trustAnchor: anchor }),
      trustManager({ bundle: { extraCertificates: [TEST_ROOT_PEM], publicRoots: true } }),
    ]);
    const bundle = objects('trust-manager').trust_bundle as IBundle;
    expect(bundle.metadata!.name).toBe('platform-trust-bundle');
    expect(bundle.spec.sources).toEqual([
      { secret: { name: 'platform-root-ca', key: 'ca.crt' } },
      { inLine: TEST_ROOT_PEM.trim() },
      { inLine: TEST_ROOT_PEM.trim() },
      { useDefaultCAs: true },
    ]);
    expect(bundle.spec.target).toEqual({
      configMap: { key: 'ca-certificates.crt' },
      namespaceSelector: { matchLabels: { 'trust.platform.dev/bundle': 'true' } },
    });
    // The chart's webhook admits Bundles, so the Bundle syncs after the chart.
    expect(bundle.metadata!.annotations!['argocd.argoproj.io/sync-wave']).toBe('1');
  });

  it('provides the bundle and declares its webhook certificate’s lifetime', () => {
    expect(providedBy(trustManager({ bundle: { name: 'ca', key: 'ca.pem' } }))).toEqual({
      trustBundle: {
        component: 'trust-manager',
        namespace: 'trust-manager',
        configMap: 'ca',
        key: 'ca.pem',
        namespaceLabel: { key: 'trust.platform.dev/bundle', value: 'true' },
      },
      certificateLifetime: expect.objectContaining({
        role: 'leaf',
        duration: '2160h',
        renewBefore: '720h',
        rotation: 'automatic',
      }),
    });
  });

  it('labels namespaces with the mixin, which is what lets a pod that mounts the bundle start', async () => {
    const client = stubComponent('client').addObjects({
      client_deployment: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'client', namespace: 'client' },
        spec: {
          selector: { matchLabels: { app: 'client' } },
          template: {
            metadata: { labels: { app: 'client' } },
            spec: {
              containers: [{ name: 'client', image: 'client:1' }],
              volumes: [{ name: 'ca', configMap: { name: 'platform-trust-bundle' } }],
            },
          },
        },
      } satisfies IDeployment,
    });
    const without = await renderForTest([certManager(), trustManager(), client]);
    const rule = (r: typeof without.rendered) => {
      const found: string[] = [];
      trustBundleNamespaceRule.check(r, (f) => found.push(`${f.component}: ${f.path}`), {});
      return found;
    };
    expect(rule(without.rendered)).toEqual(['client: spec.template.spec.volumes[name=ca]']);
    const labelled = await renderForTest([certManager(), trustManager(), client], { mixins: [trustedNamespaces()] });
    expect(labelled.objects('client').namespace!.metadata!.labels).toMatchObject({
      'trust.platform.dev/bundle': 'true',
    });
    expect(rule(labelled.rendered)).toEqual([]);
  });

  it('admits the API server to the webhook and talks to the API server only', async () => {
    const { objects } = await renderForTest([certManager(), trustManager()]);
    const o = objects('trust-manager');
    expect((o.networkpolicy_allow_webhook as INetworkPolicy).spec).toEqual({
      podSelector: { matchLabels: { app: 'trust-manager' } },
      policyTypes: ['Ingress'],
      ingress: [{ ports: [{ port: 6443, protocol: 'TCP' }] }],
    });
    expect(o.networkpolicy_allow_api_server).toBeDefined();
    expect(Object.values(o).some((x) => x.kind === 'Secret')).toBe(false);
  });

  it('alerts on failing Bundles and on trust-manager being down, routed and with runbooks', async () => {
    const { objects } = await renderForTest([certManager(), trustManager()]);
    const rules = (objects('trust-manager').alerts_prometheusrule as IPrometheusRule).spec.groups![0]!.rules!;
    expect(rules.map((r) => r.alert)).toEqual(['TrustManagerBundleReconcileErrors', 'TrustManagerDown']);
    for (const r of rules) {
      expect(r.labels).toMatchObject({ team: 'platform' });
      expect(r.for).toBeDefined();
      expect(r.annotations!.runbook_url).toMatch(/README\.md#trustmanager/);
    }
    expect(rules[0]!.expr).toContain('controller="bundles"');
  });

  it('passes the policy rules', async () => {
    const { rendered } = await renderForTest([certManager(), trustManager()], { mixins: [trustedNamespaces()] });
    expect(
      runPolicies(rendered).findings.filter((f) => f.component === 'trust-manager' && f.severity === 'error'),
    ).toEqual([]);
  });

  it('reports bad configuration with paths', async () => {
    expect(await renderError([trustManager()])).toContain(
      'bundle.certManagerRoot: the bundle includes cert-manager\'s root, but the environment has no component "cert-manager"',
    );
    expect(await renderError([trustManager({ bundle: { certManagerRoot: false } })])).toContain(
      'bundle: the bundle has no roots',
    );
    const bad = await renderError([
      certManager(),
      trustManager({
        replicas: 0,
        bundle: {
          key: 'ca/bundle.pem',
          extraCertificates: ['not a pem', TEST_LEAF_PEM],
          namespaceLabel: { key: 'bad key!', value: 'x' },
        },
      }),
    ]);
    expect(bad).toContain('replicas: expected a whole number of at least 1, got 0');
    expect(bad).toContain('bundle.key: expected a file name');
    expect(bad).toContain('bundle.namespaceLabel.key: expected a label key');
    expect(bad).toContain('bundle.extraCertificates[0]: expected PEM certificates');
    expect(bad).toContain('bundle.extraCertificates[1]: CN=leaf.example.com is not a CA certificate');
  });
});
