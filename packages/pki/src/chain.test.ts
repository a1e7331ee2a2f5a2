import type { ICertificate } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate';
import { certificate, certManager } from '@platform/cert-manager';
import type { KubeObject, RenderedEnvironment } from '@platform/core';
import { renderForTest, stubComponent } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { bundleRoots, certificateRoot } from './index.js';

const ROOT_PEM = '-----BEGIN CERTIFICATE-----\nMIIBdzCCAR2gAwIBAgIQ\n-----END CERTIFICATE-----\n';
const STEP_ISSUER = { name: 'step-ca', kind: 'StepClusterIssuer', group: 'certmanager.step.sm' };

async function environment() {
  const web = certificate({ name: 'web', namespace: 'cert-manager', dnsNames: ['web.example.com'] });
  // An intermediate under the platform CA, and a leaf under an Issuer that signs with it.
  const mesh = certificate({
    name: 'mesh-ca',
    namespace: 'cert-manager',
    commonName: 'mesh',
    isCA: true,
    duration: '8760h',
    renewBefore: '2400h',
  });
  const meshIssuer = {
    apiVersion: 'cert-manager.io/v1',
    kind: 'Issuer',
    metadata: { name: 'mesh-ca', namespace: 'cert-manager' },
    spec: { ca: { secretName: 'mesh-ca' } },
  };
  const workload = certificate({
    name: 'workload',
    namespace: 'cert-manager',
    dnsNames: ['w.example.com'],
    issuerRef: { name: 'mesh-ca', kind: 'Issuer', group: 'cert-manager.io' },
  });
  const stepped = certificate({
    name: 'stepped',
    namespace: 'cert-manager',
    dnsNames: ['s.example.com'],
    issuerRef: STEP_ISSUER as never,
  });
  const { rendered, objects } = await renderForTest([
    certManager().addObjects({
      web_certificate: web,
      mesh_certificate: mesh,
      mesh_issuer: meshIssuer,
      workload_certificate: workload,
      stepped_certificate: stepped,
    }),
    stubComponent('step-ca', {
      trustAnchor: {
        component: 'step-ca',
        namespace: 'step-ca',
        name: 'step-ca root',
        certificate: ROOT_PEM,
        issuers: [STEP_ISSUER],
      },
    }),
  ]);
  return { rendered, o: objects('cert-manager') as Record<string, ICertificate> };
}

function withBundle(rendered: RenderedEnvironment, sources: unknown[]): RenderedEnvironment {
  const bundle = {
    apiVersion: 'trust.cert-manager.io/v1alpha1',
    kind: 'Bundle',
    metadata: { name: 'platform-trust-bundle' },
    spec: { sources },
  };
  return {
    ...rendered,
    objects: [
      ...rendered.objects,
      { component: 'trust-manager', key: 'bundle', object: bundle as KubeObject, path: '', yaml: '' },
    ],
  };
}

describe('certificateRoot()', () => {
  it('walks issuers and CA Secrets up to the self-signed root, through intermediates', async () => {
    const { rendered, o } = await environment();
    expect(certificateRoot(rendered, o.web_certificate!)).toBe('certificate:cert-manager/platform-root-ca');
    expect(certificateRoot(rendered, o.workload_certificate!)).toBe('certificate:cert-manager/platform-root-ca');
    expect(certificateRoot(rendered, o.root_ca_certificate!)).toBe('certificate:cert-manager/platform-root-ca');
  });

  it("ends an external issuer's chain at the trust anchor that declares it, and gives up outside the render", async () => {
    const { rendered, o } = await environment();
    expect(certificateRoot(rendered, o.stepped_certificate!)).toBe('anchor:step-ca/step-ca root');
    const stray = certificate({
      name: 'stray',
      namespace: 'x',
      dnsNames: ['x'],
      issuerRef: { name: 'vault', kind: 'ClusterIssuer', group: 'cert-manager.io' },
    });
    expect(certificateRoot(rendered, stray)).toBeUndefined();
  });
});

describe('bundleRoots()', () => {
  it('resolves Secret sources in the trust namespace, inline PEM to anchors, and the public roots', async () => {
    const { rendered } = await environment();
    const roots = bundleRoots(
      withBundle(rendered, [
        { secret: { name: 'platform-root-ca', key: 'ca.crt' } },
        { inLine: `# step-ca\n${ROOT_PEM}` },
        { useDefaultCAs: true },
      ]),
      'cert-manager',
    );
    expect([...roots.get('platform-trust-bundle')!].sort()).toEqual([
      'anchor:step-ca/step-ca root',
      'certificate:cert-manager/platform-root-ca',
      'public',
    ]);
    // A Secret read from another namespace is not the root's.
    expect([
      ...bundleRoots(withBundle(rendered, [{ secret: { name: 'platform-root-ca', key: 'ca.crt' } }]), 'trust').get(
        'platform-trust-bundle',
      )!,
    ]).toEqual([]);
  });
});
