/**
 * The Kubernetes kinds the toolkit renders: their TypeScript interfaces (type-only, free at run time) and a
 * registry of the kubernetes-models classes that validate them. Classes are loaded on demand, by deep path,
 * only for the kinds an environment actually renders: importing model barrels costs seconds of start-up.
 */
export type { IContainer } from 'kubernetes-models/v1/Container';
export type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
export type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
export type { IProbe } from 'kubernetes-models/v1/Probe';
export type { IContainerPort } from 'kubernetes-models/v1/ContainerPort';
export type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
export type { IVolume } from 'kubernetes-models/v1/Volume';
export type { IVolumeMount } from 'kubernetes-models/v1/VolumeMount';
export type { IResourceRequirements } from 'kubernetes-models/v1/ResourceRequirements';
export type { ISecurityContext } from 'kubernetes-models/v1/SecurityContext';
export type { IPodSecurityContext } from 'kubernetes-models/v1/PodSecurityContext';
export type { IAffinity } from 'kubernetes-models/v1/Affinity';
export type { ITopologySpreadConstraint } from 'kubernetes-models/v1/TopologySpreadConstraint';
export type { IServicePort } from 'kubernetes-models/v1/ServicePort';
export type { IPersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
export type { INamespace } from 'kubernetes-models/v1/Namespace';
export type { IService } from 'kubernetes-models/v1/Service';
export type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
export type { ISecret } from 'kubernetes-models/v1/Secret';
export type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
export type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
export type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
export type { IDaemonSet } from 'kubernetes-models/apps/v1/DaemonSet';
export type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
export type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
export type { INetworkPolicyPeer } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer';
export type { INetworkPolicyPort } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPort';
export type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
export type { IRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
export type { IRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';
export type { IClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
export type { IClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';
export type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
export type { IJob } from 'kubernetes-models/batch/v1/Job';
export type { ICronJob } from 'kubernetes-models/batch/v1/CronJob';
export type { IApplication } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';
export type { IApplicationSet } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/ApplicationSet';
export type { IAppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
export type { ICertificate } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate';
export type { IClusterIssuer } from '@kubernetes-models/cert-manager/cert-manager.io/v1/ClusterIssuer';
export type { IIssuer } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Issuer';
export type { IPeerAuthentication } from '@kubernetes-models/istio/security.istio.io/v1/PeerAuthentication';
export type { IServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
export type { IPodMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor';
export type { IPrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
export type { IExternalSecret } from '@kubernetes-models/external-secrets/external-secrets.io/v1/ExternalSecret';
export type { IClusterSecretStore } from '@kubernetes-models/external-secrets/external-secrets.io/v1/ClusterSecretStore';
export type { ISecretStore } from '@kubernetes-models/external-secrets/external-secrets.io/v1/SecretStore';

/** A kubernetes-models class: validates an instance built from plain data. */
export interface ModelClass {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  new (data: any): { validate(): void };
}

type Loader = () => Promise<ModelClass>;

/** `apiVersion/kind` → loader of the model class that validates it. */
export const MODEL_LOADERS: Record<string, Loader> = {
  'v1/Namespace': async () => (await import('kubernetes-models/v1/Namespace')).Namespace,
  'v1/Service': async () => (await import('kubernetes-models/v1/Service')).Service,
  'v1/ConfigMap': async () => (await import('kubernetes-models/v1/ConfigMap')).ConfigMap,
  'v1/Secret': async () => (await import('kubernetes-models/v1/Secret')).Secret,
  'v1/ServiceAccount': async () => (await import('kubernetes-models/v1/ServiceAccount')).ServiceAccount,
  'v1/PersistentVolumeClaim': async () => (await import('kubernetes-models/v1/PersistentVolumeClaim')).PersistentVolumeClaim,
  'v1/Pod': async () => (await import('kubernetes-models/v1/Pod')).Pod,
  'apps/v1/Deployment': async () => (await import('kubernetes-models/apps/v1/Deployment')).Deployment,
  'apps/v1/StatefulSet': async () => (await import('kubernetes-models/apps/v1/StatefulSet')).StatefulSet,
  'apps/v1/DaemonSet': async () => (await import('kubernetes-models/apps/v1/DaemonSet')).DaemonSet,
  'policy/v1/PodDisruptionBudget': async () => (await import('kubernetes-models/policy/v1/PodDisruptionBudget')).PodDisruptionBudget,
  'networking.k8s.io/v1/NetworkPolicy': async () => (await import('kubernetes-models/networking.k8s.io/v1/NetworkPolicy')).NetworkPolicy,
  'networking.k8s.io/v1/Ingress': async () => (await import('kubernetes-models/networking.k8s.io/v1/Ingress')).Ingress,
  'rbac.authorization.k8s.io/v1/Role': async () => (await import('kubernetes-models/rbac.authorization.k8s.io/v1/Role')).Role,
  'rbac.authorization.k8s.io/v1/RoleBinding': async () => (await import('kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding')).RoleBinding,
  'rbac.authorization.k8s.io/v1/ClusterRole': async () => (await import('kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole')).ClusterRole,
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': async () => (await import('kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding')).ClusterRoleBinding,
  'autoscaling/v2/HorizontalPodAutoscaler': async () => (await import('kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler')).HorizontalPodAutoscaler,
  'batch/v1/Job': async () => (await import('kubernetes-models/batch/v1/Job')).Job,
  'batch/v1/CronJob': async () => (await import('kubernetes-models/batch/v1/CronJob')).CronJob,
  'argoproj.io/v1alpha1/Application': async () => (await import('@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application')).Application,
  'argoproj.io/v1alpha1/ApplicationSet': async () => (await import('@kubernetes-models/argo-cd/argoproj.io/v1alpha1/ApplicationSet')).ApplicationSet,
  'argoproj.io/v1alpha1/AppProject': async () => (await import('@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject')).AppProject,
  'cert-manager.io/v1/Certificate': async () => (await import('@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate')).Certificate,
  'cert-manager.io/v1/ClusterIssuer': async () => (await import('@kubernetes-models/cert-manager/cert-manager.io/v1/ClusterIssuer')).ClusterIssuer,
  'cert-manager.io/v1/Issuer': async () => (await import('@kubernetes-models/cert-manager/cert-manager.io/v1/Issuer')).Issuer,
  'security.istio.io/v1/PeerAuthentication': async () => (await import('@kubernetes-models/istio/security.istio.io/v1/PeerAuthentication')).PeerAuthentication,
  'monitoring.coreos.com/v1/ServiceMonitor': async () => (await import('@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor')).ServiceMonitor,
  'monitoring.coreos.com/v1/PodMonitor': async () => (await import('@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor')).PodMonitor,
  'monitoring.coreos.com/v1/PrometheusRule': async () => (await import('@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule')).PrometheusRule,
  'external-secrets.io/v1/ExternalSecret': async () => (await import('@kubernetes-models/external-secrets/external-secrets.io/v1/ExternalSecret')).ExternalSecret,
  'external-secrets.io/v1/ClusterSecretStore': async () => (await import('@kubernetes-models/external-secrets/external-secrets.io/v1/ClusterSecretStore')).ClusterSecretStore,
  'external-secrets.io/v1/SecretStore': async () => (await import('@kubernetes-models/external-secrets/external-secrets.io/v1/SecretStore')).SecretStore,
};
