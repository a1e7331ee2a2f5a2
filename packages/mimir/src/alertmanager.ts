import { configChecksum, configMap, type IConfigMap, serialize } from '@platform/core';
import type { DatabaseTargetObjects } from '@platform/grafana-databases';
import { FALLBACK_CONFIGMAP, FALLBACK_DIR, FALLBACK_FILE_KEY, WORKLOAD } from './layout.js';
import { type MimirBuild, mimirTarget } from './pods.js';

/** The Alertmanagers' objects (none when the Alertmanager is disabled). */
export type AlertmanagerObjects = Partial<DatabaseTargetObjects<'alertmanager', 'statefulset'>> & {
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
  const objects = mimirTarget(build, 'statefulset', 'alertmanager', {
    // Grafana's Jsonnet keeps idle HTTP connections for 6 minutes, longer than clients' polling intervals.
    flags: { 'server.http-idle-timeout': '6m' },
    files: [{ volume: 'fallback-config', configMap: FALLBACK_CONFIGMAP, path: `${FALLBACK_DIR}/${FALLBACK_FILE_KEY}` }],
    // The fallback configuration is read at start-up only.
    podAnnotations: { 'checksum/fallback-config': configChecksum(fallbackYaml) },
    terminationGracePeriodSeconds: 900,
    antiAffinity: 'preferred',
  });
  return { ...objects, alertmanager_fallback_configmap: fallback };
}
