import { type QueryLanguage, queryParser } from '@platform/dashboards';

export type { QueryLanguage };

/** How findings name each language. */
export const LANGUAGE_NAMES: Readonly<Record<QueryLanguage, string>> = {
  promql: 'PromQL',
  logql: 'LogQL',
  traceql: 'TraceQL',
};

/** Where the first syntax error of `text` starts (an offset into `text`), or undefined when it parses. */
export function firstSyntaxError(language: QueryLanguage, text: string): number | undefined {
  if (text.trim() === '') return 0;
  let at: number | undefined;
  // Lezer recovers from errors by inserting error nodes (zero-length where a token is missing); the first
  // one in document order is where the expression stops being valid.
  queryParser(language)
    .parse(text)
    .iterate({
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
