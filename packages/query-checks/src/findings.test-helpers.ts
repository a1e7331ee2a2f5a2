import type { FindingInput, PolicyRule, RenderedEnvironment } from '@platform/core';

/** Runs `rules` alone over a render (without the built-in rules), returning `rule: component: message` lines. */
export function findings(rendered: RenderedEnvironment, rules: PolicyRule[]): string[] {
  const found: string[] = [];
  for (const rule of rules)
    rule.check(
      rendered,
      (finding: FindingInput) => found.push(`${rule.id}: ${finding.component}: ${finding.message}`),
      {},
    );
  return found;
}
