import {
  configChecksum,
  configMap,
  type IConfigMap,
  type IStatefulSet,
  type NamedWorkloadObjects,
  namedWorkloadObjects,
  serialize,
  statefulSet,
} from '@platform/core';
import { DATABASE_STAGES } from '@platform/grafana-databases';
import { FALLBACK_CONFIGMAP, FALLBACK_DIR, FALLBACK_FILE_KEY, WORKLOAD } from './layout.js';
import { type MimirBuild, mimirWorkloadOptions } from './pods.js';

/** The Alertmanagers' objects (none when the Alertmanager is disabled). */
export type AlertmanagerObjects = Partial<NamedWorkloadObjects<'alertmanager', 'statefulset', IStatefulSet>> & {
  alertmanager_fallback_configmap?: IConfigMap;
};

/** A receiver that sends nothing: tenants without a configuration still get a working Alertmanager API. */
const DEFAULT_FALLBACK = { route: { receiver: 'default-receiver' }, receivers: [{ name: 'default-receiver' }] };

/**
 * The multi-tenant Alertmanager: tenants are sharded over the Alertmanager ring and each tenant's state is
 * replicated to `replicationFactor` replicas; notification logs and silences live on a persistent volume.
 */
export function alertmanager(build: MimirBuild): AlertmanagerObjects {
  const { context } = build;
  const settings = context.config.alertmanager;
  if (!settings.enabled) return {};
  const fallbackYaml = serialize(settings.fallbackConfig ?? DEFAULT_FALLBACK);
  const fallback = configMap(context, FALLBACK_CONFIGMAP, WORKLOAD.alertmanager, { [FALLBACK_FILE_KEY]: fallbackYaml });
  const objects = statefulSet(
    context,
    mimirWorkloadOptions(build, {
      name: WORKLOAD.alertmanager,
      stage: DATABASE_STAGES.stateful,
      settings,
      ringMember: true,
      objectStorage: true,
      // Grafana's Jsonnet keeps idle HTTP connections for 6 minutes, longer than clients' polling intervals.
      flags: { 'server.http-idle-timeout': '6m' },
      volume: settings.storage,
      volumes: [
        { volume: { name: 'fallback-config', configMap: { name: FALLBACK_CONFIGMAP } }, mountPath: FALLBACK_DIR },
      ],
      // The fallback configuration is read at start-up only.
      podAnnotations: { 'checksum/fallback-config': configChecksum(fallbackYaml) },
      terminationGracePeriodSeconds: 900,
      antiAffinity: 'preferred',
    }),
  );
  return { ...namedWorkloadObjects('alertmanager', 'statefulset', objects), alertmanager_fallback_configmap: fallback };
}
