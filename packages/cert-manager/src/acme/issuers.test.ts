import type { INetworkPolicy } from '@platform/core';
import { ConfigChecks } from '@platform/core';
import { applicationSetElement, renderError, renderForTest } from '@platform/core/testing';
import { externalSecrets, type IExternalSecret } from '@platform/external-secrets';
import { describe, expect, it } from 'vitest';
import { certManager } from '../index.js';
import type { IClusterIssuer } from '../kinds.js';
import { checkAcmeIssuers } from './check.js';
import { ACME_DEFAULTS, type AcmeIssuersConfig } from './config.js';
import { acmeCredential } from './credentials.js';

const base: Partial<AcmeIssuersConfig> = { enabled: true, email: 'platform@example.com' };
const store = () => externalSecrets({ store: { server: 'https://vault.example.com:8200' } });

async function issuers(letsEncrypt: Partial<AcmeIssuersConfig>) {
  const { objects, rendered } = await renderForTest([store(), certManager({ letsEncrypt })]);
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
    const delivered = objects.acme_dns_credential_externalsecret as IExternalSecret;
    expect(delivered.metadata).toMatchObject({ name: 'acme-rfc2136', namespace: 'cert-manager' });
    expect(delivered.spec!.data).toEqual([
      { secretKey: 'tsig-secret', remoteRef: { key: 'platform/lab/tsig', property: 'secret' } },
    ]);
  });

  it('need the environment secret store for a DNS credential', async () => {
    const message = await renderError([
      certManager({ letsEncrypt: { ...base, dns01: { type: 'cloudflare', apiToken: { key: 'platform/prod/cf' } } } }),
    ]);
    expect(message).toContain(
      `needs a component that provides "secretStore" (the cloudflare credential of Let's Encrypt's DNS-01 solver)`,
    );
  });

  it('put the Route53 IRSA role on the controller ServiceAccount and open egress to ACME and DNS', async () => {
    const { objects, rendered } = await issuers({
      ...base,
      dns01: { type: 'route53', region: 'eu-west-1', auth: { type: 'irsa', roleArn: 'arn:aws:iam::1:role/cm' } },
    });
    const values = applicationSetElement(rendered, 'cert-manager').sources[0]!.helm!.valuesObject;
    expect(values.serviceAccount).toEqual({ annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::1:role/cm' } });
    const egress = objects.networkpolicy_allow_acme as INetworkPolicy;
    expect(egress.spec!.podSelector).toEqual({ matchLabels: { 'app.kubernetes.io/component': 'controller' } });
    expect(egress.spec!.egress![0]!.ports!.map((p) => `${p.port}/${p.protocol}`)).toEqual([
      '443/TCP',
      '80/TCP',
      '53/UDP',
      '53/TCP',
    ]);
    const off = await renderForTest([certManager()]);
    expect(off.objects('cert-manager').networkpolicy_allow_acme).toBeUndefined();
    expect(off.objects('cert-manager').letsencrypt_clusterissuer).toBeUndefined();
    expect(off.rendered.provided.get('cert-manager')?.publicCertificateIssuer).toBeUndefined();
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

  it('report a missing contact address and solver with their paths', async () => {
    expect(await renderError([certManager({ letsEncrypt: { enabled: true } })])).toContain(
      `cert-manager › letsEncrypt.email: Let's Encrypt needs a contact address for the account`,
    );
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
