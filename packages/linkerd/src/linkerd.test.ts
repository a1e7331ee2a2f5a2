import { certManager, type ICertificate, type IClusterIssuer } from '@platform/cert-manager';
import type { INamespace, INetworkPolicy, IPrometheusRule } from '@platform/core';
import { applicationSetElement, renderError, renderForTest, testEnvironment } from '@platform/core/testing';
import { runPolicies } from '@platform/policy';
import { type IBundle, trustManager } from '@platform/trust-manager';
import { describe, expect, it } from 'vitest';
import type { LinkerdComponentsConfig } from './index.js';
import { linkerd, linkerdViz } from './index.js';

const settings = { ...testEnvironment([]).settings, mesh: 'linkerd' as const };
const environment = (config: LinkerdComponentsConfig = {}) => [certManager(), trustManager(), ...linkerd(config)];
const render = (config?: LinkerdComponentsConfig) => renderForTest(environment(config), { settings });

describe('@platform/linkerd', () => {
  it('installs the pinned charts: linkerd-crds, linkerd2-cni and linkerd-control-plane 2026.6.3 (edge-26.6.3)', async () => {
    const { rendered } = await render();
    for (const [component, chart] of [
      ['linkerd-crds', 'linkerd-crds'],
      ['linkerd-cni', 'linkerd2-cni'],
      ['linkerd-control-plane', 'linkerd-control-plane'],
    ] as const) {
      expect(applicationSetElement(rendered, component).sources[0]).toMatchObject({
        repoURL: 'https://helm.linkerd.io/edge',
        chart,
        targetRevision: '2026.6.3',
      });
    }
  });

  it('issues the identity issuer from a trust anchor that every proxy trusts, with lifetimes that pass the certificate rules', async () => {
    const { rendered, objects } = await render();
    const issuer = objects('linkerd-control-plane').identity_issuer_certificate as ICertificate;
    expect(issuer.spec).toMatchObject({
      secretName: 'linkerd-identity-issuer',
      commonName: 'identity.linkerd.cluster.local',
      isCA: true,
      duration: '6600h',
      renewBefore: '2160h',
      privateKey: { algorithm: 'ECDSA', size: 256, rotationPolicy: 'Always' },
      issuerRef: { name: 'linkerd-trust-anchor', kind: 'ClusterIssuer', group: 'cert-manager.io' },
    });
    // The chain: the issuer's ClusterIssuer signs with the anchor's Secret, which the anchor Certificate writes.
    const trust = objects('linkerd-identity-trust');
    const clusterIssuer = trust.linkerd_trust_anchor_clusterissuer as IClusterIssuer;
    const anchor = trust.linkerd_trust_anchor_certificate as ICertificate;
    expect(clusterIssuer.metadata!.name).toBe(issuer.spec!.issuerRef.name);
    expect(clusterIssuer.spec!.ca!.secretName).toBe(anchor.spec!.secretName);
    expect(anchor.metadata!.namespace).toBe('cert-manager');
    expect(anchor.spec).toMatchObject({ isCA: true, duration: '78840h', renewBefore: '8760h' });
    expect(anchor.spec!.privateKey!.rotationPolicy).toBe('Never');
    // The same anchor reaches the control plane's trust roots.
    const bundle = trust.trust_roots_bundle as IBundle;
    expect(bundle.spec.sources).toEqual([{ secret: { name: 'linkerd-trust-anchor', key: 'tls.crt' } }]);
    expect(bundle.spec.target?.configMap).toEqual({ key: 'ca-bundle.crt' });
    const findings = runPolicies(rendered).findings.filter(
      (f) => f.rule.startsWith('certificates.') && f.component.startsWith('linkerd'),
    );
    expect(findings.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
  });

  it('refuses an identity issuer that would outlive its anchor (the certificate rules)', async () => {
    const { rendered } = await render({
      controlPlane: {
        trustAnchors: [{ name: 'linkerd-trust-anchor', duration: '78840h', renewBefore: '720h' }],
      },
    });
    const rules = runPolicies(rendered).findings.filter((f) => f.rule === 'certificates.ca-outlives-signed');
    expect(rules.map((f) => f.message).join('\n')).toContain('linkerd-identity-issuer');
  });

  it('uses the upstream HA values when highAvailability is set, and single replicas otherwise', async () => {
    const values = async (config?: LinkerdComponentsConfig) =>
      applicationSetElement((await render(config)).rendered, 'linkerd-control-plane').sources[0]!.helm!.valuesObject;
    const ha = await values({ controlPlane: { highAvailability: true } });
    expect(ha).toMatchObject({
      controllerReplicas: 3,
      enablePodAntiAffinity: true,
      enablePodDisruptionBudget: true,
      webhookFailurePolicy: 'Fail',
      deploymentStrategy: { rollingUpdate: { maxUnavailable: 1 } },
      destinationResources: { cpu: { request: '100m' }, memory: { request: '50Mi', limit: '250Mi' } },
      identity: { externalCA: true, issuer: { scheme: 'kubernetes.io/tls' } },
      cniEnabled: true,
    });
    const single = await values();
    expect(single).toMatchObject({
      controllerReplicas: 1,
      enablePodDisruptionBudget: false,
      webhookFailurePolicy: 'Ignore',
    });
  });

  it('provides the mesh the core follows: meshed namespaces are annotated and open the proxy and control-plane ports', async () => {
    const { objects, rendered } = await render();
    const trustManagerNs = objects('trust-manager').namespace as INamespace;
    expect(trustManagerNs.metadata!.annotations).toEqual({ 'linkerd.io/inject': 'enabled' });
    const egress = objects('trust-manager').networkpolicy_allow_mesh_control_plane as INetworkPolicy;
    expect(egress.spec!.egress).toEqual([
      {
        to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'linkerd' } } }],
        ports: [8080, 8086, 8090].map((port) => ({ port, protocol: 'TCP' })),
      },
    ]);
    // The control plane's namespace: outside the mesh, labelled as `linkerd install` does.
    const system = objects('linkerd-crds').namespace as INamespace;
    expect(system.metadata!.labels).toMatchObject({
      'config.linkerd.io/admission-webhooks': 'disabled',
      'linkerd.io/is-control-plane': 'true',
      'linkerd.io/control-plane-ns': 'linkerd',
      'pod-security.kubernetes.io/enforce': 'restricted',
    });
    expect(system.metadata!.annotations!['linkerd.io/inject']).toBe('disabled');
    // The CNI plugin is a node agent: privileged, hence outside the mesh.
    const cni = objects('linkerd-cni').namespace as INamespace;
    expect(cni.metadata!.labels!['pod-security.kubernetes.io/enforce']).toBe('privileged');
    expect(cni.metadata!.annotations!['linkerd.io/inject']).toBe('disabled');
    // No mTLS exceptions: Linkerd's default inbound policy admits unmeshed callers.
    expect(rendered.objects.filter((o) => o.object.kind === 'PeerAuthentication')).toEqual([]);
  });

  it('alerts with severity, team and runbook on its known failure modes', async () => {
    const { objects } = await render();
    const rule = objects('linkerd-control-plane').alerts_prometheusrule as IPrometheusRule;
    const rules = rule.spec!.groups!.flatMap((g) => g.rules ?? []);
    expect(rules.map((r) => r.alert)).toContain('LinkerdTrustAnchorExpiresSoon');
    for (const r of rules) {
      expect(r.labels).toMatchObject({ team: 'platform' });
      expect(['warning', 'critical']).toContain(r.labels!.severity);
      expect(r.annotations!.runbook_url).toContain('packages/linkerd/README.md');
    }
  });

  it('reports mistakes with their paths: another mesh, an unknown issuing anchor, bad lifetimes', async () => {
    const wrongMesh = await renderError(environment(), { settings: { ...settings, mesh: 'none' } });
    expect(wrongMesh).toContain('linkerd-control-plane › settings.mesh');
    const message = await renderError(
      environment({
        controlPlane: { issuingAnchor: 'nope', identityIssuer: { duration: 'soon' }, replicas: 0 },
      }),
      { settings },
    );
    expect(message).toContain('issuingAnchor: expected the name of a trust anchor (linkerd-trust-anchor), got "nope"');
    expect(message).toContain('identityIssuer.duration');
    expect(message).toContain('replicas: expected a whole number of at least 1, got 0');
  });

  it('adds linkerd-viz on request: meshed, its tap APIs on platform-CA certificates, scraping every proxy', async () => {
    const { objects, rendered } = await renderForTest([...environment(), linkerdViz({ replicas: 2 })], { settings });
    const viz = objects('linkerd-viz');
    const namespace = viz.namespace as INamespace;
    expect(namespace.metadata!.labels!['linkerd.io/extension']).toBe('viz');
    expect(namespace.metadata!.annotations).toEqual({ 'linkerd.io/inject': 'enabled' });
    expect((viz.tap_certificate as ICertificate).spec).toMatchObject({
      secretName: 'tap-k8s-tls',
      dnsNames: ['tap.linkerd-viz.svc'],
    });
    const values = applicationSetElement(rendered, 'linkerd-viz').sources[0]!.helm!.valuesObject;
    expect(values).toMatchObject({
      linkerdNamespace: 'linkerd',
      createNamespaceMetadataJob: false,
      enablePodDisruptionBudget: true,
      tap: { replicas: 2, externalSecret: true, injectCaFrom: 'linkerd-viz/tap' },
      tapInjector: { externalSecret: true, injectCaFrom: 'linkerd-viz/tap-injector' },
      prometheus: { enabled: true, resources: { memory: { request: '300Mi', limit: '8Gi' } } },
    });
    const scrape = viz.networkpolicy_allow_scrape_proxies as INetworkPolicy;
    expect(scrape.spec!.egress![0]!.ports).toContainEqual({ port: 4191, protocol: 'TCP' });
  });
});
