import type { KindDefinition } from '../registry/kinds.js';
import type { AnyComponent } from './component.js';
import type { GroupKind } from './definition.js';
import type { Mixin } from './mixin.js';
import type { PolicySettings } from './policy.js';
import type { RenderedEnvironment } from './rendered.js';
import type { EnvironmentSettings } from './settings.js';

/** The cluster an environment deploys to, as the delivery engine addresses it. */
export interface ClusterTarget {
  /** Cluster name, used in labels and in the names of generated Applications, e.g. `prod-eu1`. */
  name: string;
  /** Kubernetes API server URL as registered in Argo CD; `https://kubernetes.default.svc` for the cluster Argo CD runs in. */
  server: string;
}

/** The git repository the delivery engine reads rendered output from. */
export interface GitSource {
  /** Repository URL, e.g. `https://git.example.com/platform/platform.git` (https, ssh or `git@host:path`). */
  url: string;
  /** Branch, tag or commit the engine tracks. Prefer a fully qualified ref such as `refs/heads/main`. */
  revision: string;
  /** Folder inside the repository that holds `rendered/`; default `''` (the repository root). */
  basePath?: string;
}

/** An Argo CD sync window of the environment's AppProject. */
export interface SyncWindow {
  kind: 'allow' | 'deny';
  /** Cron schedule of the window's start. */
  schedule: string;
  /** How long the window lasts, e.g. `48h`. */
  duration: string;
  /** Whether a human may still sync by hand during the window. Default true. */
  manualSync?: boolean;
}

/** Argo CD settings of an environment. */
export interface ArgoCdDeliverySettings {
  /** Extra sync options for every generated Application. */
  syncOptions?: string[];
  /** Allowed sync windows of the environment's AppProject (e.g. none on weekends in prod). */
  syncWindows?: SyncWindow[];
}

/** How an environment is delivered. */
export interface DeliverySettings {
  /** The GitOps engine that applies the rendered output. Default `argocd`. */
  engine?: 'argocd' | 'flux';
  /** Namespace the engine runs in. Default `argocd` (Argo CD) or `flux-system` (Flux). */
  namespace?: string;
  /**
   * Largest share of all pods of the environment that one stage of the first sync (one stage of one sync
   * step) may start, checked by `pnpm check`. Default 0.6.
   */
  maxFirstSyncShare?: number;
  /** Argo CD settings. */
  argocd?: ArgoCdDeliverySettings;
  /**
   * The controller settings of an engine that no component of the environment installs (e.g. an Argo CD run by
   * another team): the settings the rendered delivery relies on are checked against these instead.
   */
  externalController?: Record<string, string>;
}

/** What an environment file declares. */
export interface EnvironmentSpec {
  /** Environment name: `dev`, `staging`, `prod` ... (a DNS label). */
  name: string;
  /** Where the output is deployed. */
  cluster: ClusterTarget;
  /** Where the delivery engine reads the rendered output from. */
  repo: GitSource;
  /** Shared settings. */
  settings: EnvironmentSettings;
  /** Delivery settings. */
  delivery?: DeliverySettings;
  /** The components, each a call to a component library, e.g. `mimir({ ... })`. */
  components: AnyComponent[];
  /** Functions applied to every object of every component, after the components' own mixins. */
  mixins?: Mixin[];
  /** Objects that exist in the cluster but are not rendered here (`Kind/namespace/name`), so `pnpm check` accepts references to them. */
  external?: string[];
  /** Kinds the environment's own objects (`addObjects`) use that no library declares. */
  kinds?: KindDefinition[];
  /** APIs the cluster serves without any component of this environment installing them (a provider's CRDs). */
  clusterApis?: GroupKind[];
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

/** True for values created by `defineEnvironment`. */
export function isEnvironment(value: unknown): value is Environment {
  return typeof value === 'object' && value !== null && (value as Environment).kind === 'PlatformEnvironment';
}
