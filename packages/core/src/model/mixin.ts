import type { KubeObject } from './objects.js';

/** What a mixin knows about where it runs. */
export interface MixinContext {
  environment: string;
  component: string;
  /** The object's name in the component (`distributor_deployment`). */
  key: string;
}

/**
 * A function applied to every object of a component or an environment (labels, registry mirrors,
 * placement ...). It receives a private copy and returns the object to render, or `undefined` to keep the
 * (possibly modified) copy.
 */
// biome-ignore lint/suspicious/noConfusingVoidType: a mixin may change the object in place and return nothing.
export type Mixin = (object: KubeObject, context: MixinContext) => KubeObject | void;
