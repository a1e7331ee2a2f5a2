/**
 * A textual reading of Helm templates: which `.Values` paths they read (and which they pass on whole), and which
 * YAML documents they emit under which conditions. Templates are Go templates around YAML fragments, so they are
 * neither valid YAML nor worth a full Go-template parser: this scanner follows the actions (`{{ ... }}`) closely
 * enough to track what `.` and `$variables` stand for through `with`, `range`, `define`/`include` and `dict`
 * arguments, and errs on the side of knowing more paths rather than fewer.
 */

/** A values path a template reads. `open`: the whole subtree is passed on (`toYaml`, `range`, `merge` ...). */
export interface ValueRef {
  path: string[];
  open: boolean;
}

/** A YAML document a template emits, with the template conditions (`if`/`with`, innermost last) around it. */
export interface TemplateDocument {
  source: string;
  kind?: string;
  apiVersion?: string;
  /** The document's text with every template action replaced by {@link ACTION}. */
  text: string;
  /** Conditions, in template syntax as written, outermost first; `else` branches as `not (<condition>)`. */
  conditions: string[];
}

/** What {@link scanTemplates} found. */
export interface TemplateScan {
  refs: ValueRef[];
  documents: TemplateDocument[];
  /** Top-level values keys the templates remove from `.Values` (`unset $.Values "key"`): not user settings. */
  unsetKeys: string[];
}

/** Placeholder for a template action in {@link TemplateDocument.text}. */
export const ACTION = '\u0001';

/** A template file (path relative to the chart) and its text. */
export interface ChartFile {
  path: string;
  text: string;
}

// Where a symbolic value starts: the chart's values, the root context (`.Release`, `.Values` ...), or the
// argument of a named template (`define`), resolved later at its `include` sites.
interface Sym {
  base: 'values' | 'root' | 'arg';
  define?: string;
  segs: string[];
}

interface Value {
  syms: Sym[];
  dict?: Map<string, Value>;
  list?: Value[];
}

const NONE: Value = { syms: [] };

type Tok =
  | { t: 'str'; v: string }
  | { t: 'num'; v: string }
  | { t: 'id'; v: string }
  | { t: 'chain'; head: string; fields: string[] }
  | { t: 'fields'; fields: string[] }
  | { t: '(' | ')' | '|' | ',' | ':=' | '=' };

interface Operand {
  value: Value;
  str?: string;
  num?: string;
  ident?: string;
}

/** Functions whose argument is passed on whole, so every key below it reaches the output. */
const PASS_WHOLE = new Set([
  'toYaml', 'toJson', 'toPrettyJson', 'toRawJson', 'toToml', 'mustToYaml', 'mustToJson', 'mustToPrettyJson',
  'mustToRawJson', 'keys', 'values', 'deepCopy', 'mustDeepCopy', 'merge', 'mergeOverwrite', 'mustMerge',
  'mustMergeOverwrite', 'sortAlpha',
]);

/** Functions whose result is (one of) their arguments, so a path read from the result is a path of the argument. */
const PASS_THROUGH = new Set([
  'default', 'coalesce', 'required', 'first', 'last', 'ternary', 'concat', 'deepCopy', 'mustDeepCopy', 'merge',
  'mergeOverwrite', 'mustMerge', 'mustMergeOverwrite', 'omit', 'compact', 'uniq', 'rest', 'initial', 'omitNil',
]);

