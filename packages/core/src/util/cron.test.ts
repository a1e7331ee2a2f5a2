import { describe, expect, it } from 'vitest';
import { cronProblem } from './cron.js';

describe('cronProblem', () => {
  it('accepts what robfig/cron ParseStandard accepts', () => {
    for (const schedule of [
      '0 * * * *',
      '*/15 2-4 * jan-mar mon,fri',
      '30 1 ? * *',
      '0 0 1 1 0',
      '@daily',
      '@every 1h30m',
      'CRON_TZ=Europe/Berlin 0 3 * * *',
      '5/10 * * * *',
    ])
      expect(cronProblem(schedule), schedule).toBeUndefined();
  });

  it('names what is wrong', () => {
    expect(cronProblem('0 * * *')).toBe('expected 5 fields (minute hour day-of-month month day-of-week), got 4');
    expect(cronProblem('60 * * * *')).toBe('minute "60" is outside 0-59');
    expect(cronProblem('0 5-2 * * *')).toBe('hour "5-2" is outside 0-23');
    expect(cronProblem('0 0 * foo *')).toBe('month "foo" is not a number, name or range');
    expect(cronProblem('*/0 * * * *')).toBe('minute step "0" is not a positive number');
    expect(cronProblem('@fortnightly')).toContain('is not a cron descriptor');
  });
});
