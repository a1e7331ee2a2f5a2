/**
 * The block actions of Go templates (`if`, `with`, `range`, `define`/`block`, `else`, `end`): the stack of open
 * blocks, the conditions in force inside them, and what `.`, `$` and variables stand for in each block.
 */
import type { Evaluator } from './template-pipeline.js';
import { cloneScope, NONE, type Scope, type Value } from './template-symbols.js';

/** One open block. */
export interface Frame {
  kind: 'if' | 'with' | 'range' | 'define' | 'other';
  /** Conditions of the branches before the current one (negated for the current branch). */
  previous: string[];
  current?: string;
  /** The scope around the block, restored at its `end` (and the base of each `else` branch). */
  saved: Scope;
  /** An `if false` branch: Istio keeps disabled code that way; its references are not read. */
  dead?: boolean;
}

/** The conditions of the open `if`/`with` branches, outermost first; earlier branches as `not (<condition>)`. */
export function conditionsOf(stack: Frame[]): string[] {
  const out: string[] = [];
  for (const frame of stack) {
    if (frame.kind !== 'if' && frame.kind !== 'with') continue;
    for (const previous of frame.previous) out.push(`not (${previous})`);
    if (frame.current !== undefined) out.push(frame.current);
  }
  return out;
}

/** Reads one action: evaluates its pipeline, opens or closes blocks on `stack`, and returns the scope after it. */
export function readAction(text: string, scope: Scope, stack: Frame[], evaluator: Evaluator): Scope {
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
      // `range $i, $e := ...`: the last variable is the element, the first the key or index.
      if (declared.length > 0) inner.vars.set(declared[declared.length - 1]!, element);
      if (declared.length > 1) inner.vars.set(declared[0]!, NONE);
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
