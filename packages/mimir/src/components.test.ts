import type { KubeObject } from '@platform/core';
import { container } from '@platform/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { MIMIR_WORKLOADS, renderMimir, view, workload } from './mimir.test-helpers.js';

let objects: Record<string, KubeObject>;
beforeAll(async () => {
  objects = await renderMimir();
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
