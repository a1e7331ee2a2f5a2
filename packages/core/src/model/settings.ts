/** S3-compatible object storage shared by the platform's stores (Mimir, Loki, Tempo ...). */
export interface ObjectStorage {
  /** Endpoint host and optional port without scheme, e.g. `s3.eu-west-1.amazonaws.com` or `minio.storage.svc:9000`. */
  endpoint: string;
  /** Region passed to the S3 client. */
  region: string;
  /**
   * Prefix of bucket names; a component's bucket is `<prefix>-<purpose>`, e.g. `acme-prod-mimir-blocks`. Lower-case
   * letters, digits and `-`, so that every bucket name is a valid S3 bucket name.
   */
  bucketPrefix: string;
  /** Use plain HTTP to the endpoint (only for in-cluster test stores). Default false. */
  insecure?: boolean;
  /**
   * Address buckets by path (`https://<endpoint>/<bucket>`) instead of by virtual host (`https://<bucket>.<endpoint>`).
   * Default true (MinIO, Ceph and most S3-compatible stores need it), except for `*.amazonaws.com` endpoints,
   * where AWS prefers virtual-hosted buckets.
   */
  pathStyle?: boolean;
  /**
   * Name of the Secret (in each consuming namespace) that holds `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`,
   * delivered by External Secrets. Omit when the pods get credentials from their ServiceAccount (IRSA, workload identity).
   */
  credentialsSecret?: string;
}

/**
 * The meshes environments can choose, by name. Open: a mesh's library adds its own by declaration merging, so
 * that the core knows no mesh and a misspelt choice fails `tsc`:
 *
 * ```ts
 * declare module '@platform/core' {
 *   interface Meshes { linkerd: true }
 * }
 * ```
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging
export interface Meshes {}

/** A mesh's name (`istio`, `linkerd` with their libraries). */
export type MeshName = keyof Meshes & string;

/**
 * The service mesh an environment's components join: a mesh's name, or `none`. Components follow it without
 * knowing which: the core marks every namespace for the mesh's injection, opens the mesh's ports in the derived
 * NetworkPolicies and renders the mesh's mTLS exceptions, all from the mesh's `serviceMesh` provider.
 */
export type MeshChoice = MeshName | 'none';

/** Settings every component of an environment can read. */
export interface EnvironmentSettings {
  /** Base DNS domain for ingress hosts, e.g. `prod.example.com` (a host name: no scheme, lower-case). */
  baseDomain: string;
  /** Object storage used by the stateful stores. */
  objectStorage: ObjectStorage;
  /** Registry host that mirrors public registries; images are rewritten to `<mirror>/<original>`. Omit to pull upstream. */
  imageRegistryMirror?: string;
  /** Registries images may come from (checked by `pnpm check`). Default: any. */
  allowedRegistries?: string[];
  /** Tenant id sent as `X-Scope-OrgID` to multi-tenant stores. Default: the environment name. */
  tenant?: string;
  /** Render prometheus-operator ServiceMonitors and PrometheusRules (needs their CRDs, see the delivery checks). Default true. */
  serviceMonitors?: boolean;
  /** Cluster DNS domain. Default `cluster.local`. */
  clusterDomain?: string;
  /** Namespaces whose pods scrape metrics (get ingress to every metrics port). Default: none. */
  metricsScraperNamespaces?: string[];
  /**
   * The service mesh every namespace joins (injection, mesh ports in NetworkPolicies, mTLS exceptions), except the
   * namespaces of components that stay outside it (node agents: privileged Pod Security; `outsideMesh()`). A
   * component of the environment must provide it (`serviceMesh`). Default `none`: no namespace is meshed, whether
   * or not a mesh control plane is installed.
   */
  mesh?: MeshChoice;
}

/** Object storage settings with the defaults filled in. */
export interface ResolvedObjectStorage extends ObjectStorage {
  pathStyle: boolean;
}

/** Environment settings with every default filled in. */
export interface ResolvedSettings extends EnvironmentSettings {
  objectStorage: ResolvedObjectStorage;
  tenant: string;
  serviceMonitors: boolean;
  clusterDomain: string;
  metricsScraperNamespaces: string[];
  mesh: MeshChoice;
}

/** Whether an endpoint is AWS S3 itself, which prefers virtual-hosted buckets. */
function isAws(endpoint: string): boolean {
  return /(^|\.)amazonaws\.com(:\d+)?$/.test(endpoint);
}

/** Fills in the documented defaults of {@link ObjectStorage}: path-style addressing everywhere except on AWS. */
export function resolveObjectStorage(storage: ObjectStorage): ResolvedObjectStorage {
  return { ...storage, pathStyle: storage.pathStyle ?? !isAws(storage.endpoint) };
}

/** Fills in the documented defaults of {@link EnvironmentSettings}. */
export function resolveSettings(environmentName: string, settings: EnvironmentSettings): ResolvedSettings {
  return {
    ...settings,
    objectStorage: resolveObjectStorage(settings.objectStorage),
    tenant: settings.tenant ?? environmentName,
    serviceMonitors: settings.serviceMonitors ?? true,
    clusterDomain: settings.clusterDomain ?? 'cluster.local',
    metricsScraperNamespaces: settings.metricsScraperNamespaces ?? [],
    mesh: settings.mesh ?? 'none',
  };
}

/** The in-cluster DNS name of a Service: `distributor.mimir.svc.cluster.local`. */
export function serviceHost(
  service: string,
  namespace: string,
  settings: Pick<ResolvedSettings, 'clusterDomain'>,
): string {
  return `${service}.${namespace}.svc.${settings.clusterDomain}`;
}
