import type { IHorizontalPodAutoscaler, PolicyRule } from '@platform/core';
import { inventoryOf } from '../inventory.js';

const METRICS_API_SERVICE = 'v1beta1.metrics.k8s.io';

/**
 * An HPA that scales on CPU or memory reads the resource metrics API (metrics.k8s.io). Without a component that
 * serves it (`resourceMetrics`: metrics-server) or an APIService the environment declares external (a managed
 * add-on), the HPA reports `ScalingActive: FailedGetResourceMetric`, which Argo CD counts as Degraded
 * (gitops-engine `pkg/health/health_hpa.go:152-157` at v3.4.4), so the staged first sync stops at its step.
 */
export const metricsApiRule: PolicyRule = {
  id: 'autoscaling.metrics-api',
  severity: 'error',
  rationale:
    'An HPA on CPU or memory without the metrics API never scales, and Argo CD reports it Degraded: the first sync waits for ever.',
  check(rendered, report) {
    const served = [...rendered.provided.values()].some((provided) => 'resourceMetrics' in provided);
    const inventory = inventoryOf(rendered);
    if (served || inventory.isExternal('APIService', '', METRICS_API_SERVICE)) return;
    for (const { component, object } of inventory.ofKind('autoscaling', 'HorizontalPodAutoscaler')) {
      const hpa = object as IHorizontalPodAutoscaler;
      const resources = (hpa.spec?.metrics ?? []).filter((metric) => metric.type === 'Resource');
      if (resources.length === 0) continue;
      report({
        component,
        object,
        path: 'spec.metrics',
        message: `scales on ${resources.map((m) => m.resource?.name).join(' and ')}, but nothing serves the resource metrics API: compose @platform/metrics-server, or declare a managed one in environment.external as "APIService//${METRICS_API_SERVICE}"`,
      });
    }
  },
};

/** The autoscaling rules. */
export const autoscalingRules: PolicyRule[] = [metricsApiRule];
