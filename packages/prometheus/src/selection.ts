import type { KubeObject, PolicyRule } from '@platform/core';
import { inventoryOf, type LabelSelector, selects } from '@platform/policy';
import type { IPrometheus } from './kinds.js';

/** The kinds a Prometheus selects, and the fields of its spec that select them and their namespaces. */
const SELECTORS = {
  ServiceMonitor: ['serviceMonitorSelector', 'serviceMonitorNamespaceSelector'],
  PodMonitor: ['podMonitorSelector', 'podMonitorNamespaceSelector'],
  PrometheusRule: ['ruleSelector', 'ruleNamespaceSelector'],
} as const;

/** The monitoring kinds a Prometheus resource selects. */
export type SelectedKind = keyof typeof SELECTORS;

/**
 * Whether a Prometheus resource selects an object, as Prometheus-Operator decides it: the object's labels match
 * the kind's selector (absent: none) and its namespace's labels match the namespace selector (absent: only the
 * Prometheus' own namespace; `pkg/prometheus/resource_selector.go` at v0.93.0).
 */
export function prometheusSelects(
  prometheus: IPrometheus,
  object: KubeObject,
  namespaceLabels: Record<string, string>,
): boolean {
  const fields = SELECTORS[object.kind as SelectedKind];
  if (!fields) return false;
  const [selector, namespaceSelector] = fields;
  if (!selects(prometheus.spec?.[selector] as LabelSelector | undefined, object.metadata?.labels)) return false;
  const namespaces = prometheus.spec?.[namespaceSelector] as LabelSelector | undefined;
  if (namespaces === undefined) return object.metadata?.namespace === prometheus.metadata?.namespace;
  return selects(namespaces, namespaceLabels);
}

/**
 * `prometheus.unselected`: in an environment with Prometheus resources, every ServiceMonitor, PodMonitor and
 * PrometheusRule is selected by at least one of them; an unselected one is scraped or evaluated by nobody.
 */
export const unselectedMonitorsRule: PolicyRule = {
  id: 'prometheus.unselected',
  severity: 'error',
  rationale: 'A ServiceMonitor or PrometheusRule no Prometheus selects is scraped or evaluated by nobody, silently.',
  check(rendered, report) {
    const inventory = inventoryOf(rendered);
    const servers = inventory.ofKind('monitoring.coreos.com', 'Prometheus').map((o) => o.object as IPrometheus);
    if (servers.length === 0) return;
    for (const kind of Object.keys(SELECTORS) as SelectedKind[]) {
      for (const { component, object } of inventory.ofKind('monitoring.coreos.com', kind)) {
        const namespace = object.metadata?.namespace ?? '';
        const labels = inventory.namespaces.get(namespace) ?? { 'kubernetes.io/metadata.name': namespace };
        if (servers.some((server) => prometheusSelects(server, object, labels))) continue;
        report({
          component,
          object,
          path: 'metadata.labels',
          message: `${kind} "${object.metadata?.name}" is selected by no Prometheus (${servers.map((s) => `${s.metadata?.namespace}/${s.metadata?.name}`).join(', ')}): its labels or namespace match none of their ${SELECTORS[kind][0]}s`,
        });
      }
    }
  },
};
