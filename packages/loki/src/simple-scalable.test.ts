import { hungProcessProbe } from '@platform/core';
import { container, countByKind, podSpec, renderForTest } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { loki } from './index.js';

describe('simple-scalable mode (default)', async () => {
  const { objects } = await renderForTest([loki()]);
  const rendered = objects('loki');

  it('renders the read/write/backend targets, caches, config and monitoring objects', () => {
    expect(Object.keys(rendered).sort()).toEqual([
      'alerts_prometheusrule',
      'backend_headless_service',
      'backend_pdb',
      'backend_service',
      'backend_servicemonitor',
      'backend_statefulset',
      'chunks_cache_pdb',
      'chunks_cache_service',
      'chunks_cache_servicemonitor',
      'chunks_cache_statefulset',
      'config_configmap',
      'gossip_ring_service',
      'namespace',
      'networkpolicy_allow_dns',
      'networkpolicy_allow_metrics_scraping',
      'networkpolicy_allow_object_storage',
      'networkpolicy_allow_same_namespace',
      'networkpolicy_default_deny',
      'read_deployment',
      'read_pdb',
      'read_service',
      'read_servicemonitor',
      'results_cache_pdb',
      'results_cache_service',
      'results_cache_servicemonitor',
      'results_cache_statefulset',
      'runtime_configmap',
      'write_pdb',
      'write_service',
      'write_servicemonitor',
      'write_statefulset',
    ]);
    expect(countByKind(rendered)).toEqual({
      Namespace: 1,
      NetworkPolicy: 5,
      ConfigMap: 2,
      Service: 7,
      Deployment: 1,
      StatefulSet: 4,
      PodDisruptionBudget: 5,
      ServiceMonitor: 5,
      PrometheusRule: 1,
    });
  });

  it("comes up caches first, then write and backend, then read (its query-frontend needs the backend's schedulers)", () => {
    const wave = (key: string) => rendered[key]!.metadata?.annotations?.['argocd.argoproj.io/sync-wave'];
    expect(
      [
        'chunks_cache_statefulset',
        'results_cache_statefulset',
        'write_statefulset',
        'backend_statefulset',
        'read_deployment',
      ].map(wave),
    ).toEqual(['0', '0', '1', '1', '2']);
    expect(['write_service', 'write_pdb', 'backend_headless_service', 'config_configmap'].map(wave)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('restarts a target only when its HTTP port stops accepting connections, never on /ready', () => {
    for (const key of ['read_deployment', 'write_statefulset', 'backend_statefulset'] as const) {
      expect(container(rendered[key]).livenessProbe, key).toEqual(hungProcessProbe('http-metrics'));
    }
  });

  it('runs each target with the shared config file', () => {
    for (const [key, target] of [
      ['read_deployment', 'read'],
      ['write_statefulset', 'write'],
      ['backend_statefulset', 'backend'],
    ] as const) {
      const loki = container(rendered[key]);
      expect(loki.image).toBe('grafana/loki:3.7.6');
      expect(loki.args).toEqual(['-config.file=/etc/loki/config/config.yaml', `-target=${target}`]);
      expect(loki.ports).toEqual([
        { name: 'http-metrics', containerPort: 3100, protocol: 'TCP' },
        { name: 'grpc', containerPort: 9095, protocol: 'TCP' },
        { name: 'gossip-ring', containerPort: 7946, protocol: 'TCP' },
      ]);
      expect(loki.readinessProbe).toMatchObject({ httpGet: { path: '/ready', port: 'http-metrics' } });
      expect(loki.volumeMounts).toEqual(
        expect.arrayContaining([
          { name: 'config', mountPath: '/etc/loki/config', readOnly: true },
          { name: 'runtime-config', mountPath: '/etc/loki/runtime', readOnly: true },
          { name: 'tmp', mountPath: '/tmp' },
          { name: 'data', mountPath: '/var/loki' },
        ]),
      );
    }
  });

  it('gives write and backend a volume per pod and read an emptyDir at the data path', () => {
    for (const key of ['write_statefulset', 'backend_statefulset'] as const) {
      const claims = (
        rendered[key] as unknown as {
          spec: {
            volumeClaimTemplates: Array<{
              metadata: { name: string };
              spec: { resources: { requests: { storage: string } } };
            }>;
          };
        }
      ).spec.volumeClaimTemplates;
      expect(claims.map((c) => [c.metadata.name, c.spec.resources.requests.storage])).toEqual([['data', '10Gi']]);
    }
    expect(podSpec(rendered.read_deployment).volumes).toContainEqual({ name: 'data', emptyDir: {} });
    expect(podSpec(rendered.write_statefulset).terminationGracePeriodSeconds).toBe(300);
  });

  it('puts write and read behind ClusterIP Services and the index-gateways behind a headless one', () => {
    for (const key of ['read_service', 'write_service', 'backend_service'] as const) {
      const service = rendered[key] as unknown as {
        spec: { clusterIP?: string; ports: Array<{ name: string; port: number }> };
      };
      expect(service.spec.clusterIP).toBeUndefined();
      expect(service.spec.ports.map((p) => [p.name, p.port])).toEqual([
        ['http-metrics', 3100],
        ['grpc', 9095],
      ]);
    }
    const headless = rendered.backend_headless_service as unknown as {
      spec: { clusterIP: string; selector: Record<string, string> };
      metadata: { labels: Record<string, string> };
    };
    expect(headless.spec.clusterIP).toBe('None');
    expect(headless.spec.selector).toEqual({
      'app.kubernetes.io/instance': 'loki',
      'app.kubernetes.io/name': 'backend',
    });
    // Not selected by the backend ServiceMonitor, so pods are scraped once.
    expect(headless.metadata.labels['app.kubernetes.io/name']).toBeUndefined();
  });

  it('makes every Loki pod a gossip ring member and rolls pods on config changes', () => {
    for (const key of ['read_deployment', 'write_statefulset', 'backend_statefulset'] as const) {
      const template = (
        rendered[key] as unknown as {
          spec: { template: { metadata: { labels: Record<string, string>; annotations: Record<string, string> } } };
        }
      ).spec.template.metadata;
      expect(template.labels.gossip_ring_member).toBe('true');
      expect(template.annotations['checksum/config']).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('runs every container restricted, as uid 10001 (memcached as 11211), with requests and limits', () => {
    for (const [key, object] of Object.entries(rendered)) {
      if (!['Deployment', 'StatefulSet'].includes(object.kind)) continue;
      const spec = podSpec(object);
      expect(spec.securityContext?.runAsUser, key).toBe(key.includes('cache') ? 11211 : 10001);
      expect(spec.securityContext?.runAsNonRoot).toBe(true);
      for (const c of spec.containers) {
        expect(c.securityContext, `${key}/${c.name}`).toMatchObject({
          readOnlyRootFilesystem: true,
          allowPrivilegeEscalation: false,
          capabilities: { drop: ['ALL'] },
        });
        expect(Object.keys(c.resources?.requests ?? {}).sort(), `${key}/${c.name}`).toEqual(['cpu', 'memory']);
        expect(Object.keys(c.resources?.limits ?? {}).sort(), `${key}/${c.name}`).toEqual(['cpu', 'memory']);
      }
    }
  });

  it('renders memcached with its exporter', () => {
    const memcached = container(rendered.chunks_cache_statefulset, 'memcached');
    expect(memcached.image).toBe('memcached:1.6.40-alpine');
    expect(memcached.args).toEqual(['-m 4096', '-I 5m', '-c 16384', '-v', '--extended=modern,track_sizes']);
    expect(memcached.resources).toEqual({
      requests: { cpu: '500m', memory: '4401Mi' },
      limits: { cpu: '500m', memory: '6Gi' },
    });
    const exporter = container(rendered.chunks_cache_statefulset, 'exporter');
    expect(exporter.image).toBe('prom/memcached-exporter:v0.15.5');
    expect(exporter.ports).toEqual([{ name: 'http-metrics', containerPort: 9150, protocol: 'TCP' }]);
    expect(exporter.securityContext).toMatchObject({
      runAsUser: 65534,
      runAsGroup: 65534,
      readOnlyRootFilesystem: true,
    });
    expect((rendered.chunks_cache_service as unknown as { spec: { clusterIP: string } }).spec.clusterIP).toBe('None');
  });

  it('adds a PodDisruptionBudget to every replicated workload', () => {
    for (const name of ['read', 'write', 'backend', 'chunks-cache', 'results-cache']) {
      const pdb = Object.values(rendered).find(
        (o) => o.kind === 'PodDisruptionBudget' && o.metadata?.name === name,
      ) as unknown as { spec: { maxUnavailable: number } } | undefined;
      expect(pdb?.spec.maxUnavailable, name).toBe(1);
    }
  });

  it('ships the alert rules', () => {
    const rule = rendered.alerts_prometheusrule as unknown as {
      spec: { groups: Array<{ rules: Array<{ alert: string; expr: string }> }> };
    };
    const rules = rule.spec.groups[0]!.rules;
    expect(rules.map((r) => r.alert)).toEqual([
      'LokiRequestErrors',
      'LokiRequestPanics',
      'LokiRequestLatency',
      'LokiTooManyCompactorsRunning',
      'LokiCompactorHasNotSuccessfullyRunCompaction',
      'LokiIngesterUnhealthy',
      'LokiRulerFailedEvaluations',
      'LokiRulerMissedEvaluations',
      'PersistentVolumeFillingUp',
      'PersistentVolumeFullInFourDays',
      'MemcachedDown',
      'MemcachedEvictions',
    ]);
    for (const r of rules) expect(r.expr).toContain('namespace="loki"');
  });
});
