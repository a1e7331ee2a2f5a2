import { hungProcessProbe, type IService, type IStatefulSet, serialize, type TracesStore } from '@platform/core';
import {
  configMapFile,
  container,
  countByKind,
  podSpec,
  providedBy,
  renderForTest,
  yamlBlocks,
} from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { tempo } from './index.js';

describe('monolithic mode', async () => {
  const component = tempo({ mode: 'monolithic' });
  const { objects } = await renderForTest([component]);
  const rendered = objects('tempo');

  it('renders one Tempo pod without Kafka or a gossip ring', () => {
    expect(Object.keys(rendered).sort()).toEqual([
      'alerts_prometheusrule',
      'config_configmap',
      'namespace',
      'networkpolicy_allow_dns',
      'networkpolicy_allow_metrics_scraping',
      'networkpolicy_allow_object_storage',
      'networkpolicy_allow_same_namespace',
      'networkpolicy_default_deny',
      'overrides_configmap',
      'tempo_pdb',
      'tempo_service',
      'tempo_servicemonitor',
      'tempo_statefulset',
    ]);
    expect(countByKind(rendered)).toEqual({
      Namespace: 1,
      NetworkPolicy: 5,
      ConfigMap: 2,
      Service: 1,
      StatefulSet: 1,
      PodDisruptionBudget: 1,
      ServiceMonitor: 1,
      PrometheusRule: 1,
    });
    const file = yamlBlocks(configMapFile(rendered.config_configmap, 'tempo.yaml'));
    expect(file.ingest).toBeUndefined();
    expect(file.memberlist).toBeUndefined();
    expect(file.block_builder).toBeUndefined();
  });

  it('runs -target=all with OTLP, HTTP and gRPC ports and a volume for WAL and blocks', () => {
    const statefulSet = rendered.tempo_statefulset as IStatefulSet;
    expect(statefulSet.spec!.replicas).toBe(1);
    const tempoContainer = container(statefulSet);
    expect(tempoContainer.args).toEqual(['-config.file=/etc/tempo/config/tempo.yaml', '-target=all']);
    expect(tempoContainer.ports!.map((p) => [p.name, p.containerPort])).toEqual([
      ['http-metrics', 3200],
      ['grpc', 9095],
      ['otlp-grpc', 4317],
      ['otlp-http', 4318],
    ]);
    expect(tempoContainer.readinessProbe).toMatchObject({ httpGet: { path: '/ready', port: 'http-metrics' } });
    expect(tempoContainer.livenessProbe).toEqual(hungProcessProbe('http-metrics'));
    expect(statefulSet.metadata!.annotations!['argocd.argoproj.io/sync-wave']).toBe('1');
    expect(
      statefulSet.spec!.volumeClaimTemplates!.map((c) => [c.metadata!.name, c.spec!.resources!.requests!.storage]),
    ).toEqual([['data', '10Gi']]);
    expect(tempoContainer.volumeMounts).toContainEqual({ name: 'data', mountPath: '/var/tempo' });
    expect(podSpec(statefulSet).securityContext).toMatchObject({ runAsUser: 10001, runAsNonRoot: true });
    expect((rendered.tempo_service as IService).spec!.clusterIP).toBeUndefined();
  });

  it('keeps traces in S3 and applies retention in-process', () => {
    const file = yamlBlocks(configMapFile(rendered.config_configmap, 'tempo.yaml'));
    expect(file.storage).toBe(
      serialize({
        storage: {
          trace: {
            backend: 's3',
            s3: {
              bucket: 'acme-test-tempo-traces',
              endpoint: 's3.eu-west-1.amazonaws.com',
              region: 'eu-west-1',
              forcepathstyle: false,
              insecure: false,
            },
            wal: { path: '/var/tempo/wal' },
          },
        },
      }),
    );
    expect(file.backend_worker).toBe(serialize({ backend_worker: { compaction: { block_retention: '336h' } } }));
  });

  it('provides endpoints on the one Service, with its selector as the pods of each', () => {
    const store = providedBy(component).tracesStore as TracesStore;
    const selector = (rendered.tempo_service as IService).spec!.selector;
    expect(selector).toEqual({ 'app.kubernetes.io/instance': 'tempo', 'app.kubernetes.io/name': 'tempo' });
    expect(store).toEqual({
      component: 'tempo',
      namespace: 'tempo',
      otlpGrpcAddress: 'tempo.tempo.svc.cluster.local:4317',
      otlpHttpUrl: 'http://tempo.tempo.svc.cluster.local:4318',
      queryUrl: 'http://tempo.tempo.svc.cluster.local:3200',
      multiTenant: true,
      pods: { otlpGrpcAddress: selector, otlpHttpUrl: selector, queryUrl: selector },
    });
  });
});
