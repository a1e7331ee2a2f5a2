import { readFileSync } from 'node:fs';
import type { IConfigMap, IDeployment, INetworkPolicy, IPrometheusRule, IStatefulSet } from '@platform/core';
import { parseYaml, renderError, renderForTest, stubComponent } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { thanos } from './index.js';

const SETTINGS = {
  settings: {
    baseDomain: 'test.example.com',
    objectStorage: { endpoint: 's3.eu-west-1.amazonaws.com', region: 'eu-west-1', bucketPrefix: 'acme-test' },
  },
};

function args(workload: IStatefulSet | IDeployment): string[] {
  return workload.spec!.template.spec!.containers[0]!.args!;
}

function objstore(objects: Record<string, unknown>): { config: { bucket: string } } {
  return parseYaml((objects.objstore_configmap as IConfigMap).data!['objstore.yaml']!) as {
    config: { bucket: string };
  };
}

describe('thanos', () => {
  it("serves and compacts the environment's bucket: a replicated store gateway and exactly one compactor", async () => {
    const { objects } = await renderForTest([thanos()], SETTINGS);
    const rendered = objects('thanos');
    expect(objstore(rendered).config.bucket).toBe('acme-test-thanos');
    const store = rendered.store_gateway_statefulset as IStatefulSet;
    expect(store.spec!.replicas).toBe(2);
    expect(args(store)).toEqual(
      expect.arrayContaining([
        'store',
        '--objstore.config-file=/etc/thanos/objstore.yaml',
        '--data-dir=/data',
        '--index-cache-size=250MB',
      ]),
    );
    const compact = rendered.compactor_statefulset as IStatefulSet;
    expect(compact.spec!.replicas).toBe(1);
    expect(args(compact)).toEqual(
      expect.arrayContaining([
        'compact',
        '--wait',
        '--retention.resolution-raw=30d',
        '--retention.resolution-5m=90d',
        '--retention.resolution-1h=1y',
      ]),
    );
    expect(args(compact)).not.toContain('--downsampling.disable');
    // No global view unless asked for.
    expect(rendered.thanos_query_deployment).toBeUndefined();
  });

  it('runs every pod restricted: non-root, no escalation, read-only root file system', async () => {
    const { objects } = await renderForTest([thanos()], SETTINGS);
    for (const key of ['store_gateway_statefulset', 'compactor_statefulset']) {
      const pod = (objects('thanos')[key] as IStatefulSet).spec!.template.spec!;
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1001 });
      expect(pod.containers[0]!.securityContext).toMatchObject({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
      });
    }
  });

  it("serves another environment's bucket read-only, without a compactor", async () => {
    const { objects } = await renderForTest(
      [thanos({ storeGateway: { bucket: 'acme-staging-thanos' }, compactor: { enabled: false } })],
      SETTINGS,
    );
    expect(objstore(objects('thanos')).config.bucket).toBe('acme-staging-thanos');
    expect(objects('thanos').compactor_statefulset).toBeUndefined();
  });

  it("fans the global Query out to its store gateway, the environment's Prometheus Queries and remote stores over TLS", async () => {
    const prometheusQuery = stubComponent('prometheus', {
      thanosStoreApi: {
        component: 'prometheus',
        namespace: 'prometheus',
        role: 'query',
        grpcAddress: 'thanos-query.prometheus.svc.cluster.local:10901',
        pods: { grpcAddress: { 'app.kubernetes.io/name': 'thanos-query', 'app.kubernetes.io/instance': 'prometheus' } },
      },
    });
    const remote = { name: 'staging', address: 'thanos-grpc.staging.example.com:443', tls: true };
    const { objects } = await renderForTest(
      [prometheusQuery, thanos({ globalQuery: { enabled: true, remoteStores: [remote] } })],
      SETTINGS,
    );
    const rendered = objects('thanos');
    const flag = args(rendered.thanos_query_deployment as IDeployment).find((a) =>
      a.startsWith('--endpoint.sd-config='),
    )!;
    expect(JSON.parse(flag.slice('--endpoint.sd-config='.length))).toEqual({
      endpoints: [
        { address: 'dnssrv+_grpc._tcp.thanos-store.thanos.svc.cluster.local' },
        { address: 'dnssrv+_grpc._tcp.thanos-query.prometheus.svc.cluster.local' },
        { address: 'thanos-grpc.staging.example.com:443', client_config: { tls_config: { enabled: true } } },
      ],
    });
    expect(args(rendered.thanos_query_deployment as IDeployment)).toEqual(
      expect.arrayContaining([
        '--query.replica-label=prometheus_replica',
        '--query.replica-label=thanos_ruler_replica',
      ]),
    );
    expect(args(rendered.thanos_query_frontend_deployment as IDeployment)).toContain(
      '--query-frontend.downstream-url=http://thanos-query.thanos.svc.cluster.local:10902',
    );
    const remoteEgress = rendered.networkpolicy_allow_remote_store_staging as INetworkPolicy;
    expect(remoteEgress.spec!.egress![0]!.ports).toEqual([{ port: 443, protocol: 'TCP' }]);
    const alerts = JSON.stringify(rendered.alerts_prometheusrule);
    expect(alerts).toContain('ThanosQueryStoresMissing');
  });

  it('reports bad configuration with its path', async () => {
    expect(await renderError([thanos({ storeGateway: { replicas: 0 } })], SETTINGS)).toBe(
      'test › thanos › storeGateway.replicas: expected a whole number of at least 1, got 0',
    );
    expect(await renderError([thanos({ compactor: { retention: { raw: '24h' } } })], SETTINGS)).toContain(
      'compactor.retention.raw: raw data is downsampled to 5m after 40h',
    );
    expect(await renderError([thanos({ storeGateway: { bucket: 'acme-staging-thanos' } })], SETTINGS)).toContain(
      'compactor.enabled: the store gateway serves another environment\'s bucket "acme-staging-thanos"',
    );
    expect(
      await renderError(
        [thanos({ globalQuery: { remoteStores: [{ name: 'staging', address: 'a.example.com:443' }] } })],
        SETTINGS,
      ),
    ).toContain('globalQuery.remoteStores: remote stores are read by the global Query only: set globalQuery.enabled');
  });

  it('links every alert to its runbook section in the README', async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const sections = new Set([...readme.matchAll(/^### (\S+)$/gm)].map((m) => m[1]!.toLowerCase()));
    const { objects } = await renderForTest([thanos({ globalQuery: { enabled: true } })], SETTINGS);
    const rules = ((objects('thanos').alerts_prometheusrule as IPrometheusRule).spec?.groups ?? []).flatMap(
      (g) => g.rules ?? [],
    );
    expect(rules.map((r) => r.alert)).toEqual([
      'ThanosCompactHalted',
      'ThanosCompactionsFailing',
      'ThanosQueryStoresMissing',
    ]);
    for (const rule of rules) {
      const url = (rule.annotations as Record<string, string>).runbook_url!;
      expect(url).toContain('/packages/thanos/README.md#');
      expect(sections).toContain(url.slice(url.indexOf('#') + 1));
      expect(rule.labels).toMatchObject({ team: 'observability' });
    }
  });
});
