/**
 * sre: the SRE team's own cluster. A small Mimir and Loki with long retention, Grafana and Alloy for the
 * cluster itself, and public push endpoints that production's Alloy also ships to. Its Grafana queries both
 * metrics backends: its own Mimir (with production's pushed metrics) and, through a Thanos global Query, the
 * history staging's Prometheus ships to its Thanos bucket.
 */

import { grafanaAdminSecret, platformRepo, sharedSettings, vaultStore } from '@environments/base';
import { alloy } from '@platform/alloy';
import { argoCd } from '@platform/argo-cd';
import { certManager } from '@platform/cert-manager';
import { configChecksum, defineEnvironment, selectorLabels } from '@platform/core';
import { edgeRules, ingressEdge } from '@platform/edge';
import { externalSecret, externalSecrets } from '@platform/external-secrets';
import { grafana } from '@platform/grafana';
import { loki } from '@platform/loki';
import { mimir } from '@platform/mimir';
import { prometheusOperatorCrds } from '@platform/prometheus-operator-crds';
import { grafanaGlobalView, thanos, thanosBucket } from '@platform/thanos';
import { sreBaseDomain, sreLogsPushUrl, sreMetricsPushUrl, srePushCredentialsSecret, sreTenant } from './endpoints.js';
import { publicPushRoute } from './public-push.js';

const settings = { ...sharedSettings(sreBaseDomain, 'acme-sre'), tenant: sreTenant };
const cluster = { name: 'sre-eu1', server: 'https://kubernetes.default.svc' };

// Long retention: the SRE stores are where an incident is investigated after the fact.
const sreMimir = mimir({
  limits: { retentionPeriod: '8760h' },
  ruler: { enabled: false },
  alertmanager: { enabled: false },
});
const sreLoki = loki({ retentionPeriod: '2160h' });

/**
 * The global view of metrics the Prometheus way: a store gateway over staging's Thanos bucket (read-only; its
 * compactor runs in staging, the bucket's owner) behind a global Query and Query Frontend. Blocks reach the
 * bucket every 2 hours, so this view is staging's history, not its last two hours. The SRE cluster's nodes (or
 * `objectStorage.credentialsSecret`) need read access to that bucket, granted on staging's side.
 */
const stagingBucket = thanosBucket(sharedSettings('staging.example.com', 'acme-staging').objectStorage);
const sreThanos = thanos({
  storeGateway: { bucket: stagingBucket },
  compactor: { enabled: false },
  globalQuery: { enabled: true },
  // No Prometheus here reads the store gateway; the global Query beside it does.
  network: { storeApiFrom: [], queryFrom: ['grafana'] },
});

const sreGrafana = grafana({ require: ['metricsStore', 'logsStore'] });
/** The global view as a second Prometheus datasource of the SRE Grafana, with the egress to reach it. */
const globalView = grafanaGlobalView({
  thanos: { name: sreThanos.name, namespace: sreThanos.namespace },
  grafana: { namespace: sreGrafana.namespace, podLabels: selectorLabels(sreGrafana.name, 'grafana') },
});

/** The htpasswd file (key `auth`) of the users allowed to push, in a push endpoint's namespace. */
function pushCredentials(namespace: string) {
  return externalSecret({
    name: srePushCredentialsSecret,
    namespace,
    data: { auth: { key: 'platform/sre/sre-push-credentials', property: 'auth' } },
  });
}

export default defineEnvironment({
  name: 'sre',
  cluster,
  repo: platformRepo,
  settings,
  // The SRE cluster's ingress-nginx is installed by the cluster's own bootstrap, outside this repository.
  external: ['Namespace//ingress-nginx'],
  policy: {
    // The push hosts' records are kept by hand (no external-dns in the SRE cluster).
    rules: edgeRules({ manualDnsDomains: [sreBaseDomain] }),
  },
  components: [
    prometheusOperatorCrds(),
    // A public ACME issuer: other clusters trust the SRE push endpoints without sharing a private CA.
    certManager({
      letsEncrypt: {
        enabled: true,
        email: 'sre@example.com',
        http01: { ingressClassName: 'nginx' },
      },
    }),
    externalSecrets({ store: vaultStore(cluster.name) }),
    argoCd(),
    ingressEdge({ dialect: 'ingress-nginx' }),
    sreMimir
      .addRoutes(
        publicPushRoute({
          name: 'push',
          capability: 'metricsStore',
          field: 'remoteWriteUrl',
          publicUrl: sreMetricsPushUrl,
          authSecret: srePushCredentialsSecret,
        }),
      )
      .addObjects({ push_credentials_externalsecret: pushCredentials(sreMimir.namespace) }),
    sreLoki
      .addRoutes(
        publicPushRoute({
          name: 'push',
          capability: 'logsStore',
          field: 'pushUrl',
          publicUrl: sreLogsPushUrl,
          authSecret: srePushCredentialsSecret,
        }),
      )
      .addObjects({ push_credentials_externalsecret: pushCredentials(sreLoki.namespace) })
      .after('mimir'),
    sreThanos.after('mimir'),
    alloy().after('loki'),
    sreGrafana
      .override({
        datasources_configmap: { data: { 'global-view.yaml': globalView.datasourcesFile } },
        // Grafana reads its provisioning files at start-up only.
        grafana_deployment: {
          spec: {
            template: {
              metadata: { annotations: { 'checksum/global-view': configChecksum(globalView.datasourcesFile) } },
            },
          },
        },
      })
      .addObjects({
        admin_externalsecret: externalSecret(grafanaAdminSecret('sre', sreGrafana.namespace)),
        global_view_networkpolicy: globalView.networkPolicy,
      })
      .after('loki', 'thanos'),
  ],
});
