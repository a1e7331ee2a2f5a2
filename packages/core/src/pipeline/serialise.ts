import { dump } from 'js-yaml';

const FIRST_KEYS: Record<string, number> = { apiVersion: 0, kind: 1, metadata: 2, name: 3, namespace: 4 };

/** Key order of rendered YAML: apiVersion, kind, metadata, name, namespace, then alphabetical, at every depth. */
function compareKeys(a: string, b: string): number {
  const pa = FIRST_KEYS[a] ?? 99;
  const pb = FIRST_KEYS[b] ?? 99;
  if (pa !== pb) return pa - pb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Serialises one object as a YAML document. Deterministic: same data, same bytes, whatever the insertion order. */
export function serialize(value: unknown): string {
  return dump(value, { sortKeys: compareKeys, lineWidth: -1, noRefs: true });
}
