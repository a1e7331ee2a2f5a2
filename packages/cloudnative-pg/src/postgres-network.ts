import type { IngressRule, NetworkAccess } from '@platform/core';
import { OPERATOR_POD_LABELS } from './chart.js';
import { CLUSTER_LABEL, instancePods, POSTGRES_PORT, poolerName, poolerPods, STATUS_PORT } from './names.js';
import type { PostgresConfig } from './postgres-config.js';

/**
 * What a cluster's pods need beyond their namespace, rule names prefixed with the cluster so one component can
 * hold several: the operator reaches every instance on the status port and PostgreSQL's (docs/src/security.md,
 * "Exposed Ports"); the configured clients reach PostgreSQL on the pooler when there is one, on the instances
 * otherwise (pooler to instances stays inside the namespace); every pod of the cluster (instances, pooler, the
 * bootstrap Jobs) talks to the API server; with backups or a recovery they reach the object storage.
 */
export function postgresNetwork(cluster: string, config: PostgresConfig): NetworkAccess {
  const clusterPods = { [CLUSTER_LABEL]: cluster };
  const clients: IngressRule[] =
    config.clients.length === 0
      ? []
      : [
          {
            name: `${cluster}-clients`,
            from: config.clients.map((component) => ({ component })),
            ports: [POSTGRES_PORT],
            podLabels: config.pooler.enabled ? poolerPods(poolerName(cluster)) : instancePods(cluster),
          },
        ];
  return {
    ingress: [
      {
        name: `${cluster}-operator`,
        from: [{ component: config.operator, podLabels: { ...OPERATOR_POD_LABELS } }],
        ports: [STATUS_PORT, POSTGRES_PORT],
        podLabels: instancePods(cluster),
      },
      ...clients,
    ],
    egress: [
      { name: `${cluster}-api-server`, to: 'apiServer', podLabels: clusterPods },
      ...(config.backup.enabled || config.recovery
        ? [{ name: `${cluster}-object-storage`, to: 'objectStorage' as const, podLabels: clusterPods }]
        : []),
    ],
  };
}
