import { describe, expect, it } from 'vitest';
import { substituteVariables } from './grafana-variables.js';

describe('substituteVariables', () => {
  it('puts durations in ranges and after offset, letters in strings and identifiers elsewhere', () => {
    expect(substituteVariables('rate(x{a="$a"}[$__rate_interval]) offset $shift')).toBe(
      'rate(x{a="xx"}[000000000000005m]) offset 00005m',
    );
    expect(substituteVariables('topk([[k]], x_$suffix) * ${__interval_ms}')).toBe(
      'topk(vvvvv, x_vvvvvvv) * 3333333333333333',
    );
    expect(substituteVariables('x{a=~"[$b]"} [$range:$step]')).toBe('x{a=~"[xx]"} [00005m:0005m]');
  });

  it('keeps the length of the query, so positions need no mapping', () => {
    const query = 'sum(rate(x{pod=~"${pod:regex}"}[$__interval])) by ($label)';
    expect(substituteVariables(query)).toHaveLength(query.length);
    expect(substituteVariables(query).indexOf(') by (')).toBe(query.indexOf(') by ('));
  });
});
