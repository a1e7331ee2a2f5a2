import { type EnvironmentView, mirroredImage, standardLabels } from '@platform/core';
import type { IPooler } from './kinds.js';
import { POOLER_LABEL, poolerName } from './names.js';
import type { PostgresConfig } from './postgres-config.js';

/**
 * A PgBouncer `Pooler` in front of the primary (`type: rw`), named `<cluster>-pooler-rw`; the operator creates a
 * Service of the same name over its pods. The image is pinned (`spec.pgbouncer.image`, through the registry
 * mirror); the pod template repeats it on the `pgbouncer` container with its resources and spreads the pods over nodes
 * and zones. The operator gives the pods a restricted security context itself (pkg/specs/pgbouncer/deployments.go).
 */
export function poolerObject(
  cluster: string,
  namespace: string,
  component: string,
  config: PostgresConfig,
  environment: EnvironmentView,
): IPooler {
  const { pooler } = config;
  const name = poolerName(cluster);
  const selector = { matchLabels: { [POOLER_LABEL]: name } };
  const image = mirroredImage(pooler.image, environment.settings.imageRegistryMirror);
  return {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Pooler',
    metadata: { name, namespace, labels: standardLabels(component, 'pooler') },
    spec: {
      cluster: { name: cluster },
      instances: pooler.instances,
      type: 'rw',
      pgbouncer: {
        poolMode: pooler.poolMode,
        image,
        parameters: { ...pooler.parameters },
      },
      template: {
        spec: {
          // The same image again: a pod template's container needs one, and it takes precedence over pgbouncer.image.
          containers: [{ name: 'pgbouncer', image, resources: pooler.resources }],
          topologySpreadConstraints: ['kubernetes.io/hostname', 'topology.kubernetes.io/zone'].map((topologyKey) => ({
            maxSkew: 1,
            topologyKey,
            whenUnsatisfiable: 'ScheduleAnyway' as const,
            labelSelector: selector,
          })),
        },
      },
    },
  };
}
