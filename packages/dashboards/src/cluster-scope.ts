import { createRequire } from 'node:module';
import type { parser as LogqlParser } from '@grafana/lezer-logql';
import type { parser as PromqlParser } from '@prometheus-io/lezer-promql';
import { substituteVariables } from './grafana-variables.js';

/** The matcher every selector of a cluster-scoped dashboard gets. */
export const CLUSTER_MATCHER = 'cluster=~"$cluster"';

interface Grammars {
  promql: typeof PromqlParser;
  logql: typeof LogqlParser;
}
let grammars: Grammars | undefined;

/** The query grammars, loaded when the first dashboard is built (see `grafanaSdk` for why `require`). */
function loadGrammars(): Grammars {
  if (grammars) return grammars;
  if (typeof require === 'function')
    grammars = {
      promql: require('@prometheus-io/lezer-promql').parser,
      logql: require('@grafana/lezer-logql').parser,
    };
  else {
    const load = createRequire(import.meta.url);
    grammars = { promql: load('@prometheus-io/lezer-promql').parser, logql: load('@grafana/lezer-logql').parser };
  }
  return grammars;
}

/**
 * Adds `cluster=~"$cluster"` to every selector of a PromQL or LogQL query that has no `cluster` matcher yet,
 * found with the upstream grammar (so label values and strings that look like selectors are left alone).
 */
export function scopeToCluster(language: 'promql' | 'logql', query: string): string {
  const tree = loadGrammars()[language].parse(substituteVariables(query));
  const inserts: Array<{ at: number; text: string }> = [];
  const selector = language === 'promql' ? 'VectorSelector' : 'Selector';
  const matchers = language === 'promql' ? 'LabelMatchers' : 'Selector';
  const labelName = language === 'promql' ? 'LabelName' : 'Identifier';
  const blocks: Array<{ from: number; to: number } | { after: number }> = [];
  tree.iterate({
    enter(node) {
      if (node.name !== selector) return undefined;
      const block = node.name === matchers ? node.node : node.node.getChild(matchers);
      blocks.push(block ? { from: block.from, to: block.to } : { after: node.to });
      return false;
    },
  });
  for (const block of blocks) {
    if ('after' in block) {
      inserts.push({ at: block.after, text: `{${CLUSTER_MATCHER}}` });
      continue;
    }
    const names: string[] = [];
    let empty = true;
    tree.iterate({
      from: block.from,
      to: block.to,
      enter(inner) {
        if (inner.from < block.from || inner.to > block.to) return undefined;
        if (inner.name === labelName) names.push(query.slice(inner.from, inner.to));
        if (inner.name.endsWith('Matcher')) empty = false;
        return undefined;
      },
    });
    if (!names.includes('cluster'))
      inserts.push({ at: block.from + 1, text: empty ? CLUSTER_MATCHER : `${CLUSTER_MATCHER}, ` });
  }
  let scoped = query;
  for (const { at, text } of inserts.sort((a, b) => b.at - a.at))
    scoped = scoped.slice(0, at) + text + scoped.slice(at);
  return scoped;
}
