/**
 * The conditions a chart installs its CRDs under (`{{- if or .Values.crds.enabled .Values.installCRDs }}`), as
 * `scripts/chart-values/derive.ts` records them (`or crds.enabled installCRDs`), evaluated against the values a
 * component sets and the chart's defaults for the paths the condition reads. Go templates' truthiness: false,
 * 0, nil and empty strings, lists and maps are false.
 */

type Value = unknown;

function truthy(value: Value): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value as object).length > 0;
  return true;
}

function lookup(values: unknown, path: string): Value {
  let current = values;
  for (const segment of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

const TOKEN = /\s*(\(|\)|"(?:[^"\\]|\\.)*"|[^\s()]+)/y;

function tokenize(text: string): string[] | undefined {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const match = TOKEN.exec(text);
    if (!match) return text.slice(TOKEN.lastIndex).trim() === '' ? tokens : undefined;
    tokens.push(match[1]!);
  }
  return tokens;
}

const UNKNOWN = Symbol('unknown');
/** `Values` itself (`.Values` written as an argument, e.g. `hasKey .Values "enableHttpRoutes"`). */
const VALUES = Symbol('values');

/**
 * Whether a chart condition holds: `true`/`false`, or `undefined` when it uses what this evaluator does not
 * know (functions other than and, or, not, eq, ne, ternary and `hasKey .Values`; `.Capabilities`; ...).
 */
export function chartCondition(
  condition: string,
  values: unknown,
  defaults: Readonly<Record<string, unknown>> = {},
): boolean | undefined {
  const tokens = tokenize(condition);
  if (!tokens) return undefined;
  let position = 0;
  const operand = (token: string): Value => {
    if (token.startsWith('"')) return JSON.parse(token) as string;
    if (token === 'true') return true;
    if (token === 'false') return false;
    if (token === 'Values') return VALUES;
    if (/^-?\d+(\.\d+)?$/.test(token)) return Number(token);
    if (!/^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)*$/.test(token)) return UNKNOWN;
    const set = lookup(values, token);
    return set !== undefined ? set : defaults[token];
  };
  const expression = (): Value => {
    const token = tokens[position++];
    if (token === undefined) return UNKNOWN;
    if (token === '(') {
      const inner = call();
      if (tokens[position++] !== ')') return UNKNOWN;
      return inner;
    }
    return operand(token);
  };
  const call = (): Value => {
    const head = tokens[position];
    // Linkerd's CRD chart: `ternary .Values.enableHttpRoutes .Values.installGatewayAPI (hasKey .Values "enableHttpRoutes")`.
    if (head === 'hasKey' || head === 'ternary') {
      position++;
      const args: Value[] = [];
      while (position < tokens.length && tokens[position] !== ')') args.push(expression());
      if (head === 'hasKey') {
        const [map, key] = args;
        if (args.length !== 2 || map !== VALUES || typeof key !== 'string') return UNKNOWN;
        return lookup(values, key) !== undefined || defaults[key] !== undefined;
      }
      if (args.length !== 3 || args.includes(UNKNOWN) || args.includes(VALUES)) return UNKNOWN;
      return truthy(args[2]) ? args[0] : args[1];
    }
    if (head === 'or' || head === 'and' || head === 'not' || head === 'eq' || head === 'ne') {
      position++;
      const args: Value[] = [];
      while (position < tokens.length && tokens[position] !== ')') args.push(expression());
      if (args.includes(UNKNOWN) || args.includes(VALUES) || args.length === 0) return UNKNOWN;
      switch (head) {
        case 'or':
          return args.find(truthy) ?? args[args.length - 1];
        case 'and':
          return args.find((a) => !truthy(a)) ?? args[args.length - 1];
        case 'not':
          return !truthy(args[0]);
        case 'eq':
          return args.slice(1).some((a) => a === args[0]);
        case 'ne':
          return args[0] !== args[1];
      }
    }
    return expression();
  };
  const result = call();
  if (position !== tokens.length || result === UNKNOWN || result === VALUES) return undefined;
  return truthy(result);
}
