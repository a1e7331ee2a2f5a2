import { describe, expect, it } from 'vitest';
import { applyPatch, replace } from '../index.js';

describe('applyPatch', () => {
  it('merges objects deeply and leaves the base untouched', () => {
    const base: { spec: { replicas: number; template: { metadata: { labels: Record<string, string> } } } } = {
      spec: { replicas: 1, template: { metadata: { labels: { a: '1' } } } },
    };
    const result = applyPatch(base, { spec: { template: { metadata: { labels: { b: '2' } } } } });
    expect(result).toEqual({ spec: { replicas: 1, template: { metadata: { labels: { a: '1', b: '2' } } } } });
    expect(base.spec.template.metadata.labels).toEqual({ a: '1' });
  });

  it('deletes a field given null, as JSON merge patch does', () => {
    expect(applyPatch({ a: 1, b: { c: 2, d: 3 } }, { b: { c: null } })).toEqual({ a: 1, b: { d: 3 } });
  });

  it('merges lists of named items by name: patches, appends and deletes', () => {
    type Container = { name: string; image?: string; env?: Array<{ name: string; value: string }> };
    const base: { containers: Container[] } = {
      containers: [
        { name: 'app', image: 'a:1', env: [{ name: 'X', value: '1' }] },
        { name: 'sidecar', image: 's:1' },
      ],
    };
    const result = applyPatch(base, {
      containers: [
        {
          name: 'app',
          env: [
            { name: 'Y', value: '2' },
            { name: 'X', value: 'changed' },
          ],
        },
        { name: 'sidecar', $patch: 'delete' },
        { name: 'extra', image: 'e:1' },
      ],
    });
    expect(result.containers).toEqual([
      {
        name: 'app',
        image: 'a:1',
        env: [
          { name: 'X', value: 'changed' },
          { name: 'Y', value: '2' },
        ],
      },
      { name: 'extra', image: 'e:1' },
    ]);
  });

  it('replaces lists without names, and any list wrapped in replace()', () => {
    expect(applyPatch({ args: ['-a', '-b'] }, { args: ['-c'] })).toEqual({ args: ['-c'] });
    const base = { ports: [{ name: 'http', containerPort: 80 }] };
    expect(applyPatch(base, { ports: replace([{ name: 'grpc', containerPort: 9095 }]) })).toEqual({
      ports: [{ name: 'grpc', containerPort: 9095 }],
    });
  });

  it('replaces an object wrapped in replace()', () => {
    const base: { selector: Record<string, string> } = { selector: { a: '1', b: '2' } };
    expect(applyPatch(base, { selector: replace({ c: '3' }) })).toEqual({ selector: { c: '3' } });
  });

  it('refuses a patch that contains itself, naming where, instead of recursing without end', () => {
    const loop: Record<string, unknown> = { replicas: 2 };
    loop.template = { spec: loop };
    expect(() => applyPatch({ spec: {} }, { spec: loop } as never)).toThrow(
      expect.objectContaining({ name: 'PatchProblem', path: 'spec.template.spec' }),
    );
    const list: unknown[] = [];
    list.push({ items: list });
    expect(() => applyPatch({}, { items: list } as never)).toThrow(/circular reference/);
    // The same object twice, side by side, is no loop.
    const shared = { a: 1 };
    expect(applyPatch({}, { x: shared, y: shared } as never)).toEqual({ x: { a: 1 }, y: { a: 1 } });
  });
});
