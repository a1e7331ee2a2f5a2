/**
 * @platform/core/testing: what tests of component libraries share: a small valid environment to render in,
 * render failures as problems, views of rendered objects, the delivery elements, and whether the rendered
 * NetworkPolicies allow a connection. Fakes of particular components live with those components' tests.
 */
export { load as parseYaml } from 'js-yaml';
export * from './connections.js';
export * from './delivery.js';
export * from './environment.js';
export * from './views.js';