function lex(text: string): Tok[] {
  const toks: Tok[] = [];
  const field = /^(\.[A-Za-z_][A-Za-z0-9_]*)+/;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const raw = text.slice(i, j + 1);
      let v: string;
      try {
        v = JSON.parse(raw) as string;
      } catch {
        v = raw.slice(1, -1);
      }
      toks.push({ t: 'str', v });
      i = j + 1;
    } else if (c === '`') {
      const j = text.indexOf('`', i + 1);
      const end = j < 0 ? text.length : j;
      toks.push({ t: 'str', v: text.slice(i + 1, end) });
      i = end + 1;
    } else if (c === "'") {
      const j = text.indexOf("'", i + 2);
      toks.push({ t: 'num', v: text.slice(i, j + 1) });
      i = j < 0 ? text.length : j + 1;
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const m = /^-?[0-9][0-9a-fA-FxX._eE+-]*/.exec(text.slice(i))!;
      toks.push({ t: 'num', v: m[0] });
      i += m[0].length;
    } else if (c === '$') {
      const head = /^\$[A-Za-z0-9_]*/.exec(text.slice(i))![0];
      i += head.length;
      const m = field.exec(text.slice(i));
      toks.push({ t: 'chain', head, fields: m ? m[0].slice(1).split('.') : [] });
      i += m ? m[0].length : 0;
    } else if (c === '.') {
      const m = field.exec(text.slice(i));
      const previous = toks[toks.length - 1];
      const fields = m ? m[0].slice(1).split('.') : [];
      // `(expr).field`: a field of a parenthesized pipeline, written without space after the parenthesis.
      if (m && previous?.t === ')' && !/\s/.test(text[i - 1] ?? ' ')) toks.push({ t: 'fields', fields });
      else toks.push({ t: 'chain', head: '.', fields });
      i += m ? m[0].length : 1;
    } else if (c === ':' && text[i + 1] === '=') {
      toks.push({ t: ':=' });
      i += 2;
    } else if ('()|,='.includes(c)) {
      toks.push({ t: c as '(' | ')' | '|' | ',' | '=' });
      i++;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))!;
      toks.push({ t: 'id', v: m[0] });
      i += m[0].length;
    } else {
      i++;
    }
  }
  return toks;
}

interface Scope {
  dot: Value;
  dollar: Value;
  vars: Map<string, Value>;
}

interface Frame {
  kind: 'if' | 'with' | 'range' | 'define' | 'other';
  /** Conditions of the branches before the current one (negated for the current branch). */
  previous: string[];
  current?: string;
  saved: Scope;
  /** An `if false` branch: Istio keeps disabled code that way; its references are not read. */
  dead?: boolean;
}

/**
 * A chain that goes through a `Values` field is the chart's values whatever its start (`$.Values`, `$root.Values`,
 * `.context.Values`): only the root context has that field.
 */
function normalize(sym: Sym): Sym {
  const at = sym.base === 'values' ? -1 : sym.segs.indexOf('Values');
  return at >= 0 ? { base: 'values', segs: sym.segs.slice(at + 1) } : sym;
}

function extend(value: Value, fields: string[]): Value {
  if (fields.length === 0) return value;
  const [first, ...rest] = fields;
  const entry = value.dict?.get(first);
  const fromDict = entry ? extend(entry, rest).syms : [];
  return { syms: [...value.syms.map((s) => normalize({ ...s, segs: [...s.segs, ...fields] })), ...fromDict] };
}

function union(values: Value[]): Value {
  return { syms: values.flatMap((v) => v.syms) };
}

// Debugging aid (see README): CHART_VALUES_EXPLAIN=<path prefix> prints where matching references come from.
const explain = process.env.CHART_VALUES_EXPLAIN;
let currentAction = '';

/** Collects references and include sites while the templates are read; resolves includes at the end. */
class Reader {
  readonly valueRefs = new Map<string, ValueRef>();
  readonly helperRefs = new Map<string, Map<string, { segs: string[]; open: boolean }>>();
  readonly includes: { name: string; arg: Value }[] = [];

  record(sym: Sym, open: boolean): boolean {
    const s = normalize(sym);
    if (s.base === 'values') {
      // Passing all of `.Values` on (istiod's values ConfigMap) does not make every key a chart setting.
      if (s.segs.length === 0) return false;
      const cut = s.segs.findIndex((seg) => seg.startsWith('#'));
      const path = cut >= 0 ? [...s.segs.slice(0, cut), '[]'] : s.segs;
      const key = `${path.join('\u0000')}\u0000${open}`;
      if (this.valueRefs.has(key)) return false;
      this.valueRefs.set(key, { path, open: open && cut < 0 });
      if (explain !== undefined && path.join('.').startsWith(explain)) console.error(`${path.join('.')}${open ? ' (open)' : ''} <- ${currentAction}`);
      return true;
    }
    if (s.base === 'arg' && s.define !== undefined && s.segs.length < 12) {
      let refs = this.helperRefs.get(s.define);
      if (!refs) this.helperRefs.set(s.define, (refs = new Map()));
      const key = `${s.segs.join('\u0000')}\u0000${open}`;
      if (refs.has(key)) return false;
      refs.set(key, { segs: s.segs, open });
      return true;
    }
    return false;
  }

