import fc from 'fast-check';
import { dump } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { DUMP_OPTIONS, serialize } from './serialise.js';

// The writer promises js-yaml's bytes; js-yaml with the same options is the oracle.
function jsYaml(value: unknown): string {
  try {
    return dump(value, DUMP_OPTIONS);
  } catch (error) {
    return `throws: ${(error as Error).message}`;
  }
}
function ours(value: unknown): string {
  try {
    return serialize(value);
  } catch (error) {
    return `throws: ${(error as Error).message}`;
  }
}

/** Strings at every edge of YAML's plain, quoted and block styles. */
const TRICKY = [
  '',
  ' ',
  'true',
  'True',
  'TRUE',
  'yes',
  'No',
  'on',
  'OFF',
  'y',
  'n',
  'null',
  'Null',
  '~',
  '=',
  '<<',
  '1',
  '-1',
  '+1',
  '0x1f',
  '0o17',
  '1_000',
  '1e3',
  '1.5',
  '.5',
  '.inf',
  '-.Inf',
  '.nan',
  '2001-12-14',
  '2001-12-14t21:59:43.10-05:00',
  '12:30',
  '190:20:30',
  '- a',
  '-a',
  'a: b',
  'a:b',
  'a:',
  ':a',
  'a #b',
  'a#b',
  '#a',
  '?a',
  '? a',
  '!a',
  '&a',
  '*a',
  '|',
  '>',
  '%a',
  '@a',
  '`a',
  "'a",
  '"a"',
  "it's",
  'a,b',
  '[1]',
  '{a}',
  'a b',
  'a  b',
  'a ',
  ' a',
  'a\tb',
  '\t',
  'a\nb',
  'a\n',
  'a\n\n',
  '\n',
  '\n\n',
  '\na',
  ' a\nb',
  '  \n  x',
  'x\n  y\n',
  'a \nb',
  'a\n b',
  'a\r\nb',
  'a\r',
  '---',
  '...',
  '--- a',
  'a\n---\nb',
  'a\n...',
  '\u00a0',
  'é',
  '😀',
  '\u2028',
  '\ufeff',
  '\x7f',
  '\x00',
  '\x1b',
  'http://example.com/a?b=c#d',
  'quay.io/prometheus/node-exporter:v1.12.1',
  'A_B-c.d/e=f+g@h(i)',
  '0.0.0.0:9090',
  'app.kubernetes.io/name',
  '{{ .Values.x }}',
  '${VAR}',
  'sum(rate(x[5m])) by (job)',
  'a'.repeat(1100),
];

const stringValue = fc.oneof(
  fc.constantFrom(...TRICKY),
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.stringMatching(/^[a-z0-9 :#.'"|>\n\t-]{0,12}$/),
);
const leaf = fc.oneof(
  stringValue,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constantFrom(null, undefined, -0, 2 ** 60, Number.NaN, Number.POSITIVE_INFINITY, 1e21, 0.1),
);
const key = fc.oneof(stringValue, fc.constantFrom('apiVersion', 'kind', 'metadata', 'name', 'namespace', 'spec'));
const { value } = fc.letrec<{ value: unknown; array: unknown[]; map: Record<string, unknown> }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('array'), tie('map')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  map: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
}));

describe('serialize', () => {
  it('writes exactly what js-yaml writes, for random documents', () => {
    const runs = Number(process.env.FUZZ_RUNS ?? 12) * 250;
    fc.assert(
      fc.property(fc.oneof(fc.dictionary(key, value, { maxKeys: 6 }), value), (document) => {
        expect(ours(document)).toBe(jsYaml(document));
      }),
      { numRuns: runs },
    );
  });

  it('writes exactly what js-yaml writes for every tricky string as key, value and sequence item, at depth', () => {
    for (const text of TRICKY) {
      const document = { [text]: text, list: [text, [text], { [text]: [text] }], deep: { a: { b: { c: text } } } };
      expect(ours(document), JSON.stringify(text)).toBe(jsYaml(document));
    }
  });

  it('orders keys apiVersion, kind, metadata, name, namespace, then alphabetically, at every depth', () => {
    const text = serialize({
      spec: { z: 1, name: 'x', a: 2 },
      kind: 'K',
      metadata: { namespace: 'ns', name: 'm' },
      apiVersion: 'v1',
    });
    expect(text).toBe(
      'apiVersion: v1\nkind: K\nmetadata:\n  name: m\n  namespace: ns\nspec:\n  name: x\n  a: 2\n  z: 1\n',
    );
  });

  it('indents block scalars for their depth and keeps trailing line breaks', () => {
    expect(serialize({ a: { b: ['x\ny\n\n'] } })).toBe('a:\n  b:\n    - |+\n      x\n      y\n\n...\n');
    expect(serialize({ a: ' lead\nnext' })).toBe('a: |2-\n   lead\n  next\n');
  });

  it('hands what it does not write itself to js-yaml: dates, maps, functions', () => {
    const date = new Date(0);
    expect(serialize({ at: date })).toBe(jsYaml({ at: date }));
    expect(ours({ f: () => 1 })).toBe(jsYaml({ f: () => 1 }));
    expect(ours({ m: new Map([['a', 1]]) })).toBe(jsYaml({ m: new Map([['a', 1]]) }));
  });
});
