import { certManager, type ICertificate, type IIssuer } from '@platform/cert-manager';
import type { INetworkPolicy, IPrometheusRule } from '@platform/core';
import { applicationSetElement, providedBy, renderError, renderForTest } from '@platform/core/testing';
import { istio } from '@platform/istio';
import { certificateRoot } from '@platform/pki';
import { runPolicies } from '@platform/policy';
import { trustedNamespaces, trustManager } from '@platform/trust-manager';
import { describe, expect, it } from 'vitest';
import { istioCsr } from './index.js';

const [istioBase, istiod] = istio();
const environment = (csr = istioCsr()) => [certManager(), trustManager(), istioBase, csr, istiod.after('istio-csr')];

describe('istio-csr', () => {
  it("installs the pinned chart with the trust bundle as Istio's root and the mesh CA as issuer", async () => {
    const { rendered } = await renderForTest(environment());
    const chart = applicationSetElement(rendered, 'istio-csr').sources[0]!;
    expect(chart).toMatchObject({
      repoURL: 'https://charts.jetstack.io',
      chart: 'cert-manager-istio-csr',
      targetRevision: 'v0.17.0',
    });
    const values = chart.helm!.valuesObject;
    expect(values.volumes).toEqual([
      {
        name: 'platform-trust-bundle',
        configMap: {
          name: 'platform-trust-bundle',
          items: [{ key: 'ca-certificates.crt', path: 'ca-certificates.crt' }],
        },
      },
    ]);
    expect(values.volumeMounts).toEqual([
      { name: 'platform-trust-bundle', mountPath: '/var/run/secrets/istio-csr/trust', readOnly: true },
    ]);
    expect(values.app.tls).toMatchObject({
      rootCAFile: '/var/run/secrets/istio-csr/trust/ca-certificates.crt',
      trustDomain: 'cluster.local',
      certificateDNSNames: [
        'cert-manager-istio-csr.istio-csr.svc',
        'cert-manager-istio-csr.istio-csr.svc.cluster.local',
      ],
      istiodCertificateEnable: true,
      istiodCertificateDuration: '1h',
      istiodCertificateRenewBefore: '30m',
    });
    expect(values.app.certmanager).toEqual({
      namespace: 'istio-system',
      preserveCertificateRequests: false,
      issuer: { enabled: true, name: 'istio-ca', kind: 'Issuer', group: 'cert-manager.io' },
    });
    expect(values.app.server.maxCertificateDuration).toBe('1h');
    expect(values.app.controller.leaderElectionNamespace).toBe('istio-csr');
    expect(values.podDisruptionBudget).toEqual({ enabled: true, maxUnavailable: 1 });
    expect(values.securityContext).toBeUndefined();
  });

  it('issues the mesh CA under the platform root before the chart starts, and signs with it through an Issuer', async () => {
    const { rendered, objects } = await renderForTest(environment());
    const o = objects('istio-csr');
    const ca = o.mesh_ca_certificate as ICertificate;
    expect(ca.metadata).toMatchObject({ name: 'istio-ca', namespace: 'istio-system' });
    expect(ca.spec).toMatchObject({
      isCA: true,
      secretName: 'istio-ca',
      duration: '7560h',
      renewBefore: '720h',
      issuerRef: { name: 'platform-ca', kind: 'ClusterIssuer', group: 'cert-manager.io' },
    });
    expect((o.mesh_ca_issuer as IIssuer).spec).toEqual({ ca: { secretName: 'istio-ca' } });
    expect(ca.metadata!.annotations!['argocd.argoproj.io/sync-wave']).toBe('-1');
    expect(certificateRoot(rendered, ca)).toBe('certificate:cert-manager/platform-root-ca');
  });

  it('takes any issuer for the mesh CA, external ones included', async () => {
    const issuerRef = { name: 'step-ca', kind: 'StepClusterIssuer', group: 'certmanager.step.sm' };
    const { objects } = await renderForTest(environment(istioCsr({ meshCA: { issuerRef } })));
    expect((objects('istio-csr').mesh_ca_certificate as ICertificate).spec!.issuerRef).toEqual(issuerRef);
  });

  it('publishes what istiod needs, and comes before istiod in the first sync', async () => {
    expect(providedBy(istioCsr()).meshCertificateAuthority).toEqual({
      component: 'istio-csr',
      namespace: 'istio-csr',
      caAddress: 'cert-manager-istio-csr.istio-csr.svc.cluster.local:443',
      pods: { caAddress: { app: 'cert-manager-istio-csr' } },
      istiodTlsSecret: 'istiod-tls',
      rootConfigMap: { name: 'istio-ca-root-cert', key: 'root-cert.pem' },
      trustDomain: 'cluster.local',
    });
    const { rendered } = await renderForTest(environment());
    const step = (name: string) => rendered.steps.find((s) => s.components.includes(name))!.wave;
    expect(step('istio-csr')).toBeGreaterThan(step('trust-manager'));
    expect(step('istiod')).toBeGreaterThan(step('istio-csr'));
  });

  it('admits certificate requests from every namespace on the gRPC port', async () => {
    const { objects } = await renderForTest(environment());
    expect((objects('istio-csr').networkpolicy_allow_csr_clients as INetworkPolicy).spec).toEqual({
      podSelector: { matchLabels: { app: 'cert-manager-istio-csr' } },
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ namespaceSelector: {}, podSelector: {} }], ports: [{ port: 6443, protocol: 'TCP' }] }],
    });
  });

  it('alerts when istio-csr is down or cannot get its serving certificate', async () => {
    const { objects } = await renderForTest(environment());
    const rules = (objects('istio-csr').alerts_prometheusrule as IPrometheusRule).spec.groups![0]!.rules!;
    expect(rules.map((r) => [r.alert, r.labels!.severity])).toEqual([
      ['IstioCsrDown', 'critical'],
      ['IstioCsrServingCertificateFailures', 'warning'],
    ]);
    expect(rules[1]!.expr).toContain(
      'cert_manager_istio_csr_tls_provider_certificate_requests{namespace="istio-csr", job="cert-manager-istio-csr-metrics", success="0"}',
    );
  });

  it('passes the policy rules', async () => {
    const { rendered } = await renderForTest(environment(), { mixins: [trustedNamespaces()] });
    expect(runPolicies(rendered).findings.filter((f) => f.component === 'istio-csr' && f.severity === 'error')).toEqual(
      [],
    );
  });

  it('reports bad configuration with paths, and a missing trust bundle', async () => {
    const message = await renderError(
      environment(istioCsr({ meshCA: { duration: '30m', renewBefore: '24h' }, replicas: 0, revisions: [] })),
    );
    expect(message).toContain('replicas: expected a whole number of at least 1, got 0');
    expect(message).toContain('meshCA.duration: expected a Go duration of at least 1h0m0s'.replace('1h0m0s', '1h'));
    expect(message).toContain(
      'meshCA.renewBefore: must be at least the longest certificate the mesh CA signs (1h) plus 7 days',
    );
    expect(message).toContain('revisions: at least one Istio revision');
    expect(await renderError([certManager(), istioBase, istioCsr()])).toContain(
      'needs a component that provides "trustBundle"',
    );
  });
});