  recordValue(value: Value, open: boolean): void {
    for (const sym of value.syms) this.record(sym, open);
    if (value.dict) for (const entry of value.dict.values()) this.recordValue(entry, open);
    if (value.list) for (const entry of value.list) this.recordValue(entry, open);
  }

  /** Paths named templates read from their argument, mapped through every `include` of them to a fixpoint. */
  resolveIncludes(): void {
    for (let round = 0; round < 20; round++) {
      let changed = false;
      for (const site of this.includes) {
        for (const ref of this.helperRefs.get(site.name)?.values() ?? []) {
          for (const sym of resolveArgument(site.arg, ref.segs)) changed = this.record(sym, ref.open) || changed;
        }
      }
      if (!changed) return;
    }
  }
}

function resolveArgument(arg: Value, segs: string[]): Sym[] {
  if (segs.length > 0) {
    const [first, ...rest] = segs;
    const entry = arg.dict?.get(first);
    if (entry) return resolveArgument(entry, rest);
    const element = /^#(\d+)$/.exec(first);
    if (element && arg.list?.[Number(element[1])]) return resolveArgument(arg.list[Number(element[1])], rest);
  }
  return arg.syms.map((s) => normalize({ ...s, segs: [...s.segs, ...segs] }));
}

class Evaluator {
  private toks: Tok[] = [];
  private i = 0;

  constructor(
    private readonly reader: Reader,
    private scope: Scope,
  ) {}

  /** Evaluates a pipeline (with an optional `$x :=` declaration); returns its value and the declared names. */
  pipeline(text: string, scope: Scope): { value: Value; declared: string[] } {
    this.toks = lex(text);
    this.i = 0;
    this.scope = scope;
    const declared = this.declaration();
    const value = this.parsePipeline();
    for (const name of declared) scope.vars.set(name, value);
    return { value, declared };
  }

  /** Records that a value is passed on whole (a `range` over it). */
  passWhole(value: Value): void {
    this.reader.recordValue(value, true);
  }

  private declaration(): string[] {
    const names: string[] = [];
    let j = this.i;
    while (true) {
      const tok = this.toks[j];
      if (tok?.t !== 'chain' || !tok.head.startsWith('$') || tok.fields.length > 0) return [];
      names.push(tok.head);
      j++;
      if (this.toks[j]?.t === ',') {
        j++;
        continue;
      }
      if (this.toks[j]?.t === ':=' || this.toks[j]?.t === '=') {
        this.i = j + 1;
        return names;
      }
      return [];
    }
  }

  private parsePipeline(): Value {
    let piped: Value | undefined;
    while (this.i < this.toks.length && this.toks[this.i].t !== ')') {
      piped = this.parseCommand(piped);
      if (this.toks[this.i]?.t === '|') this.i++;
      else break;
    }
    return piped ?? NONE;
  }

  private parseCommand(piped: Value | undefined): Value {
    const operands: Operand[] = [];
    while (this.i < this.toks.length) {
      const tok = this.toks[this.i];
      if (tok.t === '|' || tok.t === ')') break;
      operands.push(this.parseOperand());
    }
    if (operands.length === 0) return piped ?? NONE;
    const [head, ...args] = operands;
    if (head.ident !== undefined) return this.call(head.ident, args, piped);
    return head.value;
  }

  private parseOperand(): Operand {
    const tok = this.toks[this.i++];
    let operand: Operand;
    if (tok.t === '(') {
      const value = this.parsePipeline();
      if (this.toks[this.i]?.t === ')') this.i++;
      operand = { value };
    } else if (tok.t === 'chain') {
      operand = { value: this.chain(tok.head, tok.fields) };
    } else if (tok.t === 'str') {
      operand = { value: NONE, str: tok.v };
    } else if (tok.t === 'num') {
      operand = { value: NONE, num: tok.v };
    } else if (tok.t === 'id') {
      operand = { value: NONE, ident: tok.v };
    } else {
      return { value: NONE };
    }
    const next = this.toks[this.i];
    if (next?.t === 'fields') {
      this.i++;
      operand = { value: extend(operand.value, next.fields) };
      this.reader.recordValue(operand.value, false);
    }
    return operand;
  }

