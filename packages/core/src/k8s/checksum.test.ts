import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { configChecksum, stableJson } from './checksum.js';

/** What stableJson promised before it wrote JSON itself: stringify a copy whose keys were sorted. */
function sortedCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedCopy);
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(object)
        .sort()
        .map((key) => [key, sortedCopy(object[key])]),
    );
  }
  return value;
}
const outcome = (run: () => string) => {
  try {
    return run();
  } catch (error) {
    return `throws ${(error as Error).name}`;
  }
};

describe('stableJson', () => {
  it('writes the bytes of JSON.stringify over a key-sorted copy, for any data', () => {
    const key = fc.oneof(
      fc.string(),
      fc.constantFrom('0', '1', '10', '2', '01', '4294967294', '4294967295', '__proto__'),
    );
    fc.assert(
      fc.property(
        fc.anything({ key, withNullPrototype: true, withObjectString: true, withDate: true, withSparseArray: true }),
        (value) => {
          expect(outcome(() => stableJson(value))).toBe(outcome(() => JSON.stringify(sortedCopy(value))));
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 12) * 250 },
    );
  });

  it('gives the same bytes whatever the insertion order', () => {
    expect(stableJson({ b: [{ y: 1, x: 2 }], a: null })).toBe('{"a":null,"b":[{"x":2,"y":1}]}');
    expect(stableJson({ a: null, b: [{ x: 2, y: 1 }] })).toBe(stableJson({ b: [{ y: 1, x: 2 }], a: null }));
  });

  it('indents when asked', () => {
    expect(stableJson({ b: 1, a: 2 }, 2)).toBe('{\n  "a": 2,\n  "b": 1\n}');
  });
});

describe('configChecksum', () => {
  it('changes when any part changes, and with where parts split', () => {
    expect(configChecksum('a', 'b')).not.toBe(configChecksum('a', 'c'));
    expect(configChecksum('ab', 'c')).not.toBe(configChecksum('a', 'bc'));
    expect(configChecksum('a', 'b')).toBe(configChecksum('a', 'b'));
  });
});
