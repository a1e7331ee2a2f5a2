import type { ResourceRequirements } from '@platform/core';
import type { RemoteValue } from '@platform/external-secrets';

export type { ResourceRequirements };

/** Configuration of a Valkey deployment (`valkey()`). Every field has a documented default. */
export interface ValkeyConfig {
  /**
   * `sentinel`: one primary and replicas, with a Sentinel beside every instance electing a new primary when it
   * fails; clients ask Sentinel where the primary is. `cluster`: Valkey Cluster, the keyspace sharded over
   * primaries, each with replicas. Default `sentinel`.
   */
  mode: 'sentinel' | 'cluster';
  /**
   * Valkey pods. Sentinel mode: the primary and its replicas (and as many Sentinels; 3 is the smallest quorum
   * that survives one loss). Cluster mode: every node, at least 3 primaries times (1 + `clusterReplicas`).
   * Default 3.
   */
  replicas: number;
  /** Cluster mode: replicas per primary. Default 1. */
  clusterReplicas: number;
  /** Spread pods over nodes: `required` (never two on one node) or `preferred`. Default `preferred`; zones always preferred. */
  antiAffinity: 'required' | 'preferred';
  /** Images, pinned. */
  images: {
    /** Valkey (server, Sentinel and valkey-cli). Default `valkey/valkey:9.1.2`. */
    valkey: string;
    /** The Prometheus exporter sidecar. Default `oliver006/redis_exporter:v1.88.0`. */
    exporter: string;
  };
  /** Resources of each Valkey container. Default requests 100m / 256Mi, limit 512Mi; `maxmemory` is 75% of the limit. */
  resources: ResourceRequirements;
  /** Resources of each Sentinel container (sentinel mode). Default requests 20m / 32Mi, limit 64Mi. */
  sentinelResources: ResourceRequirements;
  /** Resources of each exporter container. Default requests 10m / 32Mi, limit 64Mi. */
  exporterResources: ResourceRequirements;
  /** What Valkey evicts at `maxmemory` (`maxmemory-policy`). Default `noeviction`: writes fail rather than lose keys. */
  maxMemoryPolicy: 'noeviction' | 'allkeys-lru' | 'allkeys-lfu' | 'volatile-lru' | 'volatile-lfu' | 'volatile-ttl';
  /** Persistence on each pod's claim. */
  persistence: {
    /** Append-only file, fsynced every second (`appendonly`, `appendfsync everysec`). Default true. */
    aof: boolean;
    /** RDB snapshot points (`save`), e.g. `3600 1 300 100 60 10000`; `''` for none. Default `3600 1 300 100 60 10000`. */
    rdbSave: string;
    /** Claim size. Default `8Gi`. */
    size: string;
    /** Storage class. Default: the cluster's default. */
    storageClassName?: string;
  };
  /** Sentinel's failover timing (sentinel mode). */
  sentinel: {
    /** Name of the monitored primary (`sentinel monitor <name>`), which clients ask for. Default `primary`. */
    primarySet: string;
    /** Sentinels that must agree the primary is down. Default 2. */
    quorum: number;
    /** Unreachable this long (ms) counts as down. Default 10000. */
    downAfterMilliseconds: number;
    /** Failover timeout (ms). Default 60000. */
    failoverTimeoutMilliseconds: number;
  };
  /** Authentication of clients, replicas and Sentinels with one password (`requirepass`, `primaryauth`). */
  auth: {
    /** Require the password. Default true. */
    enabled: boolean;
    /** Where the password is in the secret store. Default key `platform/<environment>/<component>`, property `password`. */
    password?: RemoteValue;
  };
  /** TLS on every port from the environment's `certificateIssuer` (cert-manager), for clients, replication and the cluster bus. Default off. */
  tls: { enabled: boolean };
  /** Components whose pods may connect. Default none. */
  clients: string[];
  /** Alerting rules (rendered when the environment renders monitoring objects). */
  alerts: {
    /** `team` label of every alert. Default `platform`. */
    team: string;
    /** Page with one runbook section per alert (`#<alert name in lower case>`). Default this package's README. */
    runbookUrl: string;
  };
}

export const VALKEY_IMAGE = 'valkey/valkey:9.1.2';
export const EXPORTER_IMAGE = 'oliver006/redis_exporter:v1.88.0';

export const defaults: ValkeyConfig = {
  mode: 'sentinel',
  replicas: 3,
  clusterReplicas: 1,
  antiAffinity: 'preferred',
  images: { valkey: VALKEY_IMAGE, exporter: EXPORTER_IMAGE },
  resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '512Mi' } },
  sentinelResources: { requests: { cpu: '20m', memory: '32Mi' }, limits: { memory: '64Mi' } },
  exporterResources: { requests: { cpu: '10m', memory: '32Mi' }, limits: { memory: '64Mi' } },
  maxMemoryPolicy: 'noeviction',
  persistence: { aof: true, rdbSave: '3600 1 300 100 60 10000', size: '8Gi', storageClassName: undefined },
  sentinel: { primarySet: 'primary', quorum: 2, downAfterMilliseconds: 10_000, failoverTimeoutMilliseconds: 60_000 },
  auth: { enabled: true, password: undefined },
  tls: { enabled: false },
  clients: [],
  alerts: {
    team: 'platform',
    runbookUrl: 'https://git.example.com/platform/platform/-/blob/main/packages/valkey/README.md',
  },
};
