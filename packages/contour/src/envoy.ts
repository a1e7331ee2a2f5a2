import { type BuildContext, deployment, type IService, namedWorkloadObjects, standardLabels } from '@platform/core';
import { loadBalancerAnnotations } from '@platform/edge';
import type { ContourConfig } from './config.js';
import { CONTOUR_PORTS, POD_STAGE } from './contour.js';
import { ENVOY_SERVICE_ACCOUNT } from './rbac.js';
import { ENVOY_CERT_SECRET } from './xds-certificates.js';

/**
 * Envoy's ports (`examples/contour/03-envoy.yaml`): HTTP and HTTPS listeners on unprivileged ports, the
 * metrics and readiness listener Contour configures, and the shutdown manager's.
 */
export const ENVOY_PORTS = { http: 8080, https: 8443, metrics: 8002, shutdownManager: 8090 } as const;

/** Envoy's pods drain for up to 5 minutes on shutdown (the upstream manifest's grace period). */
const DRAIN_SECONDS = 300;

/**
 * Envoy, the data plane, as a Deployment behind a LoadBalancer Service (the upstream DaemonSet binds host
 * ports 80 and 443, which Pod Security "restricted" forbids): an init container writes the bootstrap that
 * points Envoy at Contour's xDS with the client certificate; the shutdown-manager sidecar drains connections
 * before the pod stops (`contour envoy shutdown-manager`, `/healthz` on 8090 for its probes,
 * v1.33.6 `cmd/contour/shutdownmanager.go:88,103`). Metrics go to a ClusterIP Service of their own, so the load
 * balancer never exposes them.
 */
export function envoyDataPlane(context: BuildContext<ContourConfig>) {
  const { config, namespace, name } = context;
  const fieldEnv = (envName: string, fieldPath: string) => ({
    name: envName,
    valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath } },
  });
  const objects = deployment(context, {
    name: 'envoy',
    replicas: config.replicas.envoy,
    serviceAccountName: ENVOY_SERVICE_ACCOUNT,
    runAs: 65534,
    stage: POD_STAGE,
    terminationGracePeriodSeconds: DRAIN_SECONDS,
    service: { name: 'envoy-metrics', ports: ['http-metrics'] },
    serviceMonitor: { port: 'http-metrics', path: '/stats/prometheus' },
    initContainers: [
      {
        name: 'envoy-initconfig',
        image: config.images.contour,
        command: ['contour'],
        args: [
          'bootstrap',
          '/config/envoy.json',
          '--xds-address=contour',
          `--xds-port=${CONTOUR_PORTS.xds}`,
          '--xds-resource-version=v3',
          '--resources-dir=/config/resources',
          '--envoy-cafile=/certs/ca.crt',
          '--envoy-cert-file=/certs/tls.crt',
          '--envoy-key-file=/certs/tls.key',
        ],
        env: [fieldEnv('CONTOUR_NAMESPACE', 'metadata.namespace')],
        resources: config.resources.initConfig,
        volumeMounts: [
          { name: 'envoy-config', mountPath: '/config' },
          { name: 'envoycert', mountPath: '/certs', readOnly: true },
        ],
      },
    ],
    containers: [
      {
        name: 'shutdown-manager',
        image: config.images.contour,
        command: ['/bin/contour'],
        args: ['envoy', 'shutdown-manager'],
        lifecycle: { preStop: { exec: { command: ['/bin/contour', 'envoy', 'shutdown'] } } },
        livenessProbe: { httpGet: { path: '/healthz', port: ENVOY_PORTS.shutdownManager } },
        readinessProbe: { httpGet: { path: '/healthz', port: ENVOY_PORTS.shutdownManager } },
        resources: config.resources.shutdownManager,
        volumeMounts: [{ name: 'envoy-admin', mountPath: '/admin' }],
      },
      {
        name: 'envoy',
        image: config.images.envoy,
        command: ['envoy'],
        args: [
          '-c',
          '/config/envoy.json',
          '--service-cluster $(CONTOUR_NAMESPACE)',
          '--service-node $(ENVOY_POD_NAME)',
          `--log-level ${config.logLevel === 'warn' ? 'warning' : config.logLevel}`,
        ],
        env: [fieldEnv('CONTOUR_NAMESPACE', 'metadata.namespace'), fieldEnv('ENVOY_POD_NAME', 'metadata.name')],
        ports: [
          { name: 'http', containerPort: ENVOY_PORTS.http, protocol: 'TCP' },
          { name: 'https', containerPort: ENVOY_PORTS.https, protocol: 'TCP' },
          { name: 'http-metrics', containerPort: ENVOY_PORTS.metrics, protocol: 'TCP' },
        ],
        readinessProbe: {
          httpGet: { path: '/ready', port: ENVOY_PORTS.metrics },
          initialDelaySeconds: 3,
          periodSeconds: 4,
        },
        // `/ready` fails while draining; a liveness probe that tolerates a minute keeps drains from being killed.
        livenessProbe: {
          httpGet: { path: '/ready', port: ENVOY_PORTS.metrics },
          periodSeconds: 10,
          failureThreshold: 6,
        },
        lifecycle: { preStop: { httpGet: { path: '/shutdown', port: ENVOY_PORTS.shutdownManager, scheme: 'HTTP' } } },
        resources: config.resources.envoy,
        volumeMounts: [
          { name: 'envoy-config', mountPath: '/config', readOnly: true },
          { name: 'envoycert', mountPath: '/certs', readOnly: true },
          { name: 'envoy-admin', mountPath: '/admin' },
        ],
      },
    ],
    volumes: [
      { name: 'envoy-admin', emptyDir: {} },
      { name: 'envoy-config', emptyDir: {} },
      { name: 'envoycert', secret: { secretName: ENVOY_CERT_SECRET } },
    ],
  });
  const lb = config.loadBalancer;
  const service: IService = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'envoy',
      namespace,
      labels: standardLabels(name, 'envoy-load-balancer'),
      ...(lb.provider ? { annotations: loadBalancerAnnotations(lb.provider) } : {}),
    },
    spec: {
      type: 'LoadBalancer',
      externalTrafficPolicy: lb.externalTrafficPolicy,
      ...(lb.sourceRanges.length > 0 ? { loadBalancerSourceRanges: lb.sourceRanges } : {}),
      selector: objects.workload.spec!.selector.matchLabels!,
      ports: [
        { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' },
        { name: 'https', port: 443, targetPort: 'https', protocol: 'TCP' },
      ],
    },
  };
  return { ...namedWorkloadObjects('envoy', 'deployment', objects), envoy_load_balancer_service: service };
}
