import { type BuildContext, egressToEndpoints, endpointTarget, type NetworkAccess, type Route } from '@platform/core';
import { PORTS, podLabels, RELEASE_NAME } from './chart.js';
import type { OneuptimeConfig } from './config.js';
import { oneuptimePostgres } from './database.js';

/** Ports the app and worker send notifications and webhooks on: HTTPS, SMTP submission and SMTPS. */
const NOTIFICATION_PORTS = [443, 465, 587];

/**
 * OneUptime's network needs beyond its namespace (where ClickHouse, Redis and the services talk to each other):
 * its Postgres' pods, HTTPS and SMTP out from the app and worker (webhooks, e-mail, SMS providers), and every
 * destination on every port from the probe, whose job is to monitor arbitrary hosts and ports.
 */
export function oneuptimeNetwork(context: BuildContext<OneuptimeConfig>): NetworkAccess {
  const postgres = oneuptimePostgres(context);
  return {
    egress: [
      ...egressToEndpoints([endpointTarget(postgres, 'host')]),
      { name: 'notifications-app', to: 'any', ports: NOTIFICATION_PORTS, podLabels: podLabels('app') },
      { name: 'notifications-worker', to: 'any', ports: NOTIFICATION_PORTS, podLabels: podLabels('worker') },
      { name: 'monitors', to: 'any', podLabels: podLabels('probe-one') },
    ],
  };
}

/**
 * The migration Job's own way to the database (its pods are labelled `app: <release>-migrate`,
 * `migrate-job.yaml:56`): the migrations part syncs before the application part, whose egress policy would
 * otherwise be the only one to open it.
 */
export function migrateNetwork(context: BuildContext<OneuptimeConfig>): NetworkAccess {
  const postgres = oneuptimePostgres(context);
  const pods = { app: `${context.name}-migrate` };
  return {
    egress: egressToEndpoints([endpointTarget(postgres, 'host')]).map((rule) => ({
      ...rule,
      name: `migrate-${rule.name}`,
      podLabels: pods,
    })),
  };
}

/** The UI, API and ingestion at `https://<host>/`, through the chart's nginx, served by the environment's edge. */
export function oneuptimeRoutes({ config }: { config: OneuptimeConfig }): Route[] {
  return [
    {
      name: 'ui',
      host: config.host ?? 'oneuptime',
      backend: {
        service: `${RELEASE_NAME}-nginx`,
        port: PORTS.nginx,
        targetPort: PORTS.nginx,
        pods: podLabels('nginx'),
      },
    },
  ];
}
