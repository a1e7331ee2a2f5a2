/**
 * Built-in Kubernetes kinds that are cluster-scoped, by API group (`''` is the core group). A chart's templates
 * name kinds textually; this table decides which of them need a cluster-scoped whitelist entry in Argo CD's
 * AppProject. Kinds of the chart's own CRDs are judged by their CRD's scope instead.
 */
export const CLUSTER_SCOPED_KINDS: Readonly<Record<string, readonly string[]>> = {
  '': ['Namespace', 'Node', 'PersistentVolume', 'ComponentStatus'],
  'rbac.authorization.k8s.io': ['ClusterRole', 'ClusterRoleBinding'],
  'apiextensions.k8s.io': ['CustomResourceDefinition'],
  'apiregistration.k8s.io': ['APIService'],
  'admissionregistration.k8s.io': [
    'MutatingWebhookConfiguration',
    'ValidatingWebhookConfiguration',
    'ValidatingAdmissionPolicy',
    'ValidatingAdmissionPolicyBinding',
    'MutatingAdmissionPolicy',
    'MutatingAdmissionPolicyBinding',
  ],
  'scheduling.k8s.io': ['PriorityClass'],
  'storage.k8s.io': ['StorageClass', 'CSIDriver', 'CSINode', 'VolumeAttachment', 'VolumeAttributesClass'],
  'node.k8s.io': ['RuntimeClass'],
  'networking.k8s.io': ['IngressClass', 'IPAddress', 'ServiceCIDR'],
  policy: ['PodSecurityPolicy'],
  'certificates.k8s.io': ['CertificateSigningRequest', 'ClusterTrustBundle'],
  'flowcontrol.apiserver.k8s.io': ['FlowSchema', 'PriorityLevelConfiguration'],
  'resource.k8s.io': ['DeviceClass', 'ResourceSlice'],
  'gateway.networking.k8s.io': ['GatewayClass'],
};

/** The group of a built-in cluster-scoped kind, for templates whose `apiVersion` is itself templated. */
export function builtInClusterGroup(kind: string): string | undefined {
  for (const [group, kinds] of Object.entries(CLUSTER_SCOPED_KINDS)) if (kinds.includes(kind)) return group;
  return undefined;
}

/** Whether group/kind is a built-in cluster-scoped kind. */
export function isBuiltInClusterScoped(group: string, kind: string): boolean {
  return CLUSTER_SCOPED_KINDS[group]?.includes(kind) ?? false;
}
