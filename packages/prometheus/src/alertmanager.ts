import { alertmanagerConfigSecret } from '@platform/alert-routing';
import { type BuildContext, mirroredImage, stageAnnotations, standardLabels } from '@platform/core';
import type { PrometheusConfig } from './config.js';
import type { IAlertmanager } from './kinds.js';
import { ALERTMANAGER_CONFIG, PART, PORTS } from './layout.js';
import { operatedCompanions, operatedPodPlacement } from './placement.js';
import { imageVersion, OPERATED_STAGE } from './prometheus-server.js';

/**
 * The Alertmanagers: `replicas` pods that the operator joins into one gossip cluster (a `--cluster.peer` per
 * replica, `pkg/alertmanager/statefulset.go:417-429` at v0.93.0), so a silence or a sent notification is known
 * to all and each alert is notified once. The configuration comes from the environment's alert routing
 * (`alertRouting()` of `@platform/alert-routing`): a Secret that External Secrets renders with the receivers'
 * keys, which the operator reads as it is (`spec.configSecret`, key `alertmanager.yaml`,
 * `pkg/alertmanager/operator.go:862-925`). Without a routing the operator runs a configuration whose only
 * receiver notifies nobody (`operator.go:852-856`), which `pnpm check`'s `alert-routing.unrouted` reports.
 */
export function alertmanagers(context: BuildContext<PrometheusConfig>) {
  const { config } = context;
  const settings = config.alertmanager;
  if (!settings.enabled) return {};
  const routing = context.peers.find('alertRouting');
  const configSecret = routing
    ? alertmanagerConfigSecret(routing.plan, {
        name: ALERTMANAGER_CONFIG.secret,
        namespace: context.namespace,
        fileKey: ALERTMANAGER_CONFIG.key,
        store: context.peers.require(
          'secretStore',
          "the Alertmanagers' receiver keys (pager, Slack webhooks) are read from the secret store",
        ).storeRef,
        component: context.name,
      })
    : undefined;
  const resource: IAlertmanager = {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'Alertmanager',
    metadata: {
      name: context.name,
      namespace: context.namespace,
      labels: standardLabels(context.name, PART.alertmanager),
      annotations: stageAnnotations(OPERATED_STAGE),
    },
    spec: {
      replicas: settings.replicas,
      image: mirroredImage(config.images.alertmanager, context.environment.settings.imageRegistryMirror),
      version: imageVersion(config.images.alertmanager),
      logLevel: config.logLevel,
      retention: settings.retention,
      resources: settings.resources,
      automountServiceAccountToken: false,
      ...(configSecret ? { configSecret: ALERTMANAGER_CONFIG.secret } : {}),
      storage: {
        volumeClaimTemplate: {
          spec: {
            accessModes: ['ReadWriteOnce'],
            ...(settings.storage.storageClassName ? { storageClassName: settings.storage.storageClassName } : {}),
            resources: { requests: { storage: settings.storage.size } },
          },
        },
      },
      ...operatedPodPlacement(context, PART.alertmanager),
    },
  };
  const companions = operatedCompanions(
    context,
    PART.alertmanager,
    [{ name: 'web', port: PORTS.alertmanager, targetPort: 'web', protocol: 'TCP' }],
    ['web'],
  );
  return {
    alertmanager_alertmanager: resource,
    alertmanager_service: companions.service,
    alertmanager_pdb: companions.pdb,
    ...(companions.serviceMonitor ? { alertmanager_servicemonitor: companions.serviceMonitor } : {}),
    ...(configSecret ? { alertmanager_config_externalsecret: configSecret } : {}),
  };
}
