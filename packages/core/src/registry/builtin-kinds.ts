import type { KindDefinition } from './kinds.js';

/**
 * API groups Kubernetes serves without any CRD (kube-apiserver's built-in and aggregated groups). An object in
 * any other group needs a CRD installed before it is applied: the delivery checks verify that one is.
 */
export const BUILT_IN_GROUPS: ReadonlySet<string> = new Set([
  '',
  'admissionregistration.k8s.io',
  'apiextensions.k8s.io',
  'apiregistration.k8s.io',
  'apps',
  'authentication.k8s.io',
  'authorization.k8s.io',
  'autoscaling',
  'batch',
  'certificates.k8s.io',
  'coordination.k8s.io',
  'discovery.k8s.io',
  'events.k8s.io',
  'flowcontrol.apiserver.k8s.io',
  'networking.k8s.io',
  'node.k8s.io',
  'policy',
  'rbac.authorization.k8s.io',
  'resource.k8s.io',
  'scheduling.k8s.io',
  'storage.k8s.io',
  'metrics.k8s.io',
]);

const namespaced = (apiVersion: string, kind: string, model: KindDefinition['schema']): KindDefinition => ({
  apiVersion,
  kind,
  scope: 'Namespaced',
  schema: model,
});
const cluster = (apiVersion: string, kind: string, model: KindDefinition['schema']): KindDefinition => ({
  apiVersion,
  kind,
  scope: 'Cluster',
  schema: model,
});

/** The built-in Kubernetes kinds components render, validated by their kubernetes-models classes. */
export const BUILT_IN_KINDS: readonly KindDefinition[] = [
  cluster('v1', 'Namespace', { model: async () => (await import('kubernetes-models/v1/Namespace')).Namespace }),
  namespaced('v1', 'Service', { model: async () => (await import('kubernetes-models/v1/Service')).Service }),
  namespaced('v1', 'ConfigMap', { model: async () => (await import('kubernetes-models/v1/ConfigMap')).ConfigMap }),
  namespaced('v1', 'Secret', { model: async () => (await import('kubernetes-models/v1/Secret')).Secret }),
  namespaced('v1', 'ServiceAccount', {
    model: async () => (await import('kubernetes-models/v1/ServiceAccount')).ServiceAccount,
  }),
  namespaced('v1', 'PersistentVolumeClaim', {
    model: async () => (await import('kubernetes-models/v1/PersistentVolumeClaim')).PersistentVolumeClaim,
  }),
  namespaced('v1', 'Pod', { model: async () => (await import('kubernetes-models/v1/Pod')).Pod }),
  namespaced('v1', 'ResourceQuota', {
    model: async () => (await import('kubernetes-models/v1/ResourceQuota')).ResourceQuota,
  }),
  namespaced('v1', 'LimitRange', { model: async () => (await import('kubernetes-models/v1/LimitRange')).LimitRange }),
  namespaced('apps/v1', 'Deployment', {
    model: async () => (await import('kubernetes-models/apps/v1/Deployment')).Deployment,
  }),
  namespaced('apps/v1', 'StatefulSet', {
    model: async () => (await import('kubernetes-models/apps/v1/StatefulSet')).StatefulSet,
  }),
  namespaced('apps/v1', 'DaemonSet', {
    model: async () => (await import('kubernetes-models/apps/v1/DaemonSet')).DaemonSet,
  }),
  namespaced('policy/v1', 'PodDisruptionBudget', {
    model: async () => (await import('kubernetes-models/policy/v1/PodDisruptionBudget')).PodDisruptionBudget,
  }),
  namespaced('networking.k8s.io/v1', 'NetworkPolicy', {
    model: async () => (await import('kubernetes-models/networking.k8s.io/v1/NetworkPolicy')).NetworkPolicy,
  }),
  namespaced('networking.k8s.io/v1', 'Ingress', {
    model: async () => (await import('kubernetes-models/networking.k8s.io/v1/Ingress')).Ingress,
  }),
  cluster('networking.k8s.io/v1', 'IngressClass', {
    model: async () => (await import('kubernetes-models/networking.k8s.io/v1/IngressClass')).IngressClass,
  }),
  namespaced('rbac.authorization.k8s.io/v1', 'Role', {
    model: async () => (await import('kubernetes-models/rbac.authorization.k8s.io/v1/Role')).Role,
  }),
  namespaced('rbac.authorization.k8s.io/v1', 'RoleBinding', {
    model: async () => (await import('kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding')).RoleBinding,
  }),
  cluster('rbac.authorization.k8s.io/v1', 'ClusterRole', {
    model: async () => (await import('kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole')).ClusterRole,
  }),
  cluster('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', {
    model: async () =>
      (await import('kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding')).ClusterRoleBinding,
  }),
  namespaced('autoscaling/v2', 'HorizontalPodAutoscaler', {
    model: async () =>
      (await import('kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler')).HorizontalPodAutoscaler,
  }),
  namespaced('batch/v1', 'Job', { model: async () => (await import('kubernetes-models/batch/v1/Job')).Job }),
  namespaced('batch/v1', 'CronJob', {
    model: async () => (await import('kubernetes-models/batch/v1/CronJob')).CronJob,
  }),
  cluster('apiextensions.k8s.io/v1', 'CustomResourceDefinition', {
    model: async () =>
      (await import('kubernetes-models/apiextensions.k8s.io/v1/CustomResourceDefinition')).CustomResourceDefinition,
  }),
  cluster('apiregistration.k8s.io/v1', 'APIService', {
    model: async () => (await import('kubernetes-models/apiregistration.k8s.io/v1/APIService')).APIService,
  }),
  cluster('storage.k8s.io/v1', 'StorageClass', {
    model: async () => (await import('kubernetes-models/storage.k8s.io/v1/StorageClass')).StorageClass,
  }),
  cluster('scheduling.k8s.io/v1', 'PriorityClass', {
    model: async () => (await import('kubernetes-models/scheduling.k8s.io/v1/PriorityClass')).PriorityClass,
  }),
  cluster('admissionregistration.k8s.io/v1', 'MutatingWebhookConfiguration', {
    model: async () =>
      (await import('kubernetes-models/admissionregistration.k8s.io/v1/MutatingWebhookConfiguration'))
        .MutatingWebhookConfiguration,
  }),
  cluster('admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration', {
    model: async () =>
      (await import('kubernetes-models/admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration'))
        .ValidatingWebhookConfiguration,
  }),
];
