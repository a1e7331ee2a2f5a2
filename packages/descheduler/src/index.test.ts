import type { INetworkPolicy, IPrometheusRule } from '@platform/core';
import { applicationSetElement, renderError, renderForTest } from '@platform/core/testing';
import { runPolicies } from '@platform/policy';
import { describe, expect, it } from 'vitest';
import { descheduler } from './index.js';

interface PolicyProfile {
  name: string;
  pluginConfig: Array<{ name: string; args?: Record<string, unknown> }>;
  plugins: { balance: { enabled: string[] } };
}

async function profileOf(component = descheduler()): Promise<PolicyProfile> {
  const { rendered } = await renderForTest([component]);
  const values = applicationSetElement(rendered, 'descheduler').sources[0]!.helm!.valuesObject;
  return values.deschedulerPolicy.profiles[0];
}

const argsOf = (profile: PolicyProfile, plugin: string) => profile.pluginConfig.find((p) => p.name === plugin)?.args;

describe('descheduler', () => {
  it('installs the pinned chart as a Deployment with metrics, restricted', async () => {
    const { rendered } = await renderForTest([descheduler()]);
    const chart = applicationSetElement(rendered, 'descheduler').sources[0]!;
    expect(chart).toMatchObject({
      repoURL: 'https://kubernetes-sigs.github.io/descheduler/',
      chart: 'descheduler',
      targetRevision: '0.36.0',
    });
    const values = chart.helm!.valuesObject;
    expect(values).toMatchObject({
      kind: 'Deployment',
      deschedulingInterval: '5m',
      replicas: 1,
      deschedulerPolicyAPIVersion: 'descheduler/v1alpha2',
      podSecurityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      service: { enabled: true },
      serviceMonitor: { enabled: true },
      cmdOptions: { v: 3 },
    });
    // The chart's restricted container security context is kept.
    expect(values.securityContext).toBeUndefined();
  });

  it('balances with the three plugins of the typed profile', async () => {
    const profile = await profileOf();
    expect(profile.plugins.balance.enabled).toEqual([
      'RemoveDuplicates',
      'RemovePodsViolatingTopologySpreadConstraint',
      'LowNodeUtilization',
    ]);
    expect(argsOf(profile, 'LowNodeUtilization')).toEqual({
      thresholds: { cpu: 20, memory: 20, pods: 20 },
      targetThresholds: { cpu: 50, memory: 50, pods: 50 },
      evictableNamespaces: { exclude: ['kube-system'] },
    });
    expect(argsOf(profile, 'RemovePodsViolatingTopologySpreadConstraint')).toEqual({
      constraints: ['DoNotSchedule', 'ScheduleAnyway'],
      namespaces: { exclude: ['kube-system'] },
    });
    const without = await profileOf(descheduler({ profile: { lowNodeUtilization: { enabled: false } } }));
    expect(without.plugins.balance.enabled).not.toContain('LowNodeUtilization');
    expect(argsOf(without, 'LowNodeUtilization')).toBeUndefined();
  });

  it('respects PodDisruptionBudgets and leaves opted-out namespaces alone', async () => {
    const profile = await profileOf(descheduler({ excludeNamespaces: ['kube-system', 'mimir'] }));
    expect(argsOf(profile, 'DefaultEvictor')).toEqual({
      nodeFit: true,
      minReplicas: 2,
      minPodAge: '10m',
      namespaceLabelSelector: {
        matchExpressions: [{ key: 'descheduler.platform.dev/exclude', operator: 'NotIn', values: ['true'] }],
      },
      // Pods without a PDB and pods with volumes are never evicted; the helpers' /tmp emptyDir is no reason to keep a pod.
      podProtections: { defaultDisabled: ['PodsWithLocalStorage'], extraEnabled: ['PodsWithPVC', 'PodsWithoutPDB'] },
    });
    expect(argsOf(profile, 'RemoveDuplicates')).toEqual({ namespaces: { exclude: ['kube-system', 'mimir'] } });
  });

  it('simulates only when asked', async () => {
    const { rendered } = await renderForTest([descheduler({ evict: false })]);
    expect(applicationSetElement(rendered, 'descheduler').sources[0]!.helm!.valuesObject.cmdOptions).toEqual({
      v: 3,
      'dry-run': true,
    });
  });

  it('reports bad configuration with paths', async () => {
    const errors = await renderError([
      descheduler({
        interval: '30s',
        minPodAge: '10 minutes',
        excludeNamespaces: ['Kube_System'],
        profile: { lowNodeUtilization: { thresholds: { cpu: 60 }, targetThresholds: { memory: 120 } } },
      }),
    ]);
    expect(errors).toContain('interval: runs of less than a minute apart only churn pods');
    expect(errors).toContain('minPodAge: expected a duration such as');
    expect(errors).toContain('excludeNamespaces[0]: expected a DNS label');
    expect(errors).toContain(
      'profile.lowNodeUtilization.targetThresholds.memory: expected a whole number from 0 to 100, got 120',
    );
    expect(errors).toContain('profile.lowNodeUtilization.targetThresholds.cpu: must not be below thresholds.cpu (60)');
  });

  it("talks only to the API server, alerts on failing and churning evictions, and passes pnpm check's rules", async () => {
    const { rendered, objects } = await renderForTest([descheduler()]);
    const egress = objects('descheduler').networkpolicy_allow_api_server as INetworkPolicy;
    expect(egress.spec!.podSelector).toEqual({
      matchLabels: { 'app.kubernetes.io/name': 'descheduler', 'app.kubernetes.io/instance': 'descheduler' },
    });
    const rules = (objects('descheduler').alerts_prometheusrule as IPrometheusRule).spec.groups![0]!.rules!;
    expect(rules.map((r) => r.alert)).toEqual(['DeschedulerEvictionsFailing', 'DeschedulerChurn']);
    expect(rules[1]!.expr).toContain('> 100');
    const errors = runPolicies(rendered).findings.filter(
      (f) => f.severity === 'error' && f.component === 'descheduler',
    );
    expect(errors).toEqual([]);
  });
});
