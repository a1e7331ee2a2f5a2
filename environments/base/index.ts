/**
 * What every environment shares (the Jsonnet `base` of `base + env`): the platform's components with their
 * shared configuration and the order they come up in. Environments refine it with `.configure()` and
 * `.override()`.
 *
 * The libraries are passed in rather than imported, so that each environment renders with the versions it
 * pins: dev passes the workspace source, staging and prod pass released versions.
 */
import type { EnvironmentSettings, GitSource } from '@platform/core';
import type { alloy } from '@platform/alloy';
import type { argoCd } from '@platform/argo-cd';
import type { certManager } from '@platform/cert-manager';
import type { ExternalSecretOptions, externalSecrets } from '@platform/external-secrets';
import type { grafana } from '@platform/grafana';
import type { istio } from '@platform/istio';
import type { loki } from '@platform/loki';
import type { mimir } from '@platform/mimir';
import type { tempo } from '@platform/tempo';

/** The component libraries an environment composes, as the environment imports them. */
export interface Libraries {
  argoCd: typeof argoCd;
  certManager: typeof certManager;
  externalSecrets: typeof externalSecrets;
  istio: typeof istio;
  mimir: typeof mimir;
  loki: typeof loki;
  tempo: typeof tempo;
  grafana: typeof grafana;
  alloy: typeof alloy;
}

/** The repository Argo CD reads every environment's rendered output from. */
export const platformRepo: GitSource = { url: 'https://git.example.com/platform/platform.git', revision: 'refs/heads/main' };

/** Namespaces whose pods scrape metrics: Alloy's, in every environment. */
export const metricsScrapers = ['alloy'];

/** Settings every environment shares, for an environment's base domain and bucket prefix. */
export function sharedSettings(baseDomain: string, bucketPrefix: string): EnvironmentSettings {
  return {
    baseDomain,
    objectStorage: { endpoint: 's3.eu-west-1.amazonaws.com', region: 'eu-west-1', bucketPrefix },
    metricsScraperNamespaces: metricsScrapers,
    serviceMonitors: true,
  };
}

/** The organisation's Vault, which every environment's ExternalSecrets read from (KV version 2 at `secret/`). */
export const vaultServer = 'https://vault.example.com:8200';

/**
 * The secret store configuration of a cluster: the organisation's Vault, logged in to through the cluster's own
 * Kubernetes auth mount (`kubernetes/<cluster>`), since each cluster's ServiceAccount tokens have their own issuer.
 */
export function vaultStore(cluster: string) {
  return { server: vaultServer, auth: { mountPath: `kubernetes/${cluster}` } };
}

/**
 * Grafana's admin credentials (the Secret and keys `@platform/grafana` reads by default), delivered from
 * `platform/<environment>/grafana-admin` in Vault. Pass it to the environment's `externalSecret()`.
 */
export function grafanaAdminSecret(environment: string, namespace: string): ExternalSecretOptions {
  const key = `platform/${environment}/grafana-admin`;
  return {
    name: 'grafana-admin',
    namespace,
    data: { 'admin-user': { key, property: 'admin-user' }, 'admin-password': { key, property: 'admin-password' } },
  };
}

/**
 * The platform's components with their shared configuration. Order of the first sync:
 * istio-base (CRDs) → cert-manager, External Secrets, istiod, Argo CD (operators) → Mimir → Loki and Tempo →
 * Alloy and Grafana. External Secrets is an operator so that the platform's ExternalSecrets (Grafana's admin
 * credentials ...) are admitted and fulfilled from the first sync of the components that read them.
 * Loki and Tempo wait for Mimir, and the agents for the stores, so that a first sync starts one store's pods
 * at a time instead of every container at once.
 */
export function platform(libraries: Libraries) {
  const [istioBase, istiod] = libraries.istio();
  return {
    istioBase,
    istiod,
    certManager: libraries.certManager(),
    externalSecrets: libraries.externalSecrets({ store: { server: vaultServer } }),
    argoCd: libraries.argoCd(),
    mimir: libraries.mimir({ alertmanager: { externalUrl: '/alertmanager' } }),
    loki: libraries.loki({ retentionPeriod: '744h' }).after('mimir'),
    tempo: libraries.tempo({ retentionPeriod: '336h' }).after('mimir'),
    alloy: libraries.alloy({ require: ['metricsStore', 'logsStore', 'tracesStore'] }).after('loki', 'tempo'),
    grafana: libraries.grafana({ require: ['metricsStore', 'logsStore', 'tracesStore'] }).after('loki', 'tempo'),
  };
}
