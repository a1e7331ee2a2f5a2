import type { DashboardSet, KubeObject, RenderedEnvironment } from '@platform/core';
import type { QueryLanguage } from './grammars.js';

/** One query of a rendered dashboard, located. */
export interface DashboardQuery {
  /** The component that ships the dashboard (Grafana's own when an environment adds it). */
  component: string;
  /** The ConfigMap that carries it. */
  object: KubeObject;
  /** `data.mimir-writes.json`. */
  path: string;
  language: QueryLanguage;
  expression: string;
  /** `dashboard "Mimir / Writes" (mimir-writes.json) panel "Latency" query B`. */
  name: string;
}

interface Datasource {
  type?: string;
  uid?: string;
}
interface Target {
  datasource?: Datasource | string | null;
  expr?: unknown;
  query?: unknown;
  queryType?: unknown;
  refId?: string;
}
interface Panel {
  type?: string;
  title?: string;
  datasource?: Datasource | string | null;
  targets?: Target[];
  panels?: Panel[];
}
interface Variable {
  name?: string;
  type?: string;
  query?: unknown;
  datasource?: Datasource | string | null;
}
interface Dashboard {
  title?: string;
  panels?: Panel[];
  templating?: { list?: Variable[] };
}

/** Query languages by Grafana data source plugin id, and the target field holding the query. */
const LANGUAGES: Readonly<Record<string, { language: QueryLanguage; field: 'expr' | 'query' }>> = {
  prometheus: { language: 'promql', field: 'expr' },
  loki: { language: 'logql', field: 'expr' },
  tempo: { language: 'traceql', field: 'query' },
};

/** The plugin id of a data source reference, following `${variable}` references to data source variables. */
function pluginOf(reference: Datasource | string | null | undefined, variables: Variable[]): string | undefined {
  if (reference === null || reference === undefined) return undefined;
  const ref: Datasource = typeof reference === 'string' ? { uid: reference } : reference;
  if (ref.type) return ref.type;
  const name = /^\$\{?(\w+)\}?$/.exec(ref.uid ?? '')?.[1];
  const variable = variables.find((v) => v.type === 'datasource' && v.name === name);
  return typeof variable?.query === 'string' ? variable.query : undefined;
}

function* panelsOf(panels: Panel[] | undefined): Generator<Panel> {
  for (const panel of panels ?? []) {
    yield panel;
    yield* panelsOf(panel.panels);
  }
}

/** PromQL inside the query of a Prometheus query variable: `label_values(<selector>, label)`, `query_result(<expr>)`. */
function variableExpression(query: unknown): string | undefined {
  const text = typeof query === 'string' ? query : (query as { query?: unknown } | undefined)?.query;
  if (typeof text !== 'string') return undefined;
  const inner = /^\s*(?:label_values|query_result)\((.*)\)\s*$/s.exec(text)?.[1];
  if (inner === undefined) return undefined;
  if (text.trimStart().startsWith('query_result')) return inner;
  // label_values(selector, label): the selector is everything before the last comma; label_values(label) has none.
  const comma = inner.lastIndexOf(',');
  return comma < 0 ? undefined : inner.slice(0, comma);
}

/** The queries of one dashboard on Prometheus, Loki and Tempo data sources, panels and query variables. */
export function queriesOf(
  dashboard: Dashboard,
  file: string,
): Array<Omit<DashboardQuery, 'component' | 'object' | 'path'>> {
  const variables = dashboard.templating?.list ?? [];
  const title = `dashboard "${dashboard.title ?? file}" (${file})`;
  const found: Array<Omit<DashboardQuery, 'component' | 'object' | 'path'>> = [];
  for (const panel of panelsOf(dashboard.panels)) {
    for (const [index, target] of (panel.targets ?? []).entries()) {
      const plugin = pluginOf(target.datasource, variables) ?? pluginOf(panel.datasource, variables);
      const language = plugin ? LANGUAGES[plugin] : undefined;
      if (!language) continue;
      const expression = target[language.field];
      if (typeof expression !== 'string') continue;
      // Tempo's search and service-graph query types carry no TraceQL in `query`.
      if (language.language === 'traceql' && target.queryType !== undefined && target.queryType !== 'traceql') continue;
      found.push({
        language: language.language,
        expression,
        name: `${title} panel "${panel.title ?? ''}" query ${target.refId ?? index + 1}`,
      });
    }
  }
  for (const variable of variables) {
    if (variable.type !== 'query' || pluginOf(variable.datasource, variables) !== 'prometheus') continue;
    const expression = variableExpression(variable.query);
    if (expression !== undefined)
      found.push({ language: 'promql', expression, name: `${title} variable "${variable.name ?? ''}"` });
  }
  return found;
}

/** File name → component, for the dashboards components publish through the `dashboards` capability. */
function publishers(environment: RenderedEnvironment): Map<string, string> {
  const owners = new Map<string, string>();
  // Renders of core before 2.0 carry no `provided`; their dashboards are then named after Grafana.
  for (const provided of environment.provided?.values() ?? []) {
    const sets = provided.dashboards === undefined ? [] : ([] as DashboardSet[]).concat(provided.dashboards);
    for (const set of sets) for (const file of Object.keys(set.dashboards)) owners.set(file, set.component);
  }
  return owners;
}

function parseDashboard(text: string): Dashboard | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && Array.isArray((value as Dashboard).panels)
      ? (value as Dashboard)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Every query of every dashboard the environment renders: the `*.json` entries of ConfigMaps that hold a Grafana
 * dashboard JSON model (what Grafana's file provider loads), named after the component that published them.
 */
export function renderedDashboardQueries(environment: RenderedEnvironment): DashboardQuery[] {
  const owners = publishers(environment);
  const found: DashboardQuery[] = [];
  for (const { component, object } of environment.objects) {
    if (object.kind !== 'ConfigMap' || object.apiVersion !== 'v1') continue;
    const data = (object as { data?: Record<string, string> }).data ?? {};
    for (const file of Object.keys(data).sort()) {
      if (!file.endsWith('.json')) continue;
      const dashboard = parseDashboard(data[file]!);
      if (!dashboard) continue;
      for (const query of queriesOf(dashboard, file))
        found.push({ ...query, component: owners.get(file) ?? component, object, path: `data.${file}` });
    }
  }
  return found;
}
