import type { ResourceRequirements } from '@platform/core';
import { THANOS_IMAGE } from './layout.js';
import type { QueryEndpoint } from './query.js';

/** A volume of a stateful component. */
export interface VolumeConfig {
  /** Claim size. */
  size: string;
  /** Storage class. Default: the cluster's default. */
  storageClassName?: string;
}

/** A StoreAPI of another environment that the global Query fans out to. */
export interface RemoteStore extends QueryEndpoint {
  /** Short name, e.g. the environment's (`staging`); names the egress rule. */
  name: string;
}

/**
 * Configuration of `@platform/thanos`: the object-storage side of Prometheus + Thanos (store gateway, compactor)
 * and the global view (a Query over other environments' StoreAPIs). The sidecars and the environment's own
 * Query run with Prometheus (`@platform/prometheus` with `thanos.enabled`).
 */
export interface ThanosConfig {
  /** Thanos image for every component. Default `quay.io/thanos/thanos:v0.42.4`. */
  image: string;
  /** Log level of every component. Default `info`. */
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Team that owns Thanos' alerts (their `team` label). Default `observability`. */
  team: string;
  /** Store gateway: serves the blocks in the bucket to Queries. Default on, 2 replicas, 10Gi for index headers. */
  storeGateway: {
    /** Render it. Default true. */
    enabled: boolean;
    /** Replicas; each serves every block. Default 2. */
    replicas: number;
    /** Default requests 250m / 1Gi, limit 2Gi. */
    resources: ResourceRequirements;
    /** Volume for downloaded index headers. Default 10Gi. */
    storage: VolumeConfig;
    /** In-memory index cache (`--index-cache-size`). Default `250MB`. */
    indexCacheSize: string;
    /**
     * The bucket it serves. Default the environment's own, `<bucketPrefix>-thanos`. Another environment's bucket
     * (`acme-staging-thanos`) gives a read-only view of that environment's history; its compactor stays in the
     * environment that owns the bucket (two compactors on one bucket corrupt it), so `compactor.enabled` must be false.
     */
    bucket?: string;
  };
  /** Compactor: compacts, downsamples and applies retention; exactly one runs. Default on. */
  compactor: {
    /** Render it. Default true. */
    enabled: boolean;
    /** Default requests 250m / 1Gi, limit 4Gi. */
    resources: ResourceRequirements;
    /** Scratch volume for compaction. Default 50Gi. */
    storage: VolumeConfig;
    /** Downsample to 5m (after 40h) and 1h (after 10d) resolution. Default true. */
    downsampling: boolean;
    /** How long each resolution is kept (`0s`: forever). Default raw `30d`, 5m `90d`, 1h `1y`. */
    retention: { raw: string; fiveMinutes: string; oneHour: string };
  };
  /**
   * The global view: a Query (and Query Frontend) fanning out to `remoteStores` (other environments' StoreAPIs),
   * this environment's store gateway and the Queries of its Prometheuses. Default off.
   */
  globalQuery: {
    /** Render the global Query and its Query Frontend. Default false. */
    enabled: boolean;
    /** StoreAPIs of other environments. Default `[]`. */
    remoteStores: RemoteStore[];
    /** Replicas of the Query and of the Query Frontend. Default 2. */
    replicas: number;
    /** Default requests 250m / 512Mi, limit 2Gi. */
    resources: ResourceRequirements;
    /** In-memory response cache of each Query Frontend replica. Default `256MB`. */
    cacheSize: string;
    /** Range queries are split and cached by this interval. Default `24h`. */
    splitInterval: string;
  };
  network: {
    /** Components whose pods may query the store gateway's StoreAPI. Default `['prometheus']`. */
    storeApiFrom: string[];
    /** Components whose pods may query the global Query Frontend. Default `['grafana']`. */
    queryFrom: string[];
  };
}

const resources = (cpu: string, memory: string, limit: string): ResourceRequirements => ({
  requests: { cpu, memory },
  limits: { memory: limit },
});

export const defaults: ThanosConfig = {
  image: THANOS_IMAGE,
  logLevel: 'info',
  team: 'observability',
  storeGateway: {
    enabled: true,
    replicas: 2,
    resources: resources('250m', '1Gi', '2Gi'),
    storage: { size: '10Gi', storageClassName: undefined },
    indexCacheSize: '250MB',
    bucket: undefined,
  },
  compactor: {
    enabled: true,
    resources: resources('250m', '1Gi', '4Gi'),
    storage: { size: '50Gi', storageClassName: undefined },
    downsampling: true,
    retention: { raw: '30d', fiveMinutes: '90d', oneHour: '1y' },
  },
  globalQuery: {
    enabled: false,
    remoteStores: [],
    replicas: 2,
    resources: resources('250m', '512Mi', '2Gi'),
    cacheSize: '256MB',
    splitInterval: '24h',
  },
  network: { storeApiFrom: ['prometheus'], queryFrom: ['grafana'] },
};
