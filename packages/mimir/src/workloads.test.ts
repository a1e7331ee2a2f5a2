import type { KubeObject } from '@platform/core';
import { container } from '@platform/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderMimir, view, workload } from './mimir.test-helpers.js';

let objects: Record<string, KubeObject>;
beforeAll(async () => {
  objects = await renderMimir();
});

const MIMIR_WORKLOADS = {
  distributor: 'distributor_deployment',
  ingester: 'ingester_statefulset',
  querier: 'querier_deployment',
  'query-frontend': 'query_frontend_deployment',
  'query-scheduler': 'query_scheduler_deployment',
  'store-gateway': 'store_gateway_statefulset',
  compactor: 'compactor_statefulset',
  ruler: 'ruler_deployment',
  alertmanager: 'alertmanager_statefulset',
} as const;

const RING_MEMBERS = ['distributor', 'ingester', 'querier', 'store-gateway', 'compactor', 'ruler', 'alertmanager'];

describe('every Mimir workload', () => {
  for (const [name, key] of Object.entries(MIMIR_WORKLOADS)) {
    it(`${name}: image, target, config file, ports, readiness and liveness probes, writable /data, service account`, () => {
      const pod = workload(objects[key]).spec.template;
      const mimir = container(objects[key], name);
      expect(mimir.image).toBe('grafana/mimir:3.0.6');
      expect(mimir.args).toContain(`-target=${name}`);
      expect(mimir.args).toContain('-config.file=/etc/mimir/mimir.yaml');
      expect(mimir.args).not.toContain('-config.expand-env=true');
      const flagNames = mimir.args!.map((arg) => arg.slice(1, arg.indexOf('=')));
      expect(flagNames, "flags are sorted by name, as Jsonnet's mapToFlags does").toEqual([...flagNames].sort());

      const ports = Object.fromEntries((mimir.ports ?? []).map((p) => [p.name, p.containerPort]));
      const ringMember = RING_MEMBERS.includes(name);
      expect(ports).toEqual(
        ringMember ? { 'http-metrics': 8080, grpc: 9095, 'gossip-ring': 7946 } : { 'http-metrics': 8080, grpc: 9095 },
      );
      expect(pod.metadata.labels.gossip_ring_member).toBe(ringMember ? 'true' : undefined);

      expect(mimir.readinessProbe).toEqual({
        httpGet: { path: '/ready', port: 8080 },
        initialDelaySeconds: 15,
        timeoutSeconds: 1,
      });
      // Not /ready (false during WAL replay and ring hand-over): only a port that stopped accepting connections.
      expect(mimir.livenessProbe).toEqual({
        tcpSocket: { port: 8080 },
        initialDelaySeconds: 60,
        periodSeconds: 20,
        timeoutSeconds: 5,
        failureThreshold: 10,
      });
      expect(mimir.securityContext).toMatchObject({
        readOnlyRootFilesystem: true,
        runAsNonRoot: true,
        allowPrivilegeEscalation: false,
      });
      expect(pod.spec.securityContext).toMatchObject({ runAsUser: 10001, runAsGroup: 10001, fsGroup: 10001 });
      expect(pod.spec.serviceAccountName).toBe('mimir');

      const mounts = Object.fromEntries((mimir.volumeMounts ?? []).map((m) => [m.mountPath, m.name]));
      expect(mounts['/etc/mimir']).toBe('config');
      expect(mounts['/var/mimir']).toBe('runtime');
      expect(mounts['/tmp']).toBe('tmp');
      expect(mounts['/data']).toBeDefined();
      expect(pod.metadata.annotations?.['checksum/config']).toMatch(/^[0-9a-f]{64}$/);

      expect(mimir.resources?.requests?.cpu).toBeDefined();
      expect(mimir.resources?.requests?.memory).toBeDefined();
      expect(mimir.resources?.limits?.memory).toBeDefined();
    });
  }

  it('PVC-backed components keep /data on a claim, the others on an emptyDir', () => {
    const claims = (key: string) =>
      workload(objects[key]).spec.volumeClaimTemplates as Array<{
        metadata: { name: string };
        spec: { resources: { requests: { storage: string } } };
      }>;
    expect(claims('ingester_statefulset').map((c) => [c.metadata.name, c.spec.resources.requests.storage])).toEqual([
      ['ingester-data', '20Gi'],
    ]);
    expect(
      claims('store_gateway_statefulset').map((c) => [c.metadata.name, c.spec.resources.requests.storage]),
    ).toEqual([['store-gateway-data', '10Gi']]);
    expect(claims('compactor_statefulset').map((c) => [c.metadata.name, c.spec.resources.requests.storage])).toEqual([
      ['compactor-data', '20Gi'],
    ]);
    expect(claims('alertmanager_statefulset').map((c) => [c.metadata.name, c.spec.resources.requests.storage])).toEqual(
      [['alertmanager-data', '1Gi']],
    );
    for (const [name, key] of [
      ['ingester', 'ingester_statefulset'],
      ['store-gateway', 'store_gateway_statefulset'],
      ['compactor', 'compactor_statefulset'],
      ['alertmanager', 'alertmanager_statefulset'],
    ] as const) {
      expect(container(objects[key], name).volumeMounts).toContainEqual({ name: `${name}-data`, mountPath: '/data' });
    }
    for (const key of [
      'distributor_deployment',
      'querier_deployment',
      'query_frontend_deployment',
      'query_scheduler_deployment',
      'ruler_deployment',
    ]) {
      expect(workload(objects[key]).spec.template.spec.volumes).toContainEqual({ name: 'data', emptyDir: {} });
    }
  });
});

