import { unknownValuePaths } from '@platform/core';
import { renderError } from '@platform/core/testing';
import { EDGE_TEST_CLUSTER_APIS, fakeIssuer, renderEdgeTest, shop } from '@platform/edge/testing';
import { describe, expect, it } from 'vitest';
import { CHART, traefik, traefikRoutes } from './index.js';
import type { TraefikValues } from './values.js';

async function values(...components: Parameters<typeof renderEdgeTest>[0]) {
  const { rendered } = await renderEdgeTest(components);
  return rendered.components.find((c) => c.name === 'traefik')!.helm!.values as TraefikValues;
}

describe('traefik chart values', () => {
  it('redirect HTTP to HTTPS below every other router, and harden TLS and the CRD provider', async () => {
    const v = await values(traefik());
    expect(v.ports.web.http.redirections.entryPoint).toEqual({
      to: 'websecure',
      scheme: 'https',
      permanent: true,
      priority: 1,
    });
    expect(v.core).toEqual({ strictTLSOptions: true });
    expect(v.providers.kubernetesCRD).toEqual({
      enabled: true,
      allowCrossNamespace: false,
      defaultTLSResourcesNamespace: 'traefik',
    });
    expect(v.ingressClass).toEqual({ enabled: true, isDefaultClass: false, name: 'traefik' });
    expect(v.global).toEqual({ checkNewVersion: false, sendAnonymousUsage: false });
  });

  it('log access as JSON to stdout without request headers, and expose metrics with a ServiceMonitor', async () => {
    const v = await values(traefik());
    expect(v.accessLog).toEqual({ enabled: true, format: 'json', fields: { headers: { defaultMode: 'drop' } } });
    expect(v.log).toEqual({ level: 'INFO', format: 'json' });
    expect(v.metrics.prometheus).toEqual({ service: { enabled: true }, serviceMonitor: { enabled: true } });
  });

  it('run replicated with a PodDisruptionBudget and spread over zones and nodes', async () => {
    const v = await values(traefik({ replicas: 3 }));
    expect(v.deployment.replicas).toBe(3);
    expect(v.podDisruptionBudget).toEqual({ enabled: true, maxUnavailable: 1 });
    expect(v.topologySpreadConstraints.map((c) => c.topologyKey)).toEqual([
      'topology.kubernetes.io/zone',
      'kubernetes.io/hostname',
    ]);
    expect(v.topologySpreadConstraints[0]!.labelSelector.matchLabels).toEqual({
      'app.kubernetes.io/name': 'traefik',
      'app.kubernetes.io/instance': 'traefik-traefik',
    });
  });

  it("annotate the LoadBalancer Service for the provider, and publish the balancer's DNS name", async () => {
    const v = await values(
      traefik({
        loadBalancer: {
          provider: { type: 'aws-nlb', scheme: 'internet-facing', targetType: 'ip', crossZone: true },
          sourceRanges: ['203.0.113.0/24'],
        },
      }),
    );
    expect(v.service).toEqual({
      annotations: {
        'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
        'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
        'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
        'service.beta.kubernetes.io/aws-load-balancer-target-group-attributes': 'preserve_client_ip.enabled=true',
        'service.beta.kubernetes.io/aws-load-balancer-attributes': 'load_balancing.cross_zone.enabled=true',
        'external-dns.alpha.kubernetes.io/hostname': 'edge.test.example.com',
      },
      spec: { type: 'LoadBalancer', externalTrafficPolicy: 'Local', loadBalancerSourceRanges: ['203.0.113.0/24'] },
    });
  });

  it('pull through the registry mirror', async () => {
    const { rendered } = await renderEdgeTest([traefik()], {
      settings: {
        baseDomain: 'test.example.com',
        objectStorage: { endpoint: 's3.eu-west-1.amazonaws.com', region: 'eu-west-1', bucketPrefix: 'acme-test' },
        imageRegistryMirror: 'registry.example.com/mirror',
      },
    });
    expect((rendered.components.find((c) => c.name === 'traefik')!.helm!.values as TraefikValues).image).toEqual({
      registry: 'registry.example.com/mirror/docker.io',
      repository: 'library/traefik',
    });
  });

  it('set only paths the pinned chart reads, in both route modes', async () => {
    for (const routes of ['ingressroute', 'gateway-api'] as const) {
      const v = await values(traefik({ routes, extraValues: { deployment: { minReadySeconds: 5 } } }));
      expect(unknownValuePaths(v, CHART.facts.valuePaths)).toEqual([]);
    }
    expect(unknownValuePaths({ service: { spek: {} } }, CHART.facts.valuePaths)).toEqual(['service.spek']);
  });
});

describe('traefik configuration', () => {
  it('reports mistakes with their paths', async () => {
    expect(
      await renderError([
        traefik({
          replicas: 1,
          internalSourceRanges: ['10.0.0.0/33'],
          loadBalancer: {
            externalTrafficPolicy: 'Cluster',
            provider: { type: 'aws-nlb', scheme: 'public' as 'internal', targetType: 'ip', crossZone: true },
          },
        }),
      ]),
    ).toBe(
      [
        'test › traefik › loadBalancer.provider.scheme: expected one of "internet-facing", "internal", got "public"',
        'test › traefik › internalSourceRanges[0]: expected a CIDR such as "10.0.0.0/8", got "10.0.0.0/33"',
        "test › traefik › loadBalancer.externalTrafficPolicy: internal routes admit clients by address, which Traefik sees only with 'Local' (with 'Cluster' every request comes from a node)",
        'test › traefik › replicas: a PodDisruptionBudget with one replica blocks every node drain; run at least 2 or set podDisruptionBudget: false, got 1',
      ].join('\n'),
    );
  });

  it('renders routes only with a Traefik edge of the environment', async () => {
    expect(
      await renderError([fakeIssuer(), shop(), traefikRoutes()], { clusterApis: EDGE_TEST_CLUSTER_APIS }),
    ).toContain("traefik-routes renders the routes of the environment's edge");
  });
});
