import type { ObjectsPatch } from '../model/component.js';
import { PlatformError, type Problem } from '../model/errors.js';
import type { ObjectMap } from '../model/objects.js';
import { isKubeObject, type KubeObject } from '../model/objects.js';
import { applyPatch, type Patch, PatchProblem } from '../model/patch.js';
import { didYouMean } from '../util/suggest.js';

/**
 * Stage 3: the user's overrides, in the order given: each deep-merges into the named objects (`null` removes
 * an object). An override of an object the component does not render is an error naming the objects it does.
 */
export function applyOverrides(
  objects: Record<string, KubeObject>,
  patches: ReadonlyArray<ObjectsPatch<ObjectMap>>,
): Record<string, KubeObject> {
  let current: Record<string, KubeObject | null> = objects;
  for (const patch of patches) {
    const problems: Problem[] = [];
    const names = Object.keys(current).filter((key) => current[key] !== null);
    const next: Record<string, KubeObject | null> = { ...current };
    for (const [key, objectPatch] of Object.entries(patch)) {
      if (objectPatch === undefined) continue;
      const existing = current[key];
      if (existing === undefined || existing === null) {
        problems.push({
          path: `override.${key}`,
          message: `the component renders no object named "${key}"${didYouMean(key, names, (name) => name.replace(/_/g, '').toLowerCase())}; its objects are: ${names.sort().join(', ')}`,
        });
        continue;
      }
      if (objectPatch === null) {
        next[key] = null;
        continue;
      }
      try {
        const result = applyPatch(existing, objectPatch as Patch<KubeObject>);
        if (!isKubeObject(result))
          problems.push({
            path: `override.${key}`,
            message: 'the override removes apiVersion or kind; to remove the object, override it with null',
          });
        else next[key] = result;
      } catch (error) {
        if (!(error instanceof PatchProblem)) throw error;
        problems.push({ path: `override.${key}${error.path ? `.${error.path}` : ''}`, message: error.message });
      }
    }
    if (problems.length > 0) throw new PlatformError(problems);
    current = next;
  }
  return Object.fromEntries(
    Object.entries(current).filter((entry): entry is [string, KubeObject] => entry[1] !== null),
  );
}
