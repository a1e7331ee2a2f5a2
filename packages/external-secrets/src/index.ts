/**
 * @platform/external-secrets: External Secrets Operator from its upstream chart (installed by Argo CD with
 * typed values), the platform's ClusterSecretStore for a Vault or OpenBao server, and an
 * {@link externalSecret} helper that environments and components use to have the Secrets they read delivered.
 */
import { defineComponent } from '@platform/core';
import { CHART, RELEASE_NAME } from './chart.js';
import { checkConfig } from './check.js';
import { defaults } from './config.js';
import { EXTERNAL_SECRETS_KINDS } from './kinds.js';
import { networkAccess } from './network.js';
import { clusterSecretStore } from './store.js';
import { syncSettings } from './sync.js';
import { chartValues } from './values.js';

export { CHART, CONTROLLER_SERVICE_ACCOUNT, RELEASE_NAME, WEBHOOK_PORT } from './chart.js';
export type {
  ExternalSecretsConfig,
  ResourceRequirements,
  SecretStoreConfig,
  VaultKubernetesAuthConfig,
} from './config.js';
export { defaults } from './config.js';
export type { ExternalSecretOptions, RemoteValue } from './external-secret.js';
export { DEFAULT_REFRESH_INTERVAL, externalSecret } from './external-secret.js';
export type { IClusterSecretStore, IExternalSecret, ISecretStore } from './kinds.js';
export { EXTERNAL_SECRETS_KINDS } from './kinds.js';
export type { SecretStoreRef } from './store.js';
export { DEFAULT_STORE_NAME, PLATFORM_STORE_REF } from './store.js';
export type { ExternalSecretsValues } from './values.js';

/**
 * External Secrets Operator (tier `operators`, namespace `external-secrets`). Provides `secretStore`: the
 * platform's ClusterSecretStore, reading from the environment's OpenBao (`vault`) unless `store.server` names
 * a Vault outside it.
 *
 * ```ts
 * externalSecrets()                                  // with openBao() in the environment
 * externalSecrets({ store: { server: 'https://vault.example.com:8200', auth: { mountPath: 'kubernetes-prod-eu1' } } })
 * ```
 */
export const externalSecrets = defineComponent({
  name: 'external-secrets',
  tier: 'operators',
  defaults,
  check: checkConfig,
  // The store's sync step waits for the environment's own OpenBao, whose login role it uses.
  dependsOn: ({ config, peers }) => {
    const vault = config.store.server === '' ? peers.find('vault') : undefined;
    return vault ? [vault.component] : [];
  },
  provides: ({ name, namespace, config }) => ({
    secretStore: { component: name, namespace, storeRef: { name: config.store.name, kind: 'ClusterSecretStore' } },
  }),
  build: (context) => ({ store_clustersecretstore: clusterSecretStore(context) }),
  helm: (context) => ({ ...CHART, releaseName: RELEASE_NAME, values: chartValues(context) }),
  network: networkAccess,
  sync: syncSettings,
  kinds: EXTERNAL_SECRETS_KINDS,
});
