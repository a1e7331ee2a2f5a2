import { pinnedChart } from '@platform/core';
import * as chartFacts from './chart-values.generated.js';

/**
 * The upstream chart, pinned: OneUptime/oneuptime `HelmChart/Public/oneuptime` at tag `12.0.16`. Its source
 * Chart.yaml keeps the placeholder `version: 0.1.0`; the release workflow packages it with the repository's
 * `VERSION` (12.0.16) as chart and app version (`.github/workflows/release.yml:60` reads VERSION, `:189`
 * `helm package ... --version <VERSION> --app-version <VERSION>`) and publishes it at
 * https://helm-chart.oneuptime.com/ (chart README.md:30).
 */
export const CHART = pinnedChart('https://helm-chart.oneuptime.com/', chartFacts);

/** OneUptime's version: the chart's appVersion, which the image tag is pinned to (never the chart's `release`). */
export const APP_VERSION = '12.0.16';

/**
 * Helm release name of the application part. The chart names every object `<release>-<service>`
 * (`oneuptime-app`, `oneuptime-nginx` ...) and the services find each other by those names
 * (`SERVER_APP_HOSTNAME`, `_helpers.tpl:281-282`; the probe's `ONEUPTIME_URL`, `probe.yaml:124-125`), so every
 * OneUptime service is in this one release.
 */
export const RELEASE_NAME = 'oneuptime';

/**
 * Helm release name of the stores part (ClickHouse and Redis), a second install of the same chart with every
 * OneUptime service off: `oneuptime-stores-clickhouse`, `oneuptime-stores-redis-master`.
 */
export const STORES_RELEASE_NAME = 'oneuptime-stores';

/** Ports the chart's services listen on (values.yaml `app.ports`, `nginx.ports`, `clickhouse.service.ports`, `redis.master.service.ports`). */
export const PORTS = { app: 3002, nginx: 80, clickhouseHttp: 8123, clickhouseTcp: 9000, redis: 6379 } as const;

/** The `app` label the chart gives each service's pods: `<release>-<service>` (`app.yaml:22`, `probe.yaml:20`). */
export function podLabels(service: string): Record<string, string> {
  return { app: `${RELEASE_NAME}-${service}` };
}

/**
 * The chart's ClickHouse, at the tag OneUptime's own compose file pins (`docker-compose.base.yml:197` at 12.0.16,
 * the chart's default `clickhouse.image.tag`).
 */
export const CLICKHOUSE_IMAGE = { repository: 'docker.io/clickhouse/clickhouse-server', tag: '26.7' } as const;

/** The chart's Redis, at the version OneUptime's compose file pins (`docker-compose.base.yml:173`); the chart's default tag is the moving `alpine`. */
export const REDIS_IMAGE = { repository: 'docker.io/library/redis', tag: '7.0.12' } as const;
