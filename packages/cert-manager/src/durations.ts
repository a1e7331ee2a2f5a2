import { describeValue, formatDuration, parseDuration } from '@platform/core';

/** The two lifetime fields of a certificate (`duration`, `renewBefore`), both Go durations (no `d` or `y`). */
type LifetimeField = 'duration' | 'renewBefore';

/**
 * cert-manager's own limits (pkg/apis/certmanager/v1/const.go): a certificate lives at least 1h and is renewed at
 * least 5m before it expires; examples for messages.
 */
const LIMITS: Record<LifetimeField, { minimumSeconds: number; example: string }> = {
  duration: { minimumSeconds: 3600, example: '2160h' },
  renewBefore: { minimumSeconds: 300, example: '720h' },
};

/**
 * The problems cert-manager's admission webhook would reject a `duration`/`renewBefore` pair for, as
 * `[field, message]` pairs, so they surface at render time instead of as a failed sync.
 */
export function lifetimeProblems(duration: string, renewBefore: string): Array<[LifetimeField, string]> {
  const problems: Array<[LifetimeField, string]> = [];
  const seconds = (field: LifetimeField, text: string): number | undefined => {
    const value = parseDuration(text, 'go');
    const { minimumSeconds, example } = LIMITS[field];
    if (value === undefined)
      problems.push([
        field,
        `expected a Go duration in hours, minutes or seconds such as "${example}", got ${describeValue(text)}`,
      ]);
    else if (value < minimumSeconds)
      problems.push([
        field,
        `cert-manager requires at least ${formatDuration(minimumSeconds)}, got ${describeValue(text)}`,
      ]);
    return value;
  };
  const total = seconds('duration', duration);
  const renew = seconds('renewBefore', renewBefore);
  if (total !== undefined && renew !== undefined && renew >= total) {
    problems.push(['renewBefore', `must be shorter than duration (${duration}), got ${describeValue(renewBefore)}`]);
  }
  return problems;
}
