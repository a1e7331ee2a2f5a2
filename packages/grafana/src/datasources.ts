import { type BuildContext, PlatformError, type TelemetryStores, telemetryStores } from '@platform/core';
import type { DatasourceCapability, GrafanaConfig } from './config.js';
import { provisioningFile } from './provisioning-file.js';

/** One datasource of Grafana's provisioning file. */
export interface Datasource {
  name: string;
  type: 'prometheus' | 'loki' | 'tempo' | 'alertmanager';
  uid: string;
  url: string;
  access: 'proxy';
  orgId: 1;
  isDefault: boolean;
  editable: false;
  jsonData: Record<string, unknown>;
  secureJsonData?: Record<string, string>;
}

const WHY: Record<DatasourceCapability, string> = {
  metricsStore: 'Grafana shows its metrics as a Prometheus datasource',
  logsStore: 'Grafana shows its logs as a Loki datasource',
  tracesStore: 'Grafana shows its traces as a Tempo datasource',
};

/** The stores of the environment, after checking that the required ones exist. */
export function resolveStores(context: BuildContext<GrafanaConfig>): TelemetryStores {
  return telemetryStores(context, context.config.require, WHY);
}

/** Grafana rejects datasource uids longer than 40 characters. */
const MAX_UID = 40;

/** Stable datasource uid: `<component>-<signal>`, so dashboards and links can refer to it across environments. */
export function datasourceUid(component: string, signal: 'metrics' | 'logs' | 'traces' | 'alertmanager'): string {
  const uid = `${component}-${signal}`;
  if (uid.length > MAX_UID) {
    throw new PlatformError({
      message: `datasource uid "${uid}" is longer than Grafana's ${MAX_UID} characters; give component "${component}" a shorter name`,
    });
  }
  return uid;
}

/** Grafana expands `$VAR` in provisioning files; `$$` is a literal `$`. */
function literal(value: string): string {
  return value.replace(/\$/g, '$$$$');
}

/** The tenant header Grafana sends to a multi-tenant store (`X-Scope-OrgID`). */
function tenantHeader(multiTenant: boolean, tenant: string): Pick<Datasource, 'jsonData' | 'secureJsonData'> {
  if (!multiTenant) return { jsonData: {} };
  return { jsonData: { httpHeaderName1: 'X-Scope-OrgID' }, secureJsonData: { httpHeaderValue1: literal(tenant) } };
}

function datasource(
  base: Omit<Datasource, 'access' | 'orgId' | 'editable' | 'jsonData' | 'secureJsonData'>,
  auth: Pick<Datasource, 'jsonData' | 'secureJsonData'>,
  jsonData: Record<string, unknown>,
): Datasource {
  return {
    ...base,
    access: 'proxy',
    orgId: 1,
    editable: false,
    jsonData: { ...jsonData, ...auth.jsonData },
    ...(auth.secureJsonData ? { secureJsonData: auth.secureJsonData } : {}),
  };
}

/**
 * The datasources of the stores present: Prometheus per metrics store (plus its Alertmanager), Loki per
 * log store, Tempo per trace store. Multi-tenant stores get the tenant header. When both exist, traces
 * link to logs (Tempo → Loki), logs link trace ids to traces (Loki derived field → Tempo), metrics
 * exemplars link to traces, and Tempo's service map reads the metrics store.
 */
export function datasources(stores: TelemetryStores, tenant: string): Datasource[] {
  const metricsUid = stores.metrics[0] && datasourceUid(stores.metrics[0].component, 'metrics');
  const logsUid = stores.logs[0] && datasourceUid(stores.logs[0].component, 'logs');
  const tracesUid = stores.traces[0] && datasourceUid(stores.traces[0].component, 'traces');
  const result: Datasource[] = [];

  stores.metrics.forEach((store, index) => {
    const uid = datasourceUid(store.component, 'metrics');
    result.push(
      datasource(
        { name: uid, type: 'prometheus', uid, url: store.queryUrl, isDefault: index === 0 },
        tenantHeader(store.multiTenant, tenant),
        {
          httpMethod: 'POST',
          ...(tracesUid ? { exemplarTraceIdDestinations: [{ name: 'trace_id', datasourceUid: tracesUid }] } : {}),
        },
      ),
    );
    if (store.alertmanagerUrl) {
      const alertmanagerUid = datasourceUid(store.component, 'alertmanager');
      result.push(
        datasource(
          {
            name: alertmanagerUid,
            type: 'alertmanager',
            uid: alertmanagerUid,
            url: store.alertmanagerUrl,
            isDefault: false,
          },
          tenantHeader(store.multiTenant, tenant),
          {
            implementation: store.alertmanagerImplementation ?? 'mimir',
            handleGrafanaManagedAlerts: false,
          },
        ),
      );
    }
  });

  for (const store of stores.logs) {
    const uid = datasourceUid(store.component, 'logs');
    result.push(
      datasource(
        { name: uid, type: 'loki', uid, url: store.queryUrl, isDefault: false },
        tenantHeader(store.multiTenant, tenant),
        {
          maxLines: 1000,
          ...(tracesUid
            ? {
                derivedFields: [
                  {
                    name: 'TraceID',
                    matcherType: 'regex',
                    matcherRegex: '(?:trace_?id|traceID)[=:"\\s]+(\\w+)',
                    datasourceUid: tracesUid,
                    url: literal('${__value.raw}'),
                    urlDisplayLabel: 'View trace',
                  },
                ],
              }
            : {}),
        },
      ),
    );
  }

  for (const store of stores.traces) {
    const uid = datasourceUid(store.component, 'traces');
    result.push(
      datasource(
        { name: uid, type: 'tempo', uid, url: store.queryUrl, isDefault: false },
        tenantHeader(store.multiTenant, tenant),
        {
          nodeGraph: { enabled: true },
          search: { hide: false },
          ...(logsUid
            ? {
                tracesToLogsV2: {
                  datasourceUid: logsUid,
                  spanStartTimeShift: '-5m',
                  spanEndTimeShift: '5m',
                  filterByTraceID: true,
                  filterBySpanID: false,
                  customQuery: false,
                  tags: [
                    { key: 'k8s.namespace.name', value: 'namespace' },
                    { key: 'k8s.pod.name', value: 'pod' },
                  ],
                },
              }
            : {}),
          ...(metricsUid ? { serviceMap: { datasourceUid: metricsUid } } : {}),
        },
      ),
    );
  }
  return result;
}

/** The provisioning file (`provisioning/datasources/datasources.yaml`). `prune` deletes datasources removed here. */
export function datasourcesFile(list: Datasource[]): string {
  return provisioningFile({ apiVersion: 1, prune: true, datasources: list });
}
