import type { IAppProject, INetworkPolicy, IPrometheusRule } from '@platform/core';
import { applicationSetElement, deliveryObjects, providedBy, renderForTest } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { certificate, certManager } from './index.js';
import type { ICertificate, IClusterIssuer } from './kinds.js';

describe('cert-manager', () => {
  it('installs the pinned chart with typed values', async () => {
    const { rendered } = await renderForTest([certManager()]);
    const { sources, syncOptions } = applicationSetElement(rendered, 'cert-manager');
    const chart = sources[0]!;
    expect(chart).toMatchObject({
      repoURL: 'https://charts.jetstack.io',
      chart: 'cert-manager',
      targetRevision: 'v1.21.1',
    });
    expect(chart.helm!.releaseName).toBe('cert-manager');
    const values = chart.helm!.valuesObject;
    expect(values.crds).toEqual({ enabled: true, keep: true });
    expect(values.global.leaderElection.namespace).toBe('cert-manager');
    expect(values.replicaCount).toBe(2);
    expect(values.webhook.replicaCount).toBe(2);
    expect(values.cainjector.replicaCount).toBe(2);
    expect(values.podDisruptionBudget).toEqual({ enabled: true, maxUnavailable: 1 });
    expect(values.webhook.resources.requests).toEqual({ cpu: '20m', memory: '64Mi' });
    expect(values.prometheus.servicemonitor.enabled).toBe(true);
    // The chart's security contexts are restricted-compliant and left alone.
    expect(values.securityContext).toBeUndefined();
    expect(values.webhook.securityContext).toBeUndefined();
    expect(values.imageRegistry).toBeUndefined();
    // Second source: the rendered folder with the issuers.
    expect(sources[1]).toMatchObject({ path: 'rendered/test/cert-manager' });
    expect(syncOptions).toEqual(expect.arrayContaining(['ServerSideApply=true', 'RespectIgnoreDifferences=true']));
  });

  it('ignores the CA bundle cainjector writes into the webhook configurations', async () => {
    const { rendered } = await renderForTest([certManager()]);
    const ignored = applicationSetElement(rendered, 'cert-manager').ignoreDifferences!;
    expect(ignored.map((i) => i.kind).sort()).toEqual([
      'MutatingWebhookConfiguration',
      'ValidatingWebhookConfiguration',
    ]);
    for (const rule of ignored) {
      expect(rule).toMatchObject({
        group: 'admissionregistration.k8s.io',
        name: 'cert-manager-webhook',
        jqPathExpressions: ['.webhooks[]?.clientConfig.caBundle'],
      });
    }
  });

  it('lets the AppProject use the chart repository and the kinds the chart creates', async () => {
    const { rendered } = await renderForTest([certManager()]);
    const project = deliveryObjects<IAppProject>(rendered, 'AppProject').find(
      (p) => p.metadata!.name === 'platform-test',
    )!;
    expect(project.spec!.sourceRepos).toContain('https://charts.jetstack.io');
    const allowed = project.spec!.clusterResourceWhitelist!.map((r) => `${r.group}/${r.kind}`);
    expect(allowed).toEqual(
      expect.arrayContaining([
        'apiextensions.k8s.io/CustomResourceDefinition',
        'rbac.authorization.k8s.io/ClusterRole',
        'rbac.authorization.k8s.io/ClusterRoleBinding',
        'admissionregistration.k8s.io/ValidatingWebhookConfiguration',
        'admissionregistration.k8s.io/MutatingWebhookConfiguration',
        'cert-manager.io/ClusterIssuer',
      ]),
    );
  });

  it('renders a private PKI: self-signed bootstrap, ECDSA root CA with explicit lifetime, CA issuer', async () => {
    const { objects } = await renderForTest([certManager()]);
    const o = objects('cert-manager');
    const bootstrap = o.selfsigned_clusterissuer as IClusterIssuer;
    const root = o.root_ca_certificate as ICertificate;
    const ca = o.ca_clusterissuer as IClusterIssuer;
    expect(bootstrap.spec!.selfSigned).toEqual({});
    expect(root.metadata!.namespace).toBe('cert-manager');
    expect(root.spec).toMatchObject({
      isCA: true,
      duration: '87600h',
      renewBefore: '8760h',
      secretName: 'platform-root-ca',
      privateKey: { algorithm: 'ECDSA', size: 384, rotationPolicy: 'Never' },
      issuerRef: { name: 'platform-selfsigned-bootstrap', kind: 'ClusterIssuer', group: 'cert-manager.io' },
    });
    expect(ca.metadata!.name).toBe('platform-ca');
    expect(ca.spec!.ca!.secretName).toBe(root.spec!.secretName);
    // Issuers wait for the chart's webhook; the CA issuer waits for the root.
    expect(Number(ca.metadata!.annotations!['argocd.argoproj.io/sync-wave'])).toBeGreaterThan(
      Number(root.metadata!.annotations!['argocd.argoproj.io/sync-wave']),
    );
  });

  it('takes the root CA lifetime and curve from config', async () => {
    const { objects } = await renderForTest([
      certManager({ rootCA: { keySize: 256, duration: '43800h', renewBefore: '4380h' } }),
    ]);
    expect((objects('cert-manager').root_ca_certificate as ICertificate).spec).toMatchObject({
      duration: '43800h',
      renewBefore: '4380h',
      privateKey: { size: 256 },
    });
  });

  it('alerts well before a certificate expires, when the environment renders monitoring objects', async () => {
    const { objects } = await renderForTest([certManager()]);
    const rule = objects('cert-manager').alerts_prometheusrule as IPrometheusRule;
    const expiry = rule.spec.groups![0]!.rules!.find((r) => r.alert === 'CertManagerCertificateExpiresSoon')!;
    expect(expiry.expr).toBe('(certmanager_certificate_expiration_timestamp_seconds > 0) - time() < 1814400');

    const off = await renderForTest([certManager()], {
      settings: {
        baseDomain: 'x',
        objectStorage: { endpoint: 's3', region: 'r', bucketPrefix: 'b' },
        serviceMonitors: false,
      },
    });
    expect(off.objects('cert-manager').alerts_prometheusrule).toBeUndefined();
    expect(
      applicationSetElement(off.rendered, 'cert-manager').sources[0]!.helm!.valuesObject.prometheus.servicemonitor
        .enabled,
    ).toBe(false);
  });

  it('opens the webhook port to the API server and egress to the API server', async () => {
    const { objects } = await renderForTest([certManager()]);
    const o = objects('cert-manager');
    const webhook = o.networkpolicy_allow_webhook as INetworkPolicy;
    expect(webhook.spec!.podSelector).toEqual({ matchLabels: { 'app.kubernetes.io/component': 'webhook' } });
    expect(webhook.spec!.ingress).toEqual([{ ports: [{ port: 10250, protocol: 'TCP' }] }]);
    expect(o.networkpolicy_allow_api_server).toBeDefined();
    expect(o.networkpolicy_allow_acme).toBeUndefined();
  });

  it('opens ACME egress only when asked', async () => {
    const { objects } = await renderForTest([certManager({ acme: { egress: true } })]);
    const acme = objects('cert-manager').networkpolicy_allow_acme as INetworkPolicy;
    expect(acme.spec!.podSelector).toEqual({ matchLabels: { 'app.kubernetes.io/component': 'controller' } });
    expect(acme.spec!.egress![0]!.ports!.map((p) => `${p.port}/${p.protocol}`)).toEqual([
      '443/TCP',
      '80/TCP',
      '53/UDP',
      '53/TCP',
    ]);
  });

  it('makes certificates that validate against the cert-manager schema', async () => {
    const extra = certificate({
      name: 'example-tls',
      namespace: 'cert-manager',
      dnsNames: ['example.test.example.com'],
      usages: ['server auth'],
    });
    const { objects } = await renderForTest([certManager().addObjects({ example_certificate: extra })]);
    expect((objects('cert-manager').example_certificate as ICertificate).spec!.duration).toBe('2160h');
  });

  it('provides the CA ClusterIssuer as certificateIssuer', () => {
    expect(providedBy(certManager())).toEqual({
      certificateIssuer: {
        component: 'cert-manager',
        namespace: 'cert-manager',
        issuerRef: { name: 'platform-ca', kind: 'ClusterIssuer', group: 'cert-manager.io' },
      },
    });
  });

  it('pulls every image through the environment registry mirror and merges extra values last', async () => {
    const { rendered } = await renderForTest(
      [certManager({ extraValues: { webhook: { timeoutSeconds: 10 }, replicaCount: 3 } })],
      {
        settings: {
          baseDomain: 'x',
          objectStorage: { endpoint: 's3', region: 'r', bucketPrefix: 'b' },
          imageRegistryMirror: 'mirror.example.com/',
        },
      },
    );
    const values = applicationSetElement(rendered, 'cert-manager').sources[0]!.helm!.valuesObject;
    expect(values.imageRegistry).toBe('mirror.example.com/quay.io/jetstack');
    expect(values.imageNamespace).toBe('');
    expect(values.webhook).toMatchObject({ timeoutSeconds: 10, replicaCount: 2 });
    expect(values.replicaCount).toBe(3);
  });

  it('reports bad configuration with paths', async () => {
    await expect(renderForTest([certManager({ rootCA: { duration: '10y', renewBefore: '8760h' } })])).rejects.toThrow(
      'rootCA.duration: expected a Go duration in hours, minutes or seconds such as "2160h", got "10y"',
    );
    await expect(renderForTest([certManager({ rootCA: { duration: '720h', renewBefore: '8760h' } })])).rejects.toThrow(
      'rootCA.renewBefore: must be shorter than duration (720h), got "8760h"',
    );
    await expect(renderForTest([certManager({ rootCA: { duration: '8760h', renewBefore: '720h' } })])).rejects.toThrow(
      'rootCA.renewBefore: must be at least 2328h (the default certificate lifetime 2160h plus 7 days), so no certificate the root signs outlives it; got "720h"',
    );
    // @ts-expect-error: 521 is not a key size of the root (checked at render time too, for plain JS)
    await expect(renderForTest([certManager({ rootCA: { keySize: 521 } })])).rejects.toThrow(
      'rootCA.keySize: expected one of 256, 384, got 521',
    );
    await expect(renderForTest([certManager({ replicas: { webhook: 0 } })])).rejects.toThrow(
      'replicas.webhook: expected a whole number of at least 1, got 0',
    );
    await expect(renderForTest([certManager({ alerts: { expiryWarningDays: 45 } })])).rejects.toThrow(
      'alerts.expiryWarningDays: must be fewer days than the shortest renewBefore (30 days)',
    );
    await expect(
      renderForTest([certManager({ resources: { webhook: { limits: { memory: '128 MB' } } } })]),
    ).rejects.toThrow('resources.webhook.limits.memory: expected a Kubernetes quantity');
    await expect(renderForTest([certManager({ replica: 2 } as never)])).rejects.toThrow(
      'replica: unknown field (did you mean "replicas"?)',
    );
  });
});
