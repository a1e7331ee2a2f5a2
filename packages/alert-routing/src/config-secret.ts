import { configChecksum, type SecretStore } from '@platform/core';
import { externalSecret, type IExternalSecret } from '@platform/external-secrets';
import { alertmanagerConfigTemplate } from './alertmanager-config.js';
import type { RoutingPlan } from './plan.js';

/** Where an Alertmanager reads its configuration file, and who owns it. */
export interface ConfigSecretOptions {
  /** Name of the ExternalSecret and of the Secret it creates. */
  name: string;
  namespace: string;
  /** Key of the file in the Secret: `alertmanager.yaml` for Prometheus-Operator, Mimir's fallback file name for Mimir. */
  fileKey: string;
  /** The store the receivers' keys are read from (`peers.require('secretStore', ...).storeRef`). */
  store: SecretStore['storeRef'];
  /** Component the Secret belongs to (standard labels). */
  component: string;
}

/**
 * The Alertmanager configuration file of a plan, delivered as a Secret by External Secrets: the operator reads
 * the receivers' keys (pager key, Slack webhooks) from the store and renders them into the file from the
 * template, so no secret value is ever rendered. The Secret holds only that file.
 */
export function alertmanagerConfigSecret(plan: RoutingPlan, options: ConfigSecretOptions): IExternalSecret {
  const base = externalSecret({
    name: options.name,
    namespace: options.namespace,
    store: options.store,
    component: options.component,
    data: plan.secrets,
  });
  return {
    ...base,
    spec: {
      ...base.spec!,
      target: {
        ...base.spec!.target,
        template: {
          engineVersion: 'v2',
          mergePolicy: 'Replace',
          data: { [options.fileKey]: alertmanagerConfigTemplate(plan) },
        },
      },
    },
  };
}

/** A checksum of what the file is made of (the template, not the values), for pod annotations that roll on a change. */
export function configSecretChecksum(plan: RoutingPlan): string {
  return configChecksum(alertmanagerConfigTemplate(plan));
}
