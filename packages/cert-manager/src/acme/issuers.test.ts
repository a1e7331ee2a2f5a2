import { ConfigChecks, defineComponent } from '@platform/core';
import { renderForTest } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import type { IClusterIssuer } from '../kinds.js';
import { CERT_MANAGER_KINDS } from '../kinds.js';
import {
  ACME_DEFAULTS,
  type AcmeIssuersConfig,
  acmeClusterIssuers,
  acmeCredential,
  acmePublicIssuer,
  checkAcmeIssuers,
} from './index.js';

/** A component wired as the wiring lines of the README wire cert-manager, for rendering the issuers alone. */
const acme = defineComponent({
  name: 'cert-manager',
  tier: 'operators',
  defaults: { letsEncrypt: ACME_DEFAULTS },
  provides: ({ name, namespace, config }) =>
    config.letsEncrypt.enabled
      ? { publicCertificateIssuer: acmePublicIssuer({ name, namespace }, config.letsEncrypt) }
      : {},
  build: (context) =>
    context.config.letsEncrypt.enabled ? acmeClusterIssuers(context, context.config.letsEncrypt) : {},
  kinds: CERT_MANAGER_KINDS,
});

const base: Partial<AcmeIssuersConfig> = { enabled: true, email: 'platform@example.com' };
const clusterApis = ['ClusterIssuer', 'Certificate'].map((kind) => ({ group: 'cert-manager.io', kind }));

async function issuers(letsEncrypt: Partial<AcmeIssuersConfig>) {
  const { objects, rendered } = await renderForTest([acme({ letsEncrypt })], { clusterApis });
  return { objects: objects('cert-manager'), rendered };
}

describe("Let's Encrypt issuers", () => {
  it('render staging and production alike but for server and account key, validated against the CRD', async () => {
    const { objects } = await issuers({ ...base, http01: { ingressClassName: 'traefik' } });
    const staging = objects.letsencrypt_staging_clusterissuer as IClusterIssuer;
    const production = objects.letsencrypt_clusterissuer as IClusterIssuer;
    expect(staging.spec.acme).toEqual({
      server: 'https://acme-staging-v02.api.letsencrypt.org/directory',
      email: 'platform@example.com',
      privateKeySecretRef: { name: 'letsencrypt-staging-account-key' },
      solvers: [{ http01: { ingress: { ingressClassName: 'traefik' } } }],
    });
    expect(production.spec.acme?.server).toBe('https://acme-v02.api.letsencrypt.org/directory');
    expect(production.spec.acme?.solvers).toEqual(staging.spec.acme?.solvers);
  });

  it('answer DNS-01 for the zones through the same provider as external-dns, and HTTP-01 for the rest', async () => {
    const { objects } = await issuers({
      ...base,
      dns01: {
        type: 'route53',
        region: 'eu-west-1',
        hostedZoneIds: ['Z123'],
        auth: { type: 'irsa', roleArn: 'arn:aws:iam::123456789012:role/cm' },
      },
      http01: { gateway: { name: 'edge', namespace: 'gateway', sectionName: 'http' } },
    });
    expect((objects.letsencrypt_clusterissuer as IClusterIssuer).spec.acme?.solvers).toEqual([
      {
        selector: { dnsZones: ['test.example.com'] },
        dns01: { route53: { region: 'eu-west-1', hostedZoneID: 'Z123' } },
      },
      {
        http01: {
          gatewayHTTPRoute: {
            parentRefs: [
              {
                group: 'gateway.networking.k8s.io',
                kind: 'Gateway',
                name: 'edge',
                namespace: 'gateway',
                sectionName: 'http',
              },
            ],
          },
        },
      },
    ]);
  });

  it('read Cloudflare tokens and TSIG secrets from Secrets an ExternalSecret delivers, never inline', async () => {
    const tsig = {
      keyName: 'acme',
      algorithm: 'hmac-sha256' as const,
      secret: { key: 'platform/lab/tsig', property: 'secret' },
    };
    const { objects, rendered } = await issuers({
      ...base,
      dns01: { type: 'rfc2136', nameserver: '192.0.2.53:53', zone: 'lab.example.com', tsig },
    });
    expect((objects.letsencrypt_clusterissuer as IClusterIssuer).spec.acme?.solvers?.[0]?.dns01).toEqual({
      rfc2136: {
        nameserver: '192.0.2.53:53',
        tsigKeyName: 'acme',
        tsigAlgorithm: 'HMACSHA256',
        tsigSecretSecretRef: { name: 'acme-rfc2136', key: 'tsig-secret' },
      },
    });
    expect(acmeCredential({ type: 'rfc2136', nameserver: '192.0.2.53:53', zone: 'lab.example.com', tsig })).toEqual({
      secret: 'acme-rfc2136',
      key: 'tsig-secret',
      stored: { key: 'platform/lab/tsig', property: 'secret' },
    });
    expect(acmeCredential({ type: 'cloudflare', apiToken: { key: 'platform/prod/cloudflare' } })?.secret).toBe(
      'acme-cloudflare',
    );
    expect(rendered.objects.some((o) => o.object.kind === 'Secret')).toBe(false);
  });

  it('publish the issuer the environment uses, with wildcards only when DNS-01 is there', async () => {
    const { rendered } = await issuers({ ...base, use: 'staging', http01: { ingressClassName: 'traefik' } });
    expect(rendered.provided.get('cert-manager')?.publicCertificateIssuer).toEqual({
      component: 'cert-manager',
      namespace: 'cert-manager',
      issuerRef: { name: 'letsencrypt-staging', kind: 'ClusterIssuer', group: 'cert-manager.io' },
      wildcards: false,
    });
  });

  it('report a missing contact address and solver with their paths', () => {
    const checks = new ConfigChecks();
    checkAcmeIssuers('letsEncrypt', { ...ACME_DEFAULTS, enabled: true }, checks);
    expect(() => checks.done()).toThrow(
      [
        `letsEncrypt.email: Let's Encrypt needs a contact address for the account, got ""`,
        'letsEncrypt: an ACME issuer needs a solver: dns01 (the DNS provider, for wildcards) or http01 (the edge), or both',
      ].join('\n'),
    );
  });
});
