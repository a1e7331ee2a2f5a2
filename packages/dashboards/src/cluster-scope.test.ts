import { describe, expect, it } from 'vitest';
import { scopeToCluster } from './cluster-scope.js';

describe('scopeToCluster', () => {
  it('adds the cluster matcher to every PromQL selector', () => {
    expect(scopeToCluster('promql', 'sum(rate(x{a="b"}[$__rate_interval])) / on (a) y + {__name__="z"}')).toBe(
      'sum(rate(x{cluster=~"$cluster", a="b"}[$__rate_interval])) / on (a) y{cluster=~"$cluster"} + {cluster=~"$cluster", __name__="z"}',
    );
    expect(scopeToCluster('promql', 'x{}')).toBe('x{cluster=~"$cluster"}');
  });

  it('leaves selectors that already choose a cluster, and strings that look like selectors', () => {
    expect(scopeToCluster('promql', 'x{cluster="a"} + y{a="{b}"}')).toBe(
      'x{cluster="a"} + y{cluster=~"$cluster", a="{b}"}',
    );
  });

  it('adds it to LogQL stream selectors', () => {
    expect(scopeToCluster('logql', 'sum(rate({namespace="$namespace"} |= "{x}" [5m]))')).toBe(
      'sum(rate({cluster=~"$cluster", namespace="$namespace"} |= "{x}" [5m]))',
    );
  });
});
