/**
 * sre: the SRE team's own cluster. A small Mimir and Loki with long retention, Grafana and Alloy for the
 * cluster itself, and public push endpoints that production's Alloy also ships to.
 */

import { grafanaAdminSecret, platformRepo, sharedSettings, vaultStore } from '@environments/base';
import { alloy } from '@platform/alloy';
import { argoCd } from '@platform/argo-cd';
import { certManager } from '@platform/cert-manager';
import { defineEnvironment, type IClusterIssuer, resolveSettings } from '@platform/core';
import { externalSecret, externalSecrets } from '@platform/external-secrets';
import { grafana } from '@platform/grafana';
import { loki } from '@platform/loki';
import { mimir } from '@platform/mimir';
import { sreBaseDomain, sreLogsPushUrl, sreMetricsPushUrl, srePushCredentialsSecret, sreTenant } from './endpoints.js';
import { publicPush, single } from './public-push.js';

const settings = { ...sharedSettings(sreBaseDomain, 'acme-sre'), tenant: sreTenant };
const cluster = { name: 'sre-eu1', server: 'https://kubernetes.default.svc' };
const view = { name: 'sre', cluster, settings: resolveSettings('sre', settings), argocdNamespace: 'argocd' };
const ingress = {
  ingressClass: 'nginx',
  controllerNamespace: 'ingress-nginx',
  issuer: 'letsencrypt',
  authSecret: srePushCredentialsSecret,
};

/** A public ACME issuer: other clusters must trust the SRE push endpoints without sharing a private CA. */
const letsencrypt: IClusterIssuer = {
  apiVersion: 'cert-manager.io/v1',
  kind: 'ClusterIssuer',
  metadata: { name: 'letsencrypt' },
  spec: {
    acme: {
      server: 'https://acme-v02.api.letsencrypt.org/directory',
      email: 'sre@example.com',
      privateKeySecretRef: { name: 'letsencrypt-account-key' },
      solvers: [{ http01: { ingress: { ingressClassName: 'nginx' } } }],
    },
  },
};

// Long retention: the SRE stores are where an incident is investigated after the fact.
const sreMimir = mimir({
  limits: { retentionPeriod: '8760h' },
  ruler: { enabled: false },
  alertmanager: { enabled: false },
});
const sreLoki = loki({ retentionPeriod: '2160h' });

const sreGrafana = grafana({ require: ['metricsStore', 'logsStore'] });

/** The htpasswd file (ingress-nginx basic auth, key `auth`) of the users allowed to push, in a push endpoint's namespace. */
function pushCredentials(namespace: string) {
  return externalSecret({
    name: srePushCredentialsSecret,
    namespace,
    data: { auth: { key: 'platform/sre/sre-push-credentials', property: 'auth' } },
  });
}

const metricsPush = publicPush({
  component: sreMimir.name,
  namespace: sreMimir.namespace,
  internalUrl: single(sreMimir.provides(view).metricsStore).remoteWriteUrl,
  publicUrl: sreMetricsPushUrl,
  ...ingress,
});
const logsPush = publicPush({
  component: sreLoki.name,
  namespace: sreLoki.namespace,
  internalUrl: single(sreLoki.provides(view).logsStore).pushUrl,
  publicUrl: sreLogsPushUrl,
  ...ingress,
});

export default defineEnvironment({
  name: 'sre',
  cluster,
  repo: platformRepo,
  settings,
  components: [
    certManager({ acme: { egress: true } }).addObjects({ letsencrypt_clusterissuer: letsencrypt }),
    externalSecrets({ store: vaultStore(cluster.name) }),
    argoCd(),
    sreMimir.addObjects({
      public_push_ingress: metricsPush.ingress,
      public_push_networkpolicy: metricsPush.networkPolicy,
      push_credentials_externalsecret: pushCredentials(sreMimir.namespace),
    }),
    sreLoki
      .addObjects({
        public_push_ingress: logsPush.ingress,
        public_push_networkpolicy: logsPush.networkPolicy,
        push_credentials_externalsecret: pushCredentials(sreLoki.namespace),
      })
      .after('mimir'),
    alloy().after('loki'),
    sreGrafana
      .addObjects({ admin_externalsecret: externalSecret(grafanaAdminSecret('sre', sreGrafana.namespace)) })
      .after('loki'),
  ],
});
