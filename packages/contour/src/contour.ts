import { type BuildContext, configMap, deployment, namedWorkloadObjects } from '@platform/core';
import type { ContourConfig } from './config.js';
import { CONTOUR_SERVICE_ACCOUNT } from './rbac.js';
import { CONTOUR_CERT_SECRET } from './xds-certificates.js';

/** Ports of the Contour container (`examples/contour/03-contour.yaml`): xDS for Envoy, metrics and health. */
export const CONTOUR_PORTS = { xds: 8001, metrics: 8000 } as const;

/** First-sync stage of the pods: the xDS certificates (stage 0) are issued before the pods that mount them start. */
export const POD_STAGE = 1;

/**
 * `contour.yaml` (v1.33.6 `pkg/config/parameters.go`): JSON access logs from Envoy (shipped to Loki with the pod
 * logs, line 608), no HTTPProxy may serve plain HTTP (`disablePermitInsecure`, line 626), TLS 1.2 at least (185).
 */
export function contourConfigFile(): string {
  return [
    'accesslog-format: json',
    'disablePermitInsecure: true',
    'tls:',
    '  minimum-protocol-version: "1.2"',
    '',
  ].join('\n');
}

/**
 * Contour, the control plane: watches HTTPProxies, Ingresses and Secrets and serves Envoy's configuration over
 * xDS with mutual TLS; leader-elected, so the second replica is a warm standby. Arguments as the upstream
 * manifest passes them (`examples/contour/03-contour.yaml`), plus the ingress class and the Envoy Service whose
 * address goes into the routes' status (which external-dns reads).
 */
export function contourControlPlane(context: BuildContext<ContourConfig>) {
  const { config } = context;
  const configFile = configMap(context, 'contour', 'contour', { 'contour.yaml': contourConfigFile() });
  const objects = deployment(context, {
    name: 'contour',
    replicas: config.replicas.contour,
    serviceAccountName: CONTOUR_SERVICE_ACCOUNT,
    automountServiceAccountToken: true,
    runAs: 65534,
    stage: POD_STAGE,
    rollout: { maxSurge: '50%', maxUnavailable: 0 },
    containers: [
      {
        name: 'contour',
        image: config.images.contour,
        command: ['contour'],
        args: [
          'serve',
          '--incluster',
          '--xds-address=0.0.0.0',
          `--xds-port=${CONTOUR_PORTS.xds}`,
          '--contour-cafile=/certs/ca.crt',
          '--contour-cert-file=/certs/tls.crt',
          '--contour-key-file=/certs/tls.key',
          '--config-path=/config/contour.yaml',
          `--ingress-class-name=${config.className}`,
          '--envoy-service-name=envoy',
          `--envoy-service-namespace=${context.namespace}`,
        ],
        ports: [
          { name: 'xds', containerPort: CONTOUR_PORTS.xds, protocol: 'TCP' },
          { name: 'http-metrics', containerPort: CONTOUR_PORTS.metrics, protocol: 'TCP' },
        ],
        env: [
          { name: 'CONTOUR_NAMESPACE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } } },
          { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
        ],
        livenessProbe: { httpGet: { path: '/healthz', port: CONTOUR_PORTS.metrics } },
        readinessProbe: { tcpSocket: { port: CONTOUR_PORTS.xds }, periodSeconds: 10 },
        resources: config.resources.contour,
        volumeMounts: [
          { name: 'contourcert', mountPath: '/certs', readOnly: true },
          { name: 'contour-config', mountPath: '/config', readOnly: true },
        ],
      },
    ],
    volumes: [
      { name: 'contourcert', secret: { secretName: CONTOUR_CERT_SECRET } },
      {
        name: 'contour-config',
        configMap: { name: configFile.metadata!.name!, items: [{ key: 'contour.yaml', path: 'contour.yaml' }] },
      },
    ],
  });
  return { contour_configmap: configFile, ...namedWorkloadObjects('contour', 'deployment', objects) };
}
