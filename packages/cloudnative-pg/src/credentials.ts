import type { Peers } from '@platform/core';
import { externalSecret, type IExternalSecret } from '@platform/external-secrets';
import { CREDENTIAL_KEYS } from './names.js';
import type { StoredPassword } from './postgres-config.js';

/** Where a credentials Secret goes and whom it is for. */
export interface CredentialsTarget {
  /** Secret (and ExternalSecret) name. */
  name: string;
  namespace: string;
  /** Component rendering it, for the standard labels. */
  component: string;
  /** The PostgreSQL role whose credentials these are. */
  username: string;
  password: StoredPassword;
}

/**
 * An ExternalSecret rendering a `kubernetes.io/basic-auth` Secret with `username` and `password`: the form
 * CloudNativePG requires of `bootstrap.initdb.secret` and of role password Secrets (docs/src/bootstrap.md,
 * "the supplied secret must comply with the specifications of the kubernetes.io/basic-auth type"). The password
 * is read from the store; the username is the role's name. `cnpg.io/reload` makes the operator apply a rotated
 * password without a restart.
 */
export function basicAuthExternalSecret(target: CredentialsTarget, peers: Peers): IExternalSecret {
  const store = peers.require('secretStore', `the password of PostgreSQL role "${target.username}"`);
  const secret = externalSecret({
    name: target.name,
    namespace: target.namespace,
    component: target.component,
    store: store.storeRef,
    data: { [CREDENTIAL_KEYS.password]: target.password },
  });
  secret.spec!.target!.template = {
    type: 'kubernetes.io/basic-auth',
    engineVersion: 'v2',
    metadata: { labels: { 'cnpg.io/reload': 'true' } },
    data: {
      [CREDENTIAL_KEYS.username]: target.username,
      [CREDENTIAL_KEYS.password]: `{{ .${CREDENTIAL_KEYS.password} }}`,
    },
  };
  return secret;
}
