import { certManager } from '@platform/cert-manager';
import { renderForTest } from '@platform/core/testing';
import { externalSecrets } from '@platform/external-secrets';
import { istio } from '@platform/istio';
import {
  bundleRoots,
  caExpiriesApartRule,
  certificateCalendar,
  certificateRoot,
  formatCertificateCalendar,
  trustBundleNamespaceRule,
} from '@platform/pki';
import { TEST_ROOT_PEM } from '@platform/pki/testing';
import { stepCa } from '@platform/step-ca';
import { trustedNamespaces, trustManager } from '@platform/trust-manager';
import { describe, expect, it } from 'vitest';
import { istioCsr } from './index.js';

// The ceremony's provisioner outputs, shaped as step writes them (made for these tests).
const key = {
  kty: 'EC',
  crv: 'P-256',
  kid: 'VkpKUP3mHskblVTyH93DJdkKlI0Wf_xjVgLHEB_M2ZU',
  x: 'tYE_bIlIdO9BAto3b25qP6z5-nMC7g2ooWgoT7PP1KU',
  y: 'izHFLR_TXRl9I6QhU6z5IYpX8eBnZb3nKRPLl3MlvZg',
};
const encryptedKey = `${'a'.repeat(40)}.${'b'.repeat(40)}.${'c'.repeat(16)}.${'d'.repeat(80)}.${'e'.repeat(22)}`;

async function internalPki() {
  const [istioBase, istiod] = istio();
  return renderForTest(
    [
      certManager(),
      externalSecrets({ store: { server: 'https://openbao.openbao.svc:8200' } }),
      trustManager(),
      stepCa({ root: { certificate: TEST_ROOT_PEM }, issuerProvisioner: { key, encryptedKey } }),
      istioBase,
      istioCsr(),
      istiod.after('istio-csr'),
    ],
    { mixins: [trustedNamespaces()] },
  );
}

describe('the internal PKI with its defaults', () => {
  it('keeps every CA expiry at least 30 days from every other for 20 years, and prints the calendar', async () => {
    const { rendered } = await internalPki();
    const found: string[] = [];
    caExpiriesApartRule.check(rendered, (f) => found.push(f.message), {});
    expect(found).toEqual([]);
    const calendar = certificateCalendar(rendered);
    expect(calendar.entries.filter((e) => e.role !== 'leaf').map((e) => e.name)).toEqual([
      'Certificate istio-system/istio-ca',
      'step-ca intermediate',
      'Certificate cert-manager/platform-root-ca',
      'step-ca root',
    ]);
    expect(formatCertificateCalendar(calendar)).toContain('Istio workload certificates');
  });

  it("distributes, in one bundle, the roots every issuer's certificates chain to; pods mounting it are in labelled namespaces", async () => {
    const { rendered, objects } = await internalPki();
    const roots = bundleRoots(rendered, 'cert-manager').get('platform-trust-bundle')!;
    expect([...roots].sort()).toEqual(['anchor:step-ca/step-ca root', 'certificate:cert-manager/platform-root-ca']);
    const mesh = objects('istio-csr').mesh_ca_certificate as never;
    expect(roots.has(certificateRoot(rendered, mesh)!)).toBe(true);
    const viaStep = {
      apiVersion: 'cert-manager.io/v1',
      kind: 'Certificate',
      metadata: { name: 'x', namespace: 'x' },
      spec: {
        secretName: 'x',
        issuerRef: { name: 'step-ca', kind: 'StepClusterIssuer', group: 'certmanager.step.sm' },
      },
    };
    expect(roots.has(certificateRoot(rendered, viaStep as never)!)).toBe(true);
    const found: string[] = [];
    trustBundleNamespaceRule.check(rendered, (f) => found.push(f.message), {});
    expect(found).toEqual([]);
  });
});
