import type { ComponentContext, ServiceEndpoint } from '@platform/core';
import type { OpenBaoConfig } from './config.js';
import { apiAddress, serverPods, TLS_SECRET } from './layout.js';

/**
 * A Vault-API secret server in the cluster (OpenBao), as External Secrets' ClusterSecretStore needs it: where it
 * listens, which CA signs its certificate, and the auth mount, role and KV mount the platform bootstrap creates.
 * A capability of this library (declaration merging); a Vault library would provide the same.
 */
export interface VaultServer extends ServiceEndpoint<'address'> {
  /** API URL, e.g. `https://openbao.openbao.svc.cluster.local:8200` (ESO `provider.vault.server`). */
  address: string;
  /**
   * The Secret holding the CA that issued the listener's certificate (cert-manager's `ca.crt`), in the server's
   * namespace (ESO `provider.vault.caProvider`, type `Secret`). Consumers in namespaces that receive the trust
   * bundle may verify against the bundle instead: the issuer chains to its root.
   */
  caSecret: { namespace: string; name: string; key: string };
  /** Mount path of the Kubernetes auth method for this cluster (ESO `auth.kubernetes.mountPath`). */
  kubernetesAuthMount: string;
  /** KV version 2 mount (ESO `provider.vault.path`, `version: v2`). */
  kv: { mountPath: string; version: 'v2' };
  /** The role External Secrets logs in with (ESO `auth.kubernetes.role`), bound to this ServiceAccount. */
  externalSecrets: { role: string; serviceAccount: string; namespace: string; audience?: string };
}

declare module '@platform/core' {
  interface Capabilities {
    /** A Vault-API secret server (OpenBao); see {@link VaultServer}. */
    vault: VaultServer;
  }
}

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
