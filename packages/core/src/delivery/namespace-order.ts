import { PlatformError, type Problem } from '../model/errors.js';
import type { BuiltComponent } from '../model/rendered.js';
import { TIERS } from '../model/tiers.js';

/**
 * Adds to every component that lives in a namespace another component creates (`inNamespace(ns, { create:
 * false })`) a dependency on that creator, so it never syncs in the same step as its namespace or before it: its
 * objects would fail to apply until the namespace exists. A creator in a later tier can never come first, since
 * every later step waits for this one: that is a render error naming both.
 */
export function withNamespaceCreators(components: BuiltComponent[]): BuiltComponent[] {
  const creators = new Map<string, BuiltComponent>();
  for (const component of components)
    for (const { object } of component.objects)
      if (object.kind === 'Namespace' && object.metadata?.name) creators.set(object.metadata.name, component);
  const problems: Problem[] = [];
  const result = components.map((component) => {
    const creator = creators.get(component.namespace);
    if (!creator || creator.name === component.name || component.dependsOn.includes(creator.name)) return component;
    if (TIERS.indexOf(creator.tier) > TIERS.indexOf(component.tier)) {
      problems.push({
        component: component.name,
        path: 'namespace',
        message: `lives in namespace "${component.namespace}", which "${creator.name}" creates in the later tier "${creator.tier}" (this component is in "${component.tier}"); move one of them, or let this component create the namespace`,
      });
      return component;
    }
    return { ...component, dependsOn: [...component.dependsOn, creator.name] };
  });
  if (problems.length > 0) throw new PlatformError(problems);
  return result;
}