describe('first sync', () => {
  const wave = (key: string) => objects[key]!.metadata?.annotations?.['argocd.argoproj.io/sync-wave'];

  it('starts the caches, then the ring members that own data, then the read and write paths', () => {
    for (const key of [
      'memcached_chunks_statefulset',
      'memcached_index_queries_statefulset',
      'memcached_metadata_statefulset',
      'memcached_frontend_statefulset',
    ]) {
      expect(wave(key), key).toBe('0');
    }
    for (const key of [
      'ingester_statefulset',
      'store_gateway_statefulset',
      'compactor_statefulset',
      'alertmanager_statefulset',
    ])
      expect(wave(key), key).toBe('1');
    for (const key of [
      'distributor_deployment',
      'querier_deployment',
      'query_frontend_deployment',
      'query_scheduler_deployment',
      'ruler_deployment',
    ]) {
      expect(wave(key), key).toBe('2');
    }
  });

  it('leaves Services, PodDisruptionBudgets and ConfigMaps in the default wave: they start no pods', () => {
    for (const key of [
      'ingester_service',
      'ingester_pdb',
      'distributor_service',
      'gossip_ring_service',
      'config_configmap',
      'runtime_configmap',
    ]) {
      expect(wave(key), key).toBeUndefined();
    }
  });
});

