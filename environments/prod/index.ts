/**
 * prod: released library versions (promoted from staging), more replicas and larger resources than the
 * shared base, images through the registry mirror, a highly available Argo CD, metrics and logs shipped to the
 * SRE cluster as well, and staging's edge, data and autoscaling: Traefik behind an NLB with external-dns and
 * Let's Encrypt, Grafana on CloudNativePG, Karpenter, KEDA, VPA in recommend mode, the descheduler, Velero.
 */

import {
  grafanaAdminSecret,
  platform,
  platformAlertRouting,
  platformRepo,
  sharedSettings,
  statelessAutoscaling,
  vaultStore,
} from '@environments/base';
import { awsAccount } from '@environments/base/aws';
import { sreLogsPushUrl, sreMetricsPushUrl, srePushCredentialsSecret, sreTenant } from '@environments/sre/endpoints';
import { alertRouting } from '@platform/alert-routing';
import { alloy } from '@platform/alloy';
import { argoCd } from '@platform/argo-cd';
import { certManager } from '@platform/cert-manager';
import { arcController, runnerScaleSet } from '@platform/ci-runners';
import { barmanCloud, cloudnativePg, postgresCluster } from '@platform/cloudnative-pg';
import { defineEnvironment, imageRegistryMirror } from '@platform/core';
import { descheduler } from '@platform/descheduler';
import { externalDns } from '@platform/external-dns';
import { externalSecret, externalSecrets } from '@platform/external-secrets';
import { grafana } from '@platform/grafana';
import { istio } from '@platform/istio';
import { karpenter } from '@platform/karpenter';
import { keda } from '@platform/keda';
import { loki } from '@platform/loki';
import { metricsServer } from '@platform/metrics-server';
import { mimir } from '@platform/mimir';
import { oneuptime } from '@platform/oneuptime';
import { promotionGate } from '@platform/policy';
import { prometheusOperatorCrds } from '@platform/prometheus-operator-crds';
import { tempo } from '@platform/tempo';
import { traefik, traefikRoutes } from '@platform/traefik';
import { velero } from '@platform/velero';
import { goldilocks, vpa } from '@platform/vpa';

const mirror = 'registry.example.com/mirror';
const cluster = { name: 'prod-eu1', server: 'https://kubernetes.default.svc' };
const aws = awsAccount('444455556666', cluster.name);
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
const srePushAuth = { username: 'prod-eu1', passwordSecret: { name: srePushCredentialsSecret, key: 'password' } };
/** The password prod's Alloy pushes to the SRE cluster with (its user is in the SRE ingresses' htpasswd). */
const srePushCredentials = externalSecret({
  name: srePushCredentialsSecret,
  namespace: base.alloy.namespace,
  data: { password: { key: 'platform/prod/sre-push-credentials', property: 'password' } },
});

/**
 * OneUptime in three ordered Applications (stores, migrations, services) with its database in its namespace
 * (which the stores own, at Pod Security baseline); pnpm plan counts the chart pods of each and
 * delivery.maxFirstSyncShare holds for each.
 */
const [oneuptimeStores, oneuptimeMigrate, oneuptimeApplication] = oneuptime(
  {
    postgres: 'oneuptime-db',
    secrets: {
      oneuptimeSecret: { key: 'platform/prod/oneuptime', property: 'oneuptime-secret' },
      encryptionSecret: { key: 'platform/prod/oneuptime', property: 'encryption-secret' },
      registerProbeKey: { key: 'platform/prod/oneuptime', property: 'register-probe-key' },
      clickhousePassword: { key: 'platform/prod/oneuptime', property: 'clickhouse-password' },
      redisPassword: { key: 'platform/prod/oneuptime', property: 'redis-password' },
    },
    app: { replicas: 2, resources: { requests: { cpu: '1', memory: '2Gi' }, limits: { memory: '4Gi' } } },
    worker: {
      enabled: true,
      replicas: 2,
      resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { memory: '2Gi' } },
    },
    clickhouse: {
      storageSize: '200Gi',
      storageClassName: 'fast',
      resources: { requests: { cpu: '2', memory: '8Gi' }, limits: { memory: '16Gi' } },
    },
  },
  { createNamespace: true },
);

