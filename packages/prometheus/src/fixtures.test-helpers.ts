import { alertRouting } from '@platform/alert-routing';
import type { AnyComponent } from '@platform/core';
import { stubComponent } from '@platform/core/testing';
import { prometheusOperatorCrds } from '@platform/prometheus-operator-crds';

/** The environment's secret store, as External Secrets publishes it. */
export const secretStore = () =>
  stubComponent('external-secrets', {
    secretStore: {
      component: 'external-secrets',
      namespace: 'external-secrets',
      storeRef: { name: 'platform-vault', kind: 'ClusterSecretStore' },
    },
  });

/** A routing: PagerDuty for critical alerts, a channel for the `platform` and `observability` teams. */
export const routing = () =>
  alertRouting({
    pager: { provider: 'pagerduty', key: { key: 'platform/test/pagerduty', property: 'routing-key' } },
    teams: {
      platform: { channel: '#platform-alerts', webhook: { key: 'platform/test/slack', property: 'platform' } },
      observability: {
        channel: '#observability-alerts',
        webhook: { key: 'platform/test/slack', property: 'observability' },
      },
    },
  });

/** What every Prometheus test environment has besides Prometheus: its CRDs, a secret store and the alert routing. */
export function base(): AnyComponent[] {
  return [prometheusOperatorCrds(), secretStore(), routing()];
}

/** Test-environment settings in which Prometheus may scrape every namespace. */
export const SCRAPING = {
  settings: {
    baseDomain: 'test.example.com',
    objectStorage: { endpoint: 's3.eu-west-1.amazonaws.com', region: 'eu-west-1', bucketPrefix: 'acme-test' },
    metricsScraperNamespaces: ['prometheus'],
  },
};

/** The APIs the test cluster serves: prometheus-operator's common kinds and External Secrets'. */
export const CLUSTER_APIS = [
  ...['ServiceMonitor', 'PodMonitor', 'PrometheusRule'].map((kind) => ({ group: 'monitoring.coreos.com', kind })),
  { group: 'external-secrets.io', kind: 'ExternalSecret' },
];
