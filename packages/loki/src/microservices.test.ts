import { type IService, serialize } from '@platform/core';
import {
  configMapFile,
  container,
  countByKind,
  podSpec,
  renderForTest,
  stubComponent,
  yamlBlocks,
} from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { loki } from './index.js';

function dns(service: IService): string {
  return `${service.metadata!.name}.${service.metadata!.namespace}.svc.cluster.local`;
}

describe('microservices mode', async () => {
  const { objects } = await renderForTest([loki({ mode: 'microservices' })]);
  const rendered = objects('loki');

  it('renders one workload per Loki component, the ruler only when enabled', () => {
    const workloads = Object.entries(rendered)
      .filter(([, o]) => o.kind === 'Deployment' || o.kind === 'StatefulSet')
      .map(([key]) => key)
      .sort();
    expect(workloads).toEqual([
      'chunks_cache_statefulset',
      'compactor_statefulset',
      'distributor_deployment',
      'index_gateway_statefulset',
      'ingester_statefulset',
      'querier_deployment',
      'query_frontend_deployment',
      'query_scheduler_deployment',
      'results_cache_statefulset',
    ]);
    expect(countByKind(rendered)).toEqual({
      Namespace: 1,
      NetworkPolicy: 5,
      ConfigMap: 2,
      Service: 10,
      Deployment: 4,
      StatefulSet: 5,
      PodDisruptionBudget: 9,
      ServiceMonitor: 9,
      PrometheusRule: 1,
    });
    expect(rendered.read_deployment).toBeUndefined();
  });

  it('runs each component with its target', () => {
    const targets: Record<string, string> = {
      distributor_deployment: 'distributor',
      ingester_statefulset: 'ingester',
      querier_deployment: 'querier',
      query_frontend_deployment: 'query-frontend',
      query_scheduler_deployment: 'query-scheduler',
      index_gateway_statefulset: 'index-gateway',
      compactor_statefulset: 'compactor',
    };
    for (const [key, target] of Object.entries(targets)) {
      expect(container(rendered[key]).args, key).toEqual([
        '-config.file=/etc/loki/config/config.yaml',
        `-target=${target}`,
      ]);
    }
  });

  it('stages the first sync: caches, then ingesters, index gateways and compactor, then the read and write paths', () => {
    const waves = Object.fromEntries(
      Object.entries(rendered)
        .filter(([, o]) => o.kind === 'Deployment' || o.kind === 'StatefulSet')
        .map(([key, o]) => [key, o.metadata?.annotations?.['argocd.argoproj.io/sync-wave']]),
    );
    expect(waves).toEqual({
      chunks_cache_statefulset: '0',
      results_cache_statefulset: '0',
      ingester_statefulset: '1',
      index_gateway_statefulset: '1',
      compactor_statefulset: '1',
      distributor_deployment: '2',
      querier_deployment: '2',
      query_frontend_deployment: '2',
      query_scheduler_deployment: '2',
    });
  });

  it('sizes components as configured by default', () => {
    const replicas = (key: string) => (rendered[key] as unknown as { spec: { replicas: number } }).spec.replicas;
    expect([
      replicas('distributor_deployment'),
      replicas('ingester_statefulset'),
      replicas('querier_deployment'),
      replicas('query_frontend_deployment'),
      replicas('query_scheduler_deployment'),
      replicas('index_gateway_statefulset'),
      replicas('compactor_statefulset'),
    ]).toEqual([3, 3, 3, 2, 2, 2, 1]);
    expect(podSpec(rendered.ingester_statefulset).terminationGracePeriodSeconds).toBe(300);
  });

  it('points frontends and queriers at the headless scheduler Service, index queries and compactor calls at theirs', () => {
    const scheduler = rendered.query_scheduler_service as IService;
    expect(scheduler.spec).toMatchObject({ clusterIP: 'None', publishNotReadyAddresses: true });
    const file = yamlBlocks(configMapFile(rendered.config_configmap, 'config.yaml'));
    expect(file.frontend_worker).toBe(serialize({ frontend_worker: { scheduler_address: `${dns(scheduler)}:9095` } }));
    expect(file.frontend).toContain(`  scheduler_address: ${dns(scheduler)}:9095\n`);
    expect(file.frontend).toContain(`  tail_proxy_url: http://${dns(rendered.querier_service as IService)}:3100\n`);
    expect(file.storage_config).toContain(
      `server_address: dns+${dns(rendered.index_gateway_service as IService)}.:9095\n`,
    );
    expect((rendered.index_gateway_service as IService).spec!.clusterIP).toBe('None');
    expect(file.common).toContain(`  compactor_grpc_address: ${dns(rendered.compactor_service as IService)}:9095\n`);
  });

  it('renders an optional ruler that sends alerts to the environment Alertmanager', async () => {
    const mimir = stubComponent('mimir', {
      metricsStore: {
        component: 'mimir',
        namespace: 'mimir',
        multiTenant: true,
        remoteWriteUrl: 'http://distributor.mimir.svc.cluster.local:8080/api/v1/push',
        queryUrl: 'http://query-frontend.mimir.svc.cluster.local:8080/prometheus',
        alertmanagerUrl: 'http://alertmanager.mimir.svc.cluster.local:8080/alertmanager',
        pods: {
          remoteWriteUrl: { 'app.kubernetes.io/instance': 'mimir', 'app.kubernetes.io/name': 'distributor' },
          queryUrl: { 'app.kubernetes.io/instance': 'mimir', 'app.kubernetes.io/name': 'query-frontend' },
          alertmanagerUrl: { 'app.kubernetes.io/instance': 'mimir', 'app.kubernetes.io/name': 'alertmanager' },
        },
      },
    });
    const { objects: withRuler } = await renderForTest([
      loki({ mode: 'microservices', ruler: { enabled: true } }),
      mimir,
    ]);
    const objects = withRuler('loki');
    expect(container(objects.ruler_deployment).args).toEqual([
      '-config.file=/etc/loki/config/config.yaml',
      '-target=ruler',
    ]);
    expect(objects.ruler_deployment!.metadata?.annotations?.['argocd.argoproj.io/sync-wave']).toBe('2');
    expect(podSpec(objects.ruler_deployment).volumes).toContainEqual({ name: 'data', emptyDir: {} });
    expect(yamlBlocks(configMapFile(objects.config_configmap, 'config.yaml')).ruler).toContain(
      '  alertmanager_url: http://alertmanager.mimir.svc.cluster.local:8080/alertmanager\n',
    );
    // Only the ruler pods, only to the Alertmanager pods.
    expect((objects.networkpolicy_allow_to_mimir_alertmanager as unknown as { spec: unknown }).spec).toEqual({
      podSelector: { matchLabels: { 'app.kubernetes.io/instance': 'loki', 'app.kubernetes.io/name': 'ruler' } },
      policyTypes: ['Egress'],
      egress: [
        {
          to: [
            {
              namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'mimir' } },
              podSelector: {
                matchLabels: { 'app.kubernetes.io/instance': 'mimir', 'app.kubernetes.io/name': 'alertmanager' },
              },
            },
          ],
          ports: [{ port: 8080, protocol: 'TCP' }],
        },
      ],
    });
  });
});
