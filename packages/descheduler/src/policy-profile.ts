import type { DeschedulerConfig } from './config.js';

/** The namespace label that opts a namespace out of descheduling. */
export const EXCLUDE_LABEL = 'descheduler.platform.dev/exclude';

/**
 * The `descheduler/v1alpha2` DeschedulerPolicy profile (the chart writes it to the policy ConfigMap as given,
 * templates/configmap.yaml), with argument names of the v0.36.0 plugins: DefaultEvictor
 * (pkg/framework/plugins/defaultevictor/types.go:29-53), RemoveDuplicates (removeduplicates/types.go:27),
 * RemovePodsViolatingTopologySpreadConstraint (…/types.go:32-35), LowNodeUtilization
 * (nodeutilization/types.go:39-51).
 *
 * Evictions go through the Eviction API (pkg/descheduler/evictions/evictions.go:623), so PodDisruptionBudgets
 * hold; on top of that the evictor protects pods without a PDB and pods with PersistentVolumeClaims (extra
 * protections `PodsWithoutPDB`, `PodsWithPVC`), only evicts pods that fit elsewhere (`nodeFit`) and of owners
 * with `minReplicas`. The default protection of pods with local storage is turned off (as the chart does):
 * every platform pod has an emptyDir at /tmp under its read-only root, which would protect every pod.
 */
export function deschedulerPolicy(config: DeschedulerConfig): Record<string, unknown> {
  const { profile } = config;
  const namespaces = config.excludeNamespaces.length > 0 ? { exclude: [...config.excludeNamespaces] } : undefined;
  const plugins: Array<{ name: string; args?: Record<string, unknown>; extension: 'balance' }> = [];
  if (profile.removeDuplicates.enabled)
    plugins.push({ name: 'RemoveDuplicates', extension: 'balance', ...(namespaces ? { args: { namespaces } } : {}) });
  if (profile.removePodsViolatingTopologySpreadConstraint.enabled)
    plugins.push({
      name: 'RemovePodsViolatingTopologySpreadConstraint',
      extension: 'balance',
      args: {
        constraints: profile.removePodsViolatingTopologySpreadConstraint.includeSoftConstraints
          ? ['DoNotSchedule', 'ScheduleAnyway']
          : ['DoNotSchedule'],
        ...(namespaces ? { namespaces } : {}),
      },
    });
  if (profile.lowNodeUtilization.enabled)
    plugins.push({
      name: 'LowNodeUtilization',
      extension: 'balance',
      args: {
        thresholds: { ...profile.lowNodeUtilization.thresholds },
        targetThresholds: { ...profile.lowNodeUtilization.targetThresholds },
        ...(namespaces ? { evictableNamespaces: namespaces } : {}),
      },
    });
  return {
    profiles: [
      {
        name: 'platform',
        pluginConfig: [
          {
            name: 'DefaultEvictor',
            args: {
              nodeFit: true,
              minReplicas: config.minReplicas,
              minPodAge: config.minPodAge,
              namespaceLabelSelector: {
                matchExpressions: [{ key: EXCLUDE_LABEL, operator: 'NotIn', values: ['true'] }],
              },
              podProtections: {
                defaultDisabled: ['PodsWithLocalStorage'],
                extraEnabled: ['PodsWithPVC', 'PodsWithoutPDB'],
              },
            },
          },
          ...plugins.map(({ name, args }) => ({ name, ...(args ? { args } : {}) })),
        ],
        plugins: { balance: { enabled: plugins.map((p) => p.name) } },
      },
    ],
  };
}
