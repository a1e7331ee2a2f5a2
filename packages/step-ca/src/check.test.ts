import { certManager } from '@platform/cert-manager';
import { renderError } from '@platform/core/testing';
import { TEST_LEAF_PEM, TEST_ROOT_PEM } from '@platform/pki/testing';
import { describe, expect, it } from 'vitest';
import { environment, PROVISIONER_JWE, PROVISIONER_KEY } from './fixtures.test-helpers.js';
import { stepCa } from './index.js';

describe('step-ca configuration', () => {
  it('requires the ceremony outputs: the root certificate, the provisioner key and its encrypted private key', async () => {
    const [manager, secrets] = environment();
    const message = await renderError([manager!, secrets!, stepCa({ issuerProvisioner: { encryptedKey: 'abc' } })]);
    expect(message).toContain("root.certificate: the offline root's certificate (PEM) is required");
    expect(message).toContain("issuerProvisioner.key: the JWK provisioner's public key (with kty and kid) is required");
    expect(message).toContain('issuerProvisioner.encryptedKey: expected the JWE compact serialization');
  });

  it('checks the root certificate itself: a self-signed CA whose real lifetime is the declared one', async () => {
    expect(await renderError(environment({ root: { certificate: TEST_LEAF_PEM } }))).toContain(
      'root.certificate: CN=leaf.example.com is not a self-signed CA certificate',
    );
    expect(await renderError(environment({ root: { duration: '87600h', renewBefore: '52560h' } }))).toContain(
      'root.duration: the root certificate is valid for 175200h, not 87600h; declare its real lifetime',
    );
  });

  it('nests lifetimes: no intermediate outlives the root, no leaf outlives the intermediate', async () => {
    const message = await renderError(
      environment({ root: { renewBefore: '8760h' }, intermediate: { renewBefore: '720h' } }),
    );
    expect(message).toContain(
      'root.renewBefore: must be at least the intermediate\'s lifetime plus 7 days (43968h), so no intermediate made before the root\'s rotation outlives the root; got "8760h"',
    );
    expect(message).toContain(
      'intermediate.renewBefore: must be at least the longest certificate step-ca signs (2160h) plus 7 days (2328h)',
    );
    expect(message).toContain('alerts.expiryDays.warning: must be fewer days than intermediate.renewBefore (30 days)');
  });

  it('checks durations, claims, names and alert thresholds with their paths', async () => {
    const message = await renderError(
      environment({
        intermediate: { duration: '5y' },
        issuerProvisioner: { claims: { minTLSCertDuration: '48h', defaultTLSCertDuration: '24h' } },
        dnsNames: ['CA.Example.com'],
        alerts: { expiryDays: { warning: 5, critical: 7 } },
        storage: { size: '2 GB' },
      }),
    );
    expect(message).toContain('intermediate.duration: expected a Go duration such as "43800h", got "5y"');
    expect(message).toContain(
      'issuerProvisioner.claims: needs minTLSCertDuration ≤ defaultTLSCertDuration ≤ maxTLSCertDuration',
    );
    expect(message).toContain('dnsNames[0]: expected a lower-case host name');
    expect(message).toContain('alerts.expiryDays.warning: expected a whole number of at least 8, got 5');
    expect(message).toContain('storage.size: expected a Kubernetes quantity');
  });

  it('needs a secret store for its bootstrap material', async () => {
    const lonely = stepCa({
      root: { certificate: TEST_ROOT_PEM },
      issuerProvisioner: { key: PROVISIONER_KEY, encryptedKey: PROVISIONER_JWE },
    });
    expect(await renderError([certManager(), lonely])).toContain('needs a component that provides "secretStore"');
  });
});
