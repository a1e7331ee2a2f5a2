/**
 * What a template expression stands for, symbolically: value chains from the chart's values, from the root
 * context or from a named template's argument, plus the maps and lists `dict`/`list` build from them. The scanner
 * never knows actual values, only which paths an expression would read.
 */

/**
 * Where a symbolic value starts: the chart's values, the root context (`.Release`, `.Values` ...), or the
 * argument of a named template (`define`), resolved later at its `include` sites.
 */
export interface Sym {
  base: 'values' | 'root' | 'arg';
  define?: string;
  segs: string[];
}

/** The chains an expression may stand for, and the entries of a `dict` or `list` it built. */
export interface Value {
  syms: Sym[];
  dict?: Map<string, Value>;
  list?: Value[];
}

/** An expression that stands for no values path (a literal, a function's computed result). */
export const NONE: Value = { syms: [] };

/** What `.`, `$` and each `$variable` stand for at one point of a template. */
export interface Scope {
  dot: Value;
  dollar: Value;
  vars: Map<string, Value>;
}

/** A copy whose variables can change without changing the original's (Go templates scope variables by block). */
export function cloneScope(scope: Scope): Scope {
  return { ...scope, vars: new Map(scope.vars) };
}

/**
 * A chain that goes through a `Values` field is the chart's values whatever its start (`$.Values`, `$root.Values`,
 * `.context.Values`): only the root context has that field.
 */
export function normalize(sym: Sym): Sym {
  const at = sym.base === 'values' ? -1 : sym.segs.indexOf('Values');
  return at >= 0 ? { base: 'values', segs: sym.segs.slice(at + 1) } : sym;
}

/** The value of `value.f1.f2...`: every chain extended, and the entry of a `dict` built in the template. */
export function extend(value: Value, fields: string[]): Value {
  const [first, ...rest] = fields;
  if (first === undefined) return value;
  const entry = value.dict?.get(first);
  const fromDict = entry ? extend(entry, rest).syms : [];
  return { syms: [...value.syms.map((s) => normalize({ ...s, segs: [...s.segs, ...fields] })), ...fromDict] };
}

/** A value that may be any of `values` (`default`, `coalesce` ...); their maps and lists are not kept. */
export function union(values: Value[]): Value {
  return { syms: values.flatMap((v) => v.syms) };
}

/** The chains a named template's argument path `segs` stands for at one `include` site with argument `arg`. */
export function resolveArgument(arg: Value, segs: string[]): Sym[] {
  const [first, ...rest] = segs;
  if (first !== undefined) {
    const entry = arg.dict?.get(first);
    if (entry) return resolveArgument(entry, rest);
    const element = /^#(\d+)$/.exec(first);
    const item = element ? arg.list?.[Number(element[1])] : undefined;
    if (item) return resolveArgument(item, rest);
  }
  return arg.syms.map((s) => normalize({ ...s, segs: [...s.segs, ...segs] }));
}
