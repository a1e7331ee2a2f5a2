import { contour, contourRoutes } from '@platform/contour';
import { unknownValuePaths } from '@platform/core';
import { renderError } from '@platform/core/testing';
import { ingressEdge } from '@platform/edge';
import {
  checkFindings,
  EDGE_TEST_CLUSTER_APIS,
  fakeIssuer,
  fakeSecretStore,
  renderEdgeTest,
  shop,
} from '@platform/edge/testing';
import { gateway, gatewayApiCrds, gatewayRoutes } from '@platform/gateway-api';
import { traefik, traefikRoutes } from '@platform/traefik';
import { describe, expect, it } from 'vitest';
import { CHART, externalDns } from './index.js';
import type { ExternalDnsValues } from './values.js';

const route53 = {
  type: 'route53' as const,
  region: 'eu-west-1',
  auth: { type: 'irsa' as const, roleArn: 'arn:aws:iam::123456789012:role/external-dns-test' },
};

async function render(components: Parameters<typeof renderEdgeTest>[0]) {
  const result = await renderEdgeTest(components);
  return {
    ...result,
    values: result.rendered.components.find((c) => c.name === 'external-dns')!.helm!.values as ExternalDnsValues,
  };
}

describe('external-dns', () => {
  it('manages Route53 with IRSA, an owner id per environment and the domains of the environment', async () => {
    const { values } = await render([
      fakeIssuer(),
      shop({ routes: 'public' }),
      traefik(),
      traefikRoutes(),
      externalDns({ provider: route53, policy: 'sync' }),
    ]);
    expect(values).toMatchObject({
      serviceAccount: {
        annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/external-dns-test' },
      },
      env: [{ name: 'AWS_REGION', value: 'eu-west-1' }],
      provider: { name: 'aws' },
      policy: 'sync',
      registry: 'txt',
      txtOwnerId: 'test-test',
      domainFilters: ['test.example.com'],
      extraArgs: { 'aws-zone-type': 'public' },
    });
    expect(unknownValuePaths(values, CHART.facts.valuePaths)).toEqual([]);
  });

  it('watches the sources of whatever edge the environment has', async () => {
    const sources = async (edge: Parameters<typeof renderEdgeTest>[0]) =>
      (
        await render([
          fakeIssuer(),
          fakeIssuer({ kind: 'ca' }).named('platform-ca'),
          shop({ routes: 'public' }),
          ...edge,
          externalDns({ provider: route53 }),
        ])
      ).values.sources;
    expect(await sources([traefik(), traefikRoutes()])).toEqual(['service', 'traefik-proxy']);
    expect(await sources([contour(), contourRoutes()])).toEqual(['contour-httpproxy']);
    expect(await sources([gatewayApiCrds(), traefik({ routes: 'gateway-api' }), gateway(), gatewayRoutes()])).toEqual([
      'gateway-httproute',
    ]);
    expect(await sources([ingressEdge()])).toEqual(['ingress']);
  });

  it('takes the Cloudflare token from the secret store into the environment, never into the render', async () => {
    const { values, objects, rendered } = await render([
      fakeSecretStore(),
      fakeIssuer(),
      shop({ routes: 'public' }),
      traefik(),
      traefikRoutes(),
      externalDns({
        provider: { type: 'cloudflare', apiToken: { key: 'platform/test/cloudflare', property: 'token' } },
      }),
    ]);
    expect(values.env).toEqual([
      { name: 'CF_API_TOKEN', valueFrom: { secretKeyRef: { name: 'external-dns-cloudflare', key: 'api-token' } } },
    ]);
    expect(objects('external-dns').credentials_externalsecret).toMatchObject({
      spec: {
        secretStoreRef: { name: 'platform-vault', kind: 'ClusterSecretStore' },
        data: [{ secretKey: 'api-token', remoteRef: { key: 'platform/test/cloudflare', property: 'token' } }],
      },
    });
    expect(rendered.objects.filter((o) => o.object.kind === 'Secret')).toEqual([]);
  });

  it('updates a self-hosted server over RFC 2136 with the TSIG secret in the environment, reaching only that server', async () => {
    const { values, objects } = await render([
      fakeSecretStore(),
      fakeIssuer({ kind: 'ca' }),
      shop({ routes: 'public' }),
      traefik(),
      traefikRoutes(),
      externalDns({
        provider: {
          type: 'rfc2136',
          nameserver: '192.0.2.53:53',
          zone: 'test.example.com',
          tsig: { keyName: 'external-dns', algorithm: 'hmac-sha256', secret: { key: 'platform/test/tsig' } },
        },
      }),
    ]);
    expect(values.extraArgs).toEqual({
      'rfc2136-host': '192.0.2.53',
      'rfc2136-port': '53',
      'rfc2136-zone': ['test.example.com'],
      'rfc2136-tsig-keyname': 'external-dns',
      'rfc2136-tsig-secret-alg': 'hmac-sha256',
      'rfc2136-tsig-axfr': true,
    });
    expect(values.env).toEqual([
      {
        name: 'EXTERNAL_DNS_RFC2136_TSIG_SECRET',
        valueFrom: { secretKeyRef: { name: 'external-dns-rfc2136', key: 'tsig-secret' } },
      },
    ]);
    expect(objects('external-dns').networkpolicy_allow_dns_provider).toMatchObject({
      spec: {
        egress: [
          {
            to: [{ ipBlock: { cidr: '192.0.2.53/32' } }],
            ports: [
              { port: 53, protocol: 'TCP' },
              { port: 53, protocol: 'UDP' },
            ],
          },
        ],
      },
    });
  });

  it("gives every route's host a DNS record source, end to end", async () => {
    const { rendered } = await render([
      fakeIssuer(),
      shop({ routes: 'public' }),
      traefik(),
      traefikRoutes(),
      externalDns({ provider: route53 }),
    ]);
    expect(checkFindings(rendered, ['external-dns', 'traefik', 'traefik-routes', 'shop'])).toEqual([]);
    const { rendered: without } = await renderEdgeTest([
      fakeIssuer(),
      shop({ routes: 'public' }),
      traefik(),
      traefikRoutes(),
    ]);
    expect(checkFindings(without, []).filter((f) => f.startsWith('edge.route-dns'))).toHaveLength(1);
  });

  it('reports configuration mistakes with their paths', async () => {
    expect(await renderError([externalDns()], { clusterApis: EDGE_TEST_CLUSTER_APIS })).toBe(
      "test › external-dns › provider: external-dns needs a DNS provider: { type: 'route53' | 'cloudflare' | 'rfc2136', ... }",
    );
    expect(
      await renderError(
        [
          externalDns({
            provider: { ...route53, region: 'europe', auth: { type: 'irsa', roleArn: 'role' } },
            interval: '1 minute',
          }),
        ],
        {
          clusterApis: EDGE_TEST_CLUSTER_APIS,
        },
      ),
    ).toBe(
      [
        'test › external-dns › provider.region: expected an AWS region such as "eu-west-1", got "europe"',
        'test › external-dns › provider.auth.roleArn: expected an IAM role ARN, got "role"',
        'test › external-dns › interval: expected a duration such as "30s", "15m" or "2160h", got "1 minute"',
      ].join('\n'),
    );
    expect(await renderError([externalDns({ provider: route53 })], { clusterApis: EDGE_TEST_CLUSTER_APIS })).toContain(
      'nothing to watch',
    );
  });
});
