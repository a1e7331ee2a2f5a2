import { describe, expect, it } from 'vitest';
import { renderMimir } from './mimir.test-helpers.js';

/** `<part>_<kind>` → kind, for every object the default configuration renders (namespace objects included). */
const EXPECTED: Record<string, string> = {
  namespace: 'Namespace',
  networkpolicy_default_deny: 'NetworkPolicy',
  networkpolicy_allow_same_namespace: 'NetworkPolicy',
  networkpolicy_allow_dns: 'NetworkPolicy',
  networkpolicy_allow_metrics_scraping: 'NetworkPolicy',
  networkpolicy_allow_object_storage: 'NetworkPolicy',
  networkpolicy_allow_alertmanager_notifications: 'NetworkPolicy',
  mimir_serviceaccount: 'ServiceAccount',
  config_configmap: 'ConfigMap',
  runtime_configmap: 'ConfigMap',
  alertmanager_fallback_configmap: 'ConfigMap',
  gossip_ring_service: 'Service',
  alerts_prometheusrule: 'PrometheusRule',
  query_scheduler_discovery_service: 'Service',
};
const WORKLOADS: Record<string, 'Deployment' | 'StatefulSet'> = {
  distributor: 'Deployment',
  ingester: 'StatefulSet',
  querier: 'Deployment',
  query_frontend: 'Deployment',
  query_scheduler: 'Deployment',
  store_gateway: 'StatefulSet',
  compactor: 'StatefulSet',
  ruler: 'Deployment',
  alertmanager: 'StatefulSet',
  memcached_chunks: 'StatefulSet',
  memcached_index_queries: 'StatefulSet',
  memcached_metadata: 'StatefulSet',
  memcached_frontend: 'StatefulSet',
};
for (const [part, kind] of Object.entries(WORKLOADS)) {
  EXPECTED[`${part}_${kind.toLowerCase()}`] = kind;
  EXPECTED[`${part}_service`] = 'Service';
  EXPECTED[`${part}_pdb`] = 'PodDisruptionBudget';
  EXPECTED[`${part}_servicemonitor`] = 'ServiceMonitor';
}

describe('default inventory', () => {
  it('renders every part of the architecture under its Jsonnet-style name, and every object validates', async () => {
    // renderForTest validates every object against its schema (unknown fields included) and throws otherwise.
    const objects = await renderMimir();
    expect(Object.keys(objects).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const [key, kind] of Object.entries(EXPECTED)) expect(objects[key]!.kind, key).toBe(kind);
    expect(Object.keys(objects)).toHaveLength(66);
  });

  it("names the Kubernetes objects as Grafana's Jsonnet does", async () => {
    const objects = await renderMimir();
    const names = (kind: string) =>
      Object.values(objects)
        .filter((o) => o.kind === kind)
        .map((o) => o.metadata!.name)
        .sort();
    expect(names('Deployment')).toEqual(['distributor', 'querier', 'query-frontend', 'query-scheduler', 'ruler']);
    expect(names('StatefulSet')).toEqual([
      'alertmanager',
      'compactor',
      'ingester',
      'memcached-chunks',
      'memcached-frontend',
      'memcached-index-queries',
      'memcached-metadata',
      'store-gateway',
    ]);
    expect(names('ConfigMap')).toEqual(['alertmanager-fallback-config', 'mimir-config', 'mimir-runtime']);
    expect(names('Service')).toContain('gossip-ring');
    expect(names('Service')).toContain('query-scheduler-discovery');
    for (const object of Object.values(objects)) {
      if (object.kind !== 'Namespace') expect(object.metadata!.namespace, object.metadata!.name).toBe('mimir');
    }
  });
});
