/**
 * Value paths a chart's values.yaml declares. Paths are key lists; `*` at the end marks an open map and `[]` a
 * list (see value-paths.ts).
 */

/**
 * Every path of a values.yaml document: nested maps are walked, an empty map `{}` is an open map (`a.*`: charts
 * use `{}` for "your keys here", such as annotations or resources), a list accepts anything below it (`a[]`),
 * and `null` is taken as open too, because charts leave structured settings `~` as often as scalar ones.
 */
export function valuesYamlPaths(values: unknown): string[][] {
  const paths: string[][] = [];
  walk(values, [], paths);
  return paths;
}

function walk(value: unknown, at: string[], paths: string[][]): void {
  if (Array.isArray(value)) {
    paths.push([...at, '[]']);
    return;
  }
  if (value === null || value === undefined) {
    if (at.length > 0) paths.push([...at, '*']);
    return;
  }
  if (typeof value !== 'object') {
    paths.push(at);
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) {
    if (at.length > 0) paths.push([...at, '*']);
    return;
  }
  for (const [key, child] of entries) walk(child, [...at, key], paths);
}
