import { describe, expect, it } from 'vitest';
import { certificate, DEFAULT_DURATION, DEFAULT_RENEW_BEFORE } from './certificate.js';

describe('certificate()', () => {
  it('defaults to 90 days, renewal 30 days ahead, ECDSA P-256 rotated keys, signed by the platform CA', () => {
    const cert = certificate({ name: 'grafana-tls', namespace: 'grafana', dnsNames: ['grafana.example.com'] });
    expect(DEFAULT_DURATION).toBe('2160h');
    expect(DEFAULT_RENEW_BEFORE).toBe('720h');
    expect(cert).toEqual({
      apiVersion: 'cert-manager.io/v1',
      kind: 'Certificate',
      metadata: { name: 'grafana-tls', namespace: 'grafana' },
      spec: {
        secretName: 'grafana-tls',
        dnsNames: ['grafana.example.com'],
        duration: '2160h',
        renewBefore: '720h',
        privateKey: { algorithm: 'ECDSA', size: 256, rotationPolicy: 'Always' },
        issuerRef: { name: 'platform-ca', kind: 'ClusterIssuer', group: 'cert-manager.io' },
      },
    });
  });

  it('takes an issuer, lifetime, usages and secret name', () => {
    const cert = certificate({
      name: 'mimir-client',
      namespace: 'mimir',
      commonName: 'mimir',
      secretName: 'mimir-client-tls',
      duration: '720h',
      renewBefore: '240h',
      usages: ['client auth'],
      issuerRef: { name: 'vault', kind: 'Issuer', group: 'cert-manager.io' },
      component: 'mimir',
    });
    expect(cert.spec).toMatchObject({
      secretName: 'mimir-client-tls',
      duration: '720h',
      renewBefore: '240h',
      usages: ['client auth'],
      issuerRef: { name: 'vault', kind: 'Issuer' },
    });
    expect(cert.metadata!.labels).toMatchObject({ 'app.kubernetes.io/part-of': 'mimir' });
  });

  it('rejects what cert-manager would reject, naming each problem', () => {
    expect(() => certificate({ name: 'x', namespace: 'n', dnsNames: ['a'], duration: '30m' })).toThrow(
      'Certificate/x › spec.duration: cert-manager requires at least 1h, got "30m"',
    );
    expect(() =>
      certificate({ name: 'x', namespace: 'n', dnsNames: ['a'], duration: '24h', renewBefore: '48h' }),
    ).toThrow('Certificate/x › spec.renewBefore: must be shorter than duration (24h), got "48h"');
    expect(() => certificate({ name: 'x', namespace: 'n', dnsNames: ['a'], renewBefore: '30d' })).toThrow(
      'spec.renewBefore: expected a Go duration',
    );
    expect(() => certificate({ name: 'x', namespace: 'n' })).toThrow(
      'a certificate needs at least one of dnsNames, ipAddresses, uris or commonName',
    );
  });
});
