import type { Provided } from '../model/capabilities.js';
import type { AnyComponent, ComponentState } from '../model/component.js';
import { ConfigChecks } from '../model/config-checks.js';
import { mergeConfig } from '../model/config-merge.js';
import type { ComponentContext, ComponentDefinition, EnvironmentView } from '../model/definition.js';
import type { ObjectMap } from '../model/objects.js';
import { type DeclaredRoute, routeHost } from '../model/routes.js';
import { runUserCode } from './user-code.js';

/** A component with its configuration merged and checked (once), and what it provides. */
export interface ResolvedComponent {
  /** The routes the library and the user declare for the component. */
  routes: DeclaredRoute[];
  component: AnyComponent;
  definition: ComponentDefinition<object, ObjectMap>;
  state: ComponentState<object>;
  context: ComponentContext<object>;
  provided: Provided;
}

/**
 * Stage 1: merges the component's configuration layers over its library's defaults, checks the result
 * (shape, then the library's semantic checks) and asks what it provides. Throws a PlatformError with every
 * problem of the component.
 */
export function resolveComponent(component: AnyComponent, view: EnvironmentView): ResolvedComponent {
  const { definition, state } = component.plan as {
    definition: ComponentDefinition<object, ObjectMap>;
    state: ComponentState<object>;
  };
  const location = { component: component.name };
  const config = runUserCode(`the configuration of ${component.name}`, location, () =>
    mergeConfig(definition.defaults, ...state.configLayers),
  );
  const context: ComponentContext<object> = {
    name: component.name,
    namespace: component.namespace,
    config,
    environment: view,
  };
  if (definition.check) {
    const checks = new ConfigChecks();
    runUserCode(`${definition.name}'s configuration check`, location, () => definition.check!(config, checks, context));
    checks.done();
  }
  const provided = definition.provides
    ? runUserCode(`${definition.name}'s provides()`, location, () => definition.provides!(context))
    : {};
  const declared = [
    ...(definition.routes
      ? runUserCode(`${definition.name}'s routes()`, location, () => definition.routes!(context))
      : []),
    ...state.routes.flatMap((routes) =>
      typeof routes === 'function'
        ? runUserCode('the addRoutes function', location, () =>
            routes({ name: context.name, namespace: context.namespace, provided }),
          )
        : routes,
    ),
  ];
  const routes = declared.map(
    (route): DeclaredRoute => ({
      ...route,
      component: context.name,
      namespace: context.namespace,
      fqdn: routeHost(route, view.settings.baseDomain),
    }),
  );
  return { component, definition, state, context, provided, routes };
}
