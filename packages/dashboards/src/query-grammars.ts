import { createRequire } from 'node:module';
import type { parser as LogqlParser } from '@grafana/lezer-logql';
import type { parser as TraceqlParser } from '@grafana/lezer-traceql';
import type { parser as PromqlParser } from '@prometheus-io/lezer-promql';

/** The query languages of the platform's dashboards and rules. */
export type QueryLanguage = 'promql' | 'logql' | 'traceql';

/**
 * The upstream grammars: the Prometheus project's (`@prometheus-io/lezer-promql`, the one Prometheus' and
 * Grafana's query editors use) and Grafana's for LogQL and TraceQL (`@grafana/lezer-logql`,
 * `@grafana/lezer-traceql`).
 */
interface Grammars {
  promql: typeof PromqlParser;
  logql: typeof LogqlParser;
  traceql: typeof TraceqlParser;
}
let grammars: Grammars | undefined;

/**
 * The Lezer parser of a query language, loaded on first use. Every user in a process (cluster scoping here,
 * the query checks of `@platform/query-checks`) goes through this one loader, so the grammars and their Lezer
 * runtime load once, as CommonJS (see `grafanaSdk` for why `require`), never a second time as ES modules.
 */
export function queryParser(language: QueryLanguage): Grammars[QueryLanguage] {
  if (!grammars) {
    if (typeof require === 'function')
      grammars = {
        promql: require('@prometheus-io/lezer-promql').parser,
        logql: require('@grafana/lezer-logql').parser,
        traceql: require('@grafana/lezer-traceql').parser,
      };
    else {
      const load = createRequire(import.meta.url);
      grammars = {
        promql: load('@prometheus-io/lezer-promql').parser,
        logql: load('@grafana/lezer-logql').parser,
        traceql: load('@grafana/lezer-traceql').parser,
      };
    }
  }
  return grammars[language];
}
