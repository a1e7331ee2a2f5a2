import { type BuildContext, deployment, mirroredImage, namedWorkloadObjects } from '@platform/core';
import type { PrometheusConfig } from './config.js';
import { KUBELET_SERVICE, NOBODY, PART, PORTS, SERVICE_ACCOUNT } from './layout.js';

/**
 * The operator's flags (`cmd/operator/main.go:141-196` at v0.93.0), as the upstream manifest passes them
 * (`example/rbac/prometheus-operator/prometheus-operator-deployment.yaml`) plus: the config reloader's image
 * through the registry mirror and its resources without a CPU limit ("0" disables it, `main.go:161-164`), the
 * cluster domain for FQDNs, and the kubelet Service only when the kubelets are scraped.
 */
function operatorArgs(context: BuildContext<PrometheusConfig>): string[] {
  const { config } = context;
  const settings = context.environment.settings;
  return [
    `--log-level=${config.logLevel}`,
    ...(config.kubernetes.kubelet ? [`--kubelet-service=${KUBELET_SERVICE.namespace}/${KUBELET_SERVICE.name}`] : []),
    `--prometheus-config-reloader=${mirroredImage(config.images.configReloader, settings.imageRegistryMirror)}`,
    '--config-reloader-cpu-request=10m',
    '--config-reloader-cpu-limit=0',
    '--config-reloader-memory-request=50Mi',
    '--config-reloader-memory-limit=50Mi',
    `--cluster-domain=${settings.clusterDomain}`,
    '--watch-referenced-objects-in-all-namespaces=true',
    '--disable-unmanaged-prometheus-configuration=true',
  ];
}

/**
 * The operator: one replica (it has no leader election), never two at once during a rollout; `/healthz` and
 * `/metrics` on 8080 (`cmd/operator/main.go:748-756`), scraped by its ServiceMonitor.
 */
export function operator(context: BuildContext<PrometheusConfig>) {
  const { config } = context;
  return namedWorkloadObjects(
    'operator',
    'deployment',
    deployment(context, {
      name: PART.operator,
      replicas: 1,
      serviceAccountName: SERVICE_ACCOUNT.operator,
      automountServiceAccountToken: true,
      runAs: NOBODY,
      rollout: { maxSurge: 0, maxUnavailable: 1 },
      containers: [
        {
          name: 'prometheus-operator',
          image: config.images.operator,
          args: operatorArgs(context),
          // The upstream manifest's: the operator holds many informers, and collects garbage early.
          env: [{ name: 'GOGC', value: '30' }],
          ports: [{ name: 'http-metrics', containerPort: PORTS.operator, protocol: 'TCP' }],
          readinessProbe: { httpGet: { path: '/healthz', port: 'http-metrics' }, periodSeconds: 10 },
          livenessProbe: {
            httpGet: { path: '/healthz', port: 'http-metrics' },
            periodSeconds: 20,
            failureThreshold: 6,
          },
          resources: config.operator.resources,
        },
      ],
    }),
  );
}
