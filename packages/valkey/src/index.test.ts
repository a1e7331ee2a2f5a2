import { certManager } from '@platform/cert-manager';
import {
  type AnyComponent,
  defineComponent,
  deployment,
  egressToEndpoints,
  endpointTarget,
  type IConfigMap,
  type IService,
  type IStatefulSet,
  namedWorkloadObjects,
} from '@platform/core';
import { connectionProblems, providedBy, renderError, renderForTest } from '@platform/core/testing';
import { externalSecrets } from '@platform/external-secrets';
import { runPolicies } from '@platform/policy';
import { describe, expect, it } from 'vitest';
import { VALKEY_PORT, valkey } from './index.js';

const store = () => externalSecrets({ store: { server: 'https://vault.example.com:8200' } });

async function render(...components: AnyComponent[]) {
  return renderForTest([store(), certManager(), ...components]);
}

const statefulSetOf = (objects: Record<string, unknown>) => objects.valkey_statefulset as IStatefulSet;
const files = (objects: Record<string, unknown>) => (objects.config_configmap as IConfigMap).data!;

/** A client of the `redis` endpoint in its own namespace: egress to the address, and to the primary Sentinel names. */
const client = defineComponent({
  name: 'harbor',
  tier: 'workloads',
  defaults: {},
  build: (context) =>
    namedWorkloadObjects(
      'core',
      'deployment',
      deployment(context, {
        name: 'core',
        containers: [
          {
            name: 'core',
            image: 'goharbor/harbor-core:v2.14.0',
            resources: { requests: { cpu: '10m', memory: '32Mi' }, limits: { memory: '64Mi' } },
          },
        ],
        service: false,
      }),
    ),
  network: ({ peers }) => {
    const redis = peers.require('redis', 'the cache');
    const sentinel = endpointTarget(redis, 'address')!;
    return { egress: egressToEndpoints([sentinel, { ...sentinel, port: VALKEY_PORT }]) };
  },
});

describe('valkey in sentinel mode', () => {
  it('runs Valkey, a Sentinel and the exporter in every pod, persisted, restricted, spread and disruption-safe', async () => {
    const { objects } = await render(valkey().named('cache'));
    const cache = objects('cache');
    const set = statefulSetOf(cache);
    expect(set.spec?.replicas).toBe(3);
    expect(set.spec?.serviceName).toBe('cache-headless');
    expect(set.spec?.template.spec?.containers.map((c) => c.name)).toEqual(['valkey', 'sentinel', 'exporter']);
    expect(set.spec?.template.spec?.securityContext).toMatchObject({
      runAsNonRoot: true,
      runAsUser: 999,
      fsGroup: 999,
    });
    expect(set.spec?.volumeClaimTemplates?.[0]?.spec?.resources?.requests).toEqual({ storage: '8Gi' });
    expect(cache.valkey_pdb).toMatchObject({ spec: { maxUnavailable: 1 } });
    expect((cache.valkey_service as IService).spec).toMatchObject({
      clusterIP: 'None',
      publishNotReadyAddresses: true,
    });
    expect((cache.client_service as IService).spec?.ports).toEqual([
      { name: 'sentinel', port: 26379, targetPort: 'sentinel', protocol: 'TCP' },
    ]);
    expect(cache.valkey_servicemonitor).toBeDefined();
  });

  it('persists with AOF and RDB, and bounds memory below the container limit', async () => {
    const { objects } = await render(valkey({ resources: { limits: { memory: '1Gi' } } }).named('cache'));
    const conf = files(objects('cache'))['valkey.conf']!;
    expect(conf).toContain('appendonly yes\nappendfsync everysec\nsave 3600 1 300 100 60 10000\n');
    expect(conf).toContain(`maxmemory ${0.75 * 2 ** 30}\nmaxmemory-policy noeviction\n`);
  });

  it('reads the password from the store into a Secret it never renders, and gives it to every process by reference', async () => {
    const { objects, rendered } = await render(valkey().named('cache'));
    const cache = objects('cache');
    expect(cache.auth_externalsecret).toMatchObject({
      spec: {
        target: { name: 'cache-auth' },
        data: [{ secretKey: 'password', remoteRef: { key: 'platform/test/cache', property: 'password' } }],
      },
    });
    expect(rendered.objects.filter((o) => o.object.kind === 'Secret')).toEqual([]);
    for (const container of statefulSetOf(cache).spec!.template.spec!.containers) {
      const refs = (container.env ?? []).filter((e) => e.valueFrom?.secretKeyRef).map((e) => e.valueFrom!.secretKeyRef);
      expect(refs.length).toBeGreaterThan(0);
      for (const ref of refs) expect(ref).toEqual({ name: 'cache-auth', key: 'password' });
    }
    const scripts = files(cache);
    expect(scripts['start-valkey.sh']).toContain(`printf 'requirepass "%s"\\n' "$password"`);
    expect(scripts['start-sentinel.sh']).toContain('echo "sentinel monitor primary $(find_primary) 6379 2"');
  });

  it('publishes the redis endpoint: Sentinel address and set, password Secret, and the pods behind it', () => {
    expect(providedBy(valkey().named('cache')).redis).toEqual({
      component: 'cache',
      namespace: 'cache',
      address: 'cache.cache.svc.cluster.local:26379',
      mode: 'sentinel',
      sentinelMaster: 'primary',
      password: { name: 'cache-auth', key: 'password' },
      pods: { address: { 'app.kubernetes.io/instance': 'cache', 'app.kubernetes.io/name': 'cache' } },
    });
  });

  it('lets its clients reach Sentinel and the primary, and nothing else in', async () => {
    const { rendered, objects } = await render(valkey({ clients: ['harbor'] }).named('cache'), client());
    expect(connectionProblems(rendered, 'harbor', 'cache.cache.svc.cluster.local:26379')).toEqual([]);
    expect(objects('cache').networkpolicy_allow_cache_clients).toMatchObject({
      spec: { ingress: [{ ports: [{ port: 6379 }, { port: 26379 }] }] },
    });
    const { rendered: closed } = await render(valkey().named('cache'), client());
    expect(connectionProblems(closed, 'harbor', 'cache.cache.svc.cluster.local:26379')).toEqual([
      'no NetworkPolicy in cache admits harbor/core to cache:26379',
    ]);
  });

  it("passes pnpm check's rules", async () => {
    const { rendered } = await render(valkey({ tls: { enabled: true } }).named('cache'));
    expect(runPolicies(rendered).findings.filter((f) => f.component === 'cache')).toEqual([]);
  });

  it('reports configuration mistakes with their paths', async () => {
    expect((await renderError([store(), valkey({ replicas: 4, sentinel: { quorum: 2 } })])).split('\n')).toEqual([
      'test › valkey › sentinel.quorum: a quorum of 2 of 4 Sentinels lets two halves elect two primaries; use more than half',
    ]);
    expect(await renderError([store(), valkey({ persistence: { aof: false, rdbSave: '' } })])).toBe(
      'test › valkey › persistence: with neither AOF nor RDB snapshots a restart loses every key; enable one',
    );
  });
});

