import { didYouMean } from '../util/suggest.js';

/**
 * Deep overrides, the TypeScript form of Jsonnet's `+:`.
 *
 * - Objects merge key by key; `null` deletes a key (as in JSON merge patch).
 * - Lists whose items carry a `name` (containers, ports, env, volumes, volumeMounts ...) merge item by item
 *   by name: a patch item with a known name patches that item, a new name is appended (it must then be
 *   complete: a container needs an image, a port its number, so that a misspelt name is an error instead of
 *   a broken new item), and `{ name, $patch: 'delete' }` removes the item.
 * - Any other list, and any list wrapped in {@link replace}, replaces the old list whole.
 */

/**
 * Marks a value that replaces the old value whole instead of merging into it. The brand is a plain string
 * key (not a unique symbol) so that replacements made with one @platform/core version are understood by
 * another: an environment may pin an older core than its base.
 */
export interface Replacement<T> {
  readonly __platformReplace: true;
  readonly value: T;
}

/** Replace a list or object whole instead of merging into it: `containers: replace([...])`. */
export function replace<T>(value: T): Replacement<T> {
  return { __platformReplace: true, value };
}

function isReplacement(value: unknown): value is Replacement<unknown> {
  return (
    typeof value === 'object' && value !== null && (value as { __platformReplace?: unknown }).__platformReplace === true
  );
}

type Primitive = string | number | boolean | bigint | symbol | undefined | null;

/** A list item patch: the item's name plus any fields to change, or `$patch: 'delete'` to remove it. */
export type NamedItemPatch<I> = Patch<Omit<I, 'name'>> & { name: string; $patch?: 'delete' };

/** The typed shape of a deep override of `T`. */
export type Patch<T> = T extends Primitive
  ? T
  : T extends readonly (infer I)[]
    ? ('name' extends keyof I ? NamedItemPatch<I>[] : I[]) | Replacement<I[]>
    : T extends object
      ? { [K in keyof T]?: Patch<T[K]> | null } | Replacement<T>
      : T;

/** A partial configuration: every field optional, at every depth; lists replace. */
export type DeepPartial<T> = T extends Primitive | ((...args: never[]) => unknown)
  ? T
  : T extends readonly unknown[]
    ? T
    : T extends object
      ? { [K in keyof T]?: DeepPartial<T[K]> }
      : T;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isNamedList(list: unknown[]): list is Array<{ name: string }> {
  return list.every((item) => isPlainObject(item) && typeof item.name === 'string');
}

/** A problem in a patch or in data being copied, with the path inside it. */
export class PatchProblem extends Error {
  readonly path: string;

  constructor(path: string, message: string) {
    super(message);
    this.name = 'PatchProblem';
    this.path = path;
  }
}

/** The message for a patch or value that contains itself (code can build one; no literal can). */
const CIRCULAR = 'refers to an object that contains it (a circular reference); Kubernetes objects are trees';

/**
 * Deep copy of plain JSON-like data; class instances (kubernetes-models) become plain data too. A value that
 * contains itself is a {@link PatchProblem} naming where, not an endless recursion.
 */
export function clone<T>(value: T): T {
  return copy(value, [], new Set()) as T;
}

// `path` is one stack shared by the whole walk (pushed and popped, joined only for an error): a copy per level
// and key was most of the cost of cloning a rendered environment.
function copy(value: unknown, path: string[], ancestors: Set<object>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (ancestors.has(value)) throw new PatchProblem(path.join('.'), CIRCULAR);
  ancestors.add(value);
  let out: unknown;
  if (Array.isArray(value)) {
    const items = new Array<unknown>(value.length);
    for (let index = 0; index < value.length; index++) {
      path.push(`[${index}]`);
      items[index] = copy(value[index], path, ancestors);
      path.pop();
    }
    out = items;
  } else {
    const source =
      typeof (value as { toJSON?: unknown }).toJSON === 'function' && !isPlainObject(value)
        ? (value as { toJSON(): Record<string, unknown> }).toJSON()
        : (value as Record<string, unknown>);
    const result: Record<string, unknown> = {};
    for (const key of Object.keys(source)) {
      const item = source[key];
      if (item === undefined) continue;
      path.push(key);
      result[key] = copy(item, path, ancestors);
      path.pop();
    }
    out = result;
  }
  ancestors.delete(value);
  return out;
}

