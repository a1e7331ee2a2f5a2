import { stableJson } from '@platform/core';
import { describe, expect, it } from 'vitest';
import { mergeIni, writeIni } from './ini.js';

describe('grafana.ini writer', () => {
  it('sorts sections and keys, and triple-quotes values Grafana would cut at a comment sign', () => {
    expect(
      writeIni({
        server: { root_url: 'https://g/', domain: 'g' },
        auth: { signout_redirect_url: 'https://sso/logout?a=1;b=2#x' },
        empty: {},
      }),
    ).toBe(
      '[auth]\nsignout_redirect_url = """https://sso/logout?a=1;b=2#x"""\n\n[server]\ndomain = g\nroot_url = https://g/\n',
    );
  });

  it('merges layers key by key', () => {
    expect(mergeIni({ a: { x: 1, y: 2 } }, { a: { y: 3 }, b: { z: true } })).toEqual({
      a: { x: 1, y: 3 },
      b: { z: true },
    });
  });
});

describe('stableJson', () => {
  it('sorts keys at every depth and keeps list order', () => {
    expect(stableJson({ b: [{ d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[{"c":2,"d":1}]}');
  });
});
