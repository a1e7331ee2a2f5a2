import { createRequire } from 'node:module';
import type * as common from '@grafana/grafana-foundation-sdk/common';
import type * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import type * as gauge from '@grafana/grafana-foundation-sdk/gauge';
import type * as heatmap from '@grafana/grafana-foundation-sdk/heatmap';
import type * as logs from '@grafana/grafana-foundation-sdk/logs';
import type * as loki from '@grafana/grafana-foundation-sdk/loki';
import type * as prometheus from '@grafana/grafana-foundation-sdk/prometheus';
import type * as stat from '@grafana/grafana-foundation-sdk/stat';
import type * as table from '@grafana/grafana-foundation-sdk/table';
import type * as tempo from '@grafana/grafana-foundation-sdk/tempo';
import type * as timeseries from '@grafana/grafana-foundation-sdk/timeseries';

/** The modules of `@grafana/grafana-foundation-sdk` the platform builds dashboards with. */
export interface GrafanaSdk {
  common: typeof common;
  dashboard: typeof dashboard;
  gauge: typeof gauge;
  heatmap: typeof heatmap;
  logs: typeof logs;
  loki: typeof loki;
  prometheus: typeof prometheus;
  stat: typeof stat;
  table: typeof table;
  tempo: typeof tempo;
  timeseries: typeof timeseries;
}

let loaded: GrafanaSdk | undefined;

/**
 * The SDK, loaded on first use. It is about 0.7 MB of CommonJS; renders that build no dashboard (an environment
 * without Grafana, `pnpm plan`, a library's unit tests) never evaluate it. Each `require` is a direct call with a
 * literal so that esbuild (the CLI's bundle) bundles the module and runs it only when called; without a `require`
 * in scope (plain ESM: vitest, tsx, a library's dist) the same modules load through `createRequire`.
 */
export function grafanaSdk(): GrafanaSdk {
  if (loaded) return loaded;
  if (typeof require === 'function') {
    loaded = {
      common: require('@grafana/grafana-foundation-sdk/common'),
      dashboard: require('@grafana/grafana-foundation-sdk/dashboard'),
      gauge: require('@grafana/grafana-foundation-sdk/gauge'),
      heatmap: require('@grafana/grafana-foundation-sdk/heatmap'),
      logs: require('@grafana/grafana-foundation-sdk/logs'),
      loki: require('@grafana/grafana-foundation-sdk/loki'),
      prometheus: require('@grafana/grafana-foundation-sdk/prometheus'),
      stat: require('@grafana/grafana-foundation-sdk/stat'),
      table: require('@grafana/grafana-foundation-sdk/table'),
      tempo: require('@grafana/grafana-foundation-sdk/tempo'),
      timeseries: require('@grafana/grafana-foundation-sdk/timeseries'),
    };
  } else {
    const load = createRequire(import.meta.url);
    loaded = {
      common: load('@grafana/grafana-foundation-sdk/common'),
      dashboard: load('@grafana/grafana-foundation-sdk/dashboard'),
      gauge: load('@grafana/grafana-foundation-sdk/gauge'),
      heatmap: load('@grafana/grafana-foundation-sdk/heatmap'),
      logs: load('@grafana/grafana-foundation-sdk/logs'),
      loki: load('@grafana/grafana-foundation-sdk/loki'),
      prometheus: load('@grafana/grafana-foundation-sdk/prometheus'),
      stat: load('@grafana/grafana-foundation-sdk/stat'),
      table: load('@grafana/grafana-foundation-sdk/table'),
      tempo: load('@grafana/grafana-foundation-sdk/tempo'),
      timeseries: load('@grafana/grafana-foundation-sdk/timeseries'),
    };
  }
  return loaded;
}

/** Whether the SDK has been loaded in this process (for the start-up tests). */
export function grafanaSdkLoaded(): boolean {
  return loaded !== undefined;
}
