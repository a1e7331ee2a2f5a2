import type { FindingInput, PolicyRule, RenderedEnvironment } from '@platform/core';

/** The findings of one rule over a rendered environment, as `component: message` lines. */
export function findings(rule: PolicyRule, rendered: RenderedEnvironment): FindingInput[] {
  const found: FindingInput[] = [];
  rule.check(rendered, (finding) => found.push(finding), {});
  return found;
}

/** A declared CA of component `offline`, for the `certificateLifetime` capability. */
export function declaredCa(
  name: string,
  duration: string,
  renewBefore: string,
  role: 'root' | 'intermediate' = 'root',
) {
  return { component: 'offline', namespace: 'offline', name, role, duration, renewBefore, rotation: 'manual' as const };
}
