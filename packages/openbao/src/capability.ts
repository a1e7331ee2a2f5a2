import type { ComponentContext, VaultServer } from '@platform/core';
import type { OpenBaoConfig } from './config.js';
import { apiAddress, serverPods, TLS_SECRET } from './layout.js';

/** What this OpenBao publishes as `vault`. */
export function vaultServer(context: ComponentContext<OpenBaoConfig>): VaultServer {
  const { config, name, namespace } = context;
  const eso = config.externalSecrets;
  return {
    component: name,
    namespace,
    address: apiAddress(context),
    pods: { address: serverPods(context) },
    caSecret: { namespace, name: TLS_SECRET, key: 'ca.crt' },
    kubernetesAuthMount: config.kubernetesAuth.mountPath,
    kv: { mountPath: config.kv.mountPath, version: 'v2' },
    externalSecrets: {
      role: eso.role,
      serviceAccount: eso.serviceAccount,
      namespace: eso.namespace,
      ...(eso.audience ? { audience: eso.audience } : {}),
    },
  };
}
