import { type BuildContext, type EgressRule, egressToEndpoints, endpointTarget } from '@platform/core';
import { POD_NAME_LABEL, POD_NAMES } from './chart.js';
import type { ExternalSecretsConfig } from './config.js';

/** The server the ClusterSecretStore reads from, with every field resolved. */
export interface StoreTarget {
  server: string;
  path: string;
  authMountPath: string;
  role: string;
  /** Audiences of the token the controller logs in with. */
  audiences: string[];
  /** The CA that signed the server's certificate, when the server is in the cluster. */
  caProvider?: { type: 'Secret'; name: string; key: string; namespace: string };
  /** Egress from the controller's pods to the server. */
  egress: EgressRule[];
}

const FALLBACK = { path: 'secret', authMountPath: 'kubernetes', role: 'external-secrets' } as const;
const controllerPods = { [POD_NAME_LABEL]: POD_NAMES.controller };

/**
 * Where the store points: an explicit `store.server` (a Vault outside the cluster, reached on `store.egressPorts`
 * of any address, since a NetworkPolicy cannot name a host), else the environment's `vault` (OpenBao), whose
 * address, CA, KV mount, auth mount and role are taken from what it provides, and whose pods are the only
 * egress allowed. Fields set in `store` win over the provider's.
 */
export function storeTarget({ config, peers }: BuildContext<ExternalSecretsConfig>): StoreTarget {
  const { store } = config;
  if (store.server !== '') {
    return {
      server: store.server,
      path: store.path ?? FALLBACK.path,
      authMountPath: store.auth.mountPath ?? FALLBACK.authMountPath,
      role: store.auth.role ?? FALLBACK.role,
      audiences: [...store.auth.audiences],
      egress: [{ name: 'secret-store', to: 'any', ports: [...store.egressPorts], podLabels: controllerPods }],
    };
  }
  const vault = peers.require(
    'vault',
    'store.server is not set: set it to the address of your Vault or OpenBao server, or compose @platform/openbao',
  );
  // OpenBao checks that its role is bound to this component's namespace (its `externalSecrets.namespace`).
  const login = vault.externalSecrets;
  return {
    server: vault.address,
    path: store.path ?? vault.kv.mountPath,
    authMountPath: store.auth.mountPath ?? vault.kubernetesAuthMount,
    role: store.auth.role ?? login.role,
    audiences: store.auth.audiences.length > 0 ? [...store.auth.audiences] : login.audience ? [login.audience] : [],
    caProvider: { type: 'Secret', ...vault.caSecret },
    egress: egressToEndpoints([endpointTarget(vault, 'address')], controllerPods),
  };
}
