import { type BuildContext, type SecretStore, stageAnnotations, standardLabels } from '@platform/core';
import { CONTROLLER_SERVICE_ACCOUNT } from './chart.js';
import type { ExternalSecretsConfig } from './config.js';
import type { IClusterSecretStore } from './kinds.js';
import { storeTarget } from './target.js';

/** A reference to a secret store, as an ExternalSecret's `spec.secretStoreRef` and the `secretStore` capability carry it. */
export type SecretStoreRef = SecretStore['storeRef'];

/** Name of the platform's ClusterSecretStore unless configured otherwise (`store.name`). */
export const DEFAULT_STORE_NAME = 'platform-vault';

/** Reference to the default platform store: what {@link externalSecret} uses unless told otherwise. */
export const PLATFORM_STORE_REF: SecretStoreRef = { name: DEFAULT_STORE_NAME, kind: 'ClusterSecretStore' };

/*
 * The store syncs after the chart (wave 0): the webhook that admits ClusterSecretStores must be up, and the
 * CRD must exist, before Argo CD can apply it.
 */
const STORE_STAGE = 1;

/**
 * The platform's ClusterSecretStore: a Vault or OpenBao KV version 2 engine, logged in to with the Kubernetes
 * auth method and a token of the controller's own ServiceAccount; the server's CA comes from the environment's
 * OpenBao when the store reads from it.
 */
export function clusterSecretStore(context: BuildContext<ExternalSecretsConfig>): IClusterSecretStore {
  const { name, namespace, config } = context;
  const { store } = config;
  const target = storeTarget(context);
  return {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ClusterSecretStore',
    metadata: {
      name: store.name,
      labels: standardLabels(name, 'secret-store'),
      annotations: stageAnnotations(STORE_STAGE),
    },
    spec: {
      provider: {
        vault: {
          server: target.server,
          path: target.path,
          version: 'v2',
          ...(store.namespace !== undefined ? { namespace: store.namespace } : {}),
          ...(target.caProvider ? { caProvider: target.caProvider } : {}),
          auth: {
            kubernetes: {
              mountPath: target.authMountPath,
              role: target.role,
              serviceAccountRef: {
                name: CONTROLLER_SERVICE_ACCOUNT,
                namespace,
                ...(target.audiences.length > 0 ? { audiences: target.audiences } : {}),
              },
            },
          },
        },
      },
    },
  };
}
