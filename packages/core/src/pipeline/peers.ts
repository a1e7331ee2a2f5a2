import type { Capabilities, CapabilityName, Provided } from '../model/capabilities.js';
import { PlatformError } from '../model/errors.js';
import type { Peers } from '../model/peers.js';
import type { DeclaredRoute } from '../model/routes.js';

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
  routes: readonly DeclaredRoute[] = [],
): Peers {
  const all = <K extends CapabilityName>(capability: K): Capabilities[K][] => {
    const result: Capabilities[K][] = [];
    for (const [name, entry] of provided) {
      if (name === requester) continue;
      // Read through `unknown`: the union of every capability's types is too large for TypeScript to spell out.
      const value: unknown = (entry as Record<string, unknown>)[capability];
      if (value === undefined) continue;
      result.push(...((Array.isArray(value) ? value : [value]) as Capabilities[K][]));
    }
    return result;
  };
  const require = <K extends CapabilityName>(capability: K, why: string): Capabilities[K] => {
    const found = all(capability)[0];
    if (found) return found;
    const error = new PlatformError({
      message: `needs a component that provides "${capability}" (${why}), and the environment has none`,
    });
    if (unavailable.size > 0) Object.assign(error, { cascade: MISSING_CAPABILITY });
    throw error;
  };
  return {
    all,
    find: (capability) => all(capability)[0],
    require,
    choose: (capability, { component, path, why }) => {
      const candidates = all(capability);
      const names = candidates.map((c) => (c as { component: string }).component);
      if (component !== undefined) {
        const found = candidates[names.indexOf(component)];
        if (found) return found;
        throw new PlatformError({
          path,
          message: `no component "${component}" provides "${capability}" (${why}); providers: ${names.join(', ') || 'none'}`,
        });
      }
      if (candidates.length > 1)
        throw new PlatformError({
          path,
          message: `several components provide "${capability}" (${names.join(', ')}); name the one for ${why}`,
        });
      return require(capability, why);
    },
    namespaceOf: (component) => namespaces.get(component),
    routes: () => routes.map((route) => ({ ...route })),
  };
}
