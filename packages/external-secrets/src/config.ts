import type { ResourceRequirements } from '@platform/core';
import { DEFAULT_STORE_NAME } from './store.js';

export type { ResourceRequirements };

/** How the operator logs in to Vault: the Kubernetes auth method with the controller's ServiceAccount token. */
export interface VaultKubernetesAuthConfig {
  /**
   * Path the Kubernetes auth method is mounted at in Vault; one per cluster when several clusters share a Vault.
   * Default: the environment's `vault` provider's mount, else `kubernetes`.
   */
  mountPath?: string;
  /**
   * Vault role bound to the `external-secrets` ServiceAccount of the `external-secrets` namespace.
   * Default: the role the environment's `vault` provider creates, else `external-secrets`.
   */
  role?: string;
  /**
   * Audiences of the ServiceAccount token the operator requests; must match the role's `audience` when it sets
   * one. Default: the `vault` provider's audience, else none (the API server's default audience).
   */
  audiences: string[];
}

/**
 * The platform's secret store: a ClusterSecretStore for a Vault or OpenBao server (KV version 2), which every
 * namespace's ExternalSecrets can read from.
 */
export interface SecretStoreConfig {
  /** Name of the ClusterSecretStore. Default `platform-vault`. */
  name: string;
  /**
   * Address of a Vault or OpenBao server outside the environment, e.g. `https://vault.example.com:8200`.
   * Default empty: the environment's `vault` provider (`@platform/openbao`), with its CA and NetworkPolicy
   * derived; one of the two is required.
   */
  server: string;
  /** Mount path of the KV version 2 secrets engine. Default: the `vault` provider's KV mount, else `secret`. */
  path?: string;
  /** Vault Enterprise or OpenBao namespace. Default none. */
  namespace?: string;
  auth: VaultKubernetesAuthConfig;
  /**
   * Ports the controller may open connections to the server on. The server is outside the cluster and
   * NetworkPolicies cannot name a host, so the egress is to any address on these ports. Must include the
   * port of `server`. Unused with the environment's own `vault`, whose pods and port are derived. Default 443
   * and 8200 (Vault's default listener).
   */
  egressPorts: number[];
}

/** Configuration of `@platform/external-secrets`. */
export interface ExternalSecretsConfig {
  /**
   * Replicas per part. The controller and cert-controller elect a leader, so their extra replicas are warm
   * standbys; the webhook serves admission requests from every replica. Default: controller 2, webhook 2,
   * certController 1 (it only renews the webhook's certificate and CA bundle; an hour without it changes nothing).
   */
  replicas: { controller: number; webhook: number; certController: number };
  /** PodDisruptionBudgets (maxUnavailable 1) for the controller, webhook and cert-controller. Default true. */
  podDisruptionBudget: boolean;
  /**
   * Container resources per part. Defaults: controller 50m/128Mi (limit 512Mi: it caches the ExternalSecrets and
   * the Secrets it writes), webhook 20m/64Mi (limit 256Mi), certController 20m/64Mi (limit 256Mi).
   */
  resources: { controller: ResourceRequirements; webhook: ResourceRequirements; certController: ResourceRequirements };
  /** The platform's ClusterSecretStore. */
  store: SecretStoreConfig;
  /** Chart values deep-merged over the ones this package sets (escape hatch; lists replace). Default none. */
  extraValues: Record<string, unknown>;
}

export const defaults: ExternalSecretsConfig = {
  replicas: { controller: 2, webhook: 2, certController: 1 },
  podDisruptionBudget: true,
  resources: {
    controller: { requests: { cpu: '50m', memory: '128Mi' }, limits: { cpu: undefined, memory: '512Mi' } },
    webhook: { requests: { cpu: '20m', memory: '64Mi' }, limits: { cpu: undefined, memory: '256Mi' } },
    certController: { requests: { cpu: '20m', memory: '64Mi' }, limits: { cpu: undefined, memory: '256Mi' } },
  },
  store: {
    name: DEFAULT_STORE_NAME,
    server: '',
    path: undefined,
    namespace: undefined,
    auth: { mountPath: undefined, role: undefined, audiences: [] },
    egressPorts: [443, 8200],
  },
  extraValues: {},
};
