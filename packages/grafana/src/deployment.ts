import {
  type BuildContext,
  configChecksum,
  configMap,
  deployment,
  discoveryService,
  type IConfigMap,
  type IContainer,
  type IDeployment,
  type IEnvVar,
  type IPersistentVolumeClaim,
  type IService,
  type IVolume,
  type IVolumeMount,
  standardLabels,
  type WorkloadObjects,
} from '@platform/core';
import { ALERTING_HA_PORT, type GrafanaConfig, HTTP_PORT, type SecretKeyRef } from './config.js';
import type { DashboardConfigMapKey, DashboardObjects } from './dashboards.js';
import { DATABASE_CA_DIR, type GrafanaDatabase, grafanaDatabase } from './database.js';
import { ALERTING_HA_SERVICE, PATHS } from './grafana-ini.js';

/** The user and group of the Grafana image. */
const GRAFANA_UID = 472;
const DATA_CLAIM = 'grafana-data';

/** Generated files the pod mounts. */
export interface GrafanaFiles {
  ini: string;
  datasources: string;
  dashboards: DashboardObjects;
}

/** The objects of the Grafana workload. */
export interface GrafanaWorkload {
  configMaps: {
    config_configmap: IConfigMap;
    datasources_configmap: IConfigMap;
    dashboard_providers_configmap: IConfigMap;
  } & Record<DashboardConfigMapKey, IConfigMap>;
  /** The Deployment with its Service, PodDisruptionBudget and ServiceMonitor. */
  objects: WorkloadObjects<IDeployment>;
  pvc?: IPersistentVolumeClaim;
  alertingService?: IService;
}

function secretEnv(name: string, ref: SecretKeyRef): IEnvVar {
  return { name, valueFrom: { secretKeyRef: { name: ref.name, key: ref.key } } };
}

/** Secrets reach Grafana only as environment variables from Secret references, which override grafana.ini. */
function environment(config: GrafanaConfig, database: GrafanaDatabase): IEnvVar[] {
  return [
    secretEnv('GF_SECURITY_ADMIN_USER', { name: config.admin.existingSecret, key: config.admin.userKey }),
    secretEnv('GF_SECURITY_ADMIN_PASSWORD', { name: config.admin.existingSecret, key: config.admin.passwordKey }),
    ...(config.secretKey ? [secretEnv('GF_SECURITY_SECRET_KEY', config.secretKey)] : []),
    ...(database.type !== 'sqlite3' && database.userSecret ? [secretEnv('GF_DATABASE_USER', database.userSecret)] : []),
    ...(database.type !== 'sqlite3' && database.password ? [secretEnv('GF_DATABASE_PASSWORD', database.password)] : []),
    ...(config.auth.genericOAuth.enabled && config.auth.genericOAuth.clientSecret
      ? [secretEnv('GF_AUTH_GENERIC_OAUTH_CLIENT_SECRET', config.auth.genericOAuth.clientSecret)]
      : []),
    ...(config.replicas > 1 ? [{ name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } }] : []),
  ];
}

/**
 * Grafana's Deployment with its configuration: `grafana.ini`, provisioned datasources and dashboard
 * providers (each a ConfigMap), the dashboards (projected ConfigMaps), writable volumes for data, logs and
 * plugins under a read-only root file system, and Secrets as environment variables. With sqlite the data
 * volume is a claim and a rollout stops the old pod before starting the new one; replicated Grafana uses an
 * external database and gossips alert notifications between replicas.
 */
