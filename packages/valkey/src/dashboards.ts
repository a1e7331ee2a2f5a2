import type { ComponentContext, DashboardSet } from '@platform/core';
import { dashboard, statPanel, timeseriesPanel } from '@platform/dashboards';
import type { ValkeyConfig } from './config.js';

/** "Valkey / <name>": availability and roles, commands, clients, memory against maxmemory, keys and persistence. */
export function valkeyDashboards({ name, namespace }: ComponentContext<ValkeyConfig>): DashboardSet {
  const pods = `namespace="$namespace", pod=~"${name}-[0-9]+"`;
  const json = dashboard({
    uid: `platform-valkey-${namespace}-${name}`.slice(0, 40),
    title: `Valkey / ${name}`,
    tags: ['valkey', 'platform'],
    namespaceVariable: { metric: 'redis_up', current: namespace },
    rows: [
      {
        title: 'Headlines',
        panels: [
          statPanel('Instances up', 'short', { expr: `sum(redis_up{${pods}})` }),
          statPanel('Primaries', 'short', { expr: `count(redis_instance_info{${pods}, role="master"})` }),
          statPanel('Clients', 'short', { expr: `sum(redis_connected_clients{${pods}})` }),
          statPanel('Keys', 'short', { expr: `sum(redis_db_keys{${pods}})` }),
        ],
      },
      {
        title: 'Load',
        panels: [
          timeseriesPanel('Commands / sec', 'ops', [
            {
              expr: `sum by (pod) (rate(redis_commands_processed_total{${pods}}[$__rate_interval]))`,
              legend: '{{pod}}',
            },
          ]),
          timeseriesPanel('Memory used / maxmemory', 'percentunit', [
            { expr: `redis_memory_used_bytes{${pods}} / redis_memory_max_bytes{${pods}}`, legend: '{{pod}}' },
          ]),
        ],
      },
    ],
  });
  return { component: name, namespace, folder: 'Valkey', dashboards: { [`valkey-${namespace}-${name}.json`]: json } };
}
