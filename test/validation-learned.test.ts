// Validation learns, per kind, where its validator reads which fields, and skips tracing objects whose fields
// all lie where problem-free traces have been (packages/core/src/validation/learned-fields.ts). That may only
// make it faster: for every rendered object of two environments, and for random mistakes put into them, the
// problems with a warm tree are exactly those of a traced validation.
import type { KubeObject } from '@platform/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import prod from '../environments/prod/index.js';
import selfhosted from '../environments/selfhosted/index.js';
import { BUILT_IN_KINDS } from '../packages/core/src/registry/builtin-kinds.js';
import { kindKey, type ModelClass } from '../packages/core/src/registry/kinds.js';
import { MONITORING_KINDS } from '../packages/core/src/registry/monitoring-kinds.js';
import { type FieldNode, fieldNode } from '../packages/core/src/validation/learned-fields.js';
import { modelProblems } from '../packages/core/src/validation/model-validator.js';

interface Case {
  Model: ModelClass;
  learned: FieldNode;
  object: KubeObject;
}

async function cases(): Promise<Case[]> {
  const models = new Map<string, { Model: ModelClass; learned: FieldNode }>();
  for (const definition of [...BUILT_IN_KINDS, ...MONITORING_KINDS]) {
    if (!('model' in definition.schema)) continue;
    models.set(kindKey(definition), { Model: await definition.schema.model(), learned: fieldNode() });
  }
  const found: Case[] = [];
  for (const environment of [prod, selfhosted]) {
    for (const { object } of (await environment.render()).objects) {
      const model = models.get(kindKey(object));
      if (model) found.push({ ...model, object });
    }
  }
  return found;
}

/** Every plain-object place of an object, as a path of keys and indices. */
function places(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return value.flatMap((item, index) => places(item, [...path, index]));
  if (value === null || typeof value !== 'object') return [];
  return [path, ...Object.entries(value).flatMap(([key, item]) => places(item, [...path, key]))];
}

function at(value: unknown, path: Array<string | number>): Record<string, unknown> {
  return path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], value) as Record<string, unknown>;
}

describe('validation with learned fields', () => {
  it('finds exactly what a traced validation finds, for every object and for random mistakes in them', async () => {
    const all = await cases();
    expect(all.length).toBeGreaterThan(400);
    for (const { Model, learned, object } of all) modelProblems(Model, object, learned);
    for (const { Model, learned, object } of all) {
      expect(modelProblems(Model, object, learned)).toEqual(modelProblems(Model, object));
    }
    let caught = 0;
    fc.assert(
      fc.property(
        fc.nat(all.length - 1),
        fc.nat(),
        fc.constantFrom('unknown field', 'null value', 'unknown field in a new object'),
        (which, where, mistake) => {
          const { Model, learned, object } = all[which] as Case;
          const copy = structuredClone(object);
          const candidates = places(copy);
          const target = at(copy, candidates[where % candidates.length] as Array<string | number>);
          const keys = Object.keys(target);
          if (mistake === 'unknown field') target.replicaz = 3;
          else if (mistake === 'null value' && keys.length > 0) target[keys[where % keys.length] as string] = null;
          else target.extraSection = { nested: 'x' };
          const traced = modelProblems(Model, copy);
          expect(modelProblems(Model, copy, learned)).toEqual(traced);
          if (traced.length > 0) caught++;
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 12) * 40 },
    );
    // The mistakes land in typed places often enough that the comparison is about problems, not only silence.
    expect(caught).toBeGreaterThan(0);
  }, 60_000);
});
