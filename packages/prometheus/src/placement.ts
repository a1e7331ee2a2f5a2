import {
  type BuildContext,
  capacityNodeAffinity,
  type IPodDisruptionBudget,
  type IService,
  type IServiceMonitor,
  type IServicePort,
  restrictedPodSecurityContext,
  selectorLabels,
  standardLabels,
  waiverAnnotations,
} from '@platform/core';
import { NOBODY } from './layout.js';

/**
 * What the workload helpers give their pods, for the pods the operator generates from a Prometheus or
 * Alertmanager resource: the restricted pod security context (the operator's containers already drop every
 * capability, forbid escalation and use read-only root file systems, `pkg/prometheus/server/statefulset.go:347-353`,
 * `pkg/operator/config_reloader.go:368-374`), spread over zones and nodes, and stable nodes where the
 * environment has node classes (the pods hold state).
 */
export function operatedPodPlacement(context: BuildContext<unknown>, part: string) {
  const selector = { matchLabels: selectorLabels(context.name, part) };
  const nodeAffinity = capacityNodeAffinity(context.peers.find('nodeCapacity'), false);
  return {
    securityContext: restrictedPodSecurityContext(NOBODY),
    ...(nodeAffinity ? { affinity: { nodeAffinity } } : {}),
    topologySpreadConstraints: ['topology.kubernetes.io/zone', 'kubernetes.io/hostname'].map((topologyKey) => ({
      maxSkew: 1,
      topologyKey,
      whenUnsatisfiable: 'ScheduleAnyway' as const,
      labelSelector: selector,
    })),
  };
}

/** Why a Service of operator-generated pods has no rendered pod template to match. */
const OPERATED_SERVICE_WAIVER = waiverAnnotations({
  'references.service-selector':
    'selects the pods Prometheus-Operator generates from the resource of the same name (its selector labels: app.kubernetes.io/name and /instance)',
});

/**
 * The Service, PodDisruptionBudget and ServiceMonitor of operator-generated pods. The operator labels those pods
 * `app.kubernetes.io/name: <prometheus|alertmanager>` and `app.kubernetes.io/instance: <resource name>`
 * (`pkg/prometheus/server/operator.go:1696-1704`, `pkg/alertmanager/operator.go:796-803`), which is exactly
 * `selectorLabels(component, part)` when the resource is named after the component.
 */
export function operatedCompanions(
  context: BuildContext<unknown>,
  part: string,
  ports: IServicePort[],
  metricsPorts: string[],
): { service: IService; pdb: IPodDisruptionBudget; serviceMonitor?: IServiceMonitor } {
  const selector = selectorLabels(context.name, part);
  const labels = standardLabels(context.name, part);
  return {
    service: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: part,
        namespace: context.namespace,
        labels: { ...labels, ...selector },
        annotations: OPERATED_SERVICE_WAIVER,
      },
      spec: { selector, ports },
    },
    pdb: {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: part, namespace: context.namespace, labels },
      spec: { maxUnavailable: 1, selector: { matchLabels: selector } },
    },
    ...(context.environment.settings.serviceMonitors
      ? {
          serviceMonitor: {
            apiVersion: 'monitoring.coreos.com/v1',
            kind: 'ServiceMonitor',
            metadata: { name: part, namespace: context.namespace, labels },
            spec: {
              selector: { matchLabels: selector },
              endpoints: metricsPorts.map((port) => ({ port, path: '/metrics', interval: '30s' })),
            },
          } satisfies IServiceMonitor,
        }
      : {}),
  };
}
