import type { BuildContext, DashboardSet } from '@platform/core';
import {
  type DashboardQuery,
  type DashboardRow,
  dashboard,
  heatmapPanel,
  logsPanel,
  statPanel,
  timeseriesPanel,
} from '@platform/dashboards';
import type { MimirConfig } from './config.js';
import { WORKLOAD } from './layout.js';

/** Prometheus-operator sets `job` to the scraped Service's name; every query is scoped to the chosen namespace. */
function selector(job: string, extra = ''): string {
  return `{namespace="$namespace", job="${job}"${extra ? `, ${extra}` : ''}}`;
}

/** Routes of the write path (remote write and OTLP) and of the Prometheus query API. */
const WRITE_ROUTES = 'route=~"api_v1_push|otlp_v1_metrics"';
const READ_ROUTES = 'route=~"prometheus_api_v1_.+"';
const INGESTER_PUSH = 'route="/cortex.Ingester/Push"';
const STORE_GATEWAY_ROUTES = 'route=~"/gatewaypb.StoreGateway/.*"';

function requestsByStatus(job: string, routes: string): DashboardQuery[] {
  return [
    {
      expr: `sum by (status_code) (rate(cortex_request_duration_seconds_count${selector(job, routes)}[$__rate_interval]))`,
      legend: '{{status_code}}',
    },
  ];
}

function latency(job: string, routes: string): DashboardQuery[] {
  return [0.99, 0.5].map((quantile) => ({
    expr: `histogram_quantile(${quantile}, sum by (le) (rate(cortex_request_duration_seconds_bucket${selector(job, routes)}[$__rate_interval])))`,
    legend: `p${quantile * 100}`,
  }));
}

function errorRatio(job: string, routes: string): DashboardQuery {
  return {
    expr: `sum(rate(cortex_request_duration_seconds_count${selector(job, `${routes}, status_code=~"5.."`)}[$__rate_interval])) / sum(rate(cortex_request_duration_seconds_count${selector(job, routes)}[$__rate_interval]))`,
  };
}

/** How request latencies are distributed, as a heatmap of the request duration histogram. */
function latencyHeatmap(job: string, routes: string) {
  return heatmapPanel('Latency distribution', 's', `cortex_request_duration_seconds_bucket${selector(job, routes)}`);
}

/** Warnings and errors Mimir's pods log (Mimir logs logfmt with `level=`). */
const LOGS_ROW: DashboardRow = {
  title: 'Logs',
  panels: [logsPanel('Warnings and errors', '{namespace="$namespace"} |~ "level=(warn|error)"')],
};

/** A Mimir dashboard, scoped by `cluster` and `namespace` variables over the clusters and namespaces running Mimir. */
function mimirDashboard(slug: string, title: string, namespace: string, rows: DashboardRow[]): Record<string, unknown> {
  return dashboard({
    uid: `platform-mimir-${slug}`,
    title: `Mimir / ${title}`,
    tags: ['mimir', 'platform'],
    namespaceVariable: { metric: 'cortex_build_info', current: namespace },
    rows: [...rows, LOGS_ROW],
  });
}

/** "Mimir / Writes": what is pushed, how fast it is accepted and whether blocks reach object storage. */
export function writesDashboard(namespace: string): Record<string, unknown> {
  const distributor = WORKLOAD.distributor;
  const ingester = WORKLOAD.ingester;
  return mimirDashboard('writes', 'Writes', namespace, [
    {
      title: 'Headlines',
      panels: [
        statPanel('Samples / sec', 'short', {
          expr: `sum(rate(cortex_distributor_received_samples_total${selector(distributor)}[$__rate_interval]))`,
        }),
        statPanel(
          'In-memory series',
          'short',
          {
            expr: `sum(cortex_ingester_memory_series${selector(ingester)}) / max(cortex_distributor_replication_factor${selector(distributor)})`,
          },
          { description: 'Series held by ingesters, divided by the replication factor.' },
        ),
        statPanel('Tenants', 'short', {
          expr: `count(count by (user) (cortex_ingester_active_series${selector(ingester)}))`,
        }),
        statPanel('Push errors', 'percentunit', errorRatio(distributor, WRITE_ROUTES)),
      ],
    },
    {
      title: 'Distributor',
      panels: [
        timeseriesPanel('Requests / sec', 'reqps', requestsByStatus(distributor, WRITE_ROUTES), { stacked: true }),
        timeseriesPanel('Latency', 's', latency(distributor, WRITE_ROUTES)),
        latencyHeatmap(distributor, WRITE_ROUTES),
        timeseriesPanel(
          'Discarded samples / sec',
          'short',
          [
            {
              expr: `sum by (reason) (rate(cortex_discarded_samples_total${selector(distributor)}[$__rate_interval]))`,
              legend: '{{reason}}',
            },
          ],
          { description: 'Samples rejected by validation or limits, by reason.', stacked: true },
        ),
      ],
    },
    {
      title: 'Ingester',
      panels: [
        timeseriesPanel('Push requests / sec', 'reqps', requestsByStatus(ingester, INGESTER_PUSH), { stacked: true }),
        timeseriesPanel('Push latency', 's', latency(ingester, INGESTER_PUSH)),
        timeseriesPanel('In-memory series per ingester', 'short', [
          { expr: `sum by (pod) (cortex_ingester_memory_series${selector(ingester)})`, legend: '{{pod}}' },
        ]),
      ],
    },
    {
      title: 'Blocks shipping',
      panels: [
        timeseriesPanel('Uploaded blocks / sec', 'short', [
          {
            expr: `sum(rate(cortex_ingester_shipper_uploads_total${selector(ingester)}[$__rate_interval])) - sum(rate(cortex_ingester_shipper_upload_failures_total${selector(ingester)}[$__rate_interval]))`,
            legend: 'successful',
          },
          {
            expr: `sum(rate(cortex_ingester_shipper_upload_failures_total${selector(ingester)}[$__rate_interval]))`,
            legend: 'failed',
          },
        ]),
        timeseriesPanel('Object storage failures / sec', 'short', [
          {
            expr: `sum by (operation) (rate(thanos_objstore_bucket_operation_failures_total${selector(ingester)}[$__rate_interval]))`,
            legend: '{{operation}}',
          },
        ]),
      ],
    },
  ]);
}