describe('component specifics', () => {
  it('distributor: replicas, rollout, gRPC keepalive and shutdown delay flags, ClusterIP Service for push clients', () => {
    const deployment = workload(objects.distributor_deployment);
    expect(deployment.spec.replicas).toBe(2);
    expect(deployment.spec.strategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: '15%', maxUnavailable: 0 },
    });
    expect(container(deployment, 'distributor').args).toEqual([
      '-config.file=/etc/mimir/mimir.yaml',
      '-server.grpc-max-concurrent-streams=1000',
      '-server.grpc.keepalive.max-connection-age=60s',
      '-server.grpc.keepalive.max-connection-age-grace=5m',
      '-server.grpc.keepalive.max-connection-idle=1m',
      '-shutdown-delay=90s',
      '-target=distributor',
    ]);
    expect(deployment.spec.template.spec.terminationGracePeriodSeconds).toBe(100);
    const service = view<{ spec: { clusterIP?: string; ports: Array<{ name: string; port: number }> } }>(
      objects.distributor_service,
    );
    expect(service.spec.clusterIP).toBeUndefined();
    expect(service.spec.ports.map((p) => [p.name, p.port])).toEqual([
      ['http-metrics', 8080],
      ['grpc', 9095],
      ['gossip-ring', 7946],
    ]);
  });

  it('ingester: StatefulSet of 3, one per node, fast-join abort, long grace period, headless Service', () => {
    const statefulSet = workload(objects.ingester_statefulset);
    expect(statefulSet.spec.replicas).toBe(3);
    expect(statefulSet.spec.podManagementPolicy).toBe('Parallel');
    expect(statefulSet.spec.serviceName).toBe('ingester');
    expect(container(statefulSet, 'ingester').args).toEqual([
      '-config.file=/etc/mimir/mimir.yaml',
      '-memberlist.abort-if-fast-join-fails=true',
      '-server.grpc-max-concurrent-streams=500',
      '-target=ingester',
    ]);
    expect(statefulSet.spec.template.spec.terminationGracePeriodSeconds).toBe(1200);
    expect(statefulSet.spec.template.spec.affinity).toEqual({
      podAntiAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: [
          {
            labelSelector: {
              matchLabels: { 'app.kubernetes.io/instance': 'mimir', 'app.kubernetes.io/name': 'ingester' },
            },
            topologyKey: 'kubernetes.io/hostname',
          },
        ],
      },
    });
    expect(view<{ spec: { clusterIP: string } }>(objects.ingester_service).spec.clusterIP).toBe('None');
    expect(container(statefulSet, 'ingester').resources).toEqual({
      requests: { cpu: '1', memory: '2Gi' },
      limits: { memory: '4Gi' },
    });
  });

  it('query-scheduler: headless discovery Service that publishes not-ready pods, required anti-affinity', () => {
    const discovery = view<{ metadata: { name: string }; spec: Record<string, unknown> }>(
      objects.query_scheduler_discovery_service,
    );
    expect(discovery.metadata.name).toBe('query-scheduler-discovery');
    expect(discovery.spec).toMatchObject({
      clusterIP: 'None',
      publishNotReadyAddresses: true,
      selector: { 'app.kubernetes.io/instance': 'mimir', 'app.kubernetes.io/name': 'query-scheduler' },
    });
    expect(view<Array<{ name: string }>>(discovery.spec.ports).map((p) => p.name)).toEqual(['http-metrics', 'grpc']);
    const deployment = workload(objects.query_scheduler_deployment);
    expect(deployment.spec.strategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: 1, maxUnavailable: 0 },
    });
    expect(deployment.spec.template.spec.affinity).toBeDefined();
  });

  it('query-frontend, store-gateway, ruler, alertmanager flags', () => {
    expect(container(objects.query_frontend_deployment, 'query-frontend').args).toEqual(
      expect.arrayContaining(['-server.grpc.keepalive.max-connection-age=30s', '-shutdown-delay=90s']),
    );
    expect(container(objects.store_gateway_statefulset, 'store-gateway').args).toContain(
      '-server.grpc-max-send-msg-size-bytes=209715200',
    );
    expect(container(objects.ruler_deployment, 'ruler').args).toContain('-distributor.remote-timeout=10s');
    expect(container(objects.alertmanager_statefulset, 'alertmanager').args).toContain('-server.http-idle-timeout=6m');
    expect(container(objects.querier_deployment, 'querier').args).toEqual([
      '-config.file=/etc/mimir/mimir.yaml',
      '-target=querier',
    ]);
  });

  it('store-gateway PDB lets all but one copy of a block go: maxUnavailable = replicationFactor - 1', () => {
    expect(view<{ spec: { maxUnavailable: number } }>(objects.store_gateway_pdb).spec.maxUnavailable).toBe(2);
    expect(view<{ spec: { maxUnavailable: number } }>(objects.ingester_pdb).spec.maxUnavailable).toBe(1);
  });

  it('alertmanager mounts its fallback configuration and rolls when it changes', () => {
    const alertmanager = workload(objects.alertmanager_statefulset);
    expect(container(alertmanager, 'alertmanager').volumeMounts).toContainEqual({
      name: 'fallback-config',
      mountPath: '/configs',
      readOnly: true,
    });
    expect(alertmanager.spec.template.spec.volumes).toContainEqual({
      name: 'fallback-config',
      configMap: { name: 'alertmanager-fallback-config' },
    });
    expect(alertmanager.spec.template.metadata.annotations?.['checksum/fallback-config']).toMatch(/^[0-9a-f]{64}$/);
    const fallback = view<{ data: Record<string, string> }>(objects.alertmanager_fallback_configmap);
    expect(fallback.data['alertmanager_fallback_config.yaml']).toBe(
      'receivers:\n  - name: default-receiver\nroute:\n  receiver: default-receiver\n',
    );
  });

  it('only components that touch object storage carry the object-storage label the egress policy selects', () => {
    const labelled = Object.entries(MIMIR_WORKLOADS)
      .filter(([, key]) => workload(objects[key]).spec.template.metadata.labels['object-storage-client'] === 'true')
      .map(([name]) => name)
      .sort();
    expect(labelled).toEqual(['alertmanager', 'compactor', 'ingester', 'querier', 'ruler', 'store-gateway']);
  });

  it('the gossip ring Service selects exactly the ring members', () => {
    const ring = view<{
      metadata: { name: string };
      spec: {
        clusterIP: string;
        publishNotReadyAddresses: boolean;
        selector: Record<string, string>;
        ports: Array<{ port: number }>;
      };
    }>(objects.gossip_ring_service);
    expect(ring.metadata.name).toBe('gossip-ring');
    expect(ring.spec).toMatchObject({
      clusterIP: 'None',
      publishNotReadyAddresses: true,
      selector: { 'app.kubernetes.io/instance': 'mimir', gossip_ring_member: 'true' },
    });
    expect(ring.spec.ports[0]!.port).toBe(7946);
  });

  it('ServiceAccount mounts no token and carries no annotations by default', () => {
    expect(objects.mimir_serviceaccount).toEqual({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: {
        name: 'mimir',
        namespace: 'mimir',
        labels: {
          'app.kubernetes.io/managed-by': 'platform',
          'app.kubernetes.io/part-of': 'mimir',
          'app.kubernetes.io/component': 'service-account',
        },
      },
      automountServiceAccountToken: false,
    });
  });
});