  private chain(head: string, fields: string[]): Value {
    const base = head === '.' ? this.scope.dot : head === '$' ? this.scope.dollar : (this.scope.vars.get(head) ?? NONE);
    const value = extend(base, fields);
    this.reader.recordValue({ syms: value.syms }, false);
    return value;
  }

  private call(name: string, args: Operand[], piped: Value | undefined): Value {
    const values = [...args.map((a) => a.value), ...(piped ? [piped] : [])];
    if (PASS_WHOLE.has(name)) for (const value of values) this.reader.recordValue(value, true);
    switch (name) {
      case 'index':
      case 'get': {
        const [base, ...keys] = piped ? [...args, { value: piped }] : args;
        if (!base) return NONE;
        let value = base.value;
        for (const key of keys) {
          if (key.str !== undefined) value = extend(value, [key.str]);
          else if (key.num !== undefined && /^\d+$/.test(key.num)) value = { syms: value.syms.map((s) => ({ ...s, segs: [...s.segs, `#${key.num}`] })), list: undefined };
          else {
            // A computed key: any key of the map can be read.
            this.reader.recordValue(value, true);
            return { syms: value.syms.map((s) => ({ ...s, segs: [...s.segs, '*'] })) };
          }
        }
        this.reader.recordValue(value, false);
        return value;
      }
      case 'hasKey': {
        const [base, key] = args;
        if (base && key?.str !== undefined) this.reader.recordValue(extend(base.value, [key.str]), false);
        return NONE;
      }
      case 'dig': {
        const keys = args.slice(0, -2).flatMap((a) => (a.str !== undefined ? [a.str] : []));
        const dict = piped ?? args[args.length - 1]?.value ?? NONE;
        const value = extend(dict, keys);
        this.reader.recordValue(value, false);
        return value;
      }
      case 'include':
      case 'template': {
        const target = args[0]?.str;
        const arg = args[1]?.value ?? piped ?? NONE;
        if (target !== undefined) this.reader.includes.push({ name: target, arg });
        return NONE;
      }
      case 'dict': {
        const dict = new Map<string, Value>();
        for (let k = 0; k + 1 < args.length; k += 2) if (args[k].str !== undefined) dict.set(args[k].str!, args[k + 1].value);
        return { syms: [], dict };
      }
      case 'pick': {
        // Picked keys are read, not opened: istiod picks whole top-level maps into a ConfigMap whose reader knows
        // their keys, and opening `global` would hide every typo below it.
        const [base, ...keys] = piped ? [{ value: piped } as Operand, ...args] : args;
        const picked = keys.flatMap((k) => (k.str !== undefined ? [extend(base?.value ?? NONE, [k.str])] : []));
        for (const value of picked) this.reader.recordValue(value, false);
        return union(picked);
      }
      case 'list':
      case 'tuple':
        return { syms: [], list: values };
      default:
        return PASS_THROUGH.has(name) ? union(values) : NONE;
    }
  }
}

/** Splits a template into literal text and actions (comments dropped), keeping offsets. */
function splitActions(text: string): { kind: 'text' | 'action'; text: string; start: number }[] {
  const parts: { kind: 'text' | 'action'; text: string; start: number }[] = [];
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('{{', at);
    if (open < 0) {
      parts.push({ kind: 'text', text: text.slice(at), start: at });
      break;
    }
    if (open > at) parts.push({ kind: 'text', text: text.slice(at, open), start: at });
    let inner = open + 2;
    if (text[inner] === '-' && /\s/.test(text[inner + 1] ?? '')) inner++;
    const body = text.slice(inner).trimStart();
    let close: number;
    if (body.startsWith('/*')) {
      const end = text.indexOf('*/', inner);
      close = text.indexOf('}}', end < 0 ? inner : end);
      parts.push({ kind: 'action', text: '', start: open });
    } else {
      close = findClose(text, inner);
      let content = text.slice(inner, close);
      if (/\s-$/.test(content)) content = content.slice(0, -1);
      parts.push({ kind: 'action', text: content.trim(), start: open });
    }
    at = close < 0 ? text.length : close + 2;
  }
  return parts;
}

