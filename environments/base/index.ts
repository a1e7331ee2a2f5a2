/**
 * What every environment shares (the Jsonnet `base` of `base + env`): the platform's components with their
 * shared configuration and the order they come up in. Environments refine it with `.configure()` and
 * `.override()`.
 *
 * The libraries are passed in rather than imported, and typed only by the part of their configuration this
 * file sets, so that each environment compiles and renders against the versions it pins: dev passes the
 * workspace source, staging and prod pass released versions, and a change to a workspace library never
 * breaks an environment pinned to an older release.
 */

/** What the base needs of a component: its name and namespace, and ordering after others. */
interface Orderable {
  readonly name: string;
  readonly namespace: string;
  after(...components: string[]): unknown;
}

/** A component library as the base calls it: with (at most) the configuration the base sets. */
type Library<Config = Record<string, never>> = (config?: Config) => Orderable;

/** The telemetry stores a consumer may require. */
type Store = 'metricsStore' | 'logsStore' | 'tracesStore';

/** The component libraries an environment composes, each typed by the configuration the base passes it. */
export interface Libraries {
  argoCd: Library;
  certManager: Library;
  externalSecrets: Library<{ store?: { server?: string } }>;
  istio: () => readonly [Orderable, Orderable];
  /** The metrics store, Mimir; or, instead of it, `prometheus`. */
  mimir?: Library<{ alertmanager?: { externalUrl?: string } }>;
  /** Prometheus-Operator's Prometheus (`@platform/prometheus`), the metrics store of an environment without Mimir. */
  prometheus?: Library;
  loki: Library<{ retentionPeriod?: string }>;
  tempo: Library<{ retentionPeriod?: string }>;
  grafana: Library<{ require?: Store[] }>;
  alloy: Library<{ require?: Store[] }>;
  /** prometheus-operator's CRDs, which the ServiceMonitors and alerts every component renders need. */
  prometheusOperatorCrds?: Library;
}

/** The environment's own component type for a library (what its pinned version returns). */
type Of<F> = F extends (...args: never[]) => infer C ? C : never;

/** The metrics store component of the libraries: `mimir`, or else `prometheus`. */
type MetricsStoreOf<L extends Libraries> = L extends { mimir: infer M }
  ? { mimir: Of<M> }
  : L extends { prometheus: infer P }
    ? { prometheus: Of<P> }
    : never;

/** The metrics store of the libraries (Mimir when given, else Prometheus), by the name the other components order after. */
function metricsStoreOf<L extends Libraries>(libraries: L): { name: string; components: MetricsStoreOf<L> } {
  if (libraries.mimir)
    return {
      name: 'mimir',
      components: { mimir: libraries.mimir({ alertmanager: { externalUrl: '/alertmanager' } }) } as MetricsStoreOf<L>,
    };
  if (libraries.prometheus)
    return { name: 'prometheus', components: { prometheus: libraries.prometheus() } as MetricsStoreOf<L> };
  throw new Error('platform(): pass a metrics store library, mimir or prometheus');
}

/** The repository every environment's rendered output is read from. */
export const platformRepo = { url: 'https://git.example.com/platform/platform.git', revision: 'refs/heads/main' };

/** Namespaces whose pods scrape metrics: Alloy's, in every environment. */
export const metricsScrapers = ['alloy'];

/** Settings every environment shares, for an environment's base domain and bucket prefix. */
export function sharedSettings(baseDomain: string, bucketPrefix: string) {
  return {
    baseDomain,
    objectStorage: { endpoint: 's3.eu-west-1.amazonaws.com', region: 'eu-west-1', bucketPrefix },
    metricsScraperNamespaces: metricsScrapers,
    serviceMonitors: true,
  };
}

/**
 * Horizontal autoscaling of a stateless read or write path of Mimir, Loki or Tempo (the `autoscaling` of the
 * Deployment sections that offer it): from `min` pods, the count the environment ran before, to `factor` times
 * as many. 3x for query paths (dashboards and rule evaluation arrive in bursts), 2x for distributors (ingestion is
 * capped by the tenants' limits and the ingesters behind them do not scale) and query-frontends (they split and
 * queue; the queriers do the work). The target is 70 % of the CPU requests rather than the HPA's default 80: a
 * new pod takes about a minute (metrics window, scheduling, 15 s readiness delay, ring join) to take load, and
 * 30 % headroom absorbs a burst meanwhile. CPU only: Go hands freed heap back slowly, so a memory target would
 * keep pods long after the load is gone.
 */
export function statelessAutoscaling(min: number, factor: 2 | 3) {
  return { min, max: min * factor, cpu: 70 };
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
export function grafanaAdminSecret(environment: string, namespace: string) {
  const key = `platform/${environment}/grafana-admin`;
  return {
    name: 'grafana-admin',
    namespace,
    data: { 'admin-user': { key, property: 'admin-user' }, 'admin-password': { key, property: 'admin-password' } },
  };
}

/**
 * Who the platform's alerts reach (for `@platform/alert-routing`): critical pages the on-call through PagerDuty,
 * everything else goes to the owning team's Slack channel; the keys live under `platform/<environment>/` in Vault.
 */
export function platformAlertRouting(environment: string) {
  const slack = (team: string, channel: string) => ({
    channel,
    webhook: { key: `platform/${environment}/slack`, property: team },
  });
  return {
    pager: {
      provider: 'pagerduty' as const,
      key: { key: `platform/${environment}/pagerduty`, property: 'routing-key' },
    },
    teams: {
      platform: slack('platform', '#platform-alerts'),
      observability: slack('observability', '#observability-alerts'),
    },
  };
}

/**
 * The platform's components with their shared configuration. Order of the first sync:
 * istio-base and prometheus-operator's CRDs (crds) → cert-manager, External Secrets, istiod, Argo CD (operators) → Mimir (or
 * Prometheus) → Loki and Tempo →
 * Alloy and Grafana. External Secrets is an operator so that the platform's ExternalSecrets (Grafana's admin
 * credentials ...) are admitted and fulfilled from the first sync of the components that read them.
 * Loki and Tempo wait for Mimir, and the agents for the stores, so that a first sync starts one store's pods
 * at a time instead of every container at once.
 */
export function platform<L extends Libraries>(libraries: L) {
  const [istioBase, istiod] = libraries.istio() as unknown as Of<L['istio']>;
  const crds = libraries.prometheusOperatorCrds;
  const metrics = metricsStoreOf(libraries);
  return {
    ...(crds ? { prometheusOperatorCrds: crds() as Of<NonNullable<L['prometheusOperatorCrds']>> } : {}),
    istioBase: istioBase as Of<L['istio']>[0],
    istiod: istiod as Of<L['istio']>[1],
    certManager: libraries.certManager() as Of<L['certManager']>,
    externalSecrets: libraries.externalSecrets({ store: { server: vaultServer } }) as Of<L['externalSecrets']>,
    argoCd: libraries.argoCd() as Of<L['argoCd']>,
    ...metrics.components,
    loki: libraries.loki({ retentionPeriod: '744h' }).after(metrics.name) as Of<L['loki']>,
    tempo: libraries.tempo({ retentionPeriod: '336h' }).after(metrics.name) as Of<L['tempo']>,
    alloy: libraries.alloy({ require: ['metricsStore', 'logsStore', 'tracesStore'] }).after('loki', 'tempo') as Of<
      L['alloy']
    >,
    grafana: libraries.grafana({ require: ['metricsStore', 'logsStore', 'tracesStore'] }).after('loki', 'tempo') as Of<
      L['grafana']
    >,
  };
}
