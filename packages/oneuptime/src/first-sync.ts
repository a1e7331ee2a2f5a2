import type { ChartWorkload } from '@platform/core';
import type { OneuptimeConfig } from './config.js';

/**
 * The pods the stores install starts at the first sync: the chart's ClickHouse and Redis StatefulSets, one replica
 * each (`clickhouse-statefulset.yaml:5,16`, `redis-statefulset.yaml:5,15`), named after the release.
 */
export function storesWorkloads(release: string): ChartWorkload[] {
  return [
    { workload: `StatefulSet/${release}-clickhouse-shard0`, pods: 1, wave: 0 },
    { workload: `StatefulSet/${release}-redis`, pods: 1, wave: 0 },
  ];
}

/** The pod the migrations install starts: the chart's Job, named with `.Release.Revision`, 1 under Argo CD's `helm template` (`migrate-job.yaml:26`). */
export function migrateWorkloads(release: string): ChartWorkload[] {
  return [{ workload: `Job/${release}-migrate-1`, pods: 1, wave: 0 }];
}

/**
 * The pods the application install starts at the first sync, as the chart's templates at 12.0.16 render them
 * with our values: one Deployment per enabled service (`replicas: replicaCount`, since `disableAutoscaler` keeps
 * the chart's HPA away, `app.yaml:20-29`). The chart sets no `argocd.argoproj.io/sync-wave`
 * on any of them and has no value that puts one on a workload's metadata, so they all start in wave 0 of their
 * Application; the stores and the migrations come in earlier Applications. `delivery.first-sync-share` judges these pods like
 * rendered ones.
 */
export function applicationWorkloads(release: string, config: OneuptimeConfig): ChartWorkload[] {
  const deployment = (service: string, pods: number): ChartWorkload => ({
    workload: `Deployment/${release}-${service}`,
    pods,
    wave: 0,
  });
  return [
    deployment('app', config.app.replicas),
    ...(config.worker.enabled ? [deployment('worker', config.worker.replicas)] : []),
    ...(config.telemetryWriter.enabled ? [deployment('telemetry-writer', config.telemetryWriter.replicas)] : []),
    deployment('runner', config.runner.replicas),
    deployment('probe-one', config.probe.replicas),
    deployment('nginx', config.nginx.replicas),
  ];
}
