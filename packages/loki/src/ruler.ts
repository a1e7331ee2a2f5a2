import { deployment, type BuildContext, type IDeployment } from '@platform/core';
import type { LokiConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';
import { lokiWorkload, workloadEntries, type CompanionEntries, type LokiShared } from './pod.js';

export type RulerObjects = { ruler_deployment: IDeployment } & CompanionEntries<'ruler'>;

/**
 * microservices, optional: the ruler evaluates LogQL alerting and recording rules stored in the ruler bucket and
 * sends alerts to the environment's Alertmanager. Its WAL lives on the pod's emptyDir.
 */
export function ruler(context: BuildContext<LokiConfig>, shared: LokiShared): RulerObjects {
  const { replicas, resources } = context.config.ruler;
  const objects = deployment(context, lokiWorkload(context, { name: SERVICE_NAMES.ruler, target: 'ruler', replicas, resources }, shared));
  return workloadEntries('ruler', 'deployment', objects);
}
