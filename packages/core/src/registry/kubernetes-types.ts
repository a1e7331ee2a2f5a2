/**
 * TypeScript interfaces of the Kubernetes kinds components build (type-only, free at run time), from
 * kubernetes-models. Libraries import the interfaces of their own CRD kinds from their model packages.
 */

export type { IApplication } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';
export type { IApplicationSet } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/ApplicationSet';
export type { IAppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
export type { IPodMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor';
export type { IPrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
export type { IServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
export type { IMutatingWebhookConfiguration } from 'kubernetes-models/admissionregistration.k8s.io/v1/MutatingWebhookConfiguration';
export type { IValidatingWebhookConfiguration } from 'kubernetes-models/admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration';
export type { ICustomResourceDefinition } from 'kubernetes-models/apiextensions.k8s.io/v1/CustomResourceDefinition';
export type { IDaemonSet } from 'kubernetes-models/apps/v1/DaemonSet';
export type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
export type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
export type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
export type { ICronJob } from 'kubernetes-models/batch/v1/CronJob';
export type { IJob } from 'kubernetes-models/batch/v1/Job';
export type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
export type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
export type { INetworkPolicyPeer } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer';
export type { INetworkPolicyPort } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPort';
export type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
export type { IClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
export type { IClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';
export type { IRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
export type { IRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';
export type { IPriorityClass } from 'kubernetes-models/scheduling.k8s.io/v1/PriorityClass';
export type { IStorageClass } from 'kubernetes-models/storage.k8s.io/v1/StorageClass';
export type { IAffinity } from 'kubernetes-models/v1/Affinity';
export type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
export type { IContainer } from 'kubernetes-models/v1/Container';
export type { IContainerPort } from 'kubernetes-models/v1/ContainerPort';
export type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
export type { ILimitRange } from 'kubernetes-models/v1/LimitRange';
export type { INamespace } from 'kubernetes-models/v1/Namespace';
export type { IPersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
export type { IPod } from 'kubernetes-models/v1/Pod';
export type { IPodSecurityContext } from 'kubernetes-models/v1/PodSecurityContext';
export type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
export type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
export type { IProbe } from 'kubernetes-models/v1/Probe';
export type { IResourceQuota } from 'kubernetes-models/v1/ResourceQuota';
export type { IResourceRequirements } from 'kubernetes-models/v1/ResourceRequirements';
export type { ISecret } from 'kubernetes-models/v1/Secret';
export type { ISecurityContext } from 'kubernetes-models/v1/SecurityContext';
export type { IService } from 'kubernetes-models/v1/Service';
export type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
export type { IServicePort } from 'kubernetes-models/v1/ServicePort';
export type { ITopologySpreadConstraint } from 'kubernetes-models/v1/TopologySpreadConstraint';
export type { IVolume } from 'kubernetes-models/v1/Volume';
export type { IVolumeMount } from 'kubernetes-models/v1/VolumeMount';
