import {
  type BuildContext,
  deployment,
  type IClusterRole,
  type IServiceMonitor,
  namedWorkloadObjects,
  selectorLabels,
  standardLabels,
} from '@platform/core';
import type { PrometheusConfig } from './config.js';
import { NOBODY, PART, PORTS, SERVICE_ACCOUNT } from './layout.js';
import { clusterIdentity } from './operator-rbac.js';

type Rule = NonNullable<IClusterRole['rules']>[number];
const READ = ['list', 'watch'];

/**
 * The resources kube-state-metrics v2.20.0 exports by default (`pkg/options/resource.go:28-61`) but Secrets: their
 * metrics carry nothing the platform alerts on, and reading every Secret of the cluster is not worth the risk.
 */
const KSM_RESOURCES = [
  'certificatesigningrequests',
  'configmaps',
  'cronjobs',
  'daemonsets',
  'deployments',
  'endpointslices',
  'horizontalpodautoscalers',
  'ingresses',
  'jobs',
  'leases',
  'limitranges',
  'mutatingadmissionpolicies',
  'mutatingadmissionpolicybindings',
  'mutatingwebhookconfigurations',
  'namespaces',
  'networkpolicies',
  'nodes',
  'persistentvolumeclaims',
  'persistentvolumes',
  'poddisruptionbudgets',
  'pods',
  'replicasets',
  'replicationcontrollers',
  'resourcequotas',
  'services',
  'statefulsets',
  'storageclasses',
  'validatingadmissionpolicies',
  'validatingadmissionpolicybindings',
  'validatingwebhookconfigurations',
  'volumeattachments',
] as const;

/** Reads of exactly {@link KSM_RESOURCES} (upstream's `examples/standard/cluster-role.yaml` without Secrets). */
const KSM_RULES: Rule[] = [
  {
    apiGroups: [''],
    resources: [
      'configmaps',
      'limitranges',
      'namespaces',
      'nodes',
      'persistentvolumeclaims',
      'persistentvolumes',
      'pods',
      'replicationcontrollers',
      'resourcequotas',
      'services',
    ],
    verbs: READ,
  },
  {
    apiGroups: ['admissionregistration.k8s.io'],
    resources: [
      'mutatingadmissionpolicies',
      'mutatingadmissionpolicybindings',
      'mutatingwebhookconfigurations',
      'validatingadmissionpolicies',
      'validatingadmissionpolicybindings',
      'validatingwebhookconfigurations',
    ],
    verbs: READ,
  },
  { apiGroups: ['apps'], resources: ['daemonsets', 'deployments', 'replicasets', 'statefulsets'], verbs: READ },
  { apiGroups: ['autoscaling'], resources: ['horizontalpodautoscalers'], verbs: READ },
  { apiGroups: ['batch'], resources: ['cronjobs', 'jobs'], verbs: READ },
  { apiGroups: ['certificates.k8s.io'], resources: ['certificatesigningrequests'], verbs: READ },
  { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: READ },
  { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: READ },
  { apiGroups: ['networking.k8s.io'], resources: ['ingresses', 'networkpolicies'], verbs: READ },
  { apiGroups: ['policy'], resources: ['poddisruptionbudgets'], verbs: READ },
  { apiGroups: ['storage.k8s.io'], resources: ['storageclasses', 'volumeattachments'], verbs: READ },
];

/**
 * kube-state-metrics: one replica (two would export every series twice), as upstream's
 * `examples/standard/deployment.yaml` runs it (probes `/livez` on the metrics port, `/readyz` on the telemetry
 * port; the image's entrypoint sets both ports). Its ServiceMonitor keeps the exported labels (`honorLabels`):
 * `namespace` and `pod` name the object described, not the exporter.
 */
export function kubeStateMetrics(context: BuildContext<PrometheusConfig>) {
  const { config } = context;
  if (!config.kubeStateMetrics.enabled) return {};
  const identity = clusterIdentity(
    context.name,
    context.namespace,
    SERVICE_ACCOUNT.kubeStateMetrics,
    PART.kubeStateMetrics,
    KSM_RULES,
    false,
  );
  const objects = deployment(context, {
    name: PART.kubeStateMetrics,
    replicas: 1,
    serviceAccountName: SERVICE_ACCOUNT.kubeStateMetrics,
    automountServiceAccountToken: true,
    runAs: NOBODY,
    serviceMonitor: false,
    containers: [
      {
        name: 'kube-state-metrics',
        image: config.images.kubeStateMetrics,
        args: [`--resources=${KSM_RESOURCES.join(',')}`],
        ports: [
          { name: 'http-metrics', containerPort: PORTS.kubeStateMetrics, protocol: 'TCP' },
          { name: 'telemetry', containerPort: PORTS.kubeStateMetricsTelemetry, protocol: 'TCP' },
        ],
        livenessProbe: { httpGet: { path: '/livez', port: 'http-metrics' }, initialDelaySeconds: 5, timeoutSeconds: 5 },
        readinessProbe: { httpGet: { path: '/readyz', port: 'telemetry' }, initialDelaySeconds: 5, timeoutSeconds: 5 },
        resources: config.kubeStateMetrics.resources,
      },
    ],
  });
  const monitor: IServiceMonitor = {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'ServiceMonitor',
    metadata: {
      name: PART.kubeStateMetrics,
      namespace: context.namespace,
      labels: standardLabels(context.name, PART.kubeStateMetrics),
    },
    spec: {
      selector: { matchLabels: selectorLabels(context.name, PART.kubeStateMetrics) },
      endpoints: [
        { port: 'http-metrics', honorLabels: true, interval: '30s' },
        { port: 'telemetry', interval: '30s' },
      ],
    },
  };
  return {
    kube_state_metrics_serviceaccount: identity.serviceAccount,
    kube_state_metrics_clusterrole: identity.clusterRole,
    kube_state_metrics_clusterrolebinding: identity.clusterRoleBinding,
    ...namedWorkloadObjects('kube_state_metrics', 'deployment', objects),
    ...(context.environment.settings.serviceMonitors ? { kube_state_metrics_servicemonitor: monitor } : {}),
  };
}
