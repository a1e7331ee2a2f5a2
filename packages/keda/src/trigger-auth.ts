import { type BuildContext, PlatformError, standardLabels } from '@platform/core';
import { externalSecret, type IExternalSecret, type RemoteValue } from '@platform/external-secrets';
import type { ITriggerAuthentication } from './kinds.js';

/**
 * Where a trigger's credentials come from: AWS pod identity (nothing stored: the KEDA operator's IAM role, the
 * scaled workload's, or a role it assumes), or a Secret that an ExternalSecret delivers, by trigger parameter
 * (`password`, `sasl`, `awsAccessKeyID` ...) and key. Never rendered Secret data.
 */
export type TriggerCredentials =
  | { awsPodIdentity: { identityOwner: 'keda' | 'workload' } | { roleArn: string } }
  | { secret: { name: string; parameters: Record<string, string> } };

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;

/** A TriggerAuthentication in the component's namespace (`authenticationRef: { name }` of triggers). */
export function triggerAuthentication(
  context: Pick<BuildContext<unknown>, 'name' | 'namespace'>,
  name: string,
  credentials: TriggerCredentials,
): ITriggerAuthentication {
  const metadata = { name, namespace: context.namespace, labels: standardLabels(context.name, name) };
  if ('awsPodIdentity' in credentials) {
    const identity = credentials.awsPodIdentity;
    if ('roleArn' in identity && !ROLE_ARN.test(identity.roleArn))
      throw new PlatformError({
        object: `TriggerAuthentication/${name}`,
        path: 'spec.podIdentity.roleArn',
        message: `expected an IAM role ARN (arn:aws:iam::<account>:role/<name>), got "${identity.roleArn}"`,
      });
    return {
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'TriggerAuthentication',
      metadata,
      spec: { podIdentity: { provider: 'aws', ...identity } },
    };
  }
  const parameters = Object.entries(credentials.secret.parameters);
  if (parameters.length === 0)
    throw new PlatformError({
      object: `TriggerAuthentication/${name}`,
      path: 'spec.secretTargetRef',
      message: 'name at least one trigger parameter and its key',
    });
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'TriggerAuthentication',
    metadata,
    spec: {
      secretTargetRef: parameters.map(([parameter, key]) => ({ parameter, name: credentials.secret.name, key })),
    },
  };
}

/**
 * Credentials from the environment's secret store: an ExternalSecret (store from the `secretStore`
 * capability) that creates the Secret `name`, and the TriggerAuthentication that hands its keys to the trigger
 * parameters of the same names.
 *
 * ```ts
 * ...storedTriggerCredentials(context, 'kafka-sasl', {
 *   sasl: { key: 'platform/prod/kafka', property: 'mechanism' },
 *   username: { key: 'platform/prod/kafka', property: 'username' },
 *   password: { key: 'platform/prod/kafka', property: 'password' },
 * })
 * ```
 */
export function storedTriggerCredentials(
  context: BuildContext<unknown>,
  name: string,
  parameters: Record<string, RemoteValue>,
): { externalSecret: IExternalSecret; triggerAuthentication: ITriggerAuthentication } {
  const store = context.peers.require('secretStore', `the trigger credentials "${name}" of ${context.name}`);
  return {
    externalSecret: externalSecret({
      name,
      namespace: context.namespace,
      store: store.storeRef,
      data: parameters,
      component: context.name,
    }),
    triggerAuthentication: triggerAuthentication(context, name, {
      secret: { name, parameters: Object.fromEntries(Object.keys(parameters).map((p) => [p, p])) },
    }),
  };
}
