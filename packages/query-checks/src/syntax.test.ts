import { describe, expect, it } from 'vitest';
import { syntaxProblem } from './syntax.js';

describe('syntaxProblem', () => {
  it('accepts valid PromQL, LogQL and TraceQL', () => {
    expect(syntaxProblem('promql', 'sum by (job) (rate(up{job="a"}[5m])) > 0')).toBeUndefined();
    expect(syntaxProblem('logql', 'sum by (app) (rate({app="a"} |= "error" | json [5m]))')).toBeUndefined();
    expect(syntaxProblem('traceql', '{ resource.service.name = "api" && duration > 1s }')).toBeUndefined();
  });

  it('reports the line and column where PromQL stops parsing', () => {
    const problem = syntaxProblem('promql', 'sum(rate(up[5m])\n  / 2');
    expect(problem).toMatchObject({ line: 2, column: 6 });
    expect(problem!.message).toBe('PromQL syntax error at line 2, column 6 (at the end of the expression)');
    expect(syntaxProblem('promql', 'rate(up[5m]) 1')!.message).toBe(
      'PromQL syntax error at line 1, column 14 (at "1")',
    );
  });

  it('reports broken LogQL and TraceQL with their position', () => {
    expect(syntaxProblem('logql', '{app="a"} |= ')).toMatchObject({ line: 1, column: 14 });
    expect(syntaxProblem('logql', '{app="a"} |~ "x" | unknownstage')!.message).toMatch(/^LogQL syntax error at line 1/);
    expect(syntaxProblem('traceql', '{ resource.service.name = }')).toMatchObject({ column: 27 });
    expect(syntaxProblem('promql', '')!.column).toBe(1);
  });

  it('substitutes Grafana variables only when asked, and reports positions in the query as written', () => {
    const query = 'sum(rate(x{namespace="$namespace"}[$__rate_interval])) by ($label) / ${__range_s}';
    expect(syntaxProblem('promql', query)).toBeDefined();
    expect(syntaxProblem('promql', query, { grafanaVariables: true })).toBeUndefined();
    const broken = 'rate(x{pod=~"${pod:regex}"}[$__interval]) )';
    expect(syntaxProblem('promql', broken, { grafanaVariables: true })).toMatchObject({ column: broken.length });
  });
});
