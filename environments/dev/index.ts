/**
 * dev: the workspace source of every library, small sizes, Tempo as a single process (no Kafka in dev). New
 * libraries run here first (OneUptime, the GitHub runners), from where prod's promotion gate takes them.
 */

import { grafanaAdminSecret, platform, platformRepo, sharedSettings, vaultStore } from '@environments/base';
import { alloy } from '@platform/alloy';
import { argoCd } from '@platform/argo-cd';
import { certManager } from '@platform/cert-manager';
import { arcController, runnerScaleSet } from '@platform/ci-runners';
import { barmanCloud, cloudnativePg, postgresCluster } from '@platform/cloudnative-pg';
import { defineEnvironment } from '@platform/core';
import { externalSecret, externalSecrets } from '@platform/external-secrets';
import { grafana } from '@platform/grafana';
import { istio } from '@platform/istio';
import { loki } from '@platform/loki';
import { metricsServer } from '@platform/metrics-server';
import { mimir } from '@platform/mimir';
import { oneuptime } from '@platform/oneuptime';
import { prometheusOperatorCrds } from '@platform/prometheus-operator-crds';
import { tempo } from '@platform/tempo';

const cluster = { name: 'dev-eu1', server: 'https://kubernetes.default.svc' };
const base = platform({
  alloy,
  argoCd,
  certManager,
  externalSecrets,
  grafana,
  istio,
  loki,
  mimir,
  prometheusOperatorCrds,
  tempo,
});

const stored = (key: string, property: string) => ({ key: `platform/dev/${key}`, property });
const [oneuptimeStores, oneuptimeMigrate, oneuptimeApplication] = oneuptime({
  postgres: 'oneuptime-db',
  secrets: {
    oneuptimeSecret: stored('oneuptime', 'oneuptime-secret'),
    encryptionSecret: stored('oneuptime', 'encryption-secret'),
    registerProbeKey: stored('oneuptime', 'register-probe-key'),
    clickhousePassword: stored('oneuptime', 'clickhouse-password'),
    redisPassword: stored('oneuptime', 'redis-password'),
  },
  clickhouse: { storageSize: '10Gi' },
});

export default defineEnvironment({
  name: 'dev',
  cluster,
  repo: platformRepo,
  settings: sharedSettings('dev.example.com', 'acme-dev'),
  components: Object.values({
    ...base,
    certManager: base.certManager.configure({ replicas: { controller: 1, webhook: 1, cainjector: 1 } }),
    externalSecrets: base.externalSecrets.configure({
      store: vaultStore(cluster.name),
      replicas: { controller: 1, webhook: 1 },
    }),
    istiod: base.istiod.configure({ autoscale: { enabled: false }, replicas: 1 }),
    loki: base.loki.configure({
      retentionPeriod: '168h',
      read: { replicas: 2 },
      write: { replicas: 3 },
      backend: { replicas: 2 },
    }),
    tempo: base.tempo.configure({ mode: 'monolithic', retentionPeriod: '72h' }),
    grafana: base.grafana.addObjects({
      admin_externalsecret: externalSecret(grafanaAdminSecret('dev', base.grafana.namespace)),
    }),
    metricsServer: metricsServer(),
    cloudnativePg: cloudnativePg(),
    barmanCloud: barmanCloud(),
    oneuptimeStores,
    oneuptimeDb: postgresCluster({
      database: 'oneuptime',
      owner: { name: 'oneuptime', password: stored('oneuptime-db', 'password') },
      instances: 1,
      clients: ['oneuptime', 'oneuptime-migrate'],
    })
      .named('oneuptime-db')
      .inNamespace('oneuptime', { create: false })
      .inTier('workloads')
      .after('oneuptime-stores'),
    oneuptimeMigrate,
    oneuptime: oneuptimeApplication,
    arcController: arcController(),
    ciRunners: runnerScaleSet({
      githubConfigUrl: 'https://github.com/acme',
      githubApp: {
        appId: stored('github-app', 'app-id'),
        installationId: stored('github-app', 'installation-id'),
        privateKey: stored('github-app', 'private-key'),
      },
      maxRunners: 3,
    }).named('ci-runners'),
  }),
});
