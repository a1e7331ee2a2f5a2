import type { KindDefinition, KubeObject } from '@platform/core';
import type { EdgeRoute } from './edge-plan.js';
import type { RouteRenderContext } from './routes-component.js';

/** A reference to an implementation's filter object, as a Gateway API `ExtensionRef` filter names it. */
export interface ExtensionFilterRef {
  group: string;
  kind: string;
  name: string;
}

/** What an implementation adds to one route for what a standard kind cannot say (auth, body size, sources). */
export interface RouteFilters {
  /** The filters, in the order they apply. */
  filters: ExtensionFilterRef[];
  /** The objects they refer to, by object-key suffix, in the route's namespace. */
  objects: Record<string, KubeObject>;
}

/**
 * Implementation-specific filters for a standard route kind: Gateway API's standard channel has no auth, body
 * size or source-range filter, so an environment whose Gateway is implemented by Traefik passes
 * `traefikGatewayFilters` (Traefik Middlewares as `ExtensionRef` filters) to the routes component.
 */
export interface RouteExtensions {
  /** The implementation, for messages. */
  name: string;
  /** The kinds of the objects it renders. */
  kinds: readonly KindDefinition[];
  filters(route: EdgeRoute, context: RouteRenderContext): RouteFilters;
}
