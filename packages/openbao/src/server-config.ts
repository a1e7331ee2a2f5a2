import type { BuildContext } from '@platform/core';
import type { OpenBaoConfig } from './config.js';
import { API_PORT, CA_FILE, CLUSTER_PORT, PATHS, podHost } from './layout.js';
import { sealParts } from './seal.js';

/** Path of the audit device (in the root namespace) and where its `file` target writes. */
const AUDIT_PATH = 'platform';
const AUDIT_FILE = `${PATHS.audit}/audit.log`;

/**
 * The server configuration, as JSON (OpenBao reads `.json` configuration files; every key below is from
 * `website/content/docs/configuration/` at v2.6.2):
 *
 * - one TLS `tcp` listener for the API and cluster traffic (`listener/tcp.mdx`), serving `/v1/sys/metrics`
 *   without a token (`telemetry.unauthenticated_metrics_access`), since the metrics name no secret and a scraper
 *   has no OpenBao identity; the certificate reloads on SIGHUP;
 * - integrated Raft storage joining the other pods through the headless Service (`storage/raft.mdx`
 *   `retry_join`, `leader_api_addr`, `leader_ca_cert_file`); the node id, `api_addr` and `cluster_addr` come
 *   from the pod's environment (`BAO_RAFT_NODE_ID`, `BAO_API_ADDR`, `BAO_CLUSTER_ADDR`);
 * - Kubernetes service registration, which labels each pod `openbao-active`/`openbao-sealed`
 *   (`service-registration/kubernetes.mdx`);
 * - Prometheus telemetry without host names in gauge names (`telemetry.mdx`);
 * - the declarative audit device (`audit.mdx`), created by the active node at start and on SIGHUP;
 * - the seal, unless Shamir.
 */
export function serverConfig(context: BuildContext<OpenBaoConfig>): Record<string, unknown> {
  const { config, environment, name } = context;
  const seal = sealParts(config.unseal).stanza;
  const peers = Array.from({ length: config.replicas }, (_, ordinal) => ({
    leader_api_addr: `https://${podHost(context, ordinal)}:${API_PORT}`,
    leader_ca_cert_file: CA_FILE,
  }));
  return {
    cluster_name: `${environment.name}-${name}`,
    ui: config.ui,
    log_level: config.logLevel,
    listener: [
      {
        tcp: {
          address: `[::]:${API_PORT}`,
          cluster_address: `[::]:${CLUSTER_PORT}`,
          tls_cert_file: `${PATHS.tls}/tls.crt`,
          tls_key_file: `${PATHS.tls}/tls.key`,
          tls_min_version: 'tls12',
          telemetry: { unauthenticated_metrics_access: true },
        },
      },
    ],
    storage: { raft: { path: PATHS.data, ...(config.replicas > 1 ? { retry_join: peers } : {}) } },
    service_registration: { kubernetes: {} },
    telemetry: { prometheus_retention_time: '24h', disable_hostname: true },
    audit: [
      {
        file: {
          [AUDIT_PATH]: {
            description: `Every request and response, to ${config.audit.target === 'stdout' ? 'the pod log' : AUDIT_FILE}`,
            options: { file_path: config.audit.target === 'stdout' ? 'stdout' : AUDIT_FILE },
          },
        },
      },
    ],
    ...(seal ? { seal } : {}),
  };
}
