import type { IClusterRole } from '@platform/core';
import { PART, SERVICE_ACCOUNT } from './layout.js';
import { clusterIdentity } from './operator-rbac.js';

type Rule = NonNullable<IClusterRole['rules']>[number];

/**
 * What Prometheus reads (`example/rbac/prometheus/prometheus-cluster-role.yaml` at v0.93.0): service discovery
 * of nodes, Services, endpoints and pods, the kubelets' metrics (`nodes/metrics`) and the API server's `/metrics`.
 */
const PROMETHEUS_RULES: Rule[] = [
  {
    apiGroups: [''],
    resources: ['nodes', 'nodes/metrics', 'services', 'endpoints', 'pods'],
    verbs: ['get', 'list', 'watch'],
  },
  { apiGroups: [''], resources: ['configmaps'], verbs: ['get'] },
  { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: ['get', 'list', 'watch'] },
  { apiGroups: ['networking.k8s.io'], resources: ['ingresses'], verbs: ['get', 'list', 'watch'] },
  { nonResourceURLs: ['/metrics'], verbs: ['get'] },
];

/** Prometheus' identity; its pods mount the token (Kubernetes service discovery and the kubelets need it). */
export function prometheusRbac(component: string, namespace: string) {
  const identity = clusterIdentity(
    component,
    namespace,
    SERVICE_ACCOUNT.prometheus,
    PART.prometheus,
    PROMETHEUS_RULES,
    true,
  );
  return {
    prometheus_serviceaccount: identity.serviceAccount,
    prometheus_clusterrole: identity.clusterRole,
    prometheus_clusterrolebinding: identity.clusterRoleBinding,
  };
}
