/**
 * Names, ports and paths every part of the package agrees on. Addresses in the Mimir configuration file are
 * built from these same constants, so a renamed Service cannot leave a stale address behind.
 */

/** Workload (and Service) names, as in Grafana's Jsonnet. */
export const WORKLOAD = {
  distributor: 'distributor',
  ingester: 'ingester',
  querier: 'querier',
  queryFrontend: 'query-frontend',
  queryScheduler: 'query-scheduler',
  storeGateway: 'store-gateway',
  compactor: 'compactor',
  ruler: 'ruler',
  alertmanager: 'alertmanager',
} as const;

/** The headless Service queriers and query-frontends resolve to find every query-scheduler, ready or not. */
export const QUERY_SCHEDULER_DISCOVERY = 'query-scheduler-discovery';

/** Ports of every Mimir container (Jsonnet's `$.util.defaultPorts`). */
export const HTTP_PORT = 8080;
export const GRPC_PORT = 9095;

/** ConfigMap of the Mimir configuration file, its key and where it is mounted. */
export const CONFIG_CONFIGMAP = 'mimir-config';
export const CONFIG_FILE_KEY = 'mimir.yaml';
export const CONFIG_DIR = '/etc/mimir';

/** ConfigMap of the runtime configuration (per-tenant overrides), reloaded by Mimir every 10 seconds. */
export const RUNTIME_CONFIGMAP = 'mimir-runtime';
export const RUNTIME_FILE_KEY = 'runtime.yaml';
export const RUNTIME_DIR = '/var/mimir';

/** ConfigMap of the Alertmanager configuration used for tenants without their own. */
export const FALLBACK_CONFIGMAP = 'alertmanager-fallback-config';
export const FALLBACK_FILE_KEY = 'alertmanager_fallback_config.yaml';
export const FALLBACK_DIR = '/configs';

/**
 * The one writable data directory of every Mimir container: a PersistentVolumeClaim for ingesters,
 * store-gateways, compactors and alertmanagers, an emptyDir elsewhere. The root file system is read-only.
 */
export const DATA_DIR = '/data';

/** The ServiceAccount every Mimir pod runs as (IRSA / workload identity bind to it). */
export const SERVICE_ACCOUNT = 'mimir';

/** Pod label of the Mimir components that talk to object storage; the egress policy selects it. */
export const OBJECT_STORAGE_CLIENT_LABEL = 'object-storage-client';
