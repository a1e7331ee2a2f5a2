import { alertmanagerConfigSecret, configSecretChecksum } from '@platform/alert-routing';
import { configChecksum, configMap, type IConfigMap, type IStatefulSet, serialize } from '@platform/core';
import type { IExternalSecret } from '@platform/external-secrets';
import type { DatabaseTargetObjects } from '@platform/grafana-databases';
import { FALLBACK_CONFIGMAP, FALLBACK_DIR, FALLBACK_FILE_KEY, WORKLOAD } from './layout.js';
import { type MimirBuild, mimirTarget } from './pods.js';

/** The Alertmanagers' objects (none when the Alertmanager is disabled). */
export type AlertmanagerObjects = Partial<DatabaseTargetObjects<'alertmanager', 'statefulset'>> & {
  alertmanager_fallback_configmap?: IConfigMap;
  /** With the environment's alert routing: the fallback configuration as a Secret External Secrets renders. */
  alertmanager_fallback_externalsecret?: IExternalSecret;
};

/** A receiver that sends nothing: tenants without a configuration still get a working Alertmanager API. */
const DEFAULT_FALLBACK = { route: { receiver: 'default-receiver' }, receivers: [{ name: 'default-receiver' }] };

/** The pod volume that holds the fallback file. */
const FALLBACK_VOLUME = 'fallback-config';

/**
 * The fallback configuration, in order of precedence: `alertmanager.fallbackConfig` as given (a ConfigMap); the
 * environment's alert routing (`alertRouting()` of `@platform/alert-routing`), the same plan Prometheus-Operator's
 * Alertmanagers run, as a Secret External Secrets renders with the receivers' keys (no key is ever rendered);
 * else a receiver that notifies nobody.
 */
function fallbackSource(
  build: MimirBuild,
):
  | { kind: 'configMap'; object: IConfigMap; checksum: string }
  | { kind: 'secret'; object: IExternalSecret; checksum: string } {
  const { context } = build;
  const given = context.config.alertmanager.fallbackConfig;
  const routing = given ? undefined : context.peers.find('alertRouting');
  if (routing) {
    const store = context.peers.require(
      'secretStore',
      "the Alertmanager's receiver keys (pager, Slack webhooks) are read from the secret store",
    );
    return {
      kind: 'secret',
      object: alertmanagerConfigSecret(routing.plan, {
        name: FALLBACK_CONFIGMAP,
        namespace: context.namespace,
        fileKey: FALLBACK_FILE_KEY,
        store: store.storeRef,
        component: context.name,
      }),
      checksum: configSecretChecksum(routing.plan),
    };
  }
  const yaml = serialize(given ?? DEFAULT_FALLBACK);
  return {
    kind: 'configMap',
    object: configMap(context, FALLBACK_CONFIGMAP, WORKLOAD.alertmanager, { [FALLBACK_FILE_KEY]: yaml }),
    checksum: configChecksum(yaml),
  };
}

/**
 * The multi-tenant Alertmanager: tenants are sharded over the Alertmanager ring and each tenant's state is
 * replicated to `replicationFactor` replicas; notification logs and silences live on a persistent volume. The
 * platform's tenant (which uploads no configuration of its own) runs the fallback configuration.
 */
export function alertmanager(build: MimirBuild): AlertmanagerObjects {
  const { context } = build;
  const settings = context.config.alertmanager;
  if (!settings.enabled) return {};
  const fallback = fallbackSource(build);
  const objects = mimirTarget(build, 'statefulset', 'alertmanager', {
    // Grafana's Jsonnet keeps idle HTTP connections for 6 minutes, longer than clients' polling intervals.
    flags: { 'server.http-idle-timeout': '6m' },
    files: [{ volume: FALLBACK_VOLUME, configMap: FALLBACK_CONFIGMAP, path: `${FALLBACK_DIR}/${FALLBACK_FILE_KEY}` }],
    // The fallback configuration is read at start-up only.
    podAnnotations: { 'checksum/fallback-config': fallback.checksum },
    terminationGracePeriodSeconds: 900,
    antiAffinity: 'preferred',
  });
  if (fallback.kind === 'configMap') return { ...objects, alertmanager_fallback_configmap: fallback.object };
  // The same file, mounted from the Secret External Secrets creates (of the same name) instead of a ConfigMap.
  const statefulSet = objects.alertmanager_statefulset as IStatefulSet;
  for (const volume of statefulSet.spec!.template.spec!.volumes ?? []) {
    if (volume.name !== FALLBACK_VOLUME) continue;
    delete volume.configMap;
    volume.secret = { secretName: FALLBACK_CONFIGMAP };
  }
  return { ...objects, alertmanager_fallback_externalsecret: fallback.object };
}
