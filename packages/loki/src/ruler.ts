import type { BuildContext } from '@platform/core';
import { type DatabaseTargetObjects, databaseTarget, type GrafanaDatabase } from '@platform/grafana-databases';
import type { LokiConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';

export type RulerObjects = DatabaseTargetObjects<'ruler', 'deployment'>;

/**
 * microservices, optional: the ruler evaluates LogQL alerting and recording rules stored in the ruler bucket and
 * sends alerts to the environment's Alertmanager. Its WAL lives on the pod's emptyDir.
 */
export function ruler(context: BuildContext<LokiConfig>, database: GrafanaDatabase): RulerObjects {
  const { replicas, resources } = context.config.ruler;
  return databaseTarget(context, database, 'deployment', { name: SERVICE_NAMES.ruler, replicas, resources });
}
