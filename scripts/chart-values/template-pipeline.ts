/**
 * Evaluates the pipelines of template actions symbolically: which values chains each command reads, and what
 * the pipeline's result stands for, following the functions that pass values on (`default`, `index`, `dict` ...).
 */
import { lex, type Token } from './template-lexer.js';
import type { ReferenceCollector } from './template-references.js';
import { extend, NONE, type Scope, union, type Value } from './template-symbols.js';

interface Operand {
  value: Value;
  str?: string;
  num?: string;
  ident?: string;
}

/** Functions whose argument is passed on whole, so every key below it reaches the output. */
const PASS_WHOLE = new Set([
  'toYaml',
  'toJson',
  'toPrettyJson',
  'toRawJson',
  'toToml',
  'mustToYaml',
  'mustToJson',
  'mustToPrettyJson',
  'mustToRawJson',
  'keys',
  'values',
  'deepCopy',
  'mustDeepCopy',
  'merge',
  'mergeOverwrite',
  'mustMerge',
  'mustMergeOverwrite',
  'sortAlpha',
]);

/** Functions whose result is (one of) their arguments, so a path read from the result is a path of the argument. */
const PASS_THROUGH = new Set([
  'default',
  'coalesce',
  'required',
  'first',
  'last',
  'ternary',
  'concat',
  'deepCopy',
  'mustDeepCopy',
  'merge',
  'mergeOverwrite',
  'mustMerge',
  'mustMergeOverwrite',
  'omit',
  'compact',
  'uniq',
  'rest',
  'initial',
  'omitNil',
]);

/** Reads pipelines in a scope, recording every values chain they touch in a {@link ReferenceCollector}. */
export class Evaluator {
  private toks: Token[] = [];
  private i = 0;

  constructor(
    private readonly reader: ReferenceCollector,
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
    while (this.i < this.toks.length && this.toks[this.i]!.t !== ')') {
      piped = this.parseCommand(piped);
      if (this.toks[this.i]?.t === '|') this.i++;
      else break;
    }
    return piped ?? NONE;
  }

  private parseCommand(piped: Value | undefined): Value {
    const operands: Operand[] = [];
    while (this.i < this.toks.length) {
      const tok = this.toks[this.i]!;
      if (tok.t === '|' || tok.t === ')') break;
      operands.push(this.parseOperand());
    }
    const [head, ...args] = operands;
    if (!head) return piped ?? NONE;
    if (head.ident !== undefined) return this.call(head.ident, args, piped);
    return head.value;
  }

  /** Reads the operand at the current token, which the caller has checked exists. */
  private parseOperand(): Operand {
    const tok = this.toks[this.i++]!;
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
          if (key.str !== undefined) {
            value = extend(value, [key.str]);
          } else if (key.num !== undefined && /^\d+$/.test(key.num)) {
            value = { syms: value.syms.map((s) => ({ ...s, segs: [...s.segs, `#${key.num}`] })), list: undefined };
          } else {
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
        for (let k = 0; k + 1 < args.length; k += 2) {
          const key = args[k]!.str;
          if (key !== undefined) dict.set(key, args[k + 1]!.value);
        }
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
