import { PlatformError } from '../model/errors.js';
import type { Mixin, MixinContext } from '../model/mixin.js';
import { isKubeObject, type KubeObject } from '../model/objects.js';
import { clone } from '../model/patch.js';
import { runUserCode } from './user-code.js';

/**
 * Stage 4: the component's own mixins, then the environment's, on a private copy of every object. A mixin
 * returns the object to render or nothing (keeping the copy it changed).
 */
export function applyMixins(
  objects: Record<string, KubeObject>,
  mixins: readonly Mixin[],
  environment: string,
  component: string,
): Record<string, KubeObject> {
  if (mixins.length === 0) return objects;
  const result: Record<string, KubeObject> = {};
  for (const [key, object] of Object.entries(objects)) {
    let current = clone(object);
    const context: MixinContext = { environment, component, key };
    for (const mixin of mixins) {
      const returned = runUserCode('a mixin', { component, path: key }, () => mixin(current, context));
      if (returned !== undefined && !isKubeObject(returned)) {
        throw new PlatformError({
          component,
          path: key,
          message:
            'a mixin returned something that is not a Kubernetes object; return the object, or nothing to keep the one it changed',
        });
      }
      current = returned ?? current;
    }
    result[key] = current;
  }
  return result;
}
