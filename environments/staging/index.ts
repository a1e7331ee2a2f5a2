/**
 * staging: the released versions prod will get next, at production shape with smaller sizes.
 */
import { alloy } from '@platform/alloy';
import { argoCd } from '@platform/argo-cd';
import { certManager } from '@platform/cert-manager';
import { defineEnvironment } from '@platform/core';
import { grafana } from '@platform/grafana';
import { istio } from '@platform/istio';
import { loki } from '@platform/loki';
import { mimir } from '@platform/mimir';
import { tempo } from '@platform/tempo';
import { externalSecrets, platform, platformRepo, sharedSettings } from '@environments/base';

const base = platform({ alloy, argoCd, certManager, grafana, istio, loki, mimir, tempo });

export default defineEnvironment({
  name: 'staging',
  cluster: { name: 'staging-eu1', server: 'https://kubernetes.default.svc' },
  repo: platformRepo,
  settings: sharedSettings('staging.example.com', 'acme-staging'),
  external: externalSecrets,
  components: Object.values({
    ...base,
    tempo: base.tempo.configure({ kafka: { address: 'kafka-1.staging.internal.example.com:9092' } }),
  }),
});
