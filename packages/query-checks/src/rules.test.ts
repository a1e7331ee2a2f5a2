import { configMap, defineComponent, type KubeObject, prometheusRule } from '@platform/core';
import { renderForTest } from '@platform/core/testing';
import { prometheusOperatorCrds } from '@platform/prometheus-operator-crds';
import { describe, expect, it } from 'vitest';
import { findings } from './findings.test-helpers.js';
import {
  alertFieldsRule,
  logqlSyntaxRule,
  promqlSyntaxRule,
  QUERY_LANGUAGE_LABEL,
  traceqlSyntaxRule,
} from './index.js';

const complete = {
  for: '5m',
  labels: { severity: 'warning' as const, team: 'observability' },
  annotations: { summary: 's', description: 'd', runbook_url: 'https://git.example.com/runbooks.md#a' },
};

/** A dashboard with a Prometheus panel (through the datasource variable), a Loki logs panel and a Tempo panel. */
function dashboardJson(prometheus: string, loki: string, tempo: string): string {
  return JSON.stringify({
    title: 'Fixture',
    schemaVersion: 42,
    templating: {
      list: [
        { name: 'datasource', type: 'datasource', query: 'prometheus' },
        {
          name: 'namespace',
          type: 'query',
          datasource: { uid: '${datasource}' },
          query: { query: 'label_values(up{job=~"a"}, namespace)' },
        },
      ],
    },
    panels: [
      { type: 'row', title: 'Row', panels: [] },
      {
        type: 'timeseries',
        title: 'Rate',
        datasource: { uid: '${datasource}' },
        targets: [{ refId: 'A', expr: prometheus }],
      },
      { type: 'logs', title: 'Logs', targets: [{ refId: 'A', datasource: { type: 'loki', uid: 'loki' }, expr: loki }] },
      {
        type: 'table',
        title: 'Traces',
        targets: [{ refId: 'T', datasource: { type: 'tempo', uid: 'tempo' }, queryType: 'traceql', query: tempo }],
      },
    ],
  });
}

function fixture(options: {
  expr?: string;
  logExpr?: string;
  panel?: string;
  logs?: string;
  traces?: string;
  rule?: object;
}) {
  return defineComponent({
    name: 'fixture',
    tier: 'workloads',
    defaults: {},
    build: (context) => {
      const objects: Record<string, KubeObject> = {
        alerts_prometheusrule: prometheusRule(context, 'fixture-alerts', [
          {
            name: 'fixture',
            rules: [{ alert: 'FixtureDown', expr: options.expr ?? 'up == 0', ...complete, ...options.rule }],
          },
        ]),
        dashboards_configmap: configMap(context, 'fixture-dashboards', 'dashboards', {
          'fixture.json': dashboardJson(
            options.panel ?? 'sum(rate(up{namespace="$namespace"}[$__rate_interval]))',
            options.logs ?? '{namespace="$namespace"} |= "$search"',
            options.traces ?? '{ resource.service.name = "$service" }',
          ),
        }),
      };
      const logRule = prometheusRule(context, 'fixture-log-alerts', [
        {
          name: 'logs',
          rules: [
            {
              alert: 'FixtureErrors',
              expr: options.logExpr ?? 'sum(rate({app="a"} |= "error" [5m])) > 1',
              ...complete,
            },
          ],
        },
      ]);
      logRule.metadata!.labels = { ...logRule.metadata!.labels, [QUERY_LANGUAGE_LABEL]: 'logql' };
      objects.logs_prometheusrule = logRule;
      return objects;
    },
  })();
}

async function check(options: Parameters<typeof fixture>[0]) {
  const { rendered } = await renderForTest([prometheusOperatorCrds(), fixture(options)]);
  return findings(rendered, [promqlSyntaxRule, logqlSyntaxRule, traceqlSyntaxRule, alertFieldsRule]);
}

describe('query checks', () => {
  it('pass rules and dashboards whose queries parse, Grafana variables substituted', async () => {
    expect(await check({})).toEqual([]);
  });

  it('report a broken rule expression with its component, rule and position', async () => {
    expect(await check({ expr: 'sum(rate(up[5m])) by (job' })).toEqual([
      'queries.promql: fixture: PrometheusRule "fixture-alerts" group fixture alert FixtureDown: PromQL syntax error at line 1, column 26 (at the end of the expression)',
    ]);
  });

  it('parse LogQL rules as LogQL, and report them with their position', async () => {
    expect(await check({ logExpr: 'sum(rate({app="a"} |= [5m]))' })).toEqual([
      'queries.logql: fixture: PrometheusRule "fixture-log-alerts" group logs alert FixtureErrors: LogQL syntax error at line 1, column 23 (at "[5m]))")',
    ]);
  });

  it('report a broken panel query by dashboard, panel, query and position', async () => {
    expect(await check({ panel: 'rate(up{namespace="$namespace"}[$__rate_interval]' })).toEqual([
      'queries.promql: fixture: dashboard "Fixture" (fixture.json) panel "Rate" query A: PromQL syntax error at line 1, column 50 (at the end of the expression)',
    ]);
    expect(await check({ logs: '{namespace="$namespace"} |= ' })).toEqual([
      'queries.logql: fixture: dashboard "Fixture" (fixture.json) panel "Logs" query A: LogQL syntax error at line 1, column 29 (at the end of the expression)',
    ]);
    expect(await check({ traces: '{ span.http.status_code = }' })).toEqual([
      'queries.traceql: fixture: dashboard "Fixture" (fixture.json) panel "Traces" query T: TraceQL syntax error at line 1, column 27 (at "}")',
    ]);
  });

  it('fail an alert without its routing labels, annotations or for', async () => {
    const rule = { for: '', labels: { severity: 'page' }, annotations: { summary: 's' } };
    expect(await check({ rule })).toEqual([
      'alerts.required-fields: fixture: PrometheusRule "fixture-alerts" group fixture alert FixtureDown has no "team" label; has severity "page", expected one of critical, warning, info; has no "description" annotation; has no "runbook_url" annotation; has no "for" (write "0s" for an alert that fires at once)',
    ]);
  });
});
