import { PlatformError, type PostgresEndpoint, type Problem, type RedisEndpoint } from '@platform/core';
import type { HarborConfig } from './config.js';

/**
 * What Harbor's chart cannot do with the endpoints it is given, as render errors naming the field: the chart
 * reads the database password from key `password` only (core-dpl.yaml:139-143), trusts a CA only from a Secret
 * with key `ca.crt` (values.yaml `caBundleSecretName`), speaks no Redis Cluster, and builds Trivy's Redis URL with
 * the password into a Secret of its own through `lookup` (_helpers.tpl:189-232), which Argo CD does not run.
 */
export function endpointProblems(
  config: HarborConfig,
  { database, redis }: { database: PostgresEndpoint; redis: RedisEndpoint },
): void {
  const problems: Problem[] = [];
  if (database.credentials.passwordKey !== 'password')
    problems.push({
      path: 'database.component',
      message: `Harbor's chart reads the database password from key "password"; "${database.component}" publishes it under "${database.credentials.passwordKey}"`,
    });
  if (database.tls.mode === 'verify-full' && database.tls.caSecret && database.tls.caSecret.key !== 'ca.crt')
    problems.push({
      path: 'database.component',
      message: `Harbor trusts a CA only from a Secret key "ca.crt"; "${database.component}" publishes its CA under "${database.tls.caSecret.key}"`,
    });
  if (redis.mode === 'cluster')
    problems.push({
      path: 'redis.component',
      message: `Harbor does not support Redis Cluster; "${redis.component}" is a cluster`,
    });
  if (redis.tls)
    problems.push({
      path: 'redis.component',
      message: `Harbor's chart has no way to trust the CA of "${redis.component}" for Redis over TLS from a Secret this package can name; use a Redis without TLS`,
    });
  if (redis.password && config.trivy.enabled)
    problems.push({
      path: 'trivy.enabled',
      message: `"${redis.component}" needs a password, which the chart can put in Trivy's Redis URL only through lookup (not run by Argo CD); turn Trivy off or use a Redis without auth`,
    });
  if (problems.length > 0) throw new PlatformError(problems);
}
