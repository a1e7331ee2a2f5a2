import { COLLECTION_STYLE, DUMP_SCHEMA, dump, present, SCALAR_STYLE } from 'js-yaml';

const FIRST_KEYS: Record<string, number> = { apiVersion: 0, kind: 1, metadata: 2, name: 3, namespace: 4 };

/** Key order of rendered YAML: apiVersion, kind, metadata, name, namespace, then alphabetical, at every depth. */
function compareKeys(a: string, b: string): number {
  const pa = FIRST_KEYS[a] ?? 99;
  const pb = FIRST_KEYS[b] ?? 99;
  if (pa !== pb) return pa - pb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The js-yaml `dump` options whose output {@link serialize} writes, byte for byte. */
export const DUMP_OPTIONS = { sortKeys: compareKeys, lineWidth: -1, noRefs: true } as const;

/**
 * Serialises one object as a YAML document. Deterministic: same data, same bytes, whatever the insertion order.
 *
 * The bytes are exactly js-yaml's `dump` with {@link DUMP_OPTIONS} (a property test compares the two on random
 * data): rendering spends most of its time here, and js-yaml builds an AST and tests a dozen regular
 * expressions per scalar. This writer walks the data once, emits the strings js-yaml leaves plain without asking
 * it, and asks js-yaml itself how to write any other scalar, once per distinct value. A document holding
 * anything but plain objects, arrays, strings, finite numbers, booleans and null (a Date, a Map, a key with a
 * line break) is handed to js-yaml whole.
 */
export function serialize(value: unknown): string {
  if (!isPlainObject(value) || !hasRepresentableKey(value)) return dump(value, DUMP_OPTIONS);
  const out: Writer = { text: '', openEnded: false };
  if (!writeMapping(out, value, 0, true)) return dump(value, DUMP_OPTIONS);
  // js-yaml closes a document whose last scalar is a block kept open by trailing blank lines.
  return out.openEnded ? `${out.text}\n...\n` : `${out.text}\n`;
}

interface Writer {
  text: string;
  /** Whether the last scalar written was a block scalar whose trailing line breaks are kept. */
  openEnded: boolean;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === null || prototype === Object.prototype;
}

const INDENTS: string[] = [];
function newline(level: number): string {
  let indent = INDENTS[level];
  if (indent === undefined) {
    indent = `\n${'  '.repeat(level)}`;
    INDENTS[level] = indent;
  }
  return indent;
}

/** Writes a non-empty mapping whose pairs start at `level`; false when js-yaml must write the document. */
function writeMapping(out: Writer, map: Record<string, unknown>, level: number, compact: boolean): boolean {
  const keys = Object.keys(map).sort(compareKeys);
  let first = true;
  for (const key of keys) {
    const item = map[key];
    if (item === undefined) continue; // js-yaml drops pairs whose value it cannot represent as nothing
    const keyText = plainKey(key);
    if (keyText === undefined) return false;
    if (!compact || !first) out.text += newline(level);
    first = false;
    out.text += keyText;
    if (!writeValue(out, item, level + 1, false)) return false;
  }
  return true;
}

/** Writes a non-empty sequence whose items start at `level`. */
function writeSequence(out: Writer, items: readonly unknown[], level: number, compact: boolean): boolean {
  for (let index = 0; index < items.length; index++) {
    if (!compact || index > 0) out.text += newline(level);
    // js-yaml writes an array's hole or undefined item as null.
    if (!writeValue(out, items[index] ?? null, level + 1, true)) return false;
  }
  return true;
}

/**
 * Writes a value at `level` after its key (`key:`) or its dash (`-`). A nested block collection starts on a new
 * line after a key and on the dash's line in a sequence ("- - a", "- name: x").
 */
function writeValue(out: Writer, value: unknown, level: number, inSequence: boolean): boolean {
  const spaced = inSequence ? '- ' : ': ';
  if (typeof value === 'string') {
    const scalar = stringScalar(value);
    if (scalar === undefined) return false;
    out.text += spaced;
    if (typeof scalar === 'string') {
      out.text += scalar;
      out.openEnded = false;
    } else {
      out.text += scalar.header;
      const indent = '  '.repeat(level);
      for (const line of scalar.lines) out.text += line === '' ? '\n' : `\n${indent}${line}`;
      out.openEnded = scalar.keepsTrailingBreaks;
    }
    return true;
  }
  if (value === null) {
    out.text += `${spaced}null`;
  } else if (typeof value === 'boolean') {
    out.text += value ? `${spaced}true` : `${spaced}false`;
  } else if (typeof value === 'number') {
    out.text += spaced + numberScalar(value);
  } else if (Array.isArray(value)) {
    if (value.length === 0) {
      out.text += `${spaced}[]`;
    } else {
      out.text += inSequence ? spaced : ':';
      return writeSequence(out, value, level, inSequence);
    }
  } else if (isPlainObject(value)) {
    if (!hasRepresentableKey(value)) {
      out.text += `${spaced}{}`;
    } else {
      out.text += inSequence ? spaced : ':';
      return writeMapping(out, value, level, inSequence);
    }
  } else {
    return false;
  }
  out.openEnded = false;
  return true;
}

function hasRepresentableKey(map: Record<string, unknown>): boolean {
  for (const key in map) if (Object.hasOwn(map, key) && map[key] !== undefined) return true;
  return false;
}

/** A block scalar as js-yaml writes it at the first level, re-indented for deeper ones. */
interface BlockScalar {
  /** `|`, `|-`, `|+` or with an indentation indicator (`|2-`). */
  header: string;
  /** Content lines without their indentation; empty lines stay unindented. */
  lines: string[];
  keepsTrailingBreaks: boolean;
}

/** Characters js-yaml leaves in a plain scalar wherever they stand (after the first). */
const PLAIN_SAFE = /^[A-Za-z0-9_./][A-Za-z0-9_./=+@()-]*(?:(?: +|:)[A-Za-z0-9_./=+@()-]+)*$/;

/** First characters with which a plain scalar may resolve to another type than a string (`true`, `1`, `~`). */
const IMPLICIT_FIRST_CHARACTERS = new Set<string>();
let implicitTagWithoutFirstCharacters = false;
for (const tag of DUMP_SCHEMA.implicitScalarTags) {
  if (tag.implicitFirstChars === null) implicitTagWithoutFirstCharacters = true;
  else for (const character of tag.implicitFirstChars) IMPLICIT_FIRST_CHARACTERS.add(character);
}
const STRING_TAG = DUMP_SCHEMA.defaultScalarTag.tagName;

/** Whether js-yaml writes this string plain, decided without it for the common case. */
function obviouslyPlain(value: string): boolean {
  if (!PLAIN_SAFE.test(value) || value === '=') return false;
  if (!implicitTagWithoutFirstCharacters && !IMPLICIT_FIRST_CHARACTERS.has(value[0] as string)) return true;
  return DUMP_SCHEMA.resolveImplicitScalarTag(value).tag.tagName === STRING_TAG;
}

/** js-yaml's answers for scalars it had to be asked about; bounded so a long-lived process stays small. */
const MEMO_LIMIT = 50_000;
const stringMemo = new Map<string, string | BlockScalar | undefined>();
const keyMemo = new Map<string, string | undefined>();
const numberMemo = new Map<number, string>();

function remember<K, V>(memo: Map<K, V>, key: K, value: V): V {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

const MAPPING_TAG = DUMP_SCHEMA.defaultMappingTag?.tagName as string;

/**
 * js-yaml's text of `k: <value>` for one string, through its AST presenter: the same bytes as `dump({ k: value })`
 * (which builds this AST first) without building the schema's type table on every call.
 */
function presentPair(key: string, value: string): string {
  const scalar = (text: string) => ({
    kind: 'scalar',
    tag: STRING_TAG,
    tagged: false,
    style: SCALAR_STYLE.PLAIN,
    value: text,
  });
  const pair = { key: scalar(key), value: scalar(value) };
  const mapping = { kind: 'mapping', tag: MAPPING_TAG, tagged: false, style: COLLECTION_STYLE.BLOCK, items: [pair] };
  return present([{ contents: mapping, directives: [] }] as Parameters<typeof present>[0], {
    schema: DUMP_SCHEMA,
    lineWidth: -1,
  });
}

/** A string value: its text on the key's line, a block scalar, or undefined when its layout depends on depth. */
function stringScalar(value: string): string | BlockScalar | undefined {
  if (obviouslyPlain(value)) return value;
  if (stringMemo.has(value)) return stringMemo.get(value);
  // At the first level: "k: <scalar>\n", a block scalar's lines indented by two spaces, maybe "...\n" after.
  let text = presentPair('k', value);
  let keepsTrailingBreaks = false;
  if (text.endsWith('\n...\n')) {
    keepsTrailingBreaks = true;
    text = text.slice(0, -4);
  }
  const scalar = text.slice(3, -1);
  if (scalar.startsWith('|') || scalar.startsWith('>')) {
    const [header, ...indented] = scalar.split('\n');
    const lines = indented.map((line) => (line === '' ? '' : line.slice(2)));
    return remember(stringMemo, value, { header: header as string, lines, keepsTrailingBreaks });
  }
  return remember(stringMemo, value, scalar.includes('\n') || keepsTrailingBreaks ? undefined : scalar);
}

/** A mapping key as js-yaml writes it, or undefined when it would be an explicit `? ` key. */
function plainKey(key: string): string | undefined {
  // js-yaml writes a key longer than 1024 characters as an explicit `? ` key.
  if (key.length > 1024) return undefined;
  if (obviouslyPlain(key)) return key;
  if (keyMemo.has(key)) return keyMemo.get(key);
  const text = presentPair(key, 'x');
  const keyText = text.endsWith(': x\n') && !text.startsWith('?') ? text.slice(0, -4) : undefined;
  return remember(keyMemo, key, keyText !== undefined && !keyText.includes('\n') ? keyText : undefined);
}

function numberScalar(value: number): string {
  if (Number.isSafeInteger(value) && !Object.is(value, -0)) return String(value);
  const known = numberMemo.get(value);
  if (known !== undefined) return known;
  return remember(numberMemo, value, dump({ k: value }, DUMP_OPTIONS).slice(3, -1));
}
