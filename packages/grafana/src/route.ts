import { type Route, selectorLabels } from '@platform/core';
import { type GrafanaConfig, HTTP_PORT } from './config.js';

/**
 * Grafana's UI and API at `https://<host>/`, served by the environment's edge with its certificate and DNS record;
 * the edge's pods are admitted to Grafana's on the HTTP port, nothing else is. Grafana authenticates its users
 * itself (login form or SSO), so the edge adds no authentication.
 */
export function grafanaRoutes({ name, config }: { name: string; config: GrafanaConfig }): Route[] {
  if (!config.route.enabled) return [];
  return [
    {
      name: 'ui',
      host: config.host ?? 'grafana',
      audience: config.route.audience,
      backend: { service: 'grafana', port: HTTP_PORT, targetPort: 'http', pods: selectorLabels(name, 'grafana') },
    },
  ];
}
