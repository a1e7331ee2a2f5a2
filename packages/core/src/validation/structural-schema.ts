import type { Problem } from '../model/errors.js';
import { isPlainObject } from '../model/patch.js';
import { formatPath } from './paths.js';

/**
 * The subset of an OpenAPI v3 schema that CRDs use (Kubernetes "structural schemas", apiextensions
 * `JSONSchemaProps`). Descriptions are stripped when schemas are generated.
 */
export interface StructuralSchema {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  properties?: Record<string, StructuralSchema>;
  additionalProperties?: StructuralSchema | boolean;
  items?: StructuralSchema;
  required?: string[];
  enum?: unknown[];
  nullable?: boolean;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  anyOf?: StructuralSchema[];
  oneOf?: StructuralSchema[];
  allOf?: StructuralSchema[];
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
}

type Check = (value: unknown, segments: string[], problems: Problem[], root: unknown) => void;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(expected: NonNullable<StructuralSchema['type']>, actual: string): boolean {
  return expected === actual || (expected === 'number' && actual === 'integer');
}

/** Value validations of one schema node, without descending (used for anyOf/oneOf branches). */
function valueProblems(schema: StructuralSchema, value: unknown): string[] {
  const messages: string[] = [];
  const actual = typeOf(value);
  if (schema['x-kubernetes-int-or-string']) {
    if (actual !== 'integer' && actual !== 'string') messages.push('expected an integer or a string');
  } else if (schema.type && !typeMatches(schema.type, actual)) {
    messages.push(`expected ${schema.type}`);
    return messages;
  }
  if (schema.enum && !schema.enum.some((allowed) => allowed === value))
    messages.push(`expected one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`);
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength)
      messages.push(`must be at least ${schema.minLength} characters long`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength)
      messages.push(`must be at most ${schema.maxLength} characters long`);
    if (schema.pattern !== undefined && !safePattern(schema.pattern)?.test(value))
      messages.push(`must match the pattern ${schema.pattern}`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) messages.push(`must be at least ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) messages.push(`must be at most ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems)
      messages.push(`must have at least ${schema.minItems} items`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems)
      messages.push(`must have at most ${schema.maxItems} items`);
  }
  if (isPlainObject(value)) {
    for (const key of schema.required ?? []) if (!(key in value)) messages.push(`missing required field "${key}"`);
  }
  return messages;
}

const patterns = new Map<string, RegExp | undefined>();

/** A schema's RE2 pattern as a JavaScript RegExp; undefined (not checked) for the few RE2 forms JavaScript rejects. */
function safePattern(pattern: string): RegExp | undefined {
  if (!patterns.has(pattern)) {
    let compiled: RegExp | undefined;
    try {
      compiled = new RegExp(pattern, 'u');
    } catch {
      compiled = undefined;
    }
    patterns.set(pattern, compiled);
  }
  const compiled = patterns.get(pattern);
  return compiled ?? ({ test: () => true } as unknown as RegExp);
}

function compile(schema: StructuralSchema, atRoot: boolean): Check {
  const properties = Object.entries(schema.properties ?? {}).map(
    ([key, child]) => [key, compile(child, false)] as const,
  );
  const byName = new Map(properties);
  const additional =
    typeof schema.additionalProperties === 'object' ? compile(schema.additionalProperties, false) : undefined;
  const openObject =
    schema['x-kubernetes-preserve-unknown-fields'] === true ||
    schema.additionalProperties === true ||
    (schema.type === undefined && !schema.properties);
  const embedded = schema['x-kubernetes-embedded-resource'] === true;
  const items = schema.items ? compile(schema.items, false) : undefined;
  const alternatives = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  const all = schema.allOf ?? [];

  return (value, segments, problems, root) => {
    const at = () => formatPath(root, segments) || '(object)';
    if (value === null) {
      if (!schema.nullable)
        problems.push({ path: at(), message: 'null is not a value Kubernetes keeps; remove the field instead' });
      return;
    }
    for (const message of valueProblems(schema, value)) problems.push({ path: at(), message });
    for (const part of all) for (const message of valueProblems(part, value)) problems.push({ path: at(), message });
    if (alternatives.length > 0 && !alternatives.some((branch) => valueProblems(branch, value).length === 0)) {
      problems.push({ path: at(), message: `matches none of the ${alternatives.length} allowed forms` });
    }
    if (Array.isArray(value)) {
      if (items) value.forEach((item, index) => items(item, [...segments, String(index)], problems, root));
      return;
    }
    if (!isPlainObject(value)) return;
    for (const [key, child] of Object.entries(value)) {
      // Object metadata is the API server's, validated by its own rules (and metadataProblems), never by the CRD.
      if ((atRoot || embedded) && key === 'metadata') continue;
      const check = byName.get(key);
      if (check) check(child, [...segments, key], problems, root);
      else if (additional) additional(child, [...segments, key], problems, root);
      else if (child === null)
        problems.push({
          path: formatPath(root, [...segments, key]),
          message: 'null is not a value Kubernetes keeps; remove the field instead',
        });
      else if (openObject || ((atRoot || embedded) && (key === 'apiVersion' || key === 'kind' || key === 'metadata')))
        continue;
      else
        problems.push({
          path: formatPath(root, [...segments, key]),
          message: `unknown field "${key}": the API server would silently drop it`,
        });
    }
  };
}

/**
 * A validator compiled once from a CRD's schema: types, required fields, enums, formats' bounds and patterns,
 * plus the fields the schema does not know (which a structural schema makes the API server prune silently)
 * and `null` values. CEL rules (`x-kubernetes-validations`) are not evaluated.
 */
export function compileStructuralSchema(schema: StructuralSchema): (object: unknown) => Problem[] {
  const check = compile(schema, true);
  return (object) => {
    const problems: Problem[] = [];
    check(object, [], problems, object);
    return problems;
  };
}
