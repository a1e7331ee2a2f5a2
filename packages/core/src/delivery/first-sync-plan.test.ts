import { describe, expect, it } from 'vitest';
import { defineComponent } from '../model/component.js';
import { renderForTest } from '../testing/environment.js';
import { firstSyncPlan, formatFirstSyncPlan } from './first-sync-plan.js';
import { firstSyncShareRule } from './rules.js';

/** A chart component that renders nothing itself and declares the pods its chart starts, by wave. */
const charted = defineComponent({
  name: 'charted',
  tier: 'workloads',
  defaults: { waves: [] as number[][] },
  build: () => ({}),
  helm: ({ config }) => ({
    repoURL: 'https://charts.example.com',
    chart: 'charted',
    version: '1.0.0',
    values: {},
    firstSync: config.waves.flatMap((pods, wave) =>
      pods.map((n, i) => ({ workload: `Deployment/w${wave}-${i}`, pods: n, wave })),
    ),
  }),
});

/** The same chart without a declaration: the plan cannot count its pods. */
const opaque = defineComponent({
  name: 'opaque',
  tier: 'workloads',
  defaults: {},
  build: () => ({}),
  helm: () => ({ repoURL: 'https://charts.example.com', chart: 'opaque', version: '1.0.0', values: {} }),
});

const shareFindings = (rendered: Parameters<typeof firstSyncPlan>[0]) => {
  const messages: string[] = [];
  firstSyncShareRule().check(rendered, (f) => messages.push(f.message), {});
  return messages;
};

describe('first-sync plan of chart components', () => {
  it('counts the pods a chart component declares, in the waves it declares them, and shows them', async () => {
    const { rendered } = await renderForTest([charted({ waves: [[1, 1], [2]] })]);
    const plan = firstSyncPlan(rendered);
    const step = plan.steps.find((s) => s.components.includes('charted'))!;
    expect(plan.totalPods).toBe(4);
    expect(step.uncounted).toEqual([]);
    expect(step.stages.map((s) => [s.stage, s.pods])).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(formatFirstSyncPlan(plan)).toMatch(/stage 1: 2 pods \(50%\) — charted\/Deployment\/w1-0×2 \(chart\)/);
  });

  it('lists a chart component that declares nothing as not counted', async () => {
    const { rendered } = await renderForTest([opaque()]);
    expect(firstSyncPlan(rendered).steps.flatMap((s) => s.uncounted)).toEqual(['opaque']);
  });

  it('holds every wave within a chart to delivery.maxFirstSyncShare', async () => {
    // One wave of all 4 pods (100%) is over the default 60%.
    const together = await renderForTest([charted({ waves: [[3, 1]] })]);
    expect(shareFindings(together.rendered)).toEqual([
      expect.stringMatching(/stage 0 \(charted\) starts 4 of the environment's 4 pods \(100%\)/),
    ]);
    // Split over two waves of 2 pods each (50%): within the share.
    const split = await renderForTest([charted({ waves: [[2], [2]] })]);
    expect(shareFindings(split.rendered)).toEqual([]);
  });
});
