/** TypeScript types from a CRD's structural schema: the shape objects of the kind may have, for libraries. */
import type { StructuralSchema } from '@platform/core';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function key(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}

function literal(value: unknown): string {
  return JSON.stringify(value);
}

/** The TypeScript type of a schema node, indented for `depth`. */
export function typeOf(schema: StructuralSchema, depth = 0): string {
  if (schema['x-kubernetes-int-or-string']) return 'number | string';
  if (schema.enum && schema.enum.length > 0) return schema.enum.map(literal).join(' | ');
  switch (schema.type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return schema.items ? `Array<${typeOf(schema.items, depth)}>` : 'unknown[]';
    default:
      break;
  }
  const properties = Object.entries(schema.properties ?? {});
  if (properties.length === 0) {
    if (typeof schema.additionalProperties === 'object')
      return `Record<string, ${typeOf(schema.additionalProperties, depth)}>`;
    return 'Record<string, unknown>';
  }
  const required = new Set(schema.required ?? []);
  const pad = '  '.repeat(depth + 1);
  const lines = properties.map(
    ([name, child]) => `${pad}${key(name)}${required.has(name) ? '' : '?'}: ${typeOf(child, depth + 1)};`,
  );
  if (schema['x-kubernetes-preserve-unknown-fields']) lines.push(`${pad}[key: string]: unknown;`);
  return `{\n${lines.join('\n')}\n${'  '.repeat(depth)}}`;
}
