import { type BuildContext, type IService, type IServiceMonitor, serviceHost, standardLabels } from '@platform/core';
import type { OpenBaoConfig } from './config.js';
import { API_PORT, API_SERVICE, serverPods, TLS_SECRET } from './layout.js';

/**
 * The Service clients use. Labelled without the pods' selector labels, so that the ServiceMonitor (which selects
 * the headless Service) does not scrape every pod twice.
 */
export function apiService(context: BuildContext<OpenBaoConfig>): IService {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: API_SERVICE, namespace: context.namespace, labels: standardLabels(context.name, 'api') },
    spec: {
      selector: serverPods(context),
      ports: [{ name: 'https', port: API_PORT, targetPort: 'https', protocol: 'TCP' }],
    },
  };
}

/**
 * Scrapes `/v1/sys/metrics` of every pod, sealed ones included (the unauthenticated handler reads the metrics
 * without the barrier, `http/sys_metrics.go`), over TLS verified against the issuing CA in the listener's
 * Secret. Prometheus' Accept header selects the Prometheus format (`helper/metricsutil/metricsutil.go`
 * `FormatFromRequest`).
 */
export function serviceMonitor(context: BuildContext<OpenBaoConfig>): IServiceMonitor {
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'ServiceMonitor',
    metadata: { name: context.name, namespace: context.namespace, labels: standardLabels(context.name, 'metrics') },
    spec: {
      selector: { matchLabels: serverPods(context) },
      endpoints: [
        {
          port: 'https',
          scheme: 'https',
          path: '/v1/sys/metrics',
          interval: '30s',
          tlsConfig: {
            ca: { secret: { name: TLS_SECRET, key: 'ca.crt' } },
            serverName: serviceHost(API_SERVICE, context.namespace, context.environment.settings),
          },
        },
      ],
    },
  };
}
