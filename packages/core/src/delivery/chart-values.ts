import type { PolicyRule } from '../model/policy.js';
import { unknownValuePaths } from './chart-value-paths.js';

/** Every values key path a chart component sets exists in its pinned chart. */
export const chartValuesRule: PolicyRule = {
  id: 'delivery.chart-values',
  severity: 'error',
  rationale:
    'Helm silently ignores values a chart does not read, so a misspelt key changes nothing until production shows it.',
  check(rendered, report) {
    for (const component of rendered.components) {
      const chart = component.helm;
      if (!chart) continue;
      if (!chart.facts) {
        report({
          component: component.name,
          message: `chart ${chart.chart}@${chart.version} has no generated value-path list, so its values cannot be checked; generate it with scripts/chart-values/derive.ts`,
        });
        continue;
      }
      for (const path of unknownValuePaths(chart.values, chart.facts.valuePaths)) {
        report({
          component: component.name,
          path: `values.${path}`,
          message: `chart ${chart.chart}@${chart.version} has no value "${path}"; Helm would ignore it`,
        });
      }
    }
  },
};
