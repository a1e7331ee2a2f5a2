import { type ComponentContext, type MetricsStore, selectorLabels, serviceHost } from '@platform/core';
import { queryFrontendUrl, WORKLOAD as THANOS, PORTS as THANOS_PORTS, type ThanosStoreApi } from '@platform/thanos';
import type { PrometheusConfig } from './config.js';
import { PART, PORTS } from './layout.js';

/**
 * What this Prometheus offers its peers, exactly like Mimir's `metricsStore`: remote write at Prometheus' receiver
 * (`/api/v1/write`, `web/api/v1/api.go:476` at v3.13.1), queries at Prometheus itself or, with Thanos, at the
 * Query Frontend (long-term and deduplicated), and the Alertmanager API. Single-tenant.
 */
export function metricsStore(context: ComponentContext<PrometheusConfig>): MetricsStore {
  const { config, namespace } = context;
  const settings = context.environment.settings;
  const url = (service: string, port: number) => `http://${serviceHost(service, namespace, settings)}:${port}`;
  const pods = (part: string) => selectorLabels(context.name, part);
  const alertmanager = config.alertmanager.enabled;
  const thanos = config.thanos.enabled;
  return {
    component: context.name,
    namespace,
    remoteWriteUrl: `${url(PART.prometheus, PORTS.prometheus)}/api/v1/write`,
    queryUrl: thanos ? queryFrontendUrl(namespace, settings) : url(PART.prometheus, PORTS.prometheus),
    ...(alertmanager
      ? {
          alertmanagerUrl: url(PART.alertmanager, PORTS.alertmanager),
          alertmanagerImplementation: 'prometheus' as const,
        }
      : {}),
    multiTenant: false,
    // The Prometheus resource selects every ServiceMonitor and PodMonitor, kubelets included.
    scrapesServiceMonitors: true,
    pods: {
      remoteWriteUrl: pods(PART.prometheus),
      queryUrl: thanos ? pods(THANOS.queryFrontend) : pods(PART.prometheus),
      ...(alertmanager ? { alertmanagerUrl: pods(PART.alertmanager) } : {}),
    },
  };
}

/** With Thanos, this Prometheus' Query as a StoreAPI a global Query fans out to. */
export function queryStoreApi(context: ComponentContext<PrometheusConfig>): ThanosStoreApi | undefined {
  if (!context.config.thanos.enabled) return undefined;
  return {
    component: context.name,
    namespace: context.namespace,
    role: 'query',
    grpcAddress: `${serviceHost(THANOS.query, context.namespace, context.environment.settings)}:${THANOS_PORTS.grpc}`,
    pods: { grpcAddress: selectorLabels(context.name, THANOS.query) },
  };
}
