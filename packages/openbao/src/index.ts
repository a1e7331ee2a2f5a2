/**
 * @platform/openbao: OpenBao as the platform's in-cluster secret store. A highly available Raft cluster
 * (StatefulSet, PVCs, anti-affinity, PDB) on a certificate from the internal PKI, the Kubernetes auth method and
 * KV engine External Secrets reads, a declarative audit device, and the unseal strategy as typed configuration.
 */
import { CERT_MANAGER_KINDS } from '@platform/cert-manager';
import { defineComponent, PlatformError } from '@platform/core';
import { alerts } from './alerts.js';
import { apiService, serviceMonitor } from './api.js';
import { vaultServer } from './capability.js';
import { checkConfig } from './check.js';
import { defaults } from './config.js';
import { configFiles, configMaps } from './config-maps.js';
import { openBaoDashboards } from './dashboards.js';
import { networkAccess } from './network.js';
import { rbac } from './rbac.js';
import { server } from './server.js';
import { tlsCertificate } from './tls.js';

export type { VaultServer } from '@platform/core';
export type { BootstrapRequest } from './bootstrap.js';
export { ADMIN_POLICY, bootstrapRequests, EXTERNAL_SECRETS_POLICY, externalSecretsPolicy } from './bootstrap.js';
export type {
  AwsKmsSealConfig,
  ExternalSecretsAccessConfig,
  OpenBaoConfig,
  StaticSealConfig,
  TransitSealConfig,
  UnsealConfig,
  UnsealType,
} from './config.js';
export { defaults, OPENBAO_IMAGE } from './config.js';
export { API_PORT, API_SERVICE, TLS_SECRET } from './layout.js';

/**
 * OpenBao (tier `operators`, namespace `openbao`): it comes before External Secrets, whose ClusterSecretStore
 * stays unhealthy, and holds its sync step, until OpenBao answers. Provides `vault` (address, CA, auth and KV
 * mounts) and `dashboards`; needs a `certificateIssuer`.
 *
 * ```ts
 * openbao({ unseal: { type: 'transit', transit: { address: 'https://unseal.example.com:8200', keyName: 'prod',
 *   tokenSecret: { name: 'openbao-unseal', key: 'token' } } } })
 * ```
 */
export const openbao = defineComponent({
  name: 'openbao',
  tier: 'operators',
  defaults,
  check: checkConfig,
  dependsOn: (context) => [
    context.peers.require('certificateIssuer', 'OpenBao serves its API and Raft traffic over TLS').component,
  ],
  provides: (context) => ({ vault: vaultServer(context), dashboards: openBaoDashboards(context) }),
  build: (context) => {
    const esoNamespace = context.peers.namespaceOf('external-secrets');
    if (esoNamespace !== undefined && esoNamespace !== context.config.externalSecrets.namespace)
      throw new PlatformError({
        path: 'externalSecrets.namespace',
        message: `the role is bound to ServiceAccounts of namespace "${context.config.externalSecrets.namespace}", but the external-secrets component runs in "${esoNamespace}"; set externalSecrets.namespace: '${esoNamespace}'`,
      });
    const files = configFiles(context);
    return {
      tls_certificate: tlsCertificate(context),
      ...configMaps(context, files),
      ...rbac(context),
      ...server(context, { ...files.config, ...files.bootstrap }),
      api_service: apiService(context),
      ...(context.environment.settings.serviceMonitors
        ? { server_servicemonitor: serviceMonitor(context), alerts_prometheusrule: alerts(context) }
        : {}),
    };
  },
  network: networkAccess,
  kinds: CERT_MANAGER_KINDS,
});
