/**
 * Deep overrides, the TypeScript form of Jsonnet's `+:`.
 *
 * - Objects merge key by key; `null` deletes a key (as in JSON merge patch).
 * - Lists whose items carry a `name` (containers, ports, env, volumes, volumeMounts ...) merge item by item
 *   by name: a patch item with a known name patches that item, a new name is appended, and
 *   `{ name, $patch: 'delete' }` removes the item.
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
  return typeof value === 'object' && value !== null && (value as { __platformReplace?: unknown }).__platformReplace === true;
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

/** Deep copy of plain JSON-like data; class instances (kubernetes-models) become plain data too. */
export function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clone) as T;
  if (typeof value === 'object' && value !== null) {
    const source = typeof (value as { toJSON?: unknown }).toJSON === 'function' && !isPlainObject(value)
      ? (value as unknown as { toJSON(): Record<string, unknown> }).toJSON()
      : (value as Record<string, unknown>);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(source)) {
      const item = source[key];
      if (item !== undefined) out[key] = clone(item);
    }
    return out as T;
  }
  return value;
}

/**
 * Applies a deep override to `base` and returns the result; `base` is not modified.
 * Semantics are described at the top of this module.
 */
export function applyPatch<T>(base: T, patch: Patch<T> | null | undefined): T {
  return merge(base, patch) as T;
}

function merge(base: unknown, patch: unknown): unknown {
  if (patch === undefined) return base;
  if (isReplacement(patch)) return clone(patch.value);
  if (Array.isArray(patch)) {
    if (Array.isArray(base) && base.length > 0 && isNamedList(base) && isNamedList(patch)) return mergeNamedList(base, patch);
    return patch.filter((item) => !(isPlainObject(item) && item.$patch === 'delete')).map((item) => merge(undefined, item));
  }
  if (isPlainObject(patch)) {
    const result: Record<string, unknown> = isPlainObject(base) ? { ...base } : {};
    for (const key of Object.keys(patch)) {
      if (key === '$patch') continue;
      const value = patch[key];
      if (value === null) delete result[key];
      else if (value !== undefined) result[key] = merge(result[key], value);
    }
    return result;
  }
  return patch;
}

function mergeNamedList(base: Array<{ name: string }>, patch: Array<{ name: string }>): unknown[] {
  const result: unknown[] = [...base];
  for (const item of patch) {
    const index = result.findIndex((existing) => (existing as { name: string }).name === item.name);
    const remove = (item as { $patch?: string }).$patch === 'delete';
    if (remove) {
      if (index !== -1) result.splice(index, 1);
    } else if (index === -1) {
      result.push(merge(undefined, item));
    } else {
      result[index] = merge(result[index], item);
    }
  }
  return result;
}
