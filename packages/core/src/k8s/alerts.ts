import type { BuildContext } from '../model/definition.js';
import type { IPrometheusRule } from '../registry/kubernetes-types.js';
import { standardLabels } from './labels.js';

/** One Prometheus alerting rule. */
export interface AlertRule {
  alert: string;
  expr: string;
  /** How long the condition must hold before the alert fires. Default: at once. */
  for?: string;
  labels: { severity: 'warning' | 'critical' } & Record<string, string>;
  annotations: { summary: string; description: string } & Record<string, string>;
}

/** A named group of alerting rules. */
export interface AlertGroup {
  name: string;
  rules: AlertRule[];
}

/**
 * The PrometheusRule that carries a component's alerts, in the component's namespace, labelled as its `alerts`
 * part. Render it only when the environment renders monitoring objects (`settings.serviceMonitors`).
 */
export function prometheusRule(
  context: Pick<BuildContext<unknown>, 'name' | 'namespace'>,
  name: string,
  groups: AlertGroup[],
): IPrometheusRule {
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: { name, namespace: context.namespace, labels: standardLabels(context.name, 'alerts') },
    spec: { groups },
  };
}
