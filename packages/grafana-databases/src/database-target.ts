import {
  type BuildContext,
  deployment,
  type IDeployment,
  type IStatefulSet,
  type NamedWorkloadObjects,
  namedWorkloadObjects,
  PlatformError,
  type ServiceOptions,
  statefulSet,
  type WorkloadObjects,
  type WorkloadOptions,
} from '@platform/core';
import { DATABASE_STAGES, type DatabaseTarget, type GrafanaDatabase, targetWorkload } from './database-pod.js';

/** The workload kinds a target runs as: stateless paths as Deployments, ring members owning data as StatefulSets. */
export type DatabaseWorkloadKind = 'deployment' | 'statefulset';

/** `query-frontend` → `query_frontend`: a workload name as the object-name prefix of its objects. */
export type ObjectPart<Name extends string> = Name extends `${infer Head}-${infer Rest}`
  ? `${Head}_${ObjectPart<Rest>}`
  : Name;

/** A target's objects: `query_frontend_deployment`, `query_frontend_service`, `_pdb`, `_servicemonitor`. */
export type DatabaseTargetObjects<Name extends string, Kind extends DatabaseWorkloadKind> = NamedWorkloadObjects<
  ObjectPart<Name>,
  Kind,
  Kind extends 'deployment' ? IDeployment : IStatefulSet
>;

/** A target as {@link databaseTarget} takes it: the stage defaults by kind. */
export type DatabaseTargetSpec<Name extends string> = Omit<DatabaseTarget, 'name' | 'stage'> & {
  name: Name;
  /** The first-sync stage. Default `stateful` for StatefulSets, `stateless` for Deployments (see {@link DATABASE_STAGES}). */
  stage?: number;
};

/**
 * The objects of one target of a Grafana database, named after it (`query-frontend` → `query_frontend_deployment`,
 * `query_frontend_service` ...): core's Deployment or StatefulSet over {@link targetWorkload}. `workload` options
 * (spread, rollout, PDB, ServiceAccount ...) go over the target's; a `service` object is merged into its Service
 * (`{ headless: false }` for a StatefulSet clients reach through one ClusterIP).
 */
export function databaseTarget<Name extends string, Kind extends DatabaseWorkloadKind>(
  context: BuildContext<unknown>,
  database: GrafanaDatabase,
  kind: Kind,
  target: DatabaseTargetSpec<Name>,
  workload: Partial<Omit<WorkloadOptions, 'name' | 'containers'>> = {},
): DatabaseTargetObjects<Name, Kind> {
  if (kind === 'statefulset' && target.autoscaling)
    throw new PlatformError([
      {
        path: `${target.name}.autoscaling`,
        message:
          'a StatefulSet of a Grafana database owns ring tokens, partitions or data that a scale-down would orphan; only its Deployments autoscale',
      },
    ]);
  const stage = target.stage ?? (kind === 'statefulset' ? DATABASE_STAGES.stateful : DATABASE_STAGES.stateless);
  const options = targetWorkload(database, { ...target, stage });
  const service = workload.service === false ? false : { ...(options.service as ServiceOptions), ...workload.service };
  const merged: WorkloadOptions = { ...options, ...workload, service };
  const objects: WorkloadObjects<IDeployment | IStatefulSet> =
    kind === 'statefulset' ? statefulSet(context, merged) : deployment(context, merged);
  return namedWorkloadObjects(target.name.replace(/-/g, '_'), kind, objects) as DatabaseTargetObjects<Name, Kind>;
}
