import type { ICertificate } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate';
import type { IClusterIssuer } from '@kubernetes-models/cert-manager/cert-manager.io/v1/ClusterIssuer';
import type { IPrometheusRule, Severity } from '@platform/core';
import { describe, expect, it } from 'vitest';
import { findingsOf, render, web, webFinding } from '../test/fixtures.js';
import { certManagerSeconds } from './certificates.js';

function certificate(name: string, spec: Partial<NonNullable<ICertificate['spec']>>): ICertificate {
  return {
    apiVersion: 'cert-manager.io/v1',
    kind: 'Certificate',
    metadata: { name },
    spec: { secretName: name, issuerRef: { name: 'root', kind: 'ClusterIssuer', group: 'cert-manager.io' }, ...spec },
  };
}

const rootIssuer: IClusterIssuer = {
  apiVersion: 'cert-manager.io/v1',
  kind: 'ClusterIssuer',
  metadata: { name: 'root' },
  spec: { ca: { secretName: 'root-ca' } },
};
const selfSigned: IClusterIssuer = {
  apiVersion: 'cert-manager.io/v1',
  kind: 'ClusterIssuer',
  metadata: { name: 'self-signed' },
  spec: { selfSigned: {} },
};
const expiryAlert: IPrometheusRule = {
  apiVersion: 'monitoring.coreos.com/v1',
  kind: 'PrometheusRule',
  metadata: { name: 'certificates' },
  spec: {
    groups: [
      {
        name: 'certificates',
        rules: [
          {
            alert: 'CertificateExpiresSoon',
            expr: '(certmanager_certificate_expiration_timestamp_seconds - time()) < 7 * 86400',
            for: '1h',
          },
        ],
      },
    ],
  },
};
const rootCa = (renewBefore: string) =>
  certificate('root-ca', {
    isCA: true,
    commonName: 'root',
    duration: '87600h',
    renewBefore,
    issuerRef: { name: 'self-signed', kind: 'ClusterIssuer', group: 'cert-manager.io' },
  });
const leaf = certificate('web-tls', { dnsNames: ['web.web.svc'], duration: '2160h', renewBefore: '720h' });

const finding = (rule: string, object: string, path: string, message: string, severity: Severity = 'error') =>
  webFinding(rule, path, message, { object, severity });

describe('Go durations', () => {
  it('parse as cert-manager reads them', () => {
    expect(certManagerSeconds('2160h')).toBe(2160 * 3600);
    expect(certManagerSeconds('1h30m')).toBe(5400);
    expect(certManagerSeconds('1.5h')).toBe(5400);
    expect(certManagerSeconds('90d')).toBeUndefined();
    expect(certManagerSeconds('-1h')).toBeUndefined();
  });
});

describe('certificates.lifetime', () => {
  it('passes explicit duration and renewBefore, or renewBeforePercentage', async () => {
    const rendered = await render([
      web().addObjects({
        a_certificate: leaf,
        b_certificate: certificate('b', { dnsNames: ['b'], duration: '24h', renewBeforePercentage: 25 }),
      }),
    ]);
    expect(findingsOf(rendered, 'certificates.lifetime')).toEqual([]);
  });

  it('reports implicit lifetimes, unparsable durations and renewal not before expiry', async () => {
    const rendered = await render([
      web().addObjects({
        a_certificate: certificate('implicit', { dnsNames: ['a'] }),
        b_certificate: certificate('days', { dnsNames: ['b'], duration: '90d', renewBefore: '720h' }),
        c_certificate: certificate('late', { dnsNames: ['c'], duration: '720h', renewBefore: '720h' }),
      }),
    ]);
    expect(findingsOf(rendered, 'certificates.lifetime')).toEqual([
      finding(
        'certificates.lifetime',
        'Certificate/web/days',
        'spec.duration',
        'Certificate "days" has spec.duration "90d", which is not a duration cert-manager accepts (Go syntax such as 2160h or 1h30m)',
      ),
      finding(
        'certificates.lifetime',
        'Certificate/web/implicit',
        'spec.duration',
        'Certificate "implicit" sets no spec.duration (cert-manager would use 2160h)',
      ),
      finding(
        'certificates.lifetime',
        'Certificate/web/implicit',
        'spec.renewBefore',
        'Certificate "implicit" sets neither spec.renewBefore nor spec.renewBeforePercentage (cert-manager would renew when a third of the lifetime is left)',
      ),
      finding(
        'certificates.lifetime',
        'Certificate/web/late',
        'spec.renewBefore',
        'Certificate "late" renews 720h before expiry, which is not shorter than spec.duration (720h)',
      ),
    ]);
  });
});

