import { isPlainObject } from '../model/patch.js';

/**
 * What the traced validations of one kind found its validator reads at one place of its objects (see
 * model-validator.ts): a generated validator reads every property its schema node defines whatever the data,
 * lists the keys of a map (`additionalProperties`), and never looks into free-form data
 * (`x-kubernetes-preserve-unknown-fields`). Which schema node applies depends only on the place: the path,
 * with array indices and map keys left out (Kubernetes' structural schemas define every field outside
 * `anyOf`/`oneOf`). So once an object of a kind validated without a problem, its trace answers for every later
 * object whose fields all lie where a trace has been; anything else is traced again.
 */
export interface FieldNode {
  /** `free`: never looked into; `map`: its keys were listed; `fields`: these fields were read; `unstable`: traces disagreed. */
  shape?: 'free' | 'map' | 'fields' | 'unstable';
  fields: Set<PropertyKey>;
  /** By field name for `fields`, under `*` for every value of a `map`. */
  children: Map<string, FieldNode>;
  /** The items, when the place holds an array. */
  items?: FieldNode;
}

export function fieldNode(): FieldNode {
  return { fields: new Set(), children: new Map() };
}

/** How a traced validation accessed one object: the keys it read and whether it listed them all. */
export interface Access {
  keys: Set<PropertyKey>;
  enumerated: boolean;
}

function child(node: FieldNode, key: string): FieldNode {
  let found = node.children.get(key);
  if (!found) node.children.set(key, (found = fieldNode()));
  return found;
}

/** Adds what a problem-free traced validation of `value` read to the tree at `node`. */
export function learnFields(node: FieldNode, value: unknown, accesses: Map<object, Access>): void {
  if (Array.isArray(value)) {
    node.items ??= fieldNode();
    for (const item of value) if (typeof item === 'object' && item !== null) learnFields(node.items, item, accesses);
    return;
  }
  if (!isPlainObject(value)) return;
  const access = accesses.get(value);
  const shape = !access ? 'free' : access.enumerated ? 'map' : 'fields';
  if (node.shape === undefined) node.shape = shape;
  else if (node.shape !== shape) node.shape = 'unstable';
  if (node.shape !== shape || shape === 'free' || !access) return;
  for (const key of access.keys) node.fields.add(key);
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'object' && item !== null)
      learnFields(child(node, shape === 'map' ? '*' : key), item, accesses);
  }
}

/**
 * Whether the traces at `node` vouch that validating `value` with tracing would find no unknown field and no
 * null: every field lies where traces have been and was read there. False means "trace it", not "wrong".
 */
export function trustsFields(
  node: FieldNode | undefined,
  value: unknown,
  isKnownAnyway: (key: string) => boolean,
): boolean {
  if (Array.isArray(value)) {
    for (const item of value)
      if (typeof item === 'object' && item !== null && !trustsFields(node?.items, item, isKnownAnyway)) return false;
    return true;
  }
  if (!isPlainObject(value)) return true;
  if (!node || node.shape === undefined || node.shape === 'unstable') return false;
  if (node.shape === 'free') return true;
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (item === null) return false;
    if (node.shape === 'fields' && !node.fields.has(key) && !isKnownAnyway(key)) return false;
    if (
      typeof item === 'object' &&
      !trustsFields(node.children.get(node.shape === 'map' ? '*' : key), item, isKnownAnyway)
    )
      return false;
  }
  return true;
}
