import { formatDuration } from '@platform/core';
import type { CalendarEntry, CertificateCalendar } from './calendar.js';

const DAY = 86400;

/** `day 365` from a day on, `1h` before: how far after the first sync something happens. */
export function formatWhen(seconds: number): string {
  if (seconds < DAY) return formatDuration(seconds);
  const days = seconds / DAY;
  return `day ${Number.isInteger(days) ? days : days.toFixed(1)}`;
}

/** `8760h (365d)`: a lifetime in the Go syntax it is written in, with days for people. */
export function formatLifetime(seconds: number): string {
  return seconds >= DAY ? `${formatDuration(seconds)} (${+(seconds / DAY).toFixed(1)}d)` : formatDuration(seconds);
}

function row(entry: CalendarEntry): string[] {
  const [first, ...later] = entry.expiries;
  const lifetime = entry.lifetime
    ? `${formatLifetime(entry.lifetime.duration)}, replaced ${formatLifetime(entry.lifetime.renewBefore)} ahead`
    : 'does not parse';
  const shown = later.slice(0, 4).map(formatWhen);
  return [
    first === undefined ? '-' : formatWhen(first),
    entry.role,
    `${entry.name}${entry.explicit ? '' : ' (cert-manager defaults)'}`,
    entry.component,
    entry.issuer ?? '-',
    lifetime,
    entry.rotation,
    later.length === 0
      ? ''
      : `${shown.join(', ')}${entry.expiryCount > shown.length + 1 ? `, … (${entry.expiryCount} in all)` : ''}`,
  ];
}

/**
 * The calendar as a table for people (`pnpm plan <env> --certificates`): one line per certificate, first expiry
 * first, with its role, issuer, lifetime, who rotates it and the next expiries of its replacements.
 */
export function formatCertificateCalendar(calendar: CertificateCalendar): string {
  const header = ['first expiry', 'role', 'certificate', 'component', 'issuer', 'lifetime', 'rotation', 'then'];
  const rows = [header, ...calendar.entries.map(row)];
  const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = rows.map((r) =>
    r
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
  return [
    `Certificates of the environment, counted from the first sync (when each is first issued), up to ${formatWhen(calendar.horizon)}:`,
    '',
    ...lines,
    '',
  ].join('\n');
}
