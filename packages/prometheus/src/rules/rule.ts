import { type AlertRule, type AlertSeverity, runbookUrl } from '@platform/core';

/** The page every alert of this package links to, one `## <Alert>` section each. */
export const RUNBOOKS = 'packages/prometheus/runbooks.md';

/** What one alert says, before the owning team is known. */
export interface AlertSpec {
  alert: string;
  expr: string;
  for: string;
  severity: AlertSeverity;
  summary: string;
  description: string;
}

/** The alert rules of `specs`, owned by `team`, each linking to its runbook section. */
export function ownedRules(team: string, specs: AlertSpec[]): AlertRule[] {
  return specs.map((spec) => ({
    alert: spec.alert,
    expr: spec.expr,
    for: spec.for,
    labels: { severity: spec.severity, team },
    annotations: {
      summary: spec.summary,
      description: spec.description,
      runbook_url: runbookUrl(RUNBOOKS, spec.alert),
    },
  }));
}

/** The jobs the ServiceMonitors of this package produce: a Service's name, or the label named by `jobLabel`. */
export const JOB = {
  kubelet: 'kubelet',
  apiServer: 'apiserver',
  coreDns: 'kube-dns',
  kubeStateMetrics: 'kube-state-metrics',
  nodeExporter: 'node-exporter',
  operator: 'prometheus-operator',
  prometheus: 'prometheus',
  alertmanager: 'alertmanager',
} as const;
