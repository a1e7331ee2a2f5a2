/**
 * Grafana's template variable syntax, as its template service matches it: `$name`, `[[name]]` and
 * `${name}` / `${name:format}` / `${name.field}`.
 */
const VARIABLE = /\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\$\{(\w+)(?:\.[^:^}]+)?(?::[^}]+)?\}/g;

/** Grafana's built-in variables that stand for a duration (`rate(x[$__rate_interval])`). */
const DURATIONS = new Set(['__rate_interval', '__interval', '__range', '__auto', 'interval', 'rate_interval']);
/** Grafana's built-in variables that stand for a number of seconds or milliseconds. */
const NUMBERS = new Set(['__range_s', '__range_ms', '__interval_ms', '__rate_interval_ms']);

/** Offsets of `text` that lie inside a quoted string (`"..."`, `'...'` or a back-quoted raw string). */
function insideStrings(text: string): boolean[] {
  const inside: boolean[] = new Array(text.length).fill(false);
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      inside[i] = true;
      if (c === '\\' && quote !== '`') {
        inside[i + 1] = true;
        i++;
      } else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === '`') {
      quote = c;
      inside[i] = true;
    }
  }
  return inside;
}

/** Whether offset `at` is inside `[...]` (a range or subquery) or right after `offset`, strings aside. */
function durationContext(text: string, strings: boolean[], at: number): boolean {
  let open = false;
  for (let i = 0; i < at; i++) {
    if (strings[i]) continue;
    if (text[i] === '[') open = true;
    else if (text[i] === ']') open = false;
  }
  return open || /\boffset\s*-?$/.test(text.slice(0, at));
}

/**
 * Replaces Grafana variables so that a query grammar sees what Grafana sends, each by text of the same length (so
 * positions in the result are positions in the query as written): a duration (`005m`) in ranges and after
 * `offset`, digits for the `_s`/`_ms` built-ins, letters inside strings (label values, line filters) and an
 * identifier elsewhere (a metric or label name, which is where dashboards put other variables).
 */
export function substituteVariables(expression: string): string {
  const strings = insideStrings(expression);
  return expression.replace(VARIABLE, (match: string, ...groups: unknown[]) => {
    const at = groups[groups.length - 2] as number;
    const name = (groups[0] ?? groups[1] ?? groups[3] ?? '') as string;
    if (strings[at]) return 'x'.repeat(match.length);
    if (NUMBERS.has(name)) return '3'.repeat(match.length);
    if (DURATIONS.has(name) || durationContext(expression, strings, at)) return `${'0'.repeat(match.length - 2)}5m`;
    return 'v'.repeat(match.length);
  });
}
