import { formatDuration, PlatformError, type PolicyRule } from '@platform/core';
import { type CalendarEntry, certificateCalendar, isAuthority } from './calendar.js';
import { formatWhen } from './calendar-format.js';
import { goSeconds } from './lifetime.js';

/** Options of {@link caExpiriesApart}. */
export interface CaExpiriesApartOptions {
  /** No two CAs may expire less than this apart, a Go duration. Default `720h` (30 days). */
  window?: string;
  /** How far ahead to compare, a Go duration. Default: the longest CA lifetime of the environment. */
  horizon?: string;
}

/** Id of the rule {@link caExpiriesApart} makes. */
export const CA_EXPIRIES_APART_RULE = 'pki.ca-expiries-apart';

/** The closest pair of expiries of two CAs: `[gap, expiry of a, expiry of b]`. */
function closest(a: CalendarEntry, b: CalendarEntry): [number, number, number] {
  let best: [number, number, number] = [Number.POSITIVE_INFINITY, 0, 0];
  for (const x of a.expiries) for (const y of b.expiries) if (Math.abs(x - y) < best[0]) best = [Math.abs(x - y), x, y];
  return best;
}

/**
 * A `pnpm check` rule over every CA the environment defines: the rendered cert-manager CA Certificates (its
 * root, Istio's mesh CA, Linkerd's anchors) and the CAs libraries declare (step-ca's offline root and
 * intermediate). Each must have an explicit lifetime, and no two may expire within `window` of each other at any
 * point up to the horizon, replacements included: two CAs rotated in the same month double the blast radius of a
 * failed rotation, and CAs created on the same day with the same lifetime expire together again and again.
 */
export function caExpiriesApart(options: CaExpiriesApartOptions = {}): PolicyRule {
  const window = goSeconds(options.window ?? '720h');
  const horizon = options.horizon === undefined ? undefined : goSeconds(options.horizon);
  if (window === undefined || window === 0 || (options.horizon !== undefined && horizon === undefined))
    throw new PlatformError({
      message: `caExpiriesApart(): window and horizon must be positive Go durations such as "720h", got ${JSON.stringify(options)}`,
    });
  return {
    id: CA_EXPIRIES_APART_RULE,
    severity: 'error',
    rationale: 'CAs that expire in the same month fail together; lifetimes must be explicit and their expiries apart.',
    check(rendered, report) {
      const calendar = certificateCalendar(rendered, horizon === undefined ? {} : { horizon });
      const authorities = calendar.entries.filter(isAuthority);
      const at = (entry: CalendarEntry, message: string) =>
        report({
          component: entry.component,
          ...(entry.object ? { object: entry.object, path: 'spec.duration' } : {}),
          message,
        });
      for (const ca of authorities) {
        if (!ca.lifetime) at(ca, `CA ${ca.name} has a duration or renewal that is not a Go duration`);
        else if (!ca.explicit)
          at(
            ca,
            `CA ${ca.name} leaves its lifetime to cert-manager's defaults; set spec.duration and spec.renewBefore`,
          );
      }
      const dated = authorities.filter((ca) => ca.lifetime !== undefined);
      for (let i = 0; i < dated.length; i++) {
        for (let j = i + 1; j < dated.length; j++) {
          const [a, b] = [dated[i]!, dated[j]!];
          const [gap, x, y] = closest(a, b);
          if (gap >= window) continue;
          at(
            b,
            `CA ${b.name} (${b.component}) expires at ${formatWhen(y)} and CA ${a.name} (${a.component}) at ${formatWhen(x)} after the first sync, ` +
              `${formatDuration(gap)} apart, less than ${formatDuration(window)}; change one's duration or renewBefore (see the certificate calendar)`,
          );
        }
      }
    },
  };
}

/** {@link caExpiriesApart} with its defaults: 30 days apart, up to the longest CA lifetime. */
export const caExpiriesApartRule: PolicyRule = caExpiriesApart();
