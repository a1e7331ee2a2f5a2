import { type BuildContext, stageAnnotations, standardLabels } from '@platform/core';
import type { LonghornConfig } from './config.js';
import type { IRecurringJob } from './kinds/recurring-job.generated.js';

/** Longhorn's group that every volume without a recurring-job label joins (longhorn-manager recurringjob.go:18). */
export const DEFAULT_GROUP = 'default';

/*
 * RecurringJobs go after the chart's objects are healthy: the manager's admission webhook validates them
 * (webhook/resources/recurringjob/validator.go), so it must be serving first.
 */
const JOB_STAGE = 1;

function recurringJob(
  { name, namespace }: Pick<BuildContext<LonghornConfig>, 'name' | 'namespace'>,
  job: string,
  spec: NonNullable<IRecurringJob['spec']>,
): IRecurringJob {
  return {
    apiVersion: 'longhorn.io/v1beta2',
    kind: 'RecurringJob',
    metadata: {
      name: job,
      namespace,
      labels: standardLabels(name, 'recurring-job'),
      annotations: stageAnnotations(JOB_STAGE),
    },
    // The webhook requires spec.name (datastore/longhorn.go:6192); it is the object's name.
    spec: { name: job, ...spec },
  };
}

/**
 * The recurring jobs: hourly snapshots and daily backups of the `default` group (backups only with a backup
 * target), plus the configured extra jobs. Named `<job>_recurringjob` with `-` as `_`.
 */
export function recurringJobs(context: BuildContext<LonghornConfig>): Record<string, IRecurringJob> {
  const { config } = context;
  const { snapshot, backup, extra } = config.recurringJobs;
  const jobs: Record<string, IRecurringJob> = {};
  const add = (job: string, spec: NonNullable<IRecurringJob['spec']>) => {
    jobs[`${job.replace(/-/g, '_')}_recurringjob`] = recurringJob(context, job, spec);
  };
  if (snapshot.enabled) {
    add('snapshot-default', {
      task: 'snapshot',
      cron: snapshot.cron,
      retain: snapshot.retain,
      concurrency: snapshot.concurrency,
      groups: [DEFAULT_GROUP],
    });
  }
  if (backup.enabled && config.backupTarget.enabled) {
    add('backup-default', {
      task: 'backup',
      cron: backup.cron,
      retain: backup.retain,
      concurrency: backup.concurrency,
      groups: [DEFAULT_GROUP],
    });
  }
  for (const [job, spec] of Object.entries(extra)) add(job, { ...spec });
  return jobs;
}
