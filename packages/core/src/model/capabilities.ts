import type { IngressRule } from '../k8s/network/types.js';
import type { KubeObject } from './objects.js';
import type {
  DnsProvider,
  IngressController,
  NodeCapacity,
  PostgresEndpoint,
  PublicCertificateIssuer,
  RedisEndpoint,
  ResourceMetricsApi,
  StatefulData,
  TrustBundle,
  VaultServer,
} from './platform-capabilities.js';
import type { MeshName } from './settings.js';

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
  /** Which Alertmanager serves `alertmanagerUrl`: Mimir's multi-tenant one or Prometheus' own. Default `mimir`. */
  alertmanagerImplementation?: 'mimir' | 'prometheus';
  /** Whether requests need the `X-Scope-OrgID` tenant header. */
  multiTenant: boolean;
  /**
   * The store scrapes the environment's ServiceMonitors, PodMonitors and kubelets itself (Prometheus). Agents
   * then leave those to it, or every series would arrive twice. Default false: it only receives remote write.
   */
  scrapesServiceMonitors?: boolean;
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

/** Labels and annotations a namespace carries. */
export interface NamespaceMarks {
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/** What a mesh's {@link ServiceMesh.plaintextExceptions} is given: one namespace's ingress from unmeshed callers. */
export interface PlaintextCallers {
  /** The component whose namespace it is. */
  component: string;
  namespace: string;
  /** The namespace's ingress rules that callers without a proxy use (`from: 'any'`, ranges, unmeshed components). */
  rules: IngressRule[];
}

/**
 * A service mesh's control plane, and what the core needs to follow `settings.mesh` without knowing the mesh: the
 * mesh's library provides it (`@platform/istio`'s istiod, `@platform/linkerd`'s control plane), and the core marks
 * every namespace, opens the ports and renders the exceptions from it.
 */
export interface ServiceMesh extends EndpointOwner {
  /** The mesh, as environments choose it in `settings.mesh`. */
  mesh: MeshName;
  /** Ports of the control plane every proxy connects to (configuration, certificates, policy). */
  controlPlanePorts: number[];
  /** Namespace labels and annotations that turn injection on. */
  join: NamespaceMarks;
  /** Namespace labels and annotations that keep injection off (a namespace outside the mesh says so). */
  leave: NamespaceMarks;
  /**
   * Ports of a meshed pod that meshed clients connect to instead of the application's port: a NetworkPolicy that
   * admits a client on the application's port admits it on these too, and the client's egress likewise.
   */
  proxyInboundPorts: number[];
  /**
   * The objects that let unmeshed callers (`from: 'any'`, address ranges, every namespace, components outside the
   * mesh) reach a meshed namespace's ports when the mesh's mTLS would refuse them (Istio: port-level PERMISSIVE PeerAuthentications). Pure; the kinds are the library's.
   */
  plaintextExceptions?: (callers: PlaintextCallers) => Record<string, KubeObject>;
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
  resourceMetrics: ResourceMetricsApi;
}

export type CapabilityName = keyof Capabilities;

/** What one component provides: one entry or several per capability. */
export type Provided = { [K in CapabilityName]?: Capabilities[K] | Capabilities[K][] };
