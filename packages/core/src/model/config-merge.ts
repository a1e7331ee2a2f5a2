import { didYouMean } from '../util/suggest.js';
import { describeValue, PlatformError, type Problem } from './errors.js';
import { clone, type DeepPartial, isPlainObject } from './patch.js';

/**
 * Merges a user's partial configuration into a component's defaults, checking it against the shape of the
 * defaults: a key the defaults do not have is a misspelling, and a value of another type than the default is
 * a mistake. Both are reported with the field path, what was expected and what was given.
 *
 * Conventions for defaults: an empty object `{}` is an open map (any keys, e.g. extra flags or labels);
 * a key present with the value `undefined` is optional and unchecked; lists replace.
 */
export function mergeConfig<C extends object>(defaults: C, ...layers: Array<DeepPartial<C> | undefined>): C {
  const problems: Problem[] = [];
  let result = clone(defaults) as Record<string, unknown>;
  for (const layer of layers) {
    if (layer !== undefined)
      result = mergeLayer(
        defaults as Record<string, unknown>,
        result,
        layer as Record<string, unknown>,
        '',
        problems,
      ) as Record<string, unknown>;
  }
  if (problems.length > 0) throw new PlatformError(problems);
  return result as C;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  return typeof value === 'object' ? 'object' : typeof value;
}

function mergeLayer(shape: unknown, base: unknown, layer: unknown, path: string, problems: Problem[]): unknown {
  if (!isPlainObject(layer)) {
    problems.push({ path: path || '(config)', message: `expected an object, got ${describeValue(layer)}` });
    return base;
  }
  const shapeObject = isPlainObject(shape) ? shape : {};
  const openMap = Object.keys(shapeObject).length === 0;
  const result: Record<string, unknown> = isPlainObject(base) ? { ...base } : {};
  for (const [key, value] of Object.entries(layer)) {
    if (value === undefined) continue;
    const fieldPath = path ? `${path}.${key}` : key;
    if (!openMap && !(key in shapeObject)) {
      problems.push({
        path: fieldPath,
        message: `unknown field${didYouMean(key, Object.keys(shapeObject))}; known fields: ${Object.keys(shapeObject).sort().join(', ')}`,
      });
      continue;
    }
    const expected = openMap ? undefined : shapeObject[key];
    if (expected === undefined || expected === null) {
      result[key] = clone(value);
      continue;
    }
    const expectedKind = kindOf(expected);
    const givenKind = kindOf(value);
    if (expectedKind !== givenKind) {
      problems.push({ path: fieldPath, message: `expected ${article(expectedKind)}, got ${describeValue(value)}` });
      continue;
    }
    result[key] =
      expectedKind === 'object' ? mergeLayer(expected, result[key], value, fieldPath, problems) : clone(value);
  }
  return result;
}

function article(kind: string): string {
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}
