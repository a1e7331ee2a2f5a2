/**
 * dev: the workspace source of every library, small sizes, Tempo as a single process (no Kafka in dev).
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
  }),
});
