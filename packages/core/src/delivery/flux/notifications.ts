import { standardLabels } from '../../k8s/labels.js';
import type { Provided } from '../../model/capabilities.js';
import type { Environment } from '../../model/environment.js';
import type { DeliveryObject } from '../engine.js';
import type { IAlert, IProvider } from './kinds.js';
import { FLUX_FOLDER, fluxNamespace } from './names.js';

/** The environment's Alertmanager (the metrics store's), if any. */
function alertmanagerOf(provided: ReadonlyMap<string, Provided>): { url: string; multiTenant: boolean } | undefined {
  for (const entry of provided.values()) {
    const stores =
      entry.metricsStore === undefined
        ? []
        : Array.isArray(entry.metricsStore)
          ? entry.metricsStore
          : [entry.metricsStore];
    const store = stores.find((s) => s.alertmanagerUrl);
    if (store) return { url: store.alertmanagerUrl!, multiTenant: store.multiTenant };
  }
  return undefined;
}

/**
 * Failed reconciliations reach the same receivers as the platform's alerts: a Provider of type `alertmanager`
 * posting to the environment's Alertmanager, and an Alert forwarding every error event of the platform's
 * Kustomizations, HelmReleases and sources, labelled with the platform team so the alert routing sends it to
 * them. None without an Alertmanager in the environment.
 */
export function notificationObjects(
  environment: Environment,
  provided: ReadonlyMap<string, Provided>,
): DeliveryObject[] {
  const alertmanager = alertmanagerOf(provided);
  if (!alertmanager) return [];
  const namespace = fluxNamespace(environment);
  const labels = { ...standardLabels('flux', 'notifications'), 'platform.dev/environment': environment.name };
  const provider: IProvider = {
    apiVersion: 'notification.toolkit.fluxcd.io/v1beta3',
    kind: 'Provider',
    metadata: { name: 'alertmanager', namespace, labels },
    spec: {
      type: 'alertmanager',
      address: `${alertmanager.url.replace(/\/+$/, '')}/api/v2/alerts`,
      // A multi-tenant Alertmanager (Mimir's) needs the tenant header: the Secret's `headers` key, delivered
      // by the environment's secret store like every other credential.
      ...(alertmanager.multiTenant ? { secretRef: { name: 'flux-alertmanager-headers' } } : {}),
    },
  };
  const alert: IAlert = {
    apiVersion: 'notification.toolkit.fluxcd.io/v1beta3',
    kind: 'Alert',
    metadata: { name: 'platform-reconciliation', namespace, labels },
    spec: {
      providerRef: { name: 'alertmanager' },
      eventSeverity: 'error',
      eventSources: (['Kustomization', 'HelmRelease', 'GitRepository', 'HelmRepository', 'OCIRepository'] as const).map(
        (kind) => ({ kind, name: '*' }),
      ),
      eventMetadata: { team: 'platform', severity: 'warning', environment: environment.name },
      summary: `A Flux reconciliation of ${environment.name} failed`,
    },
  };
  return [
    { key: 'alertmanager_provider', object: provider, folder: FLUX_FOLDER },
    { key: 'reconciliation_alert', object: alert, folder: FLUX_FOLDER },
  ];
}