/** The `}}` that closes an action, skipping over quoted strings that may contain one. */
function findClose(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '`') {
      const end = text.indexOf('`', i + 1);
      i = end < 0 ? text.length : end;
    } else if (c === '}' && text[i + 1] === '}') {
      return i;
    }
  }
  return -1;
}

function conditionsOf(stack: Frame[]): string[] {
  const out: string[] = [];
  for (const frame of stack) {
    if (frame.kind !== 'if' && frame.kind !== 'with') continue;
    for (const previous of frame.previous) out.push(`not (${previous})`);
    if (frame.current !== undefined) out.push(frame.current);
  }
  return out;
}

function cloneScope(scope: Scope): Scope {
  return { ...scope, vars: new Map(scope.vars) };
}

/** The documents of a plain YAML file (a chart's crds/), which no condition gates. */
export function yamlDocuments(source: string, text: string): TemplateDocument[] {
  return documentsOf(source, text, () => []);
}

/** Documents of a plain (or templated) YAML text, split at `---` lines, with the conditions in force at each. */
function documentsOf(source: string, text: string, conditionsAt: (position: number) => string[]): TemplateDocument[] {
  const documents: TemplateDocument[] = [];
  const separators = [...text.matchAll(/^---.*$/gm)].map((m) => [m.index!, m.index! + m[0].length]);
  const bounds: [number, number][] = [];
  let start = 0;
  for (const [from, to] of separators) {
    bounds.push([start, from]);
    start = to;
  }
  bounds.push([start, text.length]);
  for (const [from, to] of bounds) {
    const body = text.slice(from, to);
    const kind = /^kind:[ \t]*["']?([^\s"'#]+)/m.exec(body);
    if (!kind || kind[1].includes(ACTION)) continue;
    const apiVersion = /^apiVersion:[ \t]*["']?([^\s"'#]+)/m.exec(body);
    documents.push({
      source,
      kind: kind[1],
      apiVersion: apiVersion && !apiVersion[1].includes(ACTION) ? apiVersion[1] : undefined,
      text: body,
      conditions: conditionsAt(from + kind.index),
    });
  }
  return documents;
}

/**
 * Reads a chart's templates (`templates/**`, helpers included) and the files they pull in. `readChartFile` gives
 * a chart file by path (for `.Files.Get "path"`); files emitted as YAML documents (an unindented
 * `{{ .Files.Get "x" }}` at the start of a line, as Istio's base chart does with its CRDs) count as documents of
 * the template. `extraReferenceFiles` are read for `.Values` references only (Istio's injection templates, which
 * istiod renders with the same values).
 */
export function scanTemplates(templates: ChartFile[], readChartFile: (path: string) => string | undefined, extraReferenceFiles: ChartFile[] = []): TemplateScan {
  const reader = new Reader();
  const documents: TemplateDocument[] = [];
  const unsetKeys = new Set<string>();
  const root: Value = { syms: [{ base: 'root', segs: [] }] };
  // Helpers first, so their definitions are known before the templates that include them (order matters for
  // nothing but readability of the resolution; resolution runs at the end anyway).
  const ordered = [...templates].sort((a, b) => Number(!a.path.split('/').pop()!.startsWith('_')) - Number(!b.path.split('/').pop()!.startsWith('_')) || a.path.localeCompare(b.path));
  for (const file of [...ordered, ...extraReferenceFiles]) {
    const emitsDocuments = !extraReferenceFiles.includes(file);
    let scope: Scope = { dot: root, dollar: root, vars: new Map() };
    const evaluator = new Evaluator(reader, scope);
    const stack: Frame[] = [];
    let sanitized = '';
    const snapshots: { position: number; conditions: string[] }[] = [];
    const embedded: { position: number; path: string; conditions: string[] }[] = [];
    for (const part of splitActions(file.text)) {
      if (part.kind === 'text') {
        sanitized += part.text;
        continue;
      }
      const before = conditionsOf(stack);
      const lineStart = part.start === 0 || file.text[part.start - 1] === '\n';
      const get = /\.Files\.Get\s+"([^"]+)"/.exec(part.text);
      if (emitsDocuments && get && lineStart && !/\b(n?indent|b64enc|toJson|quote|sha256sum)\b/.test(part.text)) {
        embedded.push({ position: sanitized.length, path: get[1], conditions: before });
      }
      for (const m of part.text.matchAll(/\bunset\s+\$?\.Values\s+"([^"]+)"/g)) unsetKeys.add(m[1]);
      sanitized += ACTION;
      currentAction = `${file.path}: ${part.text}`;
      scope = readAction(part.text, scope, stack, evaluator);
      snapshots.push({ position: sanitized.length, conditions: conditionsOf(stack) });
    }
    if (!emitsDocuments) continue;
    const conditionsAt = (position: number): string[] => {
      let found: string[] = [];
      for (const snapshot of snapshots) {
        if (snapshot.position > position) break;
        found = snapshot.conditions;
      }
      return found;
    };
    documents.push(...documentsOf(file.path, sanitized, conditionsAt));
    for (const item of embedded) {
      const text = readChartFile(item.path);
      if (text !== undefined) documents.push(...documentsOf(item.path, text, () => item.conditions));
    }
  }
  currentAction = 'an include of a named template';
  reader.resolveIncludes();
  return { refs: [...reader.valueRefs.values()], documents, unsetKeys: [...unsetKeys].sort() };
}

