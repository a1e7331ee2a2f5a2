import {
  type BuildContext,
  configChecksum,
  configMap,
  deployment,
  namedWorkloadObjects,
  stableJson,
} from '@platform/core';
import type { StepCaConfig } from './config.js';
import {
  CONFIG_MAP,
  EXPORTER,
  EXPORTER_CONFIG,
  EXPORTER_PORT,
  EXPORTER_USER,
  INTERMEDIATE_CERT_FILE,
  INTERMEDIATE_SECRET,
  ROOT_FILE,
} from './layout.js';

const CONFIG_FILE = '/etc/x509-certificate-exporter/config.yaml';
/** Where the exporter finds the two CA certificates. */
const WATCHED_FILES = [`/certs/root/${ROOT_FILE}`, `/certs/intermediate/${INTERMEDIATE_CERT_FILE}`];

/**
 * x509-certificate-exporter v4 configuration (internal/config/config.go at v4.2.0): one `file` source over the
 * mounted root and intermediate certificates, which it re-reads (following the kubelet's `..data` symlinks, the
 * default for file sources, config.go:346-348) so a rotated intermediate shows up without a restart. JSON is YAML.
 */
function exporterConfig(): string {
  return `${stableJson(
    {
      server: { listen: `:${EXPORTER_PORT}` },
      log: { format: 'json' },
      sources: [{ kind: 'file', name: 'step-ca', paths: WATCHED_FILES }],
    },
    2,
  )}\n`;
}

/**
 * The expiry watch for what cert-manager does not manage: step-ca's metrics count signatures but say nothing of
 * the CA's own certificates (internal/metrix/meter.go), and a blackbox TLS probe of step-ca reports the earliest
 * expiry of the chain it serves, which is step-ca's own 24-hour leaf. The exporter reads the root (from the
 * ConfigMap) and the intermediate (only its certificate, never the key) and exports `x509_cert_not_after`.
 */
export function exporter(context: BuildContext<StepCaConfig>) {
  const { config } = context;
  const file = exporterConfig();
  return {
    exporter_configmap: configMap(context, EXPORTER_CONFIG, 'x509-exporter', { 'config.yaml': file }),
    ...namedWorkloadObjects(
      'x509_exporter',
      'deployment',
      deployment(context, {
        name: EXPORTER,
        replicas: 1,
        runAs: EXPORTER_USER,
        podAnnotations: { 'checksum/config': configChecksum(file) },
        volumes: [
          { name: 'config', configMap: { name: EXPORTER_CONFIG } },
          { name: 'root', configMap: { name: CONFIG_MAP, items: [{ key: ROOT_FILE, path: ROOT_FILE }] } },
          {
            name: 'intermediate',
            secret: {
              secretName: INTERMEDIATE_SECRET,
              items: [{ key: INTERMEDIATE_CERT_FILE, path: INTERMEDIATE_CERT_FILE }],
            },
          },
        ],
        containers: [
          {
            name: EXPORTER,
            image: config.images.x509Exporter,
            args: [`--config=${CONFIG_FILE}`],
            ports: [{ name: 'http-metrics', containerPort: EXPORTER_PORT }],
            // /healthz and /readyz on the metrics listener (internal/server/server.go:88-89).
            readinessProbe: { httpGet: { path: '/readyz', port: 'http-metrics' }, periodSeconds: 10 },
            livenessProbe: {
              httpGet: { path: '/healthz', port: 'http-metrics' },
              periodSeconds: 20,
              failureThreshold: 6,
            },
            resources: config.resources.x509Exporter,
            volumeMounts: [
              { name: 'config', mountPath: '/etc/x509-certificate-exporter', readOnly: true },
              { name: 'root', mountPath: '/certs/root', readOnly: true },
              { name: 'intermediate', mountPath: '/certs/intermediate', readOnly: true },
            ],
          },
        ],
      }),
    ),
  };
}
