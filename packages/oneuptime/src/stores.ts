import { defineComponent } from '@platform/core';
import { CHART, STORES_RELEASE_NAME } from './chart.js';
import { checkStoresConfig } from './check.js';
import { defaults } from './config.js';
import { storesWorkloads } from './first-sync.js';
import { storeSecrets } from './secrets.js';
import { storesValues } from './values.js';

/**
 * The stores part of OneUptime (tier `workloads`): the chart installed a second time, as release
 * `<component name>` (default `oneuptime-stores`), with only its ClickHouse and Redis on. Its own Application,
 * one sync step before the application part, so the first sync starts the stores, waits until they are
 * Healthy, and only then starts OneUptime's services, which connect to them at boot.
 */
export const oneuptimeStores = defineComponent({
  name: STORES_RELEASE_NAME,
  tier: 'workloads',
  defaults,
  check: checkStoresConfig,
  // The namespace's level (this part, the first to sync, owns it): baseline, audited and warned as restricted.
  // The chart's pods cannot all be restricted from values: ClickHouse's init container sets no securityContext
  // (clickhouse-statefulset.yaml:61-92), nor does Redis unless told, and nginx runs as root (Nginx/Dockerfile.tpl:9).
  // OneUptime's own services run restricted (values.ts); the probe drops NET_RAW, which baseline forbids.
  podSecurity: 'baseline',
  build: (context) => storeSecrets(context),
  helm: (context) => ({
    ...CHART,
    releaseName: context.name,
    values: storesValues(context),
    firstSync: storesWorkloads(context.name),
  }),
});
