import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { re2Class, translate } from '../packages/cli/launcher/re2-shim.mjs';

// re2-wasm as kubernetes-models' validators load it.
const require = createRequire(import.meta.url);
const { RE2 } = require(`${import.meta.dirname}/../node_modules/.pnpm/re2-wasm@1.0.2/node_modules/re2-wasm`) as {
  RE2: new (pattern: string, flags?: string) => { test(input: string): boolean; exec(input: string): unknown };
};

describe('the RE2 stand-in of the bundle', () => {
  it('answers the PrometheusRule pattern natively, exactly as re2-wasm does', () => {
    const pattern = '^(?i)(abort|warn)?$';
    expect(translate(pattern)).toEqual({ source: '^(abort|warn)?$', flags: 'iu' });
    const native = new (re2Class(() => {
      throw new Error('must not load re2-wasm for this pattern');
    }))(pattern, 'u');
    const real = new RE2(pattern, 'u');
    for (const input of [
      '',
      'abort',
      'ABORT',
      'Warn',
      'warn ',
      'abortwarn',
      'abor',
      'wärn',
      'ſ',
      'WARN\n',
      '\u212Aabort',
      'x',
    ]) {
      expect(native.test(input), JSON.stringify(input)).toBe(real.test(input));
    }
  });

  it('leaves every other pattern to re2-wasm', () => {
    for (const pattern of ['^((?i)sun|mon)day$', '^(?i)a.b$', '^(?i)(?:a|b)$', '^(?i)(a$', '^[a-z]+$', '(?i)\\d+'])
      expect(translate(pattern), pattern).toBeUndefined();
    let loaded = 0;
    const Shim = re2Class(() => {
      loaded++;
      return RE2;
    });
    expect(new Shim('^((?i)sun|mon)day$', 'u').test('SUNday')).toBe(true);
    expect(new Shim('^((?i)sun|mon)day$', 'u').test('monDAY')).toBe(false);
    expect(loaded).toBe(1);
  });
});
