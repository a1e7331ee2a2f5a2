import {
  hungProcessProbe,
  type IPodDisruptionBudget,
  type IService,
  type IStatefulSet,
  serialize,
} from '@platform/core';
import { configMapFile, container, countByKind, podSpec, renderForTest, yamlBlocks } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { tempo } from './index.js';

const KAFKA = 'kafka.kafka.svc.cluster.local:9092';

function dns(service: IService): string {
  return `${service.metadata!.name}.${service.metadata!.namespace}.svc.cluster.local`;
}

describe('microservices mode (default)', async () => {
  const { objects } = await renderForTest([tempo({ kafka: { address: KAFKA } })]);
  const rendered = objects('tempo');

  it("renders Tempo 3's components: no ingester or compactor, a live-store per zone", () => {
    const workloads = Object.entries(rendered)
      .filter(([, o]) => o.kind === 'Deployment' || o.kind === 'StatefulSet')
      .map(([key]) => key)
      .sort();
    expect(workloads).toEqual([
      'backend_scheduler_statefulset',
      'backend_worker_deployment',
      'block_builder_statefulset',
      'distributor_deployment',
      'live_store_zone_a_statefulset',
      'live_store_zone_b_statefulset',
      'querier_deployment',
      'query_frontend_deployment',
    ]);
    expect(countByKind(rendered)).toEqual({
      Namespace: 1,
      NetworkPolicy: 6,
      ConfigMap: 2,
      Service: 10,
      Deployment: 4,
      StatefulSet: 4,
      PodDisruptionBudget: 6,
      ServiceMonitor: 8,
      PrometheusRule: 1,
    });
    expect(rendered.metrics_generator_deployment).toBeUndefined();
  });

  it('runs each component with its target and the shared config file', () => {
    const targets: Record<string, string> = {
      distributor_deployment: 'distributor',
      block_builder_statefulset: 'block-builder',
      querier_deployment: 'querier',
      query_frontend_deployment: 'query-frontend',
      backend_scheduler_statefulset: 'backend-scheduler',
      backend_worker_deployment: 'backend-worker',
    };
    for (const [key, target] of Object.entries(targets)) {
      const tempoContainer = container(rendered[key]);
      expect(tempoContainer.image).toBe('grafana/tempo:3.0.3');
      expect(tempoContainer.args, key).toEqual(['-config.file=/etc/tempo/config/tempo.yaml', `-target=${target}`]);
      expect(tempoContainer.readinessProbe).toMatchObject({ httpGet: { path: '/ready', port: 'http-metrics' } });
      expect(tempoContainer.volumeMounts).toEqual(
        expect.arrayContaining([
          { name: 'config', mountPath: '/etc/tempo/config', readOnly: true },
          { name: 'overrides', mountPath: '/etc/tempo/overrides', readOnly: true },
          { name: 'tmp', mountPath: '/tmp' },
          { name: 'data', mountPath: '/var/tempo' },
        ]),
      );
    }
  });

  it('restarts a process only when its HTTP port stops accepting connections, never on /ready', () => {
    // A live-store's /ready waits for Kafka catch-up, a query-frontend's for a querier: no grounds for a restart.
    for (const [key, o] of Object.entries(rendered).filter(
      ([, o]) => o.kind === 'Deployment' || o.kind === 'StatefulSet',
    )) {
      expect(container(o).livenessProbe, key).toEqual(hungProcessProbe('http-metrics'));
    }
  });

  it('comes up live-stores, block-builders and scheduler first, then the paths that need their partitions and jobs', () => {
    const waves = Object.fromEntries(
      Object.entries(rendered)
        .filter(([, o]) => o.kind === 'Deployment' || o.kind === 'StatefulSet')
        .map(([key, o]) => [key, o.metadata?.annotations?.['argocd.argoproj.io/sync-wave']]),
    );
    expect(waves).toEqual({
      live_store_zone_a_statefulset: '1',
      live_store_zone_b_statefulset: '1',
      block_builder_statefulset: '1',
      backend_scheduler_statefulset: '1',
      distributor_deployment: '2',
      querier_deployment: '2',
      query_frontend_deployment: '2',
      backend_worker_deployment: '2',
    });
    expect(rendered.live_store_pdb!.metadata?.annotations).toBeUndefined();
  });

  it('receives OTLP on the distributors', () => {
    expect(container(rendered.distributor_deployment).ports).toEqual([
      { name: 'http-metrics', containerPort: 3200, protocol: 'TCP' },
      { name: 'grpc', containerPort: 9095, protocol: 'TCP' },
      { name: 'gossip-ring', containerPort: 7946, protocol: 'TCP' },
      { name: 'otlp-grpc', containerPort: 4317, protocol: 'TCP' },
      { name: 'otlp-http', containerPort: 4318, protocol: 'TCP' },
    ]);
    expect((rendered.distributor_service as IService).spec!.ports!.map((p) => [p.name, p.port])).toEqual([
      ['http-metrics', 3200],
      ['grpc', 9095],
      ['otlp-grpc', 4317],
      ['otlp-http', 4318],
    ]);
    expect(yamlBlocks(configMapFile(rendered.config_configmap, 'tempo.yaml')).distributor).toBe(
      serialize({
        distributor: {
          receivers: {
            otlp: { protocols: { grpc: { endpoint: '0.0.0.0:4317' }, http: { endpoint: '0.0.0.0:4318' } } },
          },
        },
      }),
    );
  });

  it('runs one live-store per partition in each zone, with volumes, and one PDB across zones', () => {
    for (const zone of ['zone-a', 'zone-b']) {
      const statefulSet = rendered[`live_store_${zone.replace('-', '_')}_statefulset`] as IStatefulSet;
      expect(statefulSet.metadata!.name).toBe(`live-store-${zone}`);
      expect(statefulSet.spec!.replicas).toBe(2);
      expect(container(statefulSet).args).toEqual([
        '-config.file=/etc/tempo/config/tempo.yaml',
        '-target=live-store',
        `-live-store.instance-availability-zone=${zone}`,
      ]);
      expect(
        statefulSet.spec!.volumeClaimTemplates!.map((c) => [c.metadata!.name, c.spec!.resources!.requests!.storage]),
      ).toEqual([['data', '10Gi']]);
      expect(statefulSet.spec!.template.metadata!.labels!['rollout-group']).toBe('live-store');
      expect(podSpec(statefulSet).terminationGracePeriodSeconds).toBe(1200);
    }
    const pdbs = Object.values(rendered)
      .filter((o) => o.kind === 'PodDisruptionBudget')
      .map((o) => o.metadata!.name)
      .sort();
    expect(pdbs).toEqual([
      'backend-scheduler',
      'block-builder',
      'distributor',
      'live-store',
      'querier',
      'query-frontend',
    ]);
    expect((rendered.live_store_pdb as IPodDisruptionBudget).spec).toEqual({
      maxUnavailable: 1,
      selector: { matchLabels: { 'app.kubernetes.io/instance': 'tempo', 'rollout-group': 'live-store' } },
    });
  });

  it('splits the partitions over the block-builders', async () => {
    expect(yamlBlocks(configMapFile(rendered.config_configmap, 'tempo.yaml')).block_builder).toBe(
      serialize({ block_builder: { partitions_per_instance: 1 } }),
    );
    expect(podSpec(rendered.block_builder_statefulset).volumes).toContainEqual({
      name: 'data',
      emptyDir: { sizeLimit: '5Gi' },
    });
    const { objects: scaled } = await renderForTest([
      tempo({
        kafka: { address: KAFKA },
        liveStore: { partitions: 6, zones: ['eu-west-1a'] },
        blockBuilder: { replicas: 3 },
      }),
    ]);
    const objects = scaled('tempo');
    expect(yamlBlocks(configMapFile(objects.config_configmap, 'tempo.yaml')).block_builder).toBe(
      serialize({ block_builder: { partitions_per_instance: 2 } }),
    );
    expect((objects['live_store_eu_west_1a_statefulset'] as IStatefulSet).spec!.replicas).toBe(6);
    expect(objects.live_store_zone_a_statefulset).toBeUndefined();
  });

  it('wires queriers to the frontends and workers to the scheduler through the rendered Services', () => {
    const file = yamlBlocks(configMapFile(rendered.config_configmap, 'tempo.yaml'));
    const discovery = rendered.query_frontend_discovery_service as IService;
    expect(discovery.spec).toMatchObject({ clusterIP: 'None', publishNotReadyAddresses: true });
    expect(file.querier).toBe(
      serialize({ querier: { frontend_worker: { frontend_address: `${dns(discovery)}:9095` } } }),
    );
    expect(file.backend_worker).toBe(
      serialize({
        backend_worker: {
          backend_scheduler_addr: `${dns(rendered.backend_scheduler_service as IService)}:9095`,
          compaction: { block_retention: '336h' },
        },
      }),
    );
    expect((rendered.backend_scheduler_statefulset as IStatefulSet).spec!.replicas).toBe(1);
  });

  it('joins the memberlist ring through the rendered gossip Service', () => {
    const gossip = rendered.gossip_ring_service as IService;
    expect(yamlBlocks(configMapFile(rendered.config_configmap, 'tempo.yaml')).memberlist).toBe(
      serialize({
        memberlist: {
          join_members: [`dns+${dns(gossip)}.:${gossip.spec!.ports![0]!.port}`],
          bind_port: 7946,
          abort_if_cluster_join_fails: false,
          cluster_label: 'tempo.tempo',
        },
      }),
    );
    for (const [key, object] of Object.entries(rendered)) {
      if (object.kind !== 'Deployment' && object.kind !== 'StatefulSet') continue;
      expect((object as IStatefulSet).spec!.template.metadata!.labels!.gossip_ring_member, key).toBe('true');
    }
  });

  it('runs every container restricted as uid 10001 with requests and limits', () => {
    for (const [key, object] of Object.entries(rendered)) {
      if (object.kind !== 'Deployment' && object.kind !== 'StatefulSet') continue;
      const spec = podSpec(object);
      expect(spec.securityContext, key).toMatchObject({
        runAsNonRoot: true,
        runAsUser: 10001,
        runAsGroup: 10001,
        fsGroup: 10001,
      });
      for (const c of spec.containers) {
        expect(c.securityContext, key).toMatchObject({
          readOnlyRootFilesystem: true,
          allowPrivilegeEscalation: false,
          capabilities: { drop: ['ALL'] },
        });
        expect(Object.keys(c.resources?.requests ?? {}).sort(), key).toEqual(['cpu', 'memory']);
        expect(Object.keys(c.resources?.limits ?? {}).sort(), key).toEqual(['cpu', 'memory']);
      }
    }
  });

  it('ships alerts for compaction, polling, live-stores and Kafka lag', () => {
    const rule = rendered.alerts_prometheusrule as unknown as {
      spec: { groups: Array<{ rules: Array<{ alert: string; expr: string }> }> };
    };
    const rules = rule.spec.groups[0]!.rules;
    expect(rules.map((r) => r.alert)).toEqual([
      'TempoCompactionsFailing',
      'TempoPollsFailing',
      'TempoLiveStoreUnhealthy',
      'TempoBlockBuilderPartitionLagCritical',
      'TempoLiveStorePartitionLagCritical',
      'PersistentVolumeFillingUp',
      'PersistentVolumeFullInFourDays',
    ]);
    for (const r of rules) expect(r.expr).toContain('namespace="tempo"');
  });
});
