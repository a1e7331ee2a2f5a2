/**
 * prod: released library versions (promoted from staging), more replicas and larger resources than the
 * shared base, images through the registry mirror, a highly available Argo CD, and metrics and logs shipped
 * to the SRE cluster as well.
 */

import { grafanaAdminSecret, platform, platformRepo, sharedSettings, vaultStore } from '@environments/base';
import { sreLogsPushUrl, sreMetricsPushUrl, srePushCredentialsSecret, sreTenant } from '@environments/sre/endpoints';
import { alloy } from '@platform/alloy';
import { argoCd } from '@platform/argo-cd';
import { certManager } from '@platform/cert-manager';
import { defineEnvironment, imageRegistryMirror } from '@platform/core';
import { externalSecret, externalSecrets } from '@platform/external-secrets';
import { grafana } from '@platform/grafana';
import { istio } from '@platform/istio';
import { loki } from '@platform/loki';
import { mimir } from '@platform/mimir';
import { tempo } from '@platform/tempo';

const mirror = 'registry.example.com/mirror';
const cluster = { name: 'prod-eu1', server: 'https://kubernetes.default.svc' };
const base = platform({ alloy, argoCd, certManager, externalSecrets, grafana, istio, loki, mimir, tempo });
const srePushAuth = { username: 'prod-eu1', passwordSecret: { name: srePushCredentialsSecret, key: 'password' } };
/** The password prod's Alloy pushes to the SRE cluster with (its user is in the SRE ingresses' htpasswd). */
const srePushCredentials = externalSecret({
  name: srePushCredentialsSecret,
  namespace: base.alloy.namespace,
  data: { password: { key: 'platform/prod/sre-push-credentials', property: 'password' } },
});

export default defineEnvironment({
  name: 'prod',
  cluster,
  repo: platformRepo,
  settings: {
    ...sharedSettings('prod.example.com', 'acme-prod'),
    imageRegistryMirror: mirror,
    allowedRegistries: ['registry.example.com'],
  },
  delivery: {
    // No automatic syncs during the weekend; a human can still sync by hand.
    syncWindows: [{ kind: 'deny', schedule: '0 0 * * 6', duration: '48h', manualSync: true }],
  },
  mixins: [imageRegistryMirror(mirror)],
  components: Object.values({
    ...base,
    argoCd: base.argoCd.configure({ highAvailability: true }),
    externalSecrets: base.externalSecrets.configure({ store: vaultStore(cluster.name) }),
    mimir: base.mimir.configure({
      distributor: { replicas: 4, resources: { requests: { cpu: '2', memory: '2Gi' }, limits: { memory: '4Gi' } } },
      ingester: {
        replicas: 6,
        resources: { requests: { cpu: '4', memory: '15Gi' }, limits: { memory: '25Gi' } },
        storage: { size: '100Gi', storageClassName: 'fast' },
      },
      querier: { replicas: 4, resources: { requests: { cpu: '1', memory: '6Gi' }, limits: { memory: '12Gi' } } },
      storeGateway: { replicas: 3, storage: { size: '50Gi' } },
      limits: { maxGlobalSeriesPerUser: 3_000_000, ingestionRate: 200_000, ingestionBurstSize: 2_000_000 },
    }),
    loki: base.loki.configure({
      write: { replicas: 6, storageSize: '50Gi' },
      read: { replicas: 4 },
      limits: { ingestionRateMb: 50, ingestionBurstSizeMb: 100 },
    }),
    tempo: base.tempo.configure({
      kafka: { address: 'kafka-1.prod.internal.example.com:9092' },
      distributor: { replicas: 3 },
      metricsGenerator: { enabled: true },
    }),
    alloy: base.alloy
      .configure({
        extraMetricsTargets: [{ name: 'sre', url: sreMetricsPushUrl, tenant: sreTenant, basicAuth: srePushAuth }],
        extraLogsTargets: [{ name: 'sre', url: sreLogsPushUrl, tenant: sreTenant, basicAuth: srePushAuth }],
      })
      .addObjects({ sre_push_credentials_externalsecret: srePushCredentials }),
    grafana: base.grafana.addObjects({
      admin_externalsecret: externalSecret(grafanaAdminSecret('prod', base.grafana.namespace)),
    }),
  }),
});
