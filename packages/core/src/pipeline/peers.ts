import type { Capabilities, CapabilityName, Provided } from '../model/capabilities.js';
import { PlatformError } from '../model/errors.js';
import type { Peers } from '../model/peers.js';

/** Raised for a capability nobody provides, kept apart so that a failed provider does not cascade. */
export const MISSING_CAPABILITY = 'missing-capability';

/**
 * What a component sees of the others' endpoints. `unavailable` holds components whose own configuration
 * failed: a consumer that needs what they provide is not blamed for it (their error is already reported).
 */
export function peersOf(
  provided: ReadonlyMap<string, Provided>,
  namespaces: ReadonlyMap<string, string>,
  requester: string,
  unavailable: ReadonlySet<string>,
): Peers {
  const all = <K extends CapabilityName>(capability: K): Capabilities[K][] => {
    const result: Capabilities[K][] = [];
    for (const [name, entry] of provided) {
      if (name === requester) continue;
      const value = entry[capability];
      if (value === undefined) continue;
      result.push(...((Array.isArray(value) ? value : [value]) as Capabilities[K][]));
    }
    return result;
  };
  return {
    all,
    find: (capability) => all(capability)[0],
    require: (capability, why) => {
      const found = all(capability)[0];
      if (found) return found;
      const error = new PlatformError({
        message: `needs a component that provides "${capability}" (${why}), and the environment has none`,
      });
      if (unavailable.size > 0) Object.assign(error, { cascade: MISSING_CAPABILITY });
      throw error;
    },
    namespaceOf: (component) => namespaces.get(component),
  };
}