describe('valkey in cluster mode', () => {
  it('runs a Valkey Cluster announcing hostnames, formed once by a Job after the nodes are up', async () => {
    const { objects } = await render(valkey({ mode: 'cluster', replicas: 6 }).named('cache'));
    const cache = objects('cache');
    expect(statefulSetOf(cache).spec?.template.spec?.containers.map((c) => c.name)).toEqual(['valkey', 'exporter']);
    expect(files(cache)['valkey.conf']).toContain('cluster-enabled yes\ncluster-config-file /data/nodes.conf\n');
    expect(files(cache)['start-valkey.sh']).toContain('echo "cluster-announce-hostname $me"');
    const job = Object.entries(cache).find(([key]) => key === 'cluster_init_job')![1];
    expect(job.metadata?.name).toMatch(/^cache-cluster-init-[0-9a-f]{8}$/);
    expect(job.metadata?.annotations?.['argocd.argoproj.io/sync-wave']).toBe('2');
    expect(statefulSetOf(cache).metadata?.annotations?.['argocd.argoproj.io/sync-wave']).toBe('1');
    expect(files(cache)['cluster-init.sh']).toContain('--cluster create $nodes --cluster-replicas 1 --cluster-yes');
    expect(providedBy(valkey({ mode: 'cluster', replicas: 6 }).named('cache')).redis).toMatchObject({
      address: 'cache.cache.svc.cluster.local:6379',
      mode: 'cluster',
    });
  });

  it('needs three primaries with their replicas', async () => {
    expect(await renderError([store(), valkey({ mode: 'cluster', replicas: 4 })])).toBe(
      'test › valkey › replicas: Valkey Cluster needs at least 3 primaries with 1 replica(s) each: a multiple of 2 of at least 6, got 4',
    );
  });
});

describe('valkey with TLS', () => {
  it('serves every port over TLS with a certificate from the platform PKI, and tells clients the CA', async () => {
    const { objects } = await render(valkey({ tls: { enabled: true } }).named('cache'));
    const cache = objects('cache');
    expect(cache.tls_certificate).toMatchObject({
      spec: {
        secretName: 'cache-tls',
        issuerRef: { name: 'platform-ca', kind: 'ClusterIssuer' },
        dnsNames: expect.arrayContaining(['*.cache-headless.cache.svc.cluster.local', 'cache.cache.svc.cluster.local']),
      },
    });
    expect(files(cache)['valkey.conf']).toContain('port 0\ntls-port 6379\n');
    expect(files(cache)['sentinel.conf']).toContain('port 0\ntls-port 26379\n');
    const exporter = statefulSetOf(cache).spec!.template.spec!.containers.find((c) => c.name === 'exporter')!;
    expect(exporter.env).toContainEqual({ name: 'REDIS_ADDR', value: 'rediss://localhost:6379' });
    expect(providedBy(valkey({ tls: { enabled: true } }).named('cache')).redis).toMatchObject({
      tls: { caSecret: { name: 'cache-tls', key: 'ca.crt' } },
    });
  });

  it('names the missing certificate issuer', async () => {
    expect(await renderError([store(), valkey({ tls: { enabled: true } })])).toBe(
      'test › valkey: needs a component that provides "certificateIssuer" (TLS of Valkey "valkey" (or set tls.enabled: false)), and the environment has none',
    );
  });
});
