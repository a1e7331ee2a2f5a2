import { describe, expect, it } from 'vitest';
import { testBuildContext } from './testing.js';
import { deployment, discoveryService, namedWorkloadObjects } from './workload.js';

const context = testBuildContext('loki', {});

const objects = deployment(context, {
  name: 'query-frontend',
  replicas: 2,
  containers: [{ name: 'query-frontend', image: 'grafana/loki:3.7.6', ports: [{ name: 'http-metrics', containerPort: 3100 }, { name: 'grpc', containerPort: 9095 }] }],
});

describe('namedWorkloadObjects', () => {
  it('names a workload\'s objects `<part>_<kind>`, `<part>_service`, `<part>_pdb`, `<part>_servicemonitor`', () => {
    const named = namedWorkloadObjects('query_frontend', 'deployment', objects);
    expect(Object.keys(named).sort()).toEqual(['query_frontend_deployment', 'query_frontend_pdb', 'query_frontend_service', 'query_frontend_servicemonitor']);
    expect(named.query_frontend_deployment).toBe(objects.workload);
    expect(Object.keys(namedWorkloadObjects('x', 'deployment', { workload: objects.workload }))).toEqual(['x_deployment']);
  });
});

describe('discoveryService', () => {
  it('selects the workload\'s pods, ready or not, headless, without the labels its ServiceMonitor selects on', () => {
    const service = discoveryService(context, 'query-frontend-discovery', 'query-frontend', objects.service!.spec!.ports!);
    expect(service.spec).toEqual({
      clusterIP: 'None',
      publishNotReadyAddresses: true,
      selector: { 'app.kubernetes.io/instance': 'loki', 'app.kubernetes.io/name': 'query-frontend' },
      ports: objects.service!.spec!.ports,
    });
    expect(service.metadata!.labels!['app.kubernetes.io/component']).toBe('query-frontend-discovery');
    const monitorSelector = objects.serviceMonitor!.spec.selector.matchLabels!;
    expect(Object.entries(monitorSelector).every(([key, value]) => service.metadata!.labels![key] === value)).toBe(false);
  });
});
