/**
 * staging: the released versions prod will get next, at production shape with smaller sizes: Traefik behind an
 * AWS NLB with external-dns and Let's Encrypt (DNS-01 through Route53), Grafana on CloudNativePG, Karpenter,
 * KEDA, VPA in recommend mode and the descheduler, and Velero backing up the stateful namespaces. Its metrics
 * store is Prometheus the Prometheus-Operator way (prod keeps Mimir): an HA Prometheus with Thanos sidecars
 * shipping blocks to `acme-staging-thanos`, Thanos' store gateway and compactor, node-exporter, and alerts routed
 * by severity and team (critical pages on-call, the rest goes to the owning team's Slack channel).
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
import { alertRouting } from '@platform/alert-routing';
import { alloy } from '@platform/alloy';
import { argoCd } from '@platform/argo-cd';
import { certManager } from '@platform/cert-manager';
import { barmanCloud, cloudnativePg, postgresCluster } from '@platform/cloudnative-pg';
import { defineEnvironment } from '@platform/core';
import { descheduler } from '@platform/descheduler';
import { externalDns } from '@platform/external-dns';
import { externalSecret, externalSecrets } from '@platform/external-secrets';
import { grafana } from '@platform/grafana';
import { istio } from '@platform/istio';
import { karpenter } from '@platform/karpenter';
import { keda } from '@platform/keda';
import { loki } from '@platform/loki';
import { metricsServer } from '@platform/metrics-server';
import { nodeExporter, prometheus } from '@platform/prometheus';
import { prometheusOperatorCrds } from '@platform/prometheus-operator-crds';
import { tempo } from '@platform/tempo';
import { thanos } from '@platform/thanos';
import { traefik, traefikRoutes } from '@platform/traefik';
import { velero } from '@platform/velero';
import { goldilocks, vpa } from '@platform/vpa';

const cluster = { name: 'staging-eu1', server: 'https://kubernetes.default.svc' };
const base = platform({
  alloy,
  argoCd,
  certManager,
  externalSecrets,
  grafana,
  istio,
  loki,
  prometheus,
  prometheusOperatorCrds,
  tempo,
});
const aws = awsAccount('111122223333', cluster.name);

export default defineEnvironment({
  name: 'staging',
  cluster,
  repo: platformRepo,
  // Prometheus scrapes every namespace (Alloy still scrapes the annotated pods of its node).
  settings: {
    ...sharedSettings('staging.example.com', 'acme-staging'),
    metricsScraperNamespaces: ['alloy', 'prometheus'],
  },
  components: Object.values({
    ...base,
    certManager: base.certManager.configure({
      letsEncrypt: { enabled: true, email: 'platform@example.com', use: 'staging', dns01: aws.dns },
    }),
    externalSecrets: base.externalSecrets.configure({ store: vaultStore(cluster.name) }),
    // Queries go to the Thanos Query Frontend (recent data from the sidecars, older from the bucket); KEDA's
    // prometheus triggers query it too.
    prometheus: base.prometheus.configure({
      thanos: { enabled: true },
      prometheus: { retention: '2d', retentionSize: '40GB' },
      network: { queryFrom: ['grafana', 'keda'] },
    }),
    thanos: thanos({ compactor: { retention: { raw: '30d', fiveMinutes: '90d', oneHour: '1y' } } }).after('prometheus'),
    nodeExporter: nodeExporter(),
    alertRouting: alertRouting(platformAlertRouting('staging')),
    // The stateless paths scale with load (see statelessAutoscaling); min is the count they ran at before.
    loki: base.loki.configure({ read: { autoscaling: statelessAutoscaling(3, 3) } }),
    tempo: base.tempo.configure({
      kafka: { address: 'kafka-1.staging.internal.example.com:9092' },
      distributor: { autoscaling: statelessAutoscaling(2, 2) },
      querier: { autoscaling: statelessAutoscaling(2, 3) },
      queryFrontend: { autoscaling: statelessAutoscaling(2, 2) },
    }),
    grafanaDb: postgresCluster({
      database: 'grafana',
      owner: { name: 'grafana' },
      instances: 2,
      storage: { size: '10Gi' },
      clients: ['grafana'],
    })
      .named('grafana-db')
      .inNamespace('grafana'),
    grafana: base.grafana
      .configure({ replicas: 2, database: { type: 'postgres', postgres: 'grafana-db' } })
      .inNamespace('grafana', { create: false })
      .addObjects({ admin_externalsecret: externalSecret(grafanaAdminSecret('staging', 'grafana')) }),
    cloudnativePg: cloudnativePg(),
    barmanCloud: barmanCloud(),
    traefik: traefik({ loadBalancer: aws.loadBalancer }),
    traefikRoutes: traefikRoutes(),
    externalDns: externalDns({ provider: aws.dns }),
    karpenter: karpenter({
      clusterName: cluster.name,
      controllerIdentity: { roleArn: aws.role(`KarpenterController-${cluster.name}`) },
      interruptionQueue: `Karpenter-${cluster.name}`,
      nodeClass: { role: `KarpenterNodeRole-${cluster.name}`, amiAlias: 'al2023@v20261120' },
      pools: { default: { cpuLimit: '400' }, stateful: { cpuLimit: '100' } },
    }),
    keda: keda({ awsRoleArn: aws.role(`keda-${cluster.name}`), scalerEgress: { aws: true } }),
    // The resource metrics API the read paths' CPU-targeted HorizontalPodAutoscalers need (EKS has none).
    metricsServer: metricsServer(),
    vpa: vpa(),
    goldilocks: goldilocks(),
    descheduler: descheduler(),
    velero: velero({ serviceAccountAnnotations: { 'eks.amazonaws.com/role-arn': aws.role(`velero-${cluster.name}`) } }),
  }),
});
