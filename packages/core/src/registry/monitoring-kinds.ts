import type { KindDefinition } from './kinds.js';

/**
 * prometheus-operator's kinds, which core's workload helpers render (ServiceMonitors) and components use for
 * alerts (PrometheusRules) and pod scraping (PodMonitors). Their CRDs come from a component of the environment
 * (e.g. `@platform/prometheus-operator-crds`); the delivery checks verify that one installs them first.
 */
export const MONITORING_KINDS: readonly KindDefinition[] = [
  {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'ServiceMonitor',
    scope: 'Namespaced',
    schema: {
      model: async () =>
        (await import('@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor')).ServiceMonitor,
    },
  },
  {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PodMonitor',
    scope: 'Namespaced',
    schema: {
      model: async () =>
        (await import('@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor')).PodMonitor,
    },
  },
  {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    scope: 'Namespaced',
    schema: {
      model: async () =>
        (await import('@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule')).PrometheusRule,
    },
  },
];
