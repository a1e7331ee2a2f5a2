import { describe, expect, it } from 'vitest';
import { web } from '../fixtures.test-helpers.js';
import { renderForTest } from '../testing/index.js';

describe('a component in a namespace another component creates', () => {
  it('syncs one step after the creator, without declaring it', async () => {
    const { rendered } = await renderForTest([web(), web().named('sidekick').inNamespace('web', { create: false })]);
    const stepOf = (name: string) => rendered.steps.findIndex((step) => step.components.includes(name));
    expect(stepOf('sidekick')).toBe(stepOf('web') + 1);
    expect(rendered.components.find((c) => c.name === 'sidekick')!.dependsOn).toContain('web');
  });

  it('is a render error when the creator is in a later tier, since every later step waits for this one', async () => {
    const early = web().named('early').inTier('operators').inNamespace('web', { create: false });
    await expect(renderForTest([web(), early])).rejects.toThrow(
      /early.*lives in namespace "web", which "web" creates in the later tier "workloads"/s,
    );
  });
});
