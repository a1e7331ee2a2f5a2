import { describe, expect, it } from 'vitest';
import { type PlatformError, syncSteps } from '../index.js';

describe('syncSteps', () => {
  it('orders tiers first, then dependency levels inside a tier', () => {
    const steps = syncSteps([
      { name: 'grafana', tier: 'platform', dependsOn: ['mimir'] },
      { name: 'mimir', tier: 'platform', dependsOn: ['cert-manager'] },
      { name: 'istio-base', tier: 'crds', dependsOn: [] },
      { name: 'istiod', tier: 'operators', dependsOn: ['istio-base'] },
      { name: 'cert-manager', tier: 'operators', dependsOn: [] },
      { name: 'app', tier: 'workloads', dependsOn: [] },
    ]);
    expect(steps.map((s) => [s.wave, `${s.tier}-${s.level}`, s.components])).toEqual([
      [1, 'crds-1', ['istio-base']],
      [2, 'operators-1', ['cert-manager', 'istiod']],
      [3, 'platform-1', ['mimir']],
      [4, 'platform-2', ['grafana']],
      [5, 'workloads-1', ['app']],
    ]);
  });

  it('reports a cycle as the path around it', () => {
    expect(() =>
      syncSteps([
        { name: 'a', tier: 'platform', dependsOn: ['b'] },
        { name: 'b', tier: 'platform', dependsOn: ['c'] },
        { name: 'c', tier: 'platform', dependsOn: ['a'] },
      ]),
    ).toThrow('dependency cycle: a → b → c → a');
  });

  it('reports missing components and dependencies on later tiers', () => {
    try {
      syncSteps([
        { name: 'a', tier: 'crds', dependsOn: ['b', 'ghost'] },
        { name: 'b', tier: 'platform', dependsOn: [] },
      ]);
      expect.unreachable();
    } catch (error) {
      expect((error as PlatformError).problems.map((p) => p.message)).toEqual([
        'is in tier "crds" but depends on "b" in the later tier "platform"; move one of them',
        'depends on "ghost", which is not a component of this environment',
      ]);
    }
  });
});
