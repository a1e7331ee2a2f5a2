import { substituteVariables } from './grafana-variables.js';
import { queryParser } from './query-grammars.js';

/** The matcher every selector of a cluster-scoped dashboard gets. */
export const CLUSTER_MATCHER = 'cluster=~"$cluster"';

/** Scoped queries by language and query: the same panels recur across dashboards and environments. */
const scopedQueries = new Map<string, string>();
const SCOPED_LIMIT = 20_000;

/**
 * Adds `cluster=~"$cluster"` to every selector of a PromQL or LogQL query that has no `cluster` matcher yet,
 * found with the upstream grammar (so label values and strings that look like selectors are left alone).
 */
export function scopeToCluster(language: 'promql' | 'logql', query: string): string {
  const key = `${language}\0${query}`;
  const known = scopedQueries.get(key);
  if (known !== undefined) return known;
  if (scopedQueries.size >= SCOPED_LIMIT) scopedQueries.clear();
  const scoped = scope(language, query);
  scopedQueries.set(key, scoped);
  return scoped;
}

function scope(language: 'promql' | 'logql', query: string): string {
  const tree = queryParser(language).parse(substituteVariables(query));
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
