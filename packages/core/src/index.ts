/**
 * @platform/core: the composition model of the platform toolkit. Components are pure functions from typed
 * configuration to named Kubernetes objects; environments compose them; the renderer turns an environment
 * into validated YAML plus the Argo CD objects that deliver it in a safe order.
 */
export * from './errors.js';
export * from './objects.js';
export * from './patch.js';
export * from './config.js';
export * from './component.js';
export * from './environment.js';
export * from './endpoints.js';
export * from './stores.js';
export * from './settings.js';
export * from './object-storage.js';
export * from './labels.js';
export * from './mixins.js';
export * from './network.js';
export * from './namespace.js';
export * from './security.js';
export * from './probes.js';
export * from './workload.js';
export * from './config-map.js';
export * from './memberlist.js';
export * from './memcached.js';
export * from './ordering.js';
export * from './serialize.js';
export * from './validate.js';
export * from './render.js';
export * from './policy.js';
export * from './checksum.js';
export * from './dashboard.js';
export * from './alerts.js';
export * from './grafana-database.js';
export * from './delivery/argocd.js';
export type * from './kinds.js';
