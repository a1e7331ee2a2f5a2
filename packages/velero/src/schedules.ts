import { type BuildContext, stageAnnotations, standardLabels } from '@platform/core';
import { STORAGE_LOCATION } from './chart.js';
import type { ScheduleTiming, VeleroConfig } from './config.js';
import type { ISchedule } from './kinds.js';
import type { StatefulNamespace } from './stateful-namespaces.js';

/** Annotation on a Schedule naming why it exists (the reasons of the marks behind it). */
export const REASON_ANNOTATION = 'backup.platform.dev/reason';

/** cert-manager's label on every Secret it issues (pkg/apis/certmanager/v1/types.go:31, set in issuing/internal/secret.go:201 at v1.21.1). */
export const CERT_MANAGER_SECRET_LABEL = 'controller.cert-manager.io/fao';

/*
 * Schedules go after the chart's objects and the BackupStorageLocation: a new Schedule backs up at once
 * (skipImmediately false), and a backup whose location does not exist yet fails validation.
 */
const SCHEDULE_STAGE = 1;

type Template = ISchedule['spec'] extends infer S ? (S extends { template: infer T } ? T : never) : never;

function schedule(
  { name: component, namespace }: Pick<BuildContext<VeleroConfig>, 'name' | 'namespace'>,
  name: string,
  timing: ScheduleTiming,
  reason: string,
  template: Omit<Template, 'storageLocation' | 'ttl' | 'metadata'>,
): ISchedule {
  return {
    apiVersion: 'velero.io/v1',
    kind: 'Schedule',
    metadata: {
      name,
      namespace,
      labels: standardLabels(component, 'schedule'),
      annotations: { ...stageAnnotations(SCHEDULE_STAGE), [REASON_ANNOTATION]: reason },
    },
    spec: {
      schedule: timing.cron,
      // Set, because the controller writes its own default into an unset field (velero
      // pkg/controller/schedule_controller.go:113-115), which Argo CD would report and revert for ever.
      skipImmediately: false,
      template: {
        ...template,
        storageLocation: STORAGE_LOCATION,
        ttl: timing.ttl,
        // Backups take these labels instead of the Schedule's own (velero pkg/builder/backup_builder.go:88-103), so
        // a delivery engine tracking by label never mistakes a Backup for one of its objects and prunes it.
        metadata: { labels: { 'backup.platform.dev/schedule': name } },
      },
    },
  };
}

/**
 * One Schedule per stateful namespace (`stateful-<namespace>`): every object of the namespace, and with
 * volumes every mounted volume through the node agent's file-system backup (kopia), since the platform's
 * volumes have no snapshot class Velero could use. A failing namespace fails only its own backups.
 */
export function statefulSchedules(
  context: BuildContext<VeleroConfig>,
  namespaces: StatefulNamespace[],
): Record<string, ISchedule> {
  return Object.fromEntries(
    namespaces.map((entry) => [
      `stateful_${entry.namespace.replace(/-/g, '_')}_schedule`,
      schedule(context, `stateful-${entry.namespace}`, context.config.statefulSchedule, entry.reasons.join('; '), {
        includedNamespaces: [entry.namespace],
        snapshotVolumes: false,
        defaultVolumesToFsBackup: entry.volumes,
      }),
    ]),
  );
}

/**
 * cert-manager's state, which git cannot recreate: the private keys of issued certificates (the platform root
 * CA's above all) and the resources that describe them. Two Schedules, because a label selector applies to every
 * resource of a backup: one for the Certificate, Issuer and ClusterIssuer resources in every namespace, one for
 * the Secrets cert-manager labels as its own.
 */
export function certificateSchedules(context: BuildContext<VeleroConfig>): Record<string, ISchedule> {
  const timing = context.config.certificates;
  const reason = 'cert-manager: issued certificates and their private keys';
  return {
    cert_manager_resources_schedule: schedule(context, 'cert-manager-resources', timing, reason, {
      includedNamespaces: ['*'],
      includedResources: ['certificates.cert-manager.io', 'issuers.cert-manager.io', 'clusterissuers.cert-manager.io'],
      includeClusterResources: true,
      snapshotVolumes: false,
    }),
    cert_manager_secrets_schedule: schedule(context, 'cert-manager-secrets', timing, reason, {
      includedNamespaces: ['*'],
      includedResources: ['secrets'],
      labelSelector: { matchLabels: { [CERT_MANAGER_SECRET_LABEL]: 'true' } },
      includeClusterResources: false,
      snapshotVolumes: false,
    }),
  };
}
