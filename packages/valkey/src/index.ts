/**
 * @platform/valkey: Valkey natively on StatefulSets, as a primary with replicas and a Sentinel beside each
 * instance, or as a Valkey Cluster; persistence on claims, the password from the secret store, optional TLS from
 * the platform PKI, the exporter sidecar, PDB and spread. Provides `redis`.
 */
import { configMap, defineComponent } from '@platform/core';
import { valkeyAlerts } from './alerts.js';
import { checkConfig } from './check.js';
import { clusterInitJob } from './cluster-init.js';
import { defaults } from './config.js';
import { authExternalSecret } from './credentials.js';
import { valkeyDashboards } from './dashboards.js';
import { redisEndpoint } from './endpoint.js';
import { VALKEY_KINDS } from './kinds.js';
import { names, podDomain } from './layout.js';
import { networkAccess } from './network.js';
import { clusterInit, startSentinel, startValkey } from './scripts.js';
import { clientService } from './services.js';
import { valkeyStatefulSet } from './statefulset.js';
import { tlsCertificate } from './tls.js';
import { sentinelConf, valkeyConf } from './valkey-conf.js';

export type { ResourceRequirements, ValkeyConfig } from './config.js';
export { defaults, EXPORTER_IMAGE, VALKEY_IMAGE } from './config.js';
export { BUS_PORT, EXPORTER_PORT, names, PASSWORD_KEY, SENTINEL_PORT, VALKEY_PORT } from './layout.js';

/**
 * Valkey (tier `platform`). Sentinel mode by default; `valkey({ mode: 'cluster', replicas: 6 })` for a cluster.
 *
 * ```ts
 * valkey({ clients: ['harbor'], persistence: { size: '20Gi' } }).named('harbor-cache')
 * ```
 */
export const valkey = defineComponent({
  name: 'valkey',
  tier: 'platform',
  defaults,
  check: checkConfig,
  provides: (context) => ({ redis: redisEndpoint(context), dashboards: valkeyDashboards(context) }),
  build: (context) => {
    const { config, name, namespace, environment } = context;
    const n = names(name);
    const scripts = { workload: n.workload, domain: podDomain(name, namespace, environment.settings), config };
    const files: Record<string, string> = {
      'valkey.conf': valkeyConf(config),
      'start-valkey.sh': startValkey(scripts),
      ...(config.mode === 'sentinel'
        ? { 'sentinel.conf': sentinelConf(config), 'start-sentinel.sh': startSentinel(scripts) }
        : { 'cluster-init.sh': clusterInit(scripts) }),
    };
    return {
      config_configmap: configMap(context, n.config, 'config', files),
      client_service: clientService(context),
      ...valkeyStatefulSet(context, Object.values(files).join('\n')),
      ...(config.auth.enabled ? { auth_externalsecret: authExternalSecret(context) } : {}),
      ...(config.tls.enabled ? { tls_certificate: tlsCertificate(context) } : {}),
      ...(config.mode === 'cluster' ? { cluster_init_job: clusterInitJob(context, files['cluster-init.sh']!) } : {}),
      ...(environment.settings.serviceMonitors ? { alerts_prometheusrule: valkeyAlerts(context) } : {}),
    };
  },
  network: networkAccess,
  kinds: VALKEY_KINDS,
});