describe('certificates.ca-outlives-signed', () => {
  it('passes when the CA is renewed at least one signed lifetime plus a week before it expires', async () => {
    const rendered = await render([
      web().addObjects({
        self_clusterissuer: selfSigned,
        root_clusterissuer: rootIssuer,
        root_certificate: rootCa('8760h'),
        web_certificate: leaf,
      }),
    ]);
    expect(findingsOf(rendered, 'certificates.ca-outlives-signed')).toEqual([]);
  });

  it("reports a certificate that can outlive the CA signing it (found through the ClusterIssuer's ca.secretName)", async () => {
    const rendered = await render([
      web().addObjects({
        self_clusterissuer: selfSigned,
        root_clusterissuer: rootIssuer,
        root_certificate: rootCa('720h'),
        web_certificate: leaf,
      }),
    ]);
    expect(findingsOf(rendered, 'certificates.ca-outlives-signed')).toEqual([
      finding(
        'certificates.ca-outlives-signed',
        'Certificate/web/web-tls',
        'spec.duration',
        'Certificate "web/web-tls" is signed by CA Certificate "web/root-ca" (through ClusterIssuer "root"), which is renewed 720h before it expires; a certificate issued just before that renewal lives 2160h and outlives its CA by 1440h. The CA\'s renewBefore must be at least this duration plus 168h (2328h)',
      ),
    ]);
  });
});

describe('certificates.ca-expiry-spread', () => {
  const ca = (name: string, duration: string) =>
    certificate(name, {
      isCA: true,
      commonName: name,
      duration,
      renewBefore: '2000h',
      issuerRef: { name: 'self-signed', kind: 'ClusterIssuer', group: 'cert-manager.io' },
    });

  it('passes CA durations at least a week apart', async () => {
    const rendered = await render([
      web().addObjects({
        self_clusterissuer: selfSigned,
        a_certificate: ca('a-ca', '8760h'),
        b_certificate: ca('b-ca', '8928h'),
      }),
    ]);
    expect(findingsOf(rendered, 'certificates.ca-expiry-spread')).toEqual([]);
  });

  it('warns about two CAs that would expire within the same week', async () => {
    const rendered = await render([
      web().addObjects({
        self_clusterissuer: selfSigned,
        a_certificate: ca('a-ca', '8760h'),
        b_certificate: ca('b-ca', '8800h'),
      }),
    ]);
    expect(findingsOf(rendered, 'certificates.ca-expiry-spread')).toEqual([
      finding(
        'certificates.ca-expiry-spread',
        'Certificate/web/b-ca',
        'spec.duration',
        'CA Certificate "web/b-ca" (duration 8800h) expires within a week of CA Certificate "web/a-ca" (duration 8760h) when both are issued at the first sync; make their durations differ by at least 168h',
        'warn',
      ),
    ]);
  });
});

describe('certificates.expiry-alert', () => {
  it('passes when a PrometheusRule watches certificate expiry, or when there are no certificates', async () => {
    expect(
      findingsOf(
        await render([web().addObjects({ web_certificate: leaf, certificates_prometheusrule: expiryAlert })]),
        'certificates.expiry-alert',
      ),
    ).toEqual([]);
    expect(findingsOf(await render([web()]), 'certificates.expiry-alert')).toEqual([]);
  });

  it('reports certificates without an expiry alert', async () => {
    expect(
      findingsOf(await render([web().addObjects({ web_certificate: leaf })]), 'certificates.expiry-alert'),
    ).toEqual([
      {
        rule: 'certificates.expiry-alert',
        severity: 'error',
        environment: 'test',
        component: '_environment',
        message:
          'the environment renders 1 Certificate but no PrometheusRule whose expression uses certmanager_certificate_expiration_timestamp_seconds',
      },
    ]);
  });
});
