import { describe, expect, it } from 'vitest';
import { daemonSet, deployment, discoveryService, namedWorkloadObjects, statefulSet } from '../../index.js';
import { testBuildContext } from '../../testing/index.js';

const context = testBuildContext('loki', {});

const objects = deployment(context, {
  name: 'query-frontend',
  replicas: 2,
  containers: [
    {
      name: 'query-frontend',
      image: 'grafana/loki:3.7.6',
      ports: [
        { name: 'http-metrics', containerPort: 3100 },
        { name: 'grpc', containerPort: 9095 },
      ],
    },
  ],
});

describe('namedWorkloadObjects', () => {
  it("names a workload's objects `<part>_<kind>`, `<part>_service`, `<part>_pdb`, `<part>_servicemonitor`", () => {
    const named = namedWorkloadObjects('query_frontend', 'deployment', objects);
    expect(Object.keys(named).sort()).toEqual([
      'query_frontend_deployment',
      'query_frontend_pdb',
      'query_frontend_service',
      'query_frontend_servicemonitor',
    ]);
    expect(named.query_frontend_deployment).toBe(objects.workload);
    expect(Object.keys(namedWorkloadObjects('x', 'deployment', { workload: objects.workload }))).toEqual([
      'x_deployment',
    ]);
  });
});

describe('discoveryService', () => {
  it("selects the workload's pods, ready or not, headless, without the labels its ServiceMonitor selects on", () => {
    const service = discoveryService(
      context,
      'query-frontend-discovery',
      'query-frontend',
      objects.service!.spec!.ports!,
    );
    expect(service.spec).toEqual({
      clusterIP: 'None',
      publishNotReadyAddresses: true,
      selector: { 'app.kubernetes.io/instance': 'loki', 'app.kubernetes.io/name': 'query-frontend' },
      ports: objects.service!.spec!.ports,
    });
    expect(service.metadata!.labels!['app.kubernetes.io/component']).toBe('query-frontend-discovery');
    const monitorSelector = objects.serviceMonitor!.spec.selector.matchLabels!;
    expect(Object.entries(monitorSelector).every(([key, value]) => service.metadata!.labels![key] === value)).toBe(
      false,
    );
  });
});

describe('stage', () => {
  const containers = [
    { name: 'ingester', image: 'grafana/loki:3.7.6', ports: [{ name: 'http-metrics', containerPort: 3100 }] },
  ];

  it('annotates only the workload object with its first-sync stage, next to its other annotations', () => {
    const staged = statefulSet(context, {
      name: 'ingester',
      replicas: 3,
      containers,
      stage: 1,
      annotations: { 'policy.platform/waive': 'x' },
    });
    expect(staged.workload.metadata!.annotations).toEqual({
      'policy.platform/waive': 'x',
      'platform.dev/sync-stage': '1',
    });
    expect(staged.workload.spec!.template.metadata!.annotations).toBeUndefined();
    for (const companion of [staged.service!, staged.pdb!, staged.serviceMonitor!])
      expect(companion.metadata!.annotations).toBeUndefined();
    expect(daemonSet(context, { name: 'agent', containers, stage: -1 }).workload.metadata!.annotations).toEqual({
      'platform.dev/sync-stage': '-1',
    });
  });

  it('sets no annotation without a wave, and refuses a stage Argo CD would read as 0', () => {
    expect(objects.workload.metadata!.annotations).toBeUndefined();
    expect(() => deployment(context, { name: 'querier', containers, stage: 1.5 })).toThrow(
      'querier.stage: a first-sync stage must be an integer, got 1.5',
    );
  });
});
