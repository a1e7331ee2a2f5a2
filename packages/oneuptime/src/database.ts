import { type BuildContext, PlatformError, type PostgresEndpoint } from '@platform/core';
import type { OneuptimeConfig } from './config.js';

/**
 * The `postgres` endpoint `postgres` names. It must run in OneUptime's namespace: the pods read the owner's
 * password from the endpoint's credentials Secret (`externalPostgres.existingSecret`), which only exists there.
 * The connection is not TLS: the chart turns TLS on only with the CA as a literal value (`externalPostgres.ssl.ca`,
 * `_helpers.tpl:783-806`; OneUptime enables TLS only when `DATABASE_SSL_CA` is set, `EnvironmentConfig.ts:145`),
 * and the CA lives in a Secret. See the README's known limits.
 */
export function oneuptimePostgres({ config, peers, name, namespace }: BuildContext<OneuptimeConfig>): PostgresEndpoint {
  const endpoint = peers.choose('postgres', {
    component: config.postgres,
    path: 'postgres',
    why: "OneUptime's database",
  });
  if (endpoint.namespace !== namespace)
    throw new PlatformError({
      path: 'postgres',
      message: `database "${endpoint.component}" runs in namespace "${endpoint.namespace}", but ${name} runs in "${namespace}" and can read the credentials Secret "${endpoint.credentials.secret}" only in its own namespace; deploy the database with .inNamespace('${namespace}')`,
    });
  return endpoint;
}
