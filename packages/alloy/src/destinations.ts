import type { LogsStore, MetricsStore, TracesStore } from '@platform/core';
import type { RemoteTarget } from './config.js';
import { secretPath } from './secrets.js';
import { type Block, block, type Expression, ref, toLabel, type Value } from './syntax.js';

/** Components that send one signal somewhere, and the receivers pipelines forward to. */
export interface Destinations {
  components: Block[];
  receivers: Expression[];
}

const TENANT_HEADER = 'X-Scope-OrgID';

/** The credentials of a remote target as Alloy blocks: a `local.file` per secret and the auth settings that read it. */
function credentials(
  target: RemoteTarget,
  label: string,
): { files: Block[]; attributes: Record<string, Value | undefined>; blocks: Block[] } {
  if (target.basicAuth) {
    const file = block('local.file', `${label}_password`, {
      filename: secretPath(target.basicAuth.passwordSecret),
      is_secret: true,
      detector: 'poll',
    });
    return {
      files: [file],
      attributes: {},
      blocks: [block('basic_auth', undefined, { username: target.basicAuth.username, password: ref(file, 'content') })],
    };
  }
  if (target.bearerTokenSecret) {
    const file = block('local.file', `${label}_token`, {
      filename: secretPath(target.bearerTokenSecret),
      is_secret: true,
      detector: 'poll',
    });
    return { files: [file], attributes: { bearer_token: ref(file, 'content') }, blocks: [] };
  }
  return { files: [], attributes: {}, blocks: [] };
}

function headers(
  tenant: string | undefined,
  extra: Record<string, string> | undefined,
): Record<string, string> | undefined {
  const all = { ...extra, ...(tenant ? { [TENANT_HEADER]: tenant } : {}) };
  return Object.keys(all).length > 0 ? all : undefined;
}

/** The attributes of an `endpoint` block. */
type Endpoint = Record<string, Value | undefined>;

/**
 * One writer component (`prometheus.remote_write`, `loki.write`) per store and per extra target, so each
 * destination has its own WAL and queue and a slow one does not hold back the others. Extra targets read their
 * credentials from `local.file` components labelled after the signal and the target.
 */
function writers(
  component: 'prometheus.remote_write' | 'loki.write',
  signal: 'metrics' | 'logs',
  stores: ReadonlyArray<{ component: string; endpoint: Endpoint }>,
  extras: readonly RemoteTarget[],
  extraEndpoint: (target: RemoteTarget) => Endpoint,
  externalLabels: Record<string, string>,
): Destinations {
  const writer = (label: string, endpoint: Endpoint, ...blocks: Block[]) =>
    block(component, label, { external_labels: externalLabels }, block('endpoint', undefined, endpoint, ...blocks));
  const components = stores.map((store) => writer(toLabel(store.component), store.endpoint));
  for (const target of extras) {
    const label = `extra_${toLabel(target.name)}`;
    const auth = credentials(target, `${signal}_${label}`);
    components.push(...auth.files, writer(label, { ...extraEndpoint(target), ...auth.attributes }, ...auth.blocks));
  }
  return { components, receivers: components.filter((c) => c.name === component).map((c) => ref(c, 'receiver')) };
}

/** What every destination of one signal shares: the tenant (for multi-tenant stores) and the external labels. */
export interface WriteContext {
  tenant: string;
  externalLabels: Record<string, string>;
}

/** One `prometheus.remote_write` per metrics store (tenant header when the store is multi-tenant) and per extra target. */
export function metricsDestinations(
  stores: readonly MetricsStore[],
  extras: readonly RemoteTarget[],
  { tenant, externalLabels }: WriteContext,
): Destinations {
  const endpoints = stores.map((store) => ({
    component: store.component,
    endpoint: { url: store.remoteWriteUrl, headers: headers(store.multiTenant ? tenant : undefined, undefined) },
  }));
  const extraEndpoint = (target: RemoteTarget) => ({
    url: target.url,
    headers: headers(target.tenant, target.headers),
  });
  return writers('prometheus.remote_write', 'metrics', endpoints, extras, extraEndpoint, externalLabels);
}

/** One `loki.write` per log store (`tenant_id` when multi-tenant) and per extra target. */
export function logsDestinations(
  stores: readonly LogsStore[],
  extras: readonly RemoteTarget[],
  { tenant, externalLabels }: WriteContext,
): Destinations {
  const endpoints = stores.map((store) => ({
    component: store.component,
    endpoint: { url: store.pushUrl, tenant_id: store.multiTenant ? tenant : undefined },
  }));
  const extraEndpoint = ({ url, tenant: tenantId, headers: extra }: RemoteTarget) => ({
    url,
    tenant_id: tenantId,
    headers: headers(undefined, extra),
  });
  return writers('loki.write', 'logs', endpoints, extras, extraEndpoint, externalLabels);
}

/**
 * One `otelcol.exporter.otlp` (gRPC) per trace store. In-cluster stores listen in plain text (a mesh, if
 * any, encrypts below the application), hence `tls { insecure = true }`.
 */
export function tracesDestinations(stores: readonly TracesStore[], tenant: string): Destinations {
  const components = stores.map((store) =>
    block(
      'otelcol.exporter.otlp',
      toLabel(store.component),
      {},
      block(
        'client',
        undefined,
        { endpoint: store.otlpGrpcAddress, headers: headers(store.multiTenant ? tenant : undefined, undefined) },
        block('tls', undefined, { insecure: true }),
      ),
    ),
  );
  return { components, receivers: components.map((c) => ref(c, 'input')) };
}
