import { isDnsLabel, isDnsSubdomain, PlatformError, type Problem, parseDuration, standardLabels } from '@platform/core';
import type { IExternalSecret } from './kinds.js';
import { PLATFORM_STORE_REF, type SecretStoreRef } from './store.js';

/** Where one key of the Secret comes from in the store. */
export interface RemoteValue {
  /** Path of the secret in the store, relative to the KV mount, e.g. `platform/prod/grafana-admin`. */
  key: string;
  /** Field of that secret holding the value, e.g. `admin-password`. Default: the whole secret, as JSON. */
  property?: string;
}

/** What an ExternalSecret delivers; everything not given follows the documented defaults. */
export interface ExternalSecretOptions {
  /** Name of the ExternalSecret and of the Secret it creates. */
  name: string;
  /** Namespace of both. */
  namespace: string;
  /** Store to read from. Default {@link PLATFORM_STORE_REF} (`ClusterSecretStore/platform-vault`); prefer `ctx.peers.require('secretStore', ...).storeRef`. */
  store?: SecretStoreRef;
  /** How often the operator re-reads the store, a Go duration (`0` never). Default {@link DEFAULT_REFRESH_INTERVAL} (`1h`). */
  refreshInterval?: string;
  /** The Secret's keys and where each value comes from. At least one. */
  data: Record<string, RemoteValue>;
  /** Component the secret belongs to (for the standard labels). Default: none. */
  component?: string;
}

/** Default refresh interval of an ExternalSecret from {@link externalSecret}: rotated values arrive within an hour. */
export const DEFAULT_REFRESH_INTERVAL = '1h';

/** What Kubernetes accepts as a key of a Secret's data. */
const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;

function problemsOf(options: ExternalSecretOptions, refreshInterval: string): Problem[] {
  const where = `ExternalSecret/${options.name}`;
  const problems: Problem[] = [];
  const report = (path: string | undefined, message: string) =>
    problems.push({ object: where, ...(path ? { path } : {}), message });
  if (!isDnsSubdomain(options.name)) {
    report(
      'metadata.name',
      `expected a Secret name (lower-case letters, digits, '-' and '.'), got ${JSON.stringify(options.name)}`,
    );
  }
  if (!isDnsLabel(options.namespace)) {
    report('metadata.namespace', `expected a namespace name (a DNS label), got ${JSON.stringify(options.namespace)}`);
  }
  // ExternalSecrets parse refreshInterval with Go's time.ParseDuration.
  if (parseDuration(refreshInterval, 'go') === undefined) {
    report(
      'spec.refreshInterval',
      `expected a Go duration such as "1h" or "15m" ("0" never refreshes), got ${JSON.stringify(refreshInterval)}`,
    );
  }
  const entries = Object.entries(options.data);
  if (entries.length === 0)
    report(
      'spec.data',
      'an ExternalSecret needs at least one key (the operator rejects one with neither data nor dataFrom)',
    );
  for (const [secretKey, remote] of entries) {
    const path = `spec.data[secretKey=${secretKey}]`;
    if (!SECRET_KEY.test(secretKey))
      report(path, `"${secretKey}" is not a valid Secret key (letters, digits, '-', '_' and '.')`);
    if (remote.key.trim() === '' || remote.key.startsWith('/'))
      report(
        `${path}.remoteRef.key`,
        `expected a path in the store relative to its mount, such as "platform/prod/grafana-admin", got ${JSON.stringify(remote.key)}`,
      );
    if (remote.property !== undefined && remote.property.trim() === '')
      report(`${path}.remoteRef.property`, 'leave property unset to read the whole secret, rather than empty');
  }
  return problems;
}

/**
 * An ExternalSecret that makes the operator create and own the Secret `name` in `namespace` from values in the
 * platform store. The Secret is kept when the ExternalSecret is deleted (`deletionPolicy: Retain`), so that
 * removing or renaming the object in git never takes a running workload's credentials away. Throws a
 * PlatformError naming every problem the API server or the operator's webhook would reject.
 *
 * ```ts
 * externalSecret({
 *   name: 'grafana-admin', namespace: 'grafana',
 *   data: { 'admin-password': { key: 'platform/prod/grafana-admin', property: 'admin-password' } },
 * })
 * ```
 */
export function externalSecret(options: ExternalSecretOptions): IExternalSecret {
  const refreshInterval = options.refreshInterval ?? DEFAULT_REFRESH_INTERVAL;
  const problems = problemsOf(options, refreshInterval);
  if (problems.length > 0) throw new PlatformError(problems);
  return {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
    metadata: {
      name: options.name,
      namespace: options.namespace,
      ...(options.component ? { labels: standardLabels(options.component, 'external-secret') } : {}),
    },
    spec: {
      refreshInterval,
      secretStoreRef: { ...(options.store ?? PLATFORM_STORE_REF) },
      target: { name: options.name, creationPolicy: 'Owner', deletionPolicy: 'Retain' },
      data: Object.entries(options.data).map(([secretKey, remote]) => ({
        secretKey,
        remoteRef: { key: remote.key, ...(remote.property !== undefined ? { property: remote.property } : {}) },
      })),
    },
  };
}
