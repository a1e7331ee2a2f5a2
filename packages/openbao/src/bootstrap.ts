import type { ComponentContext } from '@platform/core';
import type { OpenBaoConfig } from './config.js';

/**
 * One API request of the bootstrap: what `bao write <path> -` sends with `data` as its JSON body, and what a
 * self-initialization `request` block holds (OpenBao 2.6.2 `website/content/docs/configuration/self-init.mdx`).
 */
export interface BootstrapRequest {
  /** Name of the request block, `^[A-Za-z_][A-Za-z0-9_-]*$`. */
  name: string;
  operation: 'update';
  path: string;
  data: Record<string, unknown>;
}

/** Name of the ACL policy the External Secrets role gets. */
export const EXTERNAL_SECRETS_POLICY = 'external-secrets';
/** Name of the ACL policy of the break-glass admin role. */
export const ADMIN_POLICY = 'platform-admin';

/** The ACL policy letting External Secrets read (never write) the configured KV paths. */
export function externalSecretsPolicy(config: OpenBaoConfig): string {
  const kv = config.kv.mountPath;
  return config.externalSecrets.readPaths
    .flatMap((path) => [
      `path "${kv}/data/${path}" {\n  capabilities = ["read"]\n}`,
      `path "${kv}/metadata/${path}" {\n  capabilities = ["read", "list"]\n}`,
    ])
    .join('\n');
}

/** Everything, for the break-glass role: the capabilities of `concepts/policies.mdx` but `deny`. */
function adminPolicy(): string {
  return 'path "*" {\n  capabilities = ["create", "read", "update", "patch", "delete", "list", "scan", "sudo"]\n}';
}

/**
 * The requests that make a fresh cluster usable by the platform, in order: the Kubernetes auth method for this
 * cluster (OpenBao reviews tokens with its own ServiceAccount, `auth/kubernetes.mdx` "Use local service account
 * token as the reviewer JWT"), the KV version 2 engine, the read-only policy and role of External Secrets, and the
 * break-glass admin policy and role. The audit device is not among them: it is declared in the configuration.
 */
export function bootstrapRequests(
  context: Pick<ComponentContext<OpenBaoConfig>, 'config' | 'namespace'>,
): BootstrapRequest[] {
  const { config, namespace } = context;
  const auth = config.kubernetesAuth.mountPath;
  const eso = config.externalSecrets;
  const request = (name: string, path: string, data: Record<string, unknown>): BootstrapRequest => ({
    name,
    operation: 'update',
    path,
    data,
  });
  return [
    request('enable-kubernetes-auth', `sys/auth/${auth}`, {
      type: 'kubernetes',
      description: 'ServiceAccount tokens of this cluster',
    }),
    request('configure-kubernetes-auth', `auth/${auth}/config`, { kubernetes_host: 'https://kubernetes.default.svc' }),
    request('enable-kv', `sys/mounts/${config.kv.mountPath}`, {
      type: 'kv',
      description: 'Platform secrets read by External Secrets',
      options: { version: '2' },
    }),
    request('external-secrets-policy', `sys/policies/acl/${EXTERNAL_SECRETS_POLICY}`, {
      policy: externalSecretsPolicy(config),
    }),
    request('external-secrets-role', `auth/${auth}/role/${eso.role}`, {
      bound_service_account_names: [eso.serviceAccount],
      bound_service_account_namespaces: [eso.namespace],
      ...(eso.audience ? { audience: eso.audience } : {}),
      token_policies: [EXTERNAL_SECRETS_POLICY],
      token_ttl: eso.tokenTtl,
    }),
    request('admin-policy', `sys/policies/acl/${ADMIN_POLICY}`, { policy: adminPolicy() }),
    request('admin-role', `auth/${auth}/role/${config.admin.role}`, {
      bound_service_account_names: [config.admin.serviceAccount],
      bound_service_account_namespaces: [namespace],
      token_policies: [ADMIN_POLICY],
      token_ttl: '1h',
    }),
  ];
}

/** The `initialize` stanza of a self-initializing cluster: one block holding every bootstrap request. */
export function selfInitConfig(requests: BootstrapRequest[]): Record<string, unknown> {
  return {
    initialize: [
      {
        platform: {
          request: requests.map(({ name, operation, path, data }) => ({ [name]: { operation, path, data } })),
        },
      },
    ],
  };
}

/** File name of a request's JSON body in the bootstrap ConfigMap: `01-enable-kubernetes-auth.json`. */
export function requestFile(request: BootstrapRequest, index: number): string {
  return `${String(index + 1).padStart(2, '0')}-${request.name}.json`;
}

/**
 * The Shamir runbook's step 4 as a script an operator runs inside a pod after logging in with the root token:
 * each request is `bao write <path> -` with its JSON body from the mounted ConfigMap (`commands/write.mdx`).
 */
export function bootstrapScript(requests: BootstrapRequest[], directory: string): string {
  return [
    '#!/bin/sh',
    '# Applies the platform bootstrap requests; run once, logged in with a root or admin token.',
    'set -eu',
    ...requests.map(
      (request, index) => `bao write '${request.path}' - < '${directory}/${requestFile(request, index)}'`,
    ),
    '',
  ].join('\n');
}
