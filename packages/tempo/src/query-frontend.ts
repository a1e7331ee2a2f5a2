import { deployment, type BuildContext, type IDeployment, type IService } from '@platform/core';
import type { TempoConfig } from './config.js';
import { SERVICE_NAMES } from './endpoints.js';
import { discoveryService, tempoWorkload, workloadEntries, type CompanionEntries, type TempoShared } from './pod.js';

export type QueryFrontendObjects =
  & { query_frontend_deployment: IDeployment; query_frontend_discovery_service: IService }
  & CompanionEntries<'query_frontend'>;

/**
 * microservices: the query API (Grafana's Tempo datasource). It shards queries into jobs that queriers pull; the
 * queriers find every frontend through the headless discovery Service.
 */
export function queryFrontend(context: BuildContext<TempoConfig>, shared: TempoShared): QueryFrontendObjects {
  const { replicas, resources } = context.config.queryFrontend;
  const objects = deployment(context, tempoWorkload(context, { name: SERVICE_NAMES.queryFrontend, target: 'query-frontend', replicas, resources }, shared));
  return {
    ...workloadEntries('query_frontend', 'deployment', objects),
    query_frontend_discovery_service: discoveryService(context, SERVICE_NAMES.queryFrontendDiscovery, SERVICE_NAMES.queryFrontend),
  };
}
