import { createHash } from 'node:crypto';

/** SHA-256 of generated configuration, put on a pod template so that a configuration change rolls the pods. */
export function configChecksum(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(object)
        .sort()
        .map((key) => [key, sortKeys(object[key])]),
    );
  }
  return value;
}

/** JSON with object keys sorted at every depth: the same data gives the same bytes however it was built. */
export function stableJson(value: unknown, indent?: number): string {
  if (indent !== undefined) return JSON.stringify(sortKeys(value), null, indent);
  // Compact JSON is written directly (dashboards are large): the same bytes as sorting a copy and stringifying it.
  return compactSorted(value) as string;
}

/** Keys JavaScript itself orders first, numerically, in any object: canonical array indices. */
const ARRAY_INDEX = /^(?:0|[1-9][0-9]{0,9})$/;
const MAX_ARRAY_INDEX = 4294967294;

function sortedKeys(object: Record<string, unknown>): string[] {
  const keys = Object.keys(object).sort();
  if (!keys.some((key) => ARRAY_INDEX.test(key))) return keys;
  const isIndex = (key: string) => ARRAY_INDEX.test(key) && Number(key) <= MAX_ARRAY_INDEX;
  const indices = keys.filter(isIndex).sort((a, b) => Number(a) - Number(b));
  return [...indices, ...keys.filter((key) => !isIndex(key))];
}

function compactSorted(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let text = '[';
    for (let index = 0; index < value.length; index++) {
      if (index > 0) text += ',';
      text += compactSorted(value[index]) ?? 'null';
    }
    return `${text}]`;
  }
  const object = value as Record<string, unknown>;
  let text = '{';
  let first = true;
  for (const key of sortedKeys(object)) {
    const child = compactSorted(object[key]);
    if (child === undefined) continue;
    text += `${first ? '' : ','}${JSON.stringify(key)}:${child}`;
    first = false;
  }
  return `${text}}`;
}
