import { substituteVariables } from '@platform/dashboards';
import { firstSyntaxError, LANGUAGE_NAMES, type QueryLanguage } from './grammars.js';

/** Where an expression stops parsing, in the expression as written (1-based line and column). */
export interface SyntaxProblem {
  offset: number;
  line: number;
  column: number;
  /** One line of text: the language, the position and what is there. */
  message: string;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/**
 * Parses `expression` with the upstream grammar of `language`, after replacing Grafana variables when
 * `grafanaVariables` is set (dashboard queries); undefined when it parses.
 */
export function syntaxProblem(
  language: QueryLanguage,
  expression: string,
  options: { grafanaVariables?: boolean } = {},
): SyntaxProblem | undefined {
  // Substitution keeps every variable's length, so offsets into the parsed text are offsets into the query.
  const offset = firstSyntaxError(language, options.grafanaVariables ? substituteVariables(expression) : expression);
  if (offset === undefined) return undefined;
  const { line, column } = lineAndColumn(expression, offset);
  const rest = expression.slice(offset).split('\n')[0]!;
  const near =
    rest === '' ? 'at the end of the expression' : `at "${rest.length > 24 ? `${rest.slice(0, 24)}…` : rest}"`;
  return {
    offset,
    line,
    column,
    message: `${LANGUAGE_NAMES[language]} syntax error at line ${line}, column ${column} (${near})`,
  };
}
