import type { ComponentContext } from '@platform/core';
import type { PrometheusOperatorCrdsConfig } from './config.js';

/** The CRDs the platform's components render objects of: never turned off. */
const ALWAYS = ['servicemonitors', 'podmonitors', 'prometheusrules'] as const;
/** The CRDs only a Prometheus-Operator deployment uses. */
const OPERATOR_ONLY = [
  'alertmanagerconfigs',
  'alertmanagers',
  'probes',
  'prometheusagents',
  'prometheuses',
  'scrapeconfigs',
  'thanosrulers',
] as const;

/** The chart's values: `crds.<plural>.enabled` per CRD (chart 31.0.0 `values.yaml`). */
export interface PrometheusOperatorCrdsValues {
  crds: Record<(typeof ALWAYS)[number] | (typeof OPERATOR_ONLY)[number], { enabled: boolean }>;
}

/** The values the chart is installed with. */
export function chartValues({ config }: ComponentContext<PrometheusOperatorCrdsConfig>): PrometheusOperatorCrdsValues {
  const crds = {} as PrometheusOperatorCrdsValues['crds'];
  for (const plural of ALWAYS) crds[plural] = { enabled: true };
  for (const plural of OPERATOR_ONLY) crds[plural] = { enabled: config.operatorKinds };
  return { crds };
}
