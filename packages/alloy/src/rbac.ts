import {
  type BuildContext,
  type IClusterRole,
  type IClusterRoleBinding,
  type IServiceAccount,
  standardLabels,
} from '@platform/core';
import type { GeneratedAlloyConfig } from './alloy-config.js';
import type { AlloyConfig } from './config.js';

type PolicyRule = NonNullable<IClusterRole['rules']>[number];

const READ = ['get', 'list', 'watch'];

/**
 * What the generated pipelines read from the API, and nothing more: pods of the node (logs, annotated
 * pods), the node itself and its kubelet metrics, and for ServiceMonitors/PodMonitors the monitors plus
 * the services and endpoint slices they select. No `pods/log` (logs come from files), no Secrets
 * (monitors that reference Secrets for scrape credentials are not supported), no `nodes/proxy`.
 */
function clusterRoleRules(generated: Pick<GeneratedAlloyConfig, 'components'>): PolicyRule[] {
  const uses = (prefix: string) => generated.components.some((id) => id.startsWith(prefix));
  const rules: PolicyRule[] = [];
  const core: string[] = [];
  if (uses('discovery.kubernetes.pods') || uses('prometheus.operator.')) core.push('pods');
  if (uses('discovery.kubernetes.node')) core.push('nodes');
  if (uses('prometheus.operator.servicemonitors')) core.push('services');
  if (core.length > 0) rules.push({ apiGroups: [''], resources: core.sort(), verbs: READ });
  if (uses('prometheus.scrape.kubelet') || uses('prometheus.scrape.cadvisor'))
    rules.push({ apiGroups: [''], resources: ['nodes/metrics'], verbs: ['get'] });
  if (uses('prometheus.operator.servicemonitors'))
    rules.push({ apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: READ });
  const monitors = [
    ...(uses('prometheus.operator.podmonitors') ? ['podmonitors'] : []),
    ...(uses('prometheus.operator.servicemonitors') ? ['servicemonitors'] : []),
  ];
  if (monitors.length > 0) rules.push({ apiGroups: ['monitoring.coreos.com'], resources: monitors, verbs: READ });
  return rules;
}

/** Cluster-scoped names must be unique per instance: `<namespace>-<name>`. */
function clusterScopedName(context: BuildContext<AlloyConfig>): string {
  return `${context.namespace}-${context.name}`;
}

/** The ServiceAccount, ClusterRole and ClusterRoleBinding of the DaemonSet. */
export function rbac(
  context: BuildContext<AlloyConfig>,
  generated: GeneratedAlloyConfig,
): { serviceAccount: IServiceAccount; clusterRole: IClusterRole; clusterRoleBinding: IClusterRoleBinding } {
  const labels = standardLabels(context.name, 'alloy');
  const name = clusterScopedName(context);
  return {
    serviceAccount: {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'alloy', namespace: context.namespace, labels },
      automountServiceAccountToken: false,
    },
    clusterRole: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name, labels },
      rules: clusterRoleRules(generated),
    },
    clusterRoleBinding: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name, labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name },
      subjects: [{ kind: 'ServiceAccount', name: 'alloy', namespace: context.namespace }],
    },
  };
}
