import {
  type BuildContext,
  deployment,
  type IDeployment,
  type NamedWorkloadObjects,
  namedWorkloadObjects,
} from '@platform/core';
import { DATABASE_STAGES, type GrafanaDatabase, targetWorkload } from '@platform/grafana-databases';
import type { LokiConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';

export type RulerObjects = NamedWorkloadObjects<'ruler', 'deployment', IDeployment>;

/**
 * microservices, optional: the ruler evaluates LogQL alerting and recording rules stored in the ruler bucket and
 * sends alerts to the environment's Alertmanager. Its WAL lives on the pod's emptyDir.
 */
export function ruler(context: BuildContext<LokiConfig>, database: GrafanaDatabase): RulerObjects {
  const { replicas, resources } = context.config.ruler;
  const objects = deployment(
    context,
    targetWorkload(database, {
      name: SERVICE_NAMES.ruler,
      target: 'ruler',
      replicas,
      resources,
      stage: DATABASE_STAGES.stateless,
    }),
  );
  return namedWorkloadObjects('ruler', 'deployment', objects);
}
