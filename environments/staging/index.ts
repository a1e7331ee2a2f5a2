/**
 * staging: the released versions prod will get next, at production shape with smaller sizes.
 */

import { grafanaAdminSecret, platform, platformRepo, sharedSettings, vaultStore } from '@environments/base';
import { alloy } from '@platform/alloy';
import { argoCd } from '@platform/argo-cd';
import { certManager } from '@platform/cert-manager';
import { defineEnvironment } from '@platform/core';
import { externalSecret, externalSecrets } from '@platform/external-secrets';
import { grafana } from '@platform/grafana';
import { istio } from '@platform/istio';
import { loki } from '@platform/loki';
import { mimir } from '@platform/mimir';
import { tempo } from '@platform/tempo';

const cluster = { name: 'staging-eu1', server: 'https://kubernetes.default.svc' };
const base = platform({ alloy, argoCd, certManager, externalSecrets, grafana, istio, loki, mimir, tempo });

export default defineEnvironment({
  name: 'staging',
  cluster,
  repo: platformRepo,
  settings: sharedSettings('staging.example.com', 'acme-staging'),
  components: Object.values({
    ...base,
    externalSecrets: base.externalSecrets.configure({ store: vaultStore(cluster.name) }),
    tempo: base.tempo.configure({ kafka: { address: 'kafka-1.staging.internal.example.com:9092' } }),
    grafana: base.grafana.addObjects({
      admin_externalsecret: externalSecret(grafanaAdminSecret('staging', base.grafana.namespace)),
    }),
  }),
});