describe('memcached caches', () => {
  const CACHES = [
    [
      'memcached_chunks',
      'memcached-chunks',
      ['-m 1024', '-I 1m', '-c 16384', '-v'],
      { cpu: '100m', memory: '1176Mi' },
      '1536Mi',
    ],
    [
      'memcached_index_queries',
      'memcached-index-queries',
      ['-m 512', '-I 5m', '-c 16384', '-v'],
      { cpu: '100m', memory: '638Mi' },
      '768Mi',
    ],
    [
      'memcached_metadata',
      'memcached-metadata',
      ['-m 256', '-I 1m', '-c 16384', '-v'],
      { cpu: '100m', memory: '369Mi' },
      '384Mi',
    ],
    [
      'memcached_frontend',
      'memcached-frontend',
      ['-m 512', '-I 5m', '-c 16384', '-v'],
      { cpu: '100m', memory: '638Mi' },
      '768Mi',
    ],
  ] as const;

  for (const [key, name, args, requests, limit] of CACHES) {
    it(`${name}: memcached and exporter containers, headless Service, PDB, ServiceMonitor`, () => {
      const statefulSet = workload(objects[`${key}_statefulset`]);
      expect(statefulSet.metadata!.name).toBe(name);
      expect(statefulSet.spec.replicas).toBe(2);
      expect(statefulSet.spec.minReadySeconds).toBe(60);
      const memcached = container(statefulSet, 'memcached');
      expect(memcached.image).toBe('memcached:1.6.40-alpine');
      expect(memcached.args).toEqual(args);
      expect(memcached.ports).toEqual([{ name: 'client', containerPort: 11211, protocol: 'TCP' }]);
      expect(memcached.resources).toEqual({ requests, limits: { memory: limit } });
      const exporter = container(statefulSet, 'exporter');
      expect(exporter.image).toBe('prom/memcached-exporter:v0.15.5');
      expect(exporter.args).toEqual(['--memcached.address=localhost:11211', '--web.listen-address=0.0.0.0:9150']);
      expect(exporter.ports).toEqual([{ name: 'http-metrics', containerPort: 9150, protocol: 'TCP' }]);
      // The images name their users (memcache, nobody); Kubernetes needs numbers to enforce runAsNonRoot.
      expect(statefulSet.spec.template.spec.securityContext).toMatchObject({ runAsUser: 11211, runAsNonRoot: true });
      expect(exporter.securityContext).toMatchObject({ runAsUser: 65534, readOnlyRootFilesystem: true });

      const service = view<{
        metadata: { name: string };
        spec: { clusterIP: string; ports: Array<{ name: string; port: number }> };
      }>(objects[`${key}_service`]);
      expect(service.metadata.name).toBe(name);
      expect(service.spec.clusterIP).toBe('None');
      expect(service.spec.ports.map((p) => [p.name, p.port])).toEqual([
        ['client', 11211],
        ['http-metrics', 9150],
      ]);
      expect(objects[`${key}_pdb`]).toBeDefined();
      expect(
        view<{ spec: { endpoints: Array<{ port: string }> } }>(objects[`${key}_servicemonitor`]).spec.endpoints[0]!
          .port,
      ).toBe('http-metrics');
    });
  }
});
