import {
  type BuildContext,
  type EgressRule,
  egressToEndpoints,
  endpointTarget,
  type IngressRule,
  type NetworkAccess,
  type TelemetryStores,
  urlPort,
} from '@platform/core';
import { type GrafanaConfig, HTTP_PORT } from './config.js';

const DEFAULT_DATABASE_PORTS = { postgres: 5432, mysql: 3306 } as const;

function databasePort(config: GrafanaConfig): number {
  const match = /:(\d+)$/.exec(config.database.host);
  return match ? Number(match[1]) : DEFAULT_DATABASE_PORTS[config.database.type as 'postgres' | 'mysql'];
}

/** Egress to exactly the pods behind each datasource URL (and the Alertmanager's), on the URLs' ports. */
function datasourceEgress(stores: TelemetryStores): EgressRule[] {
  return egressToEndpoints([
    ...stores.metrics.flatMap((s) => [endpointTarget(s, 'queryUrl'), endpointTarget(s, 'alertmanagerUrl')]),
    ...stores.logs.map((s) => endpointTarget(s, 'queryUrl')),
    ...stores.traces.map((s) => endpointTarget(s, 'queryUrl')),
  ]);
}

/**
 * Grafana's network needs: users through the ingress controller, the pods behind the datasources' URLs, an external
 * database, and HTTPS out for plugin downloads and the SSO provider when those are configured.
 */
export function grafanaNetwork(context: BuildContext<GrafanaConfig>, stores: TelemetryStores): NetworkAccess {
  const { config } = context;
  const ingress: IngressRule[] = config.ingress.enabled
    ? [
        {
          name: 'from-ingress-controller',
          from: [{ namespace: config.ingress.controllerNamespace }],
          ports: [HTTP_PORT],
        },
      ]
    : [];
  const egress: EgressRule[] = [
    ...datasourceEgress(stores),
    ...(config.database.type !== 'sqlite3'
      ? [{ name: 'database', to: 'any' as const, ports: [databasePort(config)] }]
      : []),
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
  return { ingress, egress };
}
