/**
 * The values paths templates read, collected while they are scanned. Paths read from a named template's argument
 * are kept per template name and mapped to values paths through every `include` of it once all files are read.
 */
import { normalize, resolveArgument, type Sym, type Value } from './template-symbols.js';

/** A values path a template reads. `open`: the whole subtree is passed on (`toYaml`, `range`, `merge` ...). */
export interface ValueRef {
  path: string[];
  open: boolean;
}

// Debugging aid (see README): CHART_VALUES_EXPLAIN=<path prefix> prints where matching references come from.
const explain = process.env.CHART_VALUES_EXPLAIN;

/** Collects references and include sites while the templates are read; resolves includes at the end. */
export class ReferenceCollector {
  readonly valueRefs = new Map<string, ValueRef>();
  readonly helperRefs = new Map<string, Map<string, { segs: string[]; open: boolean }>>();
  readonly includes: { name: string; arg: Value }[] = [];
  /** The action being read, `file: text`, named by CHART_VALUES_EXPLAIN's output. */
  action = '';

  /** Records one chain; true when it is a reference not seen before. */
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
      if (explain !== undefined && path.join('.').startsWith(explain)) {
        console.error(`${path.join('.')}${open ? ' (open)' : ''} <- ${this.action}`);
      }
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

  /** Records every chain of a value, those inside the maps and lists it built included. */
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