/** "Mimir / Reads": query load and latency through query-frontend, scheduler, querier and store-gateway. */
export function readsDashboard(namespace: string): Record<string, unknown> {
  const frontend = WORKLOAD.queryFrontend;
  return mimirDashboard('reads', 'Reads', namespace, [
    {
      title: 'Headlines',
      panels: [
        statPanel('Queries / sec', 'reqps', {
          expr: `sum(rate(cortex_request_duration_seconds_count${selector(frontend, READ_ROUTES)}[$__rate_interval]))`,
        }),
        statPanel('Query errors', 'percentunit', errorRatio(frontend, READ_ROUTES)),
        statPanel('Results cache hit ratio', 'percentunit', {
          expr: `sum(rate(cortex_frontend_query_result_cache_hits_total${selector(frontend)}[$__rate_interval])) / sum(rate(cortex_frontend_query_result_cache_requests_total${selector(frontend)}[$__rate_interval]))`,
        }),
      ],
    },
    {
      title: 'Query-frontend',
      panels: [
        timeseriesPanel('Requests / sec', 'reqps', requestsByStatus(frontend, READ_ROUTES), { stacked: true }),
        timeseriesPanel('Latency', 's', latency(frontend, READ_ROUTES)),
        latencyHeatmap(frontend, READ_ROUTES),
      ],
    },
    {
      title: 'Query-scheduler and querier',
      panels: [
        timeseriesPanel(
          'Queued queries',
          'short',
          [
            {
              expr: `max(cortex_query_scheduler_queue_length${selector(WORKLOAD.queryScheduler)})`,
              legend: 'queue length',
            },
          ],
          {
            description: 'Queries waiting for a querier; a growing queue means too few queriers.',
          },
        ),
        timeseriesPanel(
          'Querier latency',
          's',
          [0.99, 0.5].map((quantile) => ({
            expr: `histogram_quantile(${quantile}, sum by (le) (rate(cortex_querier_request_duration_seconds_bucket${selector(WORKLOAD.querier)}[$__rate_interval])))`,
            legend: `p${quantile * 100}`,
          })),
        ),
        timeseriesPanel('Bucket indexes loaded', 'short', [
          { expr: `sum(cortex_bucket_index_loaded${selector(WORKLOAD.querier)})`, legend: 'loaded' },
        ]),
      ],
    },
    {
      title: 'Store-gateway',
      panels: [
        timeseriesPanel('Requests / sec', 'reqps', requestsByStatus(WORKLOAD.storeGateway, STORE_GATEWAY_ROUTES), {
          stacked: true,
        }),
        timeseriesPanel('Latency', 's', latency(WORKLOAD.storeGateway, STORE_GATEWAY_ROUTES)),
        timeseriesPanel('Object storage failures / sec', 'short', [
          {
            expr: `sum by (operation) (rate(thanos_objstore_bucket_operation_failures_total${selector(WORKLOAD.storeGateway)}[$__rate_interval]))`,
            legend: '{{operation}}',
          },
        ]),
      ],
    },
  ]);
}

/** The dashboards Mimir publishes for Grafana. */
export function mimirDashboards(context: Omit<BuildContext<MimirConfig>, 'peers'>): DashboardSet {
  return {
    component: context.name,
    namespace: context.namespace,
    folder: 'Mimir',
    dashboards: {
      'mimir-writes.json': writesDashboard(context.namespace),
      'mimir-reads.json': readsDashboard(context.namespace),
    },
  };
}
