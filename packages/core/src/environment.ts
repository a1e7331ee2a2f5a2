import type { AnyComponent } from './component.js';
import type { Mixin } from './mixins.js';
import type { PolicySettings } from './policy.js';
import { renderEnvironment, type RenderedEnvironment } from './render.js';

/** The cluster an environment deploys to, as Argo CD addresses it. */
export interface ClusterTarget {
  /** Cluster name, used in labels and in the names of generated Applications, e.g. `prod-eu1`. */
  name: string;
  /** Kubernetes API server URL as registered in Argo CD; `https://kubernetes.default.svc` for the cluster Argo CD runs in. */
  server: string;
}

/** The git repository Argo CD reads rendered output from. */
export interface GitSource {
  /** Repository URL, e.g. `https://git.example.com/platform/platform.git`. */
  url: string;
  /** Branch, tag or commit Argo CD tracks. Prefer a fully qualified ref such as `refs/heads/main`. */
  revision: string;
  /** Folder inside the repository that holds `rendered/`; default `''` (the repository root). */
  basePath?: string;
}

/** S3-compatible object storage shared by the platform's stores (Mimir, Loki, Tempo ...). */
export interface ObjectStorage {
  /** Endpoint host and optional port without scheme, e.g. `s3.eu-west-1.amazonaws.com` or `minio.storage.svc:9000`. */
  endpoint: string;
  /** Region passed to the S3 client. */
  region: string;
  /** Prefix of bucket names; a component's bucket is `<prefix>-<purpose>`, e.g. `acme-prod-mimir-blocks`. */
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

/** Settings every component of an environment can read. */
export interface EnvironmentSettings {
  /** Base DNS domain for ingress hosts, e.g. `prod.example.com`. */
  baseDomain: string;
  /** Object storage used by the stateful stores. */
  objectStorage: ObjectStorage;
  /** Registry host that mirrors public registries; images are rewritten to `<mirror>/<original>`. Omit to pull upstream. */
  imageRegistryMirror?: string;
  /** Registries images may come from (checked by `pnpm check`). Default: any. */
  allowedRegistries?: string[];
  /** Tenant id sent as `X-Scope-OrgID` to multi-tenant stores. Default: the environment name. */
  tenant?: string;
  /** Render prometheus-operator ServiceMonitors and PrometheusRules (needs the CRDs in the cluster). Default true. */
  serviceMonitors?: boolean;
  /** Cluster DNS domain. Default `cluster.local`. */
  clusterDomain?: string;
  /** Namespaces whose pods scrape metrics (get ingress to every metrics port). Default: none. */
  metricsScraperNamespaces?: string[];
}

/** Argo CD settings of an environment. */
export interface DeliverySettings {
  /** Namespace Argo CD runs in. Default `argocd`. */
  argocdNamespace?: string;
  /** Extra sync options for every generated Application. */
  syncOptions?: string[];
  /** Allowed sync windows of the environment's AppProject (e.g. none on weekends in prod). */
  syncWindows?: Array<{ kind: 'allow' | 'deny'; schedule: string; duration: string; manualSync?: boolean }>;
  /**
   * Largest share of all pods of the environment that one stage of the first sync (one sync wave of one sync
   * step) may start, checked by `pnpm check`. Default 0.6.
   */
  maxFirstSyncShare?: number;
}

/** What an environment file declares. */
export interface EnvironmentSpec {
  /** Environment name: `dev`, `staging`, `prod` ... (a DNS label). */
  name: string;
  /** Where the output is deployed. */
  cluster: ClusterTarget;
  /** Where Argo CD reads the rendered output from. */
  repo: GitSource;
  /** Shared settings. */
  settings: EnvironmentSettings;
  /** Argo CD delivery settings. */
  delivery?: DeliverySettings;
  /** The components, each a call to a component library, e.g. `mimir({ ... })`. */
  components: AnyComponent[];
  /** Functions applied to every object of every component, after the components' own mixins. */
  mixins?: Mixin[];
  /** Objects that exist in the cluster but are not rendered here (`Kind/namespace/name`), so `pnpm check` accepts references to them. */
  external?: string[];
  /** Rules of its own and severity overrides for `pnpm check`. */
  policy?: PolicySettings;
}

/** An environment, ready to render. */
export interface Environment extends EnvironmentSpec {
  readonly kind: 'PlatformEnvironment';
  /**
   * Renders the environment with the @platform/core version the environment itself depends on, so that an
   * environment pinned to older libraries is rendered by the matching renderer.
   */
  render(this: Environment): Promise<RenderedEnvironment>;
}

/** Declares an environment. Checking happens at render time so every problem is reported with its location. */
export function defineEnvironment(spec: EnvironmentSpec): Environment {
  return {
    ...spec,
    kind: 'PlatformEnvironment',
    render(this: Environment) {
      return renderEnvironment(this);
    },
  };
}

/** True for values created by {@link defineEnvironment}. */
export function isEnvironment(value: unknown): value is Environment {
  return typeof value === 'object' && value !== null && (value as Environment).kind === 'PlatformEnvironment';
}
