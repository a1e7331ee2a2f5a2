import { describeValue, parseDuration } from '@platform/core';

/**
 * Seconds of a Go duration (`2160h`, `1h30m`), the only form cert-manager accepts for `duration` and
 * `renewBefore` (no `d` or `y`). Undefined when the text is not one.
 */
export function goDurationSeconds(text: string): number | undefined {
  return parseDuration(text, 'go');
}

/** cert-manager's own limits (pkg/apis/certmanager/v1/const.go): a certificate lives at least 1h ... */
export const MINIMUM_DURATION_SECONDS = 3600;
/** ... and is renewed at least 5m before it expires. */
export const MINIMUM_RENEW_BEFORE_SECONDS = 300;

/**
 * The problems cert-manager's admission webhook would reject a `duration`/`renewBefore` pair for, as
 * `[field, message]` pairs, so they surface at render time instead of as a failed sync.
 */
export function lifetimeProblems(duration: string, renewBefore: string): Array<['duration' | 'renewBefore', string]> {
  const problems: Array<['duration' | 'renewBefore', string]> = [];
  const total = goDurationSeconds(duration);
  const renew = goDurationSeconds(renewBefore);
  if (total === undefined)
    problems.push([
      'duration',
      `expected a Go duration in hours, minutes or seconds such as "2160h", got ${describeValue(duration)}`,
    ]);
  else if (total < MINIMUM_DURATION_SECONDS)
    problems.push(['duration', `cert-manager requires at least 1h, got ${describeValue(duration)}`]);
  if (renew === undefined)
    problems.push([
      'renewBefore',
      `expected a Go duration in hours, minutes or seconds such as "720h", got ${describeValue(renewBefore)}`,
    ]);
  else if (renew < MINIMUM_RENEW_BEFORE_SECONDS)
    problems.push(['renewBefore', `cert-manager requires at least 5m, got ${describeValue(renewBefore)}`]);
  if (total !== undefined && renew !== undefined && renew >= total) {
    problems.push(['renewBefore', `must be shorter than duration (${duration}), got ${describeValue(renewBefore)}`]);
  }
  return problems;
}
