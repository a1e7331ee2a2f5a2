import type { ConfigChecks } from '@platform/core';
import type { ExternalSecretsConfig } from './config.js';

const PARTS = ['controller', 'webhook', 'certController'] as const;

/** A Vault mount path: segments without leading or trailing slashes, e.g. `secret` or `kubernetes/prod-eu1`. */
const MOUNT_PATH = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/;

/** The port a URL connects to: its explicit port, else the scheme's default. */
function serverPort(url: URL): number {
  if (url.port) return Number(url.port);
  return url.protocol === 'http:' ? 80 : 443;
}

/** Semantic checks of the merged configuration: ranges, quantities, and a store the controller can reach. */
export function checkConfig(config: ExternalSecretsConfig, checks: ConfigChecks): void {
  for (const part of PARTS) checks.integer(`replicas.${part}`, config.replicas[part], { min: 1 });
  for (const part of PARTS) checks.resources(`resources.${part}`, config.resources[part]);

  const { store } = config;
  checks.dnsLabel('store.name', store.name);
  if (store.path !== undefined)
    checks.require(
      MOUNT_PATH.test(store.path),
      'store.path',
      `expected the mount path of a KV secrets engine such as "secret" (no leading or trailing "/"), got ${JSON.stringify(store.path)}`,
    );
  if (store.auth.mountPath !== undefined)
    checks.require(
      MOUNT_PATH.test(store.auth.mountPath),
      'store.auth.mountPath',
      `expected the mount path of the Kubernetes auth method such as "kubernetes" (no leading or trailing "/"), got ${JSON.stringify(store.auth.mountPath)}`,
    );
  if (store.auth.role !== undefined)
    checks.require(
      store.auth.role.trim().length > 0,
      'store.auth.role',
      'the Vault role the operator logs in with must not be empty',
    );
  if (store.namespace !== undefined)
    checks.require(
      store.namespace.trim().length > 0,
      'store.namespace',
      'leave the Vault namespace unset rather than empty',
    );

  // Without a server the store follows the environment's `vault` provider; the build requires one.
  if (store.server === '') return;
  checks.require(
    store.egressPorts.length > 0,
    'store.egressPorts',
    'the controller needs at least one port to reach the secret store on',
  );
  store.egressPorts.forEach((port, index) =>
    checks.integer(`store.egressPorts[${index}]`, port, { min: 1, max: 65535 }),
  );
  checks.url('store.server', store.server);
  const url = URL.canParse(store.server) ? new URL(store.server) : undefined;
  if (url?.protocol !== 'https:' && url?.protocol !== 'http:') return;
  const port = serverPort(url);
  checks.require(
    store.egressPorts.includes(port),
    'store.egressPorts',
    `must include port ${port} of store.server (${store.server}), or the NetworkPolicy blocks the controller from reaching it; got [${store.egressPorts.join(', ')}]`,
  );
}