export default defineEnvironment({
  name: 'prod',
  cluster,
  repo: platformRepo,
  policy: {
    // Staging runs Prometheus + Thanos instead of Mimir, so prod's Mimir is promoted from dev; OneUptime and the
    // GitHub runners are new libraries that run in dev first.
    rules: [
      promotionGate({
        sourceOf: { '@platform/mimir': 'dev', '@platform/oneuptime': 'dev', '@platform/ci-runners': 'dev' },
      }),
    ],
  },
  settings: {
    ...sharedSettings('prod.example.com', 'acme-prod'),
    imageRegistryMirror: mirror,
    allowedRegistries: ['registry.example.com'],
  },
  delivery: {
    // No automatic syncs during the weekend; a human can still sync by hand.
    argocd: { syncWindows: [{ kind: 'deny', schedule: '0 0 * * 6', duration: '48h', manualSync: true }] },
  },
  mixins: [imageRegistryMirror(mirror)],
  components: Object.values({
    ...base,
    argoCd: base.argoCd.configure({ highAvailability: true }),
    certManager: base.certManager.configure({
      letsEncrypt: { enabled: true, email: 'platform@example.com', dns01: aws.dns },
    }),
    externalSecrets: base.externalSecrets.configure({ store: vaultStore(cluster.name) }),
    // The same routing declarations as staging's Prometheus drive Mimir's Alertmanager here: critical pages the
    // on-call, the rest goes to the owning team's channel.
    alertRouting: alertRouting(platformAlertRouting('prod')),
    mimir: base.mimir.configure({
      // KEDA's prometheus triggers query Mimir.
      network: { queryFrom: ['grafana', 'keda'] },
      // The stateless paths scale with load (see statelessAutoscaling); min is the count they ran at before.
      distributor: {
        autoscaling: statelessAutoscaling(4, 2),
        resources: { requests: { cpu: '2', memory: '2Gi' }, limits: { memory: '4Gi' } },
      },
      ingester: {
        replicas: 6,
        resources: { requests: { cpu: '4', memory: '15Gi' }, limits: { memory: '25Gi' } },
        storage: { size: '100Gi', storageClassName: 'fast' },
      },
      querier: {
        autoscaling: statelessAutoscaling(4, 3),
        resources: { requests: { cpu: '1', memory: '6Gi' }, limits: { memory: '12Gi' } },
      },
      queryFrontend: { autoscaling: statelessAutoscaling(2, 2) },
      storeGateway: { replicas: 3, storage: { size: '50Gi' } },
      limits: { maxGlobalSeriesPerUser: 3_000_000, ingestionRate: 200_000, ingestionBurstSize: 2_000_000 },
    }),
    loki: base.loki.configure({
      write: { replicas: 6, storageSize: '50Gi' },
      read: { autoscaling: statelessAutoscaling(4, 3) },
      limits: { ingestionRateMb: 50, ingestionBurstSizeMb: 100 },
    }),
    tempo: base.tempo.configure({
      kafka: { address: 'kafka-1.prod.internal.example.com:9092' },
      distributor: { autoscaling: statelessAutoscaling(3, 2) },
      querier: { autoscaling: statelessAutoscaling(2, 3) },
      queryFrontend: { autoscaling: statelessAutoscaling(2, 2) },
      metricsGenerator: { enabled: true },
    }),
    alloy: base.alloy
      .configure({
        extraMetricsTargets: [{ name: 'sre', url: sreMetricsPushUrl, tenant: sreTenant, basicAuth: srePushAuth }],
        extraLogsTargets: [{ name: 'sre', url: sreLogsPushUrl, tenant: sreTenant, basicAuth: srePushAuth }],
      })
      .addObjects({ sre_push_credentials_externalsecret: srePushCredentials }),
    grafanaDb: postgresCluster({
      database: 'grafana',
      owner: { name: 'grafana', password: { key: 'platform/prod/grafana-db', property: 'password' } },
      instances: 3,
      storage: { size: '20Gi', storageClassName: 'fast' },
      clients: ['grafana'],
    })
      .named('grafana-db')
      .inNamespace('grafana'),
    grafana: base.grafana
      .configure({
        replicas: 3,
        database: { type: 'postgres', postgres: 'grafana-db' },
        secretKey: { name: 'grafana-secret-key', key: 'secret-key' },
      })
      .inNamespace('grafana', { create: false })
      .addObjects({
        admin_externalsecret: externalSecret(grafanaAdminSecret('prod', 'grafana')),
        secret_key_externalsecret: externalSecret({
          name: 'grafana-secret-key',
          namespace: 'grafana',
          data: { 'secret-key': { key: 'platform/prod/grafana-secret-key', property: 'secret-key' } },
        }),
      }),
    cloudnativePg: cloudnativePg(),
    barmanCloud: barmanCloud(),
    traefik: traefik({ replicas: 3, loadBalancer: aws.loadBalancer }),
    traefikRoutes: traefikRoutes(),
    externalDns: externalDns({ provider: aws.dns }),
    karpenter: karpenter({
      clusterName: cluster.name,
      controllerIdentity: { roleArn: aws.role(`KarpenterController-${cluster.name}`) },
      interruptionQueue: `Karpenter-${cluster.name}`,
      nodeClass: { role: `KarpenterNodeRole-${cluster.name}`, amiAlias: 'al2023@v20261120' },
      pools: { default: { cpuLimit: '2000' }, stateful: { cpuLimit: '400' } },
    }),
    keda: keda({ awsRoleArn: aws.role(`keda-${cluster.name}`), scalerEgress: { aws: true } }),
    // The resource metrics API the read paths' CPU-targeted HorizontalPodAutoscalers need (EKS has none).
    metricsServer: metricsServer(),
    vpa: vpa(),
    goldilocks: goldilocks(),
    descheduler: descheduler(),
    oneuptimeDb: postgresCluster({
      database: 'oneuptime',
      owner: { name: 'oneuptime', password: { key: 'platform/prod/oneuptime-db', property: 'password' } },
      instances: 3,
      storage: { size: '50Gi', storageClassName: 'fast' },
      clients: ['oneuptime', 'oneuptime-migrate'],
    })
      .named('oneuptime-db')
      // In OneUptime's namespace (the services read its owner's Secret there), which OneUptime's stores own.
      .inNamespace('oneuptime', { create: false })
      .inTier('workloads')
      .after('oneuptime-stores'),
    oneuptimeStores,
    oneuptimeMigrate,
    oneuptime: oneuptimeApplication,
    arcController: arcController({ replicas: 2 }),
    // GitHub Actions runners for the organisation, on spot nodes (Karpenter's interruptible pool).
    ciRunners: runnerScaleSet({
      githubConfigUrl: 'https://github.com/acme',
      githubApp: {
        appId: { key: 'platform/prod/github-app', property: 'app-id' },
        installationId: { key: 'platform/prod/github-app', property: 'installation-id' },
        privateKey: { key: 'platform/prod/github-app', property: 'private-key' },
      },
      runnerScaleSetName: 'acme-linux',
      minRunners: 1,
      maxRunners: 20,
      resources: { requests: { cpu: '1', memory: '2Gi' }, limits: { memory: '8Gi' } },
    }).named('ci-runners'),
    velero: velero({ serviceAccountAnnotations: { 'eks.amazonaws.com/role-arn': aws.role(`velero-${cluster.name}`) } }),
  }),
});