/**
 * What a new item of a named list must have to be added by an override (otherwise the name is a misspelling
 * of an existing item, and appending it would render a broken object): the item's essential field by list.
 */
const ESSENTIAL_FIELDS: Record<string, { fields: string[]; noun: string }> = {
  containers: { fields: ['image'], noun: 'container' },
  initContainers: { fields: ['image'], noun: 'init container' },
  ports: { fields: ['containerPort', 'port'], noun: 'port' },
  env: { fields: ['value', 'valueFrom'], noun: 'environment variable' },
  volumeMounts: { fields: ['mountPath'], noun: 'volume mount' },
};

/**
 * Applies a deep override to `base` and returns the result; `base` is not modified.
 * Semantics are described at the top of this module. Throws a {@link PatchProblem} for an item that names no
 * existing item of its list and lacks what a new one needs.
 */
export function applyPatch<T>(base: T, patch: Patch<T> | null | undefined): T {
  return merge(base, patch, []) as T;
}

function merge(base: unknown, patch: unknown, path: string[], ancestors: Set<object> = new Set()): unknown {
  if (patch === undefined) return base;
  if (isReplacement(patch)) return clone(patch.value);
  if (typeof patch !== 'object' || patch === null) return patch;
  if (ancestors.has(patch)) throw new PatchProblem(path.join('.'), CIRCULAR);
  ancestors.add(patch);
  try {
    if (Array.isArray(patch)) {
      if (Array.isArray(base) && base.length > 0 && isNamedList(base) && isNamedList(patch))
        return mergeNamedList(base, patch, path, ancestors);
      return patch
        .filter((item) => !(isPlainObject(item) && item.$patch === 'delete'))
        .map((item) => merge(undefined, item, path, ancestors));
    }
    if (isPlainObject(patch)) {
      const result: Record<string, unknown> = isPlainObject(base) ? { ...base } : {};
      for (const key of Object.keys(patch)) {
        if (key === '$patch') continue;
        const value = patch[key];
        if (value === null) delete result[key];
        else if (value !== undefined) result[key] = merge(result[key], value, [...path, key], ancestors);
      }
      return result;
    }
    return patch;
  } finally {
    ancestors.delete(patch);
  }
}

function mergeNamedList(
  base: Array<{ name: string }>,
  patch: Array<{ name: string }>,
  path: string[],
  ancestors: Set<object>,
): unknown[] {
  const result: unknown[] = [...base];
  const field = path[path.length - 1] ?? '';
  for (const item of patch) {
    const index = result.findIndex((existing) => (existing as { name: string }).name === item.name);
    const remove = (item as { $patch?: string }).$patch === 'delete';
    if (remove) {
      if (index !== -1) result.splice(index, 1);
    } else if (index === -1) {
      const essential = ESSENTIAL_FIELDS[field];
      if (essential && !essential.fields.some((f) => (item as Record<string, unknown>)[f] !== undefined)) {
        const names = base.map((existing) => existing.name);
        throw new PatchProblem(
          `${path.join('.')}[name=${item.name}]`,
          `no ${essential.noun} named "${item.name}"${didYouMean(item.name, names)}; the ${essential.noun}s are ${names.join(', ')}. To add a ${essential.noun}, give it ${essential.fields.map((f) => `"${f}"`).join(' or ')}`,
        );
      }
      result.push(merge(undefined, item, [...path, `[name=${item.name}]`], ancestors));
    } else {
      result[index] = merge(result[index], item, [...path, `[name=${item.name}]`], ancestors);
    }
  }
  return result;
}