export function grafanaWorkload(context: BuildContext<GrafanaConfig>, files: GrafanaFiles): GrafanaWorkload {
  const { config } = context;
  const database = grafanaDatabase(context);
  const databaseCa = database.type !== 'sqlite3' ? database.ca : undefined;
  const sqliteOnClaim = config.database.type === 'sqlite3' && config.storage.type === 'persistentVolumeClaim';
  const configMaps: GrafanaWorkload['configMaps'] = {
    config_configmap: configMap(context, 'grafana-config', 'config', { 'grafana.ini': files.ini }),
    datasources_configmap: configMap(context, 'grafana-datasources', 'datasources', {
      'datasources.yaml': files.datasources,
    }),
    dashboard_providers_configmap: configMap(context, 'grafana-dashboard-providers', 'dashboards', {
      'providers.yaml': files.dashboards.providersFile,
    }),
    ...files.dashboards.configMaps,
  };

  const volumes: IVolume[] = [
    { name: 'config', configMap: { name: 'grafana-config' } },
    { name: 'datasources', configMap: { name: 'grafana-datasources' } },
    { name: 'dashboard-providers', configMap: { name: 'grafana-dashboard-providers' } },
    sqliteOnClaim ? { name: 'data', persistentVolumeClaim: { claimName: DATA_CLAIM } } : { name: 'data', emptyDir: {} },
    { name: 'logs', emptyDir: {} },
    // Plugins are installed at every start from `plugins`, so nothing outside git accumulates.
    { name: 'plugins', emptyDir: {} },
    ...files.dashboards.volumes,
    ...(databaseCa
      ? [
          {
            name: 'database-ca',
            secret: {
              secretName: databaseCa.secret.name,
              items: [{ key: databaseCa.secret.key, path: databaseCa.secret.key }],
            },
          },
        ]
      : []),
  ];
  const mounts: IVolumeMount[] = [
    // subPath: grafana.ini changes roll the pods anyway (checksum), and /etc/grafana keeps the image's files.
    { name: 'config', mountPath: '/etc/grafana/grafana.ini', subPath: 'grafana.ini', readOnly: true },
    { name: 'datasources', mountPath: `${PATHS.provisioning}/datasources`, readOnly: true },
    { name: 'dashboard-providers', mountPath: `${PATHS.provisioning}/dashboards`, readOnly: true },
    { name: 'data', mountPath: PATHS.data },
    { name: 'logs', mountPath: PATHS.logs },
    { name: 'plugins', mountPath: PATHS.plugins },
    ...files.dashboards.mounts,
    ...(databaseCa ? [{ name: 'database-ca', mountPath: DATABASE_CA_DIR, readOnly: true }] : []),
  ];

  const container: IContainer = {
    name: 'grafana',
    image: config.image,
    ports: [
      { name: 'http', containerPort: HTTP_PORT, protocol: 'TCP' },
      ...(config.replicas > 1
        ? [
            { name: 'alerting-tcp', containerPort: ALERTING_HA_PORT, protocol: 'TCP' as const },
            { name: 'alerting-udp', containerPort: ALERTING_HA_PORT, protocol: 'UDP' as const },
          ]
        : []),
    ],
    env: environment(config, database),
    readinessProbe: { httpGet: { path: '/api/health', port: 'http' } },
    livenessProbe: {
      httpGet: { path: '/api/health', port: 'http' },
      initialDelaySeconds: 60,
      timeoutSeconds: 30,
      failureThreshold: 10,
    },
    resources: config.resources,
    volumeMounts: mounts,
  };

  const objects = deployment(context, {
    name: 'grafana',
    replicas: config.replicas,
    containers: [container],
    volumes,
    runAs: GRAFANA_UID,
    // Dashboards are re-read by the providers; everything else is read at start-up.
    podAnnotations: { 'checksum/config': configChecksum(files.ini, files.datasources, files.dashboards.providersFile) },
    ...(sqliteOnClaim ? { rollout: { maxSurge: 0, maxUnavailable: 1 } } : {}),
    service: { ports: ['http'] },
    serviceMonitor: { port: 'http' },
  });

  const pvc: IPersistentVolumeClaim | undefined = sqliteOnClaim
    ? {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: DATA_CLAIM, namespace: context.namespace, labels: standardLabels(context.name, 'grafana') },
        spec: {
          accessModes: ['ReadWriteOnce'],
          ...(config.storage.storageClassName ? { storageClassName: config.storage.storageClassName } : {}),
          resources: { requests: { storage: config.storage.size } },
        },
      }
    : undefined;

  // Alertmanager peers of an HA Grafana gossip over this port, on every pod, ready or not.
  const alertingService =
    config.replicas > 1
      ? discoveryService(context, ALERTING_HA_SERVICE, 'grafana', [
          { name: 'alerting-tcp', port: ALERTING_HA_PORT, targetPort: 'alerting-tcp', protocol: 'TCP' },
          { name: 'alerting-udp', port: ALERTING_HA_PORT, targetPort: 'alerting-udp', protocol: 'UDP' },
        ])
      : undefined;

  return {
    configMaps,
    objects,
    ...(pvc ? { pvc } : {}),
    ...(alertingService ? { alertingService } : {}),
  };
}
