import { parser as logqlParser } from '@grafana/lezer-logql';
import { parser as traceqlParser } from '@grafana/lezer-traceql';
import { parser as promqlParser } from '@prometheus-io/lezer-promql';

/** The query languages checked, each parsed by its upstream Lezer grammar. */
export type QueryLanguage = 'promql' | 'logql' | 'traceql';

/** How findings name each language. */
export const LANGUAGE_NAMES: Readonly<Record<QueryLanguage, string>> = {
  promql: 'PromQL',
  logql: 'LogQL',
  traceql: 'TraceQL',
};

/**
 * The grammars: the Prometheus project's (`@prometheus-io/lezer-promql`, the one Prometheus' and Grafana's query
 * editors use) and Grafana's for LogQL and TraceQL (`@grafana/lezer-logql`, `@grafana/lezer-traceql`).
 */
const PARSERS = { promql: promqlParser, logql: logqlParser, traceql: traceqlParser } as const;

/** Where the first syntax error of `text` starts (an offset into `text`), or undefined when it parses. */
export function firstSyntaxError(language: QueryLanguage, text: string): number | undefined {
  if (text.trim() === '') return 0;
  let at: number | undefined;
  // Lezer recovers from errors by inserting error nodes (zero-length where a token is missing); the first
  // one in document order is where the expression stops being valid.
  PARSERS[language].parse(text).iterate({
    enter(node) {
      if (at !== undefined) return false;
      if (node.type.isError) {
        at = node.from;
        return false;
      }
      return undefined;
    },
  });
  return at;
}
