import type { DeliveryEngine } from '../delivery/engine.js';
import { PlatformError, type Problem } from '../model/errors.js';
import { type KubeObject, objectRef } from '../model/objects.js';
import { clone } from '../model/patch.js';
import type { BuiltComponent } from '../model/rendered.js';
import type { KindRegistry } from '../registry/kinds.js';

/**
 * Stage 5: each object made final: a private copy, placed in the component's namespace when its kind is
 * namespaced and never when it is cluster-scoped (by the registered scope: an unregistered kind is an error,
 * not a guess), then given the delivery engine's annotations. Nothing changes an object after this stage.
 */
export function finaliseObjects(
  component: BuiltComponent,
  kinds: KindRegistry,
  engine: DeliveryEngine,
): BuiltComponent {
  const problems: Problem[] = [];
  const objects = component.objects.map(({ key, object }) => {
    const result: KubeObject = clone(object);
    result.metadata = { ...result.metadata, name: result.metadata?.name ?? '' };
    const clusterScoped = kinds.isClusterScoped(result);
    if (clusterScoped === undefined) {
      const versions = kinds.versionsOf(result);
      problems.push({
        object: objectRef(result),
        path: 'apiVersion',
        message: `no library of the environment declares ${result.apiVersion} ${result.kind}, so its scope and schema are unknown${versions.length > 0 ? ` (declared versions: ${versions.join(', ')})` : "; declare it in the library's `kinds` or the environment's `kinds`"}`,
      });
      return { key, object: result };
    }
    if (clusterScoped) delete result.metadata.namespace;
    else result.metadata.namespace ??= component.namespace;
    return { key, object: engine.finaliseObject(result, component) };
  });
  if (problems.length > 0) throw new PlatformError(problems);
  return { ...component, objects };
}
