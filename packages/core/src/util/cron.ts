/**
 * The cron grammar Longhorn's recurring jobs are parsed with: robfig/cron v3 `ParseStandard` (five fields:
 * minute, hour, day of month, month, day of week; names for months and week days; `*`, `?`, ranges, steps and
 * lists; the `@hourly` ... descriptors and `@every <duration>`). Longhorn's webhook rejects anything else
 * (longhorn-manager v1.12.1 datastore/longhorn.go:6199).
 */

const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  {
    name: 'month',
    min: 1,
    max: 12,
    names: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
  },
  { name: 'day of week', min: 0, max: 6, names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
] as const;

const DESCRIPTORS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

type Field = (typeof FIELDS)[number];

function value(text: string, field: Field): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const names: readonly string[] | undefined = 'names' in field ? field.names : undefined;
  const index = names?.indexOf(text.toLowerCase()) ?? -1;
  return index === -1 ? undefined : index + field.min;
}

function fieldProblem(text: string, field: Field): string | undefined {
  for (const part of text.split(',')) {
    const [range, step, extra] = part.split('/');
    if (extra !== undefined || range === undefined || range === '') return `${field.name} "${text}" is malformed`;
    if (step !== undefined && !/^[1-9]\d*$/.test(step)) return `${field.name} step "${step}" is not a positive number`;
    // robfig/cron reads `?` as `*` in every field.
    if (range === '*' || range === '?') continue;
    const [low, high, more] = range.split('-');
    const from = value(low ?? '', field);
    const to = high === undefined ? from : value(high, field);
    if (more !== undefined || from === undefined || to === undefined)
      return `${field.name} "${part}" is not a number, name or range`;
    if (from < field.min || to > field.max || from > to)
      return `${field.name} "${part}" is outside ${field.min}-${field.max}`;
  }
  return undefined;
}

/** Why `schedule` is not a standard cron schedule, or undefined when it is one. */
export function cronProblem(schedule: string): string | undefined {
  const text = schedule.trim().replace(/^(CRON_TZ|TZ)=\S+\s+/, '');
  if (text.startsWith('@')) {
    if (DESCRIPTORS.has(text)) return undefined;
    if (/^@every\s+(\d+(\.\d+)?(ns|us|\u00b5s|ms|s|m|h))+$/.test(text)) return undefined;
    return `"${text}" is not a cron descriptor (@hourly, @daily, @weekly, @monthly, @yearly, @every <duration>)`;
  }
  const fields = text.split(/\s+/);
  if (fields.length !== FIELDS.length)
    return `expected 5 fields (minute hour day-of-month month day-of-week), got ${fields.length}`;
  for (const [index, field] of FIELDS.entries()) {
    const problem = fieldProblem(fields[index]!, field);
    if (problem) return problem;
  }
  return undefined;
}
