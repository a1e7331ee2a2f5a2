import type { GrafanaDatabase } from './database-pod.js';
import { gossipRing } from './gossip-ring.js';

/** A Loki-like database with a gossip ring and no Secret env, for the pod and target tests. */
export const database: GrafanaDatabase = {
  image: 'grafana/loki:3.7.6',
  httpPort: 3100,
  grpcPort: 9095,
  configFile: { volume: 'config', configMap: 'loki', path: '/etc/loki/config/config.yaml' },
  runtimeFile: { volume: 'runtime-config', configMap: 'loki-runtime', path: '/etc/loki/runtime/runtime.yaml' },
  dataPath: '/var/loki',
  ring: gossipRing('loki', 'loki', { clusterDomain: 'cluster.local' }),
  configYaml: 'auth_enabled: true\n',
  env: [],
};

/** Small requests and a memory limit. */
export const resources = { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } };
