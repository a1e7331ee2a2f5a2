/**
 * Durations in the two grammars the platform's upstreams parse, implemented once:
 *
 * - `go`: Go's `time.ParseDuration` (cert-manager lifetimes, External Secrets' refreshInterval, Tempo and
 *   Alloy settings): decimal numbers with units `ns`, `us`/`µs`/`μs`, `ms`, `s`, `m`, `h`, in any order, e.g.
 *   `1h30m`, `1.5h`; `0` alone is valid; no days.
 * - `prometheus`: Prometheus' `model.ParseDuration` (rule `for`, scrape intervals, Mimir and Loki retention):
 *   whole numbers with units `y`, `w`, `d`, `h`, `m`, `s`, `ms`, each at most once and in that order, e.g. `30d`,
 *   `1h30m`; `0` alone is valid.
 */
export type DurationGrammar = 'go' | 'prometheus';

const GO_UNITS: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, μs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
// µ (micro sign) and μ (Greek mu) as escapes: the CLI's bundle loads fastest when it is all ASCII.
const GO_DURATION = /^[-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|\u00b5s|\u03bcs|ms|s|m|h))+$/;
const GO_PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h)/g;

const PROMETHEUS_DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const PROMETHEUS_UNITS = [365 * 86400, 7 * 86400, 86400, 3600, 60, 1, 1e-3];

/** Seconds of a duration in `grammar`, or undefined when the text is not one. */
export function parseDuration(text: string, grammar: DurationGrammar): number | undefined {
  if (text === '0') return 0;
  if (grammar === 'go') {
    if (!GO_DURATION.test(text)) return undefined;
    let total = 0;
    for (const [, amount, unit] of text.matchAll(GO_PART)) total += Number(amount) * GO_UNITS[unit!]!;
    return text.startsWith('-') ? -total : total;
  }
  const match = PROMETHEUS_DURATION.exec(text);
  if (!match || text === '') return undefined;
  return match
    .slice(1)
    .reduce((total, amount, index) => total + (amount ? Number(amount) * PROMETHEUS_UNITS[index]! : 0), 0);
}

/** An example for messages about a duration in `grammar`. */
export function durationExample(grammar: DurationGrammar): string {
  return grammar === 'go' ? '"30s", "15m" or "2160h"' : '"30s", "15m", "2h" or "30d"';
}

/** Seconds as a Go-style duration for messages: `2160h`, `1h30m`, `45s`. */
export function formatDuration(seconds: number): string {
  const negative = seconds < 0;
  let rest = Math.round(Math.abs(seconds));
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  const secs = rest - minutes * 60;
  const text = `${hours ? `${hours}h` : ''}${minutes ? `${minutes}m` : ''}${secs || (!hours && !minutes) ? `${secs}s` : ''}`;
  return negative ? `-${text}` : text;
}
