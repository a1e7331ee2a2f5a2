import type { Capabilities, CapabilityName } from './capabilities.js';
import type { DeclaredRoute } from './routes.js';

/** How a consumer names the provider it uses, for {@link Peers.choose}. */
export interface ProviderChoice {
  /** The provider's component name, from the consumer's configuration; undefined: the only provider. */
  component: string | undefined;
  /** The consumer's field holding that name, e.g. `database.postgres`. */
  path: string;
  /** What the consumer needs it for, e.g. `Grafana's database`. */
  why: string;
}

/** Looks up what other components of the environment provide. */
export interface Peers {
  /** Every provider of a capability, in component order. */
  all<K extends CapabilityName>(capability: K): Capabilities[K][];
  /** The one provider of a capability, or undefined. */
  find<K extends CapabilityName>(capability: K): Capabilities[K] | undefined;
  /** The provider of a capability; a clear render error naming the component that needs it when there is none. */
  require<K extends CapabilityName>(capability: K, why: string): Capabilities[K];
  /**
   * The provider a consumer uses when several may exist: the one named by the consumer's configuration
   * (`component`), else the only one. A missing provider, an unknown name or several unnamed providers are
   * render errors at `path`, the consumer's field that names the provider.
   */
  choose<K extends CapabilityName>(capability: K, choice: ProviderChoice): Capabilities[K];
  /** Namespace of a component of the environment, if present. */
  namespaceOf(component: string): string | undefined;
  /** Every route the environment's components declare (for the edge component that renders them). */
  routes(): DeclaredRoute[];
}
