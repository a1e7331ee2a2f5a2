import type { BuildContext } from '@platform/core';
import { externalSecret, type IExternalSecret, type RemoteValue } from '@platform/external-secrets';
import type { ValkeyConfig } from './config.js';
import { names, PASSWORD_KEY } from './layout.js';

/** Where the password is in the store: as configured, or `platform/<environment>/<component>` property `password`. */
function passwordSource(context: BuildContext<ValkeyConfig>): RemoteValue {
  return (
    context.config.auth.password ?? {
      key: `platform/${context.environment.name}/${context.name}`,
      property: 'password',
    }
  );
}

/** The ExternalSecret delivering the password Secret (`<component>-auth`, key `password`) from the platform's store. */
export function authExternalSecret(context: BuildContext<ValkeyConfig>): IExternalSecret {
  const store = context.peers.require(
    'secretStore',
    `the password of Valkey "${context.name}" (or set auth.enabled: false)`,
  );
  return externalSecret({
    name: names(context.name).auth,
    namespace: context.namespace,
    component: context.name,
    store: store.storeRef,
    data: { [PASSWORD_KEY]: passwordSource(context) },
  });
}
