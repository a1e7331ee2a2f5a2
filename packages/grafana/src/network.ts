import {
  type BuildContext,
  type EgressRule,
  egressToEndpoints,
  endpointTarget,
  type NetworkAccess,
  type TelemetryStores,
  urlPort,
} from '@platform/core';
import type { GrafanaConfig } from './config.js';
import { grafanaDatabase } from './database.js';

/** Egress to exactly the pods behind each datasource URL (and the Alertmanager's), on the URLs' ports. */
function datasourceEgress(stores: TelemetryStores): EgressRule[] {
  return egressToEndpoints([
    ...stores.metrics.flatMap((s) => [endpointTarget(s, 'queryUrl'), endpointTarget(s, 'alertmanagerUrl')]),
    ...stores.logs.map((s) => endpointTarget(s, 'queryUrl')),
    ...stores.traces.map((s) => endpointTarget(s, 'queryUrl')),
  ]);
}

/**
 * Grafana's network needs (users reach it through the edge, whose ingress core derives from the route): the pods behind the datasources' URLs, an external
 * database, and HTTPS out for plugin downloads and the SSO provider when those are configured.
 */
export function grafanaNetwork(context: BuildContext<GrafanaConfig>, stores: TelemetryStores): NetworkAccess {
  const { config } = context;
  const database = grafanaDatabase(context);
  const egress: EgressRule[] = [
    ...datasourceEgress(stores),
    ...(database.type !== 'sqlite3' ? database.egress : []),
    ...(config.plugins.length > 0 ? [{ name: 'plugin-downloads', to: 'any' as const, ports: [443] }] : []),
    ...(config.auth.genericOAuth.enabled
      ? [
          {
            name: 'sso',
            to: 'any' as const,
            ports: [...new Set([config.auth.genericOAuth.tokenUrl, config.auth.genericOAuth.apiUrl].map(urlPort))].sort(
              (a, b) => a - b,
            ),
          },
        ]
      : []),
  ];
  return { egress };
}
