import type { ObjectStorage } from '@platform/core';

/** Thanos, one image for every component: v0.42.4 (the operator v0.93.0 defaults to v0.42.2, `pkg/operator/defaults.go:32`). */
export const THANOS_IMAGE = 'quay.io/thanos/thanos:v0.42.4';
/** The user Thanos' image runs as (`Dockerfile:14`, `USER 1001`). */
export const THANOS_UID = 1001;

/** Thanos' gRPC (StoreAPI) and HTTP ports, as every component and the operator's sidecar use them (`statefulset.go:580-581`). */
export const PORTS = { grpc: 10901, http: 10902 } as const;
/** Names of the container ports; the HTTP one serves `/metrics` and is what ServiceMonitors scrape. */
export const PORT_NAMES = { grpc: 'grpc', http: 'http-metrics' } as const;

/** The object storage configuration: ConfigMap, key and mount directory (no secrets in it: credentials come from env). */
export const OBJSTORE = { configMap: 'thanos-objstore', key: 'objstore.yaml', dir: '/etc/thanos' } as const;
export const OBJSTORE_FILE = `${OBJSTORE.dir}/${OBJSTORE.key}`;

/** Where stateful components keep their local data (index headers, compaction scratch). */
export const DATA_DIR = '/data';

/** The replica label of Prometheus HA pairs (the operator's `replicaExternalLabelName` default) and of Thanos Ruler. */
export const REPLICA_LABELS = ['prometheus_replica', 'thanos_ruler_replica'] as const;

/** Workload (and Service) names. */
export const WORKLOAD = {
  query: 'thanos-query',
  queryFrontend: 'thanos-query-frontend',
  storeGateway: 'thanos-store',
  compactor: 'thanos-compact',
} as const;

/** The bucket Prometheus' sidecars ship blocks to, and the store gateway and compactor read: `<bucketPrefix>-thanos`. */
export function thanosBucket(storage: ObjectStorage): string {
  return `${storage.bucketPrefix}-thanos`;
}

/** Pod label of the components that talk to object storage; the egress policy selects it. */
export const OBJECT_STORAGE_CLIENT_LABEL = 'object-storage-client';
