/**
 * A small typed builder for Alloy's configuration syntax: components are blocks with a name
 * (`prometheus.scrape`), a label (`"kubelet"`), attributes and nested blocks; values are literals,
 * lists, objects or expressions (references to other components' exports, function calls).
 *
 * Serialisation is deterministic: blocks and attributes keep the order the code builds them in, object
 * values are written with sorted keys, and equal signs are aligned the way `alloy fmt` aligns them.
 */

/** Raw Alloy expression text, written as is: a reference (`discovery.kubernetes.pods.targets`) or a call. */
export class Expression {
  constructor(
    readonly source: string,
    /** Components the expression refers to, as `name.label`, so a config can check every reference resolves. */
    readonly references: readonly string[] = [],
  ) {}
}

/** An attribute value. `undefined` attributes are left out. */
export type Value = string | number | boolean | Expression | readonly Value[] | { readonly [key: string]: Value };

/** A block: a component (`loki.write "default" { ... }`) or a nested block (`endpoint { ... }`). */
export interface Block {
  readonly name: string;
  readonly label?: string;
  readonly attributes: ReadonlyArray<readonly [string, Value]>;
  readonly blocks: readonly Block[];
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const BLOCK_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/**
 * Turns any name into a valid Alloy component label (letters, digits and `_`, not starting with a digit):
 * `mimir-eu` → `mimir_eu`.
 */
export function toLabel(name: string): string {
  const label = name.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[0-9]/.test(label) ? `_${label}` : label;
}

/**
 * A block. Attributes whose value is `undefined` are omitted, so optional arguments read naturally:
 * `block('loki.write', 'loki', { external_labels: labels }, endpoint)`.
 */
export function block(
  name: string,
  label: string | undefined,
  attributes: Record<string, Value | undefined> = {},
  ...blocks: Array<Block | undefined | false>
): Block {
  if (!BLOCK_NAME.test(name)) throw new Error(`invalid Alloy block name "${name}"`);
  if (label !== undefined && !IDENTIFIER.test(label)) throw new Error(`invalid Alloy label "${label}" (use toLabel)`);
  for (const key of Object.keys(attributes)) {
    if (!IDENTIFIER.test(key)) throw new Error(`invalid Alloy attribute name "${key}"`);
  }
  return {
    name,
    label,
    attributes: Object.entries(attributes).filter((entry): entry is [string, Value] => entry[1] !== undefined),
    blocks: blocks.filter((b): b is Block => Boolean(b)),
  };
}

/** The `name.label` id of a component block. */
function componentId(component: Block): string {
  if (component.label === undefined)
    throw new Error(`block "${component.name}" has no label, so nothing can refer to it`);
  return `${component.name}.${component.label}`;
}

/** A reference to an export of a component: `ref(podDiscovery, 'targets')` → `discovery.kubernetes.pods.targets`. */
export function ref(component: Block, field: string): Expression {
  const id = componentId(component);
  return new Expression(`${id}.${field}`, [id]);
}

/** A raw expression that refers to no component, e.g. `sys.env("K8S_NODE_NAME")`. */
export function expr(source: string): Expression {
  return new Expression(source);
}

/** An expression concatenating a string literal and another expression: `"spec.nodeName=" + sys.env("K8S_NODE_NAME")`. */
export function concat(...parts: Array<string | Expression>): Expression {
  return new Expression(
    parts.map((part) => (typeof part === 'string' ? JSON.stringify(part) : part.source)).join(' + '),
    parts.flatMap((part) => (typeof part === 'string' ? [] : part.references)),
  );
}

const INDENT = '  ';
const MAX_INLINE = 100;

function isObject(value: Value): value is { readonly [key: string]: Value } {
  return typeof value === 'object' && !(value instanceof Expression) && !Array.isArray(value);
}

function objectKey(key: string): string {
  return IDENTIFIER.test(key) ? key : JSON.stringify(key);
}

function formatValue(value: Value, depth: number): string {
  if (value instanceof Expression) return value.source;
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} in Alloy syntax`);
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  const pad = INDENT.repeat(depth + 1);
  const close = INDENT.repeat(depth);
  if (Array.isArray(value)) {
    const items = (value as readonly Value[]).map((item) => formatValue(item, depth + 1));
    const inline = `[${items.join(', ')}]`;
    if (inline.length <= MAX_INLINE && !inline.includes('\n')) return inline;
    return `[\n${items.map((item) => `${pad}${item},\n`).join('')}${close}]`;
  }
  const object = value as { readonly [key: string]: Value };
  const keys = Object.keys(object).sort();
  if (keys.length === 0) return '{}';
  const width = Math.max(...keys.map((key) => objectKey(key).length));
  return `{\n${keys.map((key) => `${pad}${objectKey(key).padEnd(width)} = ${formatValue(object[key]!, depth + 1)},\n`).join('')}${close}}`;
}

function formatBlock(b: Block, depth: number): string {
  const pad = INDENT.repeat(depth);
  const inner = INDENT.repeat(depth + 1);
  const header = `${pad}${b.name}${b.label !== undefined ? ` ${JSON.stringify(b.label)}` : ''} {`;
  if (b.attributes.length === 0 && b.blocks.length === 0) return `${header}}\n`;
  const width = Math.max(0, ...b.attributes.map(([key]) => key.length));
  const attributes = b.attributes
    .map(([key, value]) => `${inner}${key.padEnd(width)} = ${formatValue(value, depth + 1)}\n`)
    .join('');
  const blocks = b.blocks.map((child) => formatBlock(child, depth + 1)).join('\n');
  return `${header}\n${attributes}${attributes && blocks ? '\n' : ''}${blocks}${pad}}\n`;
}

function collectReferences(b: Block, into: Set<string>): void {
  const visit = (value: Value): void => {
    if (value instanceof Expression) value.references.forEach((r) => into.add(r));
    else if (Array.isArray(value)) (value as readonly Value[]).forEach(visit);
    else if (isObject(value)) Object.values(value).forEach(visit);
  };
  b.attributes.forEach(([, value]) => visit(value));
  b.blocks.forEach((child) => collectReferences(child, into));
}

/** A whole Alloy configuration file: top-level component blocks in order. */
export interface AlloyFile {
  /** Ids (`name.label`) of the components the file defines, in order. */
  components: string[];
  /** Ids of the components the file refers to. */
  references: string[];
  text: string;
}

/**
 * Writes components as one configuration file. Throws if two components share an id or if an expression
 * refers to a component the file does not define: a broken pipeline is a bug here, not something to ship.
 */
export function writeAlloyFile(components: readonly Block[], header?: string): AlloyFile {
  const ids = components.map(componentId);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate) throw new Error(`Alloy component ${duplicate} is defined twice`);
  const references = new Set<string>();
  components.forEach((component) => collectReferences(component, references));
  const missing = [...references].filter((id) => !ids.includes(id));
  if (missing.length > 0) throw new Error(`Alloy config refers to undefined components: ${missing.sort().join(', ')}`);
  const preface = header
    ? `${header
        .split('\n')
        .map((line) => `// ${line}`.trimEnd())
        .join('\n')}\n\n`
    : '';
  return {
    components: ids,
    references: [...references].sort(),
    text: preface + components.map((component) => formatBlock(component, 0)).join('\n'),
  };
}
