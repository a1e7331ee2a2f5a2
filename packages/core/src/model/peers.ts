import type { Capabilities, CapabilityName } from './capabilities.js';
import type { DeclaredRoute } from './routes.js';

/** Looks up what other components of the environment provide. */
export interface Peers {
  /** Every provider of a capability, in component order. */
  all<K extends CapabilityName>(capability: K): Capabilities[K][];
  /** The one provider of a capability, or undefined. */
  find<K extends CapabilityName>(capability: K): Capabilities[K] | undefined;
  /** The provider of a capability; a clear render error naming the component that needs it when there is none. */
  require<K extends CapabilityName>(capability: K, why: string): Capabilities[K];
  /** Namespace of a component of the environment, if present. */
  namespaceOf(component: string): string | undefined;
  /** Every route the environment's components declare (for the edge component that renders them). */
  routes(): DeclaredRoute[];
}
