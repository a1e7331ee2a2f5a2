/**
 * Value paths a chart's values.schema.json declares. Paths are key lists; `*` at the end marks an open map and
 * `[]` a list (see value-paths.ts).
 */

type Schema = Record<string, unknown>;

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Every path the schema describes. `properties` are walked (through local `$ref`s and `allOf`/`anyOf`/`oneOf`
 * branches); `additionalProperties` or `patternProperties` that admit anything make the object open (`a.*`), as
 * does an object schema without `properties`; an array schema accepts anything below it (`a[]`). An object with
 * `properties` and no `additionalProperties` counts as closed: chart schemas are generated from values.yaml, so
 * the JSON Schema default (anything allowed) would make every list useless.
 */
export function schemaPaths(schema: unknown): string[][] {
  const paths: string[][] = [];
  if (isSchema(schema)) walk(schema, schema, [], paths, new Set());
  return paths;
}

function resolveRef(root: Schema, ref: string): Schema | undefined {
  if (!ref.startsWith('#')) return undefined;
  let at: unknown = root;
  for (const raw of ref
    .slice(1)
    .split('/')
    .filter((part) => part !== '')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    at = isSchema(at) ? at[part] : undefined;
  }
  return isSchema(at) ? at : undefined;
}

function types(schema: Schema): string[] {
  const type = schema.type;
  return Array.isArray(type) ? type.map(String) : typeof type === 'string' ? [type] : [];
}

function walk(schema: Schema, root: Schema, at: string[], paths: string[][], visiting: Set<Schema>): void {
  if (visiting.has(schema)) {
    // A recursive schema: everything below is whatever the recursion allows, so take it as open.
    paths.push([...at, '*']);
    return;
  }
  visiting.add(schema);
  try {
    if (typeof schema.$ref === 'string') {
      const target = resolveRef(root, schema.$ref);
      if (target) walk(target, root, at, paths, visiting);
      else if (at.length > 0) paths.push([...at, '*']);
    }
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
      const branches = schema[key];
      if (!Array.isArray(branches)) continue;
      for (const branch of branches) if (isSchema(branch)) walk(branch, root, at, paths, visiting);
    }
    const kinds = types(schema);
    const properties = isSchema(schema.properties) ? schema.properties : undefined;
    if (kinds.includes('array') || schema.items !== undefined) paths.push([...at, '[]']);
    const objectLike = kinds.includes('object') || properties !== undefined;
    if (objectLike) {
      for (const [key, child] of Object.entries(properties ?? {})) {
        if (isSchema(child)) walk(child, root, [...at, key], paths, visiting);
        else paths.push([...at, key]);
      }
      const additional = schema.additionalProperties;
      const open =
        isSchema(schema.patternProperties) ||
        (additional !== undefined && additional !== false) ||
        (properties === undefined && additional !== false);
      if (open && at.length > 0) paths.push([...at, '*']);
    } else if (at.length > 0) {
      paths.push(at);
    }
  } finally {
    visiting.delete(schema);
  }
}