function readAction(text: string, scope: Scope, stack: Frame[], evaluator: Evaluator): Scope {
  const keyword = /^([A-Za-z_]+)\b\s*/.exec(text);
  const word = keyword?.[1];
  const rest = keyword ? text.slice(keyword[0].length) : text;
  if (stack.some((frame) => frame.dead)) {
    if (word === 'if' || word === 'with' || word === 'range' || word === 'define' || word === 'block') {
      stack.push({ kind: 'other', previous: [], saved: cloneScope(scope) });
      return scope;
    }
    const top = stack[stack.length - 1];
    if (word === 'else' && top?.dead) top.dead = false;
    else if (word !== 'end' && word !== 'else') return scope;
  }
  switch (word) {
    case 'if': {
      const saved = cloneScope(scope);
      evaluator.pipeline(rest, scope);
      stack.push({ kind: 'if', previous: [], current: rest, saved, dead: rest.trim() === 'false' });
      return scope;
    }
    case 'with': {
      const saved = cloneScope(scope);
      const inner = cloneScope(scope);
      const { value } = evaluator.pipeline(rest, inner);
      stack.push({ kind: 'with', previous: [], current: rest, saved });
      return { ...inner, dot: value };
    }
    case 'range': {
      const saved = cloneScope(scope);
      const inner = cloneScope(scope);
      const { value, declared } = evaluator.pipeline(rest, inner);
      evaluator.passWhole(value);
      const element: Value = { syms: value.syms.map((s) => ({ ...s, segs: [...s.segs, '*'] })) };
      if (declared.length > 0) inner.vars.set(declared[declared.length - 1], element);
      if (declared.length > 1) inner.vars.set(declared[0], NONE);
      stack.push({ kind: 'range', previous: [], saved });
      return { ...inner, dot: element };
    }
    case 'define':
    case 'block': {
      const name = /^"([^"]*)"/.exec(rest)?.[1] ?? '';
      const saved = cloneScope(scope);
      if (word === 'block') evaluator.pipeline(`include ${rest}`, cloneScope(scope));
      stack.push({ kind: 'define', previous: [], saved });
      const arg: Value = { syms: [{ base: 'arg', define: name, segs: [] }] };
      return { dot: arg, dollar: arg, vars: new Map() };
    }
    case 'else': {
      const frame = stack[stack.length - 1];
      if (!frame) return scope;
      if (frame.current !== undefined) frame.previous.push(frame.current);
      frame.current = undefined;
      const branch = /^(if|with)\b\s*/.exec(rest);
      const base = cloneScope(frame.saved);
      if (!branch) return base;
      const condition = rest.slice(branch[0].length);
      frame.current = condition;
      const { value } = evaluator.pipeline(condition, base);
      return branch[1] === 'with' ? { ...base, dot: value } : base;
    }
    case 'end': {
      const frame = stack.pop();
      return frame ? frame.saved : scope;
    }
    case 'template':
      evaluator.pipeline(`include ${rest}`, scope);
      return scope;
    case 'break':
    case 'continue':
      return scope;
    default:
      evaluator.pipeline(text, scope);
      return scope;
  }
}
