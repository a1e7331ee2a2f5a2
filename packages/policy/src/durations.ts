const UNITS: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, μs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };

/** Parses a Go duration (`2160h`, `1h30m`, `90m0s`), the format cert-manager accepts, into seconds; undefined if invalid. */
export function parseGoDuration(text: string): number | undefined {
  if (
    !/^([0-9]+(\.[0-9]*)?|\.[0-9]+)(ns|us|µs|μs|ms|s|m|h)(([0-9]+(\.[0-9]*)?|\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))*$/.test(
      text,
    )
  ) {
    return text === '0' ? 0 : undefined;
  }
  let total = 0;
  for (const match of text.matchAll(/([0-9]*\.?[0-9]*)(ns|us|µs|μs|ms|s|m|h)/g))
    total += Number(match[1]) * UNITS[match[2]!]!;
  return total;
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
