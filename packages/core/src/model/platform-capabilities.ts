/**
 * Capabilities shared by several libraries of the catalog, declared once here so that providers and consumers
 * agree on them without depending on each other: databases and caches (CloudNativePG, Valkey → Grafana,
 * Harbor ...), the trust bundle (trust-manager → every TLS client), the ingress controller (Traefik, Contour →
 * routed components), the DNS provider (external-dns), the node capacity classes (Karpenter), and the KEDA
 * scaler. A library with a capability nobody else needs declares its own by declaration merging instead.
 */
import type { EndpointOwner, PodSelector, ServiceEndpoint } from './capabilities.js';

/** A reference to a key of a Secret in the consumer's namespace. */
export interface SecretKeyRef {
  /** Secret name. */
  name: string;
  /** Key inside the Secret. */
  key: string;
}

/**
 * A PostgreSQL database a consumer connects to (CloudNativePG `postgres()`): address, database, where the
 * credentials are, and the CA that signs the server's certificate. The credentials Secret is in the
 * consumer's namespace (delivered by the provider or by External Secrets), never rendered with data.
 */
export interface PostgresEndpoint extends ServiceEndpoint<'host'> {
  /** Read-write Service host, e.g. `grafana-db-rw.grafana.svc.cluster.local`. */
  host: string;
  /** Read-only Service host (replicas), if the cluster has replicas. */
  readOnlyHost?: string;
  port: number;
  /** Database name. */
  database: string;
  /** Owner role the consumer logs in as. */
  user: string;
  /** Secret (in the consumer's namespace) and keys holding the user's credentials. */
  credentials: { secret: string; usernameKey: string; passwordKey: string };
  /** TLS: whether the server requires it, and the ConfigMap/Secret with the CA that signs its certificate. */
  tls: { mode: 'require' | 'verify-full' | 'disable'; caSecret?: SecretKeyRef };
}

/** A Redis-protocol cache or store (Valkey): how to reach it and authenticate. */
export interface RedisEndpoint extends ServiceEndpoint<'address'> {
  /** `host:port` of the primary (Sentinel mode: of the Sentinels, see `sentinelMaster`). */
  address: string;
  /** How clients find the primary: directly, through Sentinel, or Valkey Cluster. */
  mode: 'standalone' | 'sentinel' | 'cluster';
  /** The Sentinel master set name, in `sentinel` mode. */
  sentinelMaster?: string;
  /** Secret (in the consumer's namespace) and key holding the password, if auth is on. */
  password?: SecretKeyRef;
  /** TLS, with the CA that signs the server's certificate, if on. */
  tls?: { caSecret: SecretKeyRef };
}

/**
 * The CA bundle trust-manager distributes to namespaces: a ConfigMap with a fixed key holding every root the
 * platform trusts (the internal root, and public roots when asked). Consumers mount it with `trustBundle()`.
 */
export interface TrustBundle extends EndpointOwner {
  /** ConfigMap name in every target namespace, e.g. `platform-trust-bundle`. */
  configMap: string;
  /** Key of the PEM bundle in the ConfigMap, e.g. `ca-certificates.crt`. */
  key: string;
  /** Label a namespace carries to receive the bundle (trust-manager's namespaceSelector). */
  namespaceLabel: { key: string; value: string };
}

/** An ingress controller that serves the routes components declare (Traefik, Contour, a Gateway). */
export interface IngressController extends EndpointOwner {
  /** Which route kind it renders. */
  kind: 'ingress' | 'traefik' | 'contour' | 'gateway-api';
  /** The controller's pods, admitted by the NetworkPolicies of routed backends. */
  pods: PodSelector;
  /** IngressClass / Gateway name routes attach to. */
  className: string;
}

/** The node classes an environment schedules on (Karpenter's capacity types), for the workload helpers. */
export interface NodeCapacity extends EndpointOwner {
  /** Node label telling capacity types apart, e.g. `karpenter.sh/capacity-type`. */
  label: string;
  /** Its value on nodes that are never interrupted, e.g. `on-demand`. */
  stable: string;
  /** Its values on interruptible nodes, e.g. `spot`. */
  interruptible: string[];
}

/** A DNS provider that creates the records of routes (external-dns). */
export interface DnsProvider extends EndpointOwner {
  /** Domains it manages. */
  domains: string[];
  /** How it learns about records: annotations on Services/Ingresses/routes, or DNSEndpoint objects. */
  sources: Array<'ingress' | 'service' | 'traefik-proxy' | 'contour-httpproxy' | 'gateway-httproute' | 'crd'>;
}

/** A certificate request service for public names (an ACME ClusterIssuer). */
export interface PublicCertificateIssuer extends EndpointOwner {
  issuerRef: { name: string; kind: 'ClusterIssuer' | 'Issuer'; group: 'cert-manager.io' };
  /** Whether it can issue wildcard certificates (DNS-01). */
  wildcards: boolean;
}

/**
 * A Vault-API secret server in the cluster (OpenBao), as External Secrets' ClusterSecretStore needs it: where it
 * listens, which CA signs its certificate, and the auth mount, role and KV mount the platform bootstrap creates.
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

/**
 * A namespace whose objects or volumes hold state that git cannot recreate (a secret store's Raft data, a
 * registry's database, issued certificates ...). A component that knows it is stateful provides it, and a backup
 * component (Velero) schedules backups of that namespace.
 */
export interface StatefulData extends EndpointOwner {
  /** Why the namespace must be backed up, shown on the Schedule. */
  reason: string;
  /**
   * How its volumes are saved: `filesystem` copies every mounted volume with the node agent (kopia); `none` backs
   * up the objects only (the data is backed up elsewhere, e.g. a PostgreSQL cluster's WAL archive). Default
   * `filesystem`.
   */
  volumes?: 'filesystem' | 'none';
}

/**
 * The Kubernetes resource metrics API (`metrics.k8s.io`, served by metrics-server) that HorizontalPodAutoscalers
 * with CPU or memory targets read. Without it an HPA reports `ScalingActive: FailedGetResourceMetric`, which Argo CD
 * counts as Degraded (gitops-engine `pkg/health/health_hpa.go:152-157` at v3.4.4): a staged first sync would stop.
 */
export interface ResourceMetricsApi extends EndpointOwner {
  /** The APIService that serves it, `v1beta1.metrics.k8s.io`. */
  apiService: string;
}
