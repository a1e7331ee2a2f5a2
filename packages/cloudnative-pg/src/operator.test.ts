import type { INetworkPolicy } from '@platform/core';
import { renderError, renderForTest } from '@platform/core/testing';
import { runPolicies } from '@platform/policy';
import { describe, expect, it } from 'vitest';
import { supportingComponents } from './fixtures.test-helpers.js';
import { barmanCloud, cloudnativePg, postgresCluster } from './index.js';

const mirrored = {
  settings: {
    baseDomain: 'test.example.com',
    objectStorage: { endpoint: 's3.eu-west-1.amazonaws.com', region: 'eu-west-1', bucketPrefix: 'acme-test' },
    imageRegistryMirror: 'registry.example.com/mirror',
    serviceMonitors: false,
  },
};

describe('cloudnativePg (the operator)', () => {
  it('installs the pinned chart with its CRDs, watching every namespace, spread and monitored', async () => {
    const { rendered } = await renderForTest([...supportingComponents()]);
    const operator = rendered.components.find((c) => c.name === 'cloudnative-pg')!;
    expect(operator.helm).toMatchObject({
      repoURL: 'https://cloudnative-pg.github.io/charts',
      chart: 'cloudnative-pg',
      version: '0.29.0',
      releaseName: 'cloudnative-pg',
      values: {
        replicaCount: 2,
        crds: { create: true },
        config: { clusterWide: true, maxConcurrentReconciles: 10 },
        monitoring: { podMonitorEnabled: true, grafanaDashboard: { create: false } },
      },
    });
    expect(operator.objects.map((o) => o.key)).toContain('operator_pdb');
    expect(operator.sync.serverSideApply).toBe(true);
    expect(operator.sync.ignoreDifferences?.map((d) => d.name)).toEqual([
      'cnpg-mutating-webhook-configuration',
      'cnpg-validating-webhook-configuration',
    ]);
  });

  it('pulls the operator and plugin images through the mirror, and renders no PDB for one replica', async () => {
    const { rendered } = await renderForTest(
      [...supportingComponents().filter((c) => c.name !== 'cloudnative-pg'), cloudnativePg({ replicas: 1 })],
      mirrored,
    );
    const helm = (name: string) => rendered.components.find((c) => c.name === name)!;
    expect(helm('cloudnative-pg').helm?.values).toMatchObject({
      image: { repository: 'registry.example.com/mirror/ghcr.io/cloudnative-pg/cloudnative-pg' },
      monitoring: { podMonitorEnabled: false },
    });
    expect(helm('cnpg-barman-cloud').helm?.values).toMatchObject({
      image: { registry: 'registry.example.com/mirror/ghcr.io' },
      sidecarImage: { registry: 'registry.example.com/mirror/ghcr.io' },
    });
    expect(helm('cloudnative-pg').objects.map((o) => o.key)).not.toContain('operator_pdb');
  });

  it('admits the API server at its webhook and reaches the instances of every cluster, derived from the endpoints', async () => {
    const { objects } = await renderForTest([
      ...supportingComponents(),
      postgresCluster().named('grafana-db'),
      postgresCluster({ backup: { enabled: false } }).named('harbor-db'),
    ]);
    const operator = objects('cloudnative-pg');
    expect((operator.networkpolicy_allow_webhook as INetworkPolicy).spec?.ingress).toEqual([
      { ports: [{ port: 9443, protocol: 'TCP' }] },
    ]);
    const egress = operator.networkpolicy_allow_to_grafana_db_instances as INetworkPolicy;
    expect(egress.spec?.egress).toEqual([
      {
        to: [
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'grafana-db' } },
            podSelector: { matchLabels: { 'cnpg.io/podRole': 'instance' } },
          },
        ],
        ports: [
          { port: 8000, protocol: 'TCP' },
          { port: 5432, protocol: 'TCP' },
        ],
      },
    ]);
    expect(operator.networkpolicy_allow_to_harbor_db_instances).toBeDefined();
    // ... and the cluster admits exactly the operator's pods on those ports.
    const ingress = objects('grafana-db').networkpolicy_allow_grafana_db_operator as INetworkPolicy;
    expect(ingress.spec?.ingress?.[0]?.from).toEqual([
      {
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'cnpg-system' } },
        podSelector: {
          matchLabels: { 'app.kubernetes.io/name': 'cloudnative-pg', 'app.kubernetes.io/instance': 'cloudnative-pg' },
        },
      },
    ]);
  });

  it('puts the plugin after the operator and cert-manager, in the operator namespace without owning it', async () => {
    const { rendered, objects } = await renderForTest([...supportingComponents()]);
    const plugin = rendered.components.find((c) => c.name === 'cnpg-barman-cloud')!;
    expect(plugin.dependsOn.sort()).toEqual(['cert-manager', 'cloudnative-pg']);
    expect(plugin.helm).toMatchObject({
      chart: 'plugin-barman-cloud',
      version: '0.7.0',
      releaseName: 'plugin-barman-cloud',
    });
    expect(objects('cnpg-barman-cloud').namespace).toBeUndefined();
    expect(barmanCloud().namespace).toBe('cnpg-system');
  });

  it('reports bad configuration with its path', async () => {
    expect(await renderError([cloudnativePg({ replicas: 0 })])).toBe(
      'test › cloudnative-pg › replicas: expected a whole number of at least 1, got 0',
    );
  });

  it("passes pnpm check's rules: restricted namespace, default deny, chart values that exist, CRDs before their objects", async () => {
    const { rendered } = await renderForTest([
      ...supportingComponents(),
      postgresCluster({ owner: { password: { key: 'platform/test/db' } }, pooler: { enabled: true } }).named(
        'grafana-db',
      ),
    ]);
    const mine = new Set(['cloudnative-pg', 'cnpg-barman-cloud', 'grafana-db']);
    const findings = runPolicies(rendered).findings.filter((f) => mine.has(f.component));
    expect(findings).toEqual([]);
  });
});
