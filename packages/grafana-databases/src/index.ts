/**
 * @platform/grafana-databases: what Grafana's databases (Mimir, Loki, Tempo) share, written once: the pod of one
 * process target of the single binary, the memberlist gossip ring, memcached caches, and the stages of their
 * first sync.
 */
export * from './autoscaling-config.js';
export * from './cache-config.js';
export * from './database-pod.js';
export * from './database-target.js';
export * from './gossip-ring.js';
export * from './log-level.js';
export * from './memcached.js';
