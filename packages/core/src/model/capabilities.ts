import type {
  DnsProvider,
  IngressController,
  NodeCapacity,
  PostgresEndpoint,
  PublicCertificateIssuer,
  RedisEndpoint,
  StatefulData,
  TrustBundle,
  VaultServer,
} from './platform-capabilities.js';

/**
 * Typed endpoints that components publish for each other, so that nobody types a URL twice: Grafana's
 * datasources and Alloy's outputs are derived from whatever stores the environment has.
 */

/** Where an endpoint lives, so that network policies can allow exactly that peer. */
export interface EndpointOwner {
  /** Component instance name, e.g. `mimir`. */
  component: string;
  /** Namespace of the component. */
  namespace: string;
}

/**
 * The labels that select the pods behind one address: exactly the `spec.selector` of the Service the address
 * names. Providers build it with the same helper that builds the Service (`selectorLabels(component, workload)`),
 * never by retyping labels, so that a consumer's egress policy opens that Service's pods and nothing else of the
 * provider's namespace, and the provider's ingress policy admits it on those same pods.
 */
export type PodSelector = Record<string, string>;

/**
 * An endpoint reached through Services of its component. `pods` holds, for each address field (`F` always
 * present, `O` present when the endpoint publishes that address), the {@link PodSelector} of the Service the
 * address names: `store.pods.queryUrl` selects the pods that serve `store.queryUrl`. Consumers turn an address
 * into a least-privilege egress rule with `egressToEndpoints([endpointTarget(store, 'queryUrl')])`.
 */
export interface ServiceEndpoint<F extends string, O extends string = never> extends EndpointOwner {
  /** The pod selector of the Service behind each address, by address field name. */
  pods: { [K in F]: PodSelector } & { [K in O]?: PodSelector };
}

/** A Prometheus-compatible metrics store (Mimir). */
export interface MetricsStore extends ServiceEndpoint<'remoteWriteUrl' | 'queryUrl', 'alertmanagerUrl'> {
  /** Prometheus remote-write URL, e.g. `http://distributor.mimir.svc.cluster.local:8080/api/v1/push`. */
  remoteWriteUrl: string;
  /** Prometheus query API base URL (Grafana's Prometheus datasource URL). */
  queryUrl: string;
  /** Alertmanager API base URL, if the store runs an Alertmanager. */
  alertmanagerUrl?: string;
  /** Whether requests need the `X-Scope-OrgID` tenant header. */
  multiTenant: boolean;
}

/** A Loki-compatible log store. */
export interface LogsStore extends ServiceEndpoint<'pushUrl' | 'queryUrl'> {
  /** Loki push URL, e.g. `http://loki-write.loki.svc.cluster.local:3100/loki/api/v1/push`. */
  pushUrl: string;
  /** Loki query base URL (Grafana's Loki datasource URL). */
  queryUrl: string;
  multiTenant: boolean;
}

/** A Tempo-compatible trace store. */
export interface TracesStore extends ServiceEndpoint<'otlpGrpcAddress' | 'otlpHttpUrl' | 'queryUrl'> {
  /** OTLP gRPC receiver address `host:port`. */
  otlpGrpcAddress: string;
  /** OTLP HTTP receiver base URL. */
  otlpHttpUrl: string;
  /** Tempo query base URL (Grafana's Tempo datasource URL). */
  queryUrl: string;
  multiTenant: boolean;
}

/** A certificate issuer other components can request certificates from. */
export interface CertificateIssuer extends EndpointOwner {
  /**
   * cert-manager issuer reference: cert-manager's own (`ClusterIssuer` or `Issuer` of `cert-manager.io`) or an
   * external issuer's (step-issuer's `StepClusterIssuer` of `certmanager.step.sm`).
   */
  issuerRef: { name: string; kind: string; group: string };
}

/**
 * A secret store that ExternalSecrets read from (External Secrets Operator). Components and environments take
 * `storeRef` for `spec.secretStoreRef` instead of retyping the store's name.
 */
export interface SecretStore extends EndpointOwner {
  /** Reference to the store, as an ExternalSecret's `spec.secretStoreRef` takes it. */
  storeRef: { name: string; kind: 'ClusterSecretStore' };
}

/** A service mesh control plane. */
export interface ServiceMesh extends EndpointOwner {
  /** Port of the control plane that sidecars connect to. */
  xdsPort: number;
}

/** Dashboards a component ships for Grafana, as JSON documents keyed by file name. */
export interface DashboardSet extends EndpointOwner {
  /** Grafana folder the dashboards appear in. */
  folder: string;
  /** Dashboard JSON by file name, e.g. `mimir-writes.json`. */
  dashboards: Record<string, unknown>;
}

/** An OpenTelemetry collector that applications send OTLP telemetry to (Alloy). */
export interface OtlpCollector extends ServiceEndpoint<'otlpGrpcAddress' | 'otlpHttpUrl'> {
  /** OTLP gRPC address `host:port`. */
  otlpGrpcAddress: string;
  /** OTLP HTTP base URL. */
  otlpHttpUrl: string;
}

/**
 * The GitOps controller that applies the environment, installed by a component of it (e.g. `@platform/argo-cd`),
 * with the controller settings the rendered delivery relies on, so that `pnpm check` can prove they are set.
 */
export interface DeliveryController extends EndpointOwner {
  /** The engine the controller runs: `argocd`, `flux`. */
  engine: string;
  /** Settings by key, as the controller reads them (Argo CD: argocd-cm and argocd-cmd-params-cm entries). */
  settings: Record<string, string>;
}

/**
 * Everything a component can provide, by capability name. Open: a library adds its own capability by
 * declaration merging, without a core change:
 *
 * ```ts
 * declare module '@platform/core' {
 *   interface Capabilities { postgres: PostgresEndpoint }
 * }
 * ```
 */
export interface Capabilities {
  metricsStore: MetricsStore;
  logsStore: LogsStore;
  tracesStore: TracesStore;
  certificateIssuer: CertificateIssuer;
  secretStore: SecretStore;
  serviceMesh: ServiceMesh;
  dashboards: DashboardSet;
  otlpCollector: OtlpCollector;
  deliveryController: DeliveryController;
  postgres: PostgresEndpoint;
  redis: RedisEndpoint;
  trustBundle: TrustBundle;
  ingressController: IngressController;
  dnsProvider: DnsProvider;
  publicCertificateIssuer: PublicCertificateIssuer;
  nodeCapacity: NodeCapacity;
  vault: VaultServer;
  statefulData: StatefulData;
}

export type CapabilityName = keyof Capabilities;

/** What one component provides: one entry or several per capability. */
export type Provided = { [K in CapabilityName]?: Capabilities[K] | Capabilities[K][] };
