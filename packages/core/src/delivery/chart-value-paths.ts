/**
 * Chart value paths: the path language the generated `CHART_VALUE_PATHS` lists are written in, and the check of
 * a values object against such a list.
 *
 * A path is a chain of segments: plain keys joined by `.` (`server.metrics.enabled`), keys that contain anything
 * but letters, digits, `_` and `-` quoted in brackets (`configs.params["server.insecure"]`), `*` for any one key,
 * and two markers that end a path: `.*` (an open map: any keys, any depth below) and `[]` (a list: anything
 * below it). Reported paths use `[0]` for list positions.
 */

/** One step of a parsed known path: a key, any key (`*`), or a list's elements (`[]`). */
export type PathSegment = { key: string } | { any: true } | { items: true };

const PLAIN_KEY = /^[A-Za-z0-9_-]+$/;

/** Formats one key as a path segment (quoted when it is not a plain key, so `a.b` as one key stays one key). */
export function formatValueKey(key: string): string {
  return PLAIN_KEY.test(key) ? key : `[${JSON.stringify(key)}]`;
}

/** Appends one key to a path. */
export function appendValueKey(path: string, key: string): string {
  const segment = formatValueKey(key);
  return path === '' || segment.startsWith('[') ? path + segment : `${path}.${segment}`;
}

/**
 * Joins keys into a path, quoting the keys that need it. The keys `*` (any key; at the end: an open map) and
 * `[]` (a list) are written as the markers they stand for.
 */
export function formatValuePath(keys: readonly string[]): string {
  let out = '';
  for (const key of keys) {
    if (key === '[]') out += '[]';
    else if (key === '*') out += out === '' ? '*' : '.*';
    else out = appendValueKey(out, key);
  }
  return out;
}

/** Parses a path written by {@link formatValuePath}; throws on malformed input so a corrupt list fails loudly. */
export function parseValuePath(path: string): PathSegment[] {
  const malformed = () => new Error(`malformed value path ${JSON.stringify(path)}`);
  const segments: PathSegment[] = [];
  let i = 0;
  // A plain key or `*` starts the path and follows every `.`; brackets follow anything but a `.`.
  let expectKey = !path.startsWith('[');
  while (i < path.length) {
    if (expectKey) {
      const match = /^(\*|[A-Za-z0-9_-]+)/.exec(path.slice(i));
      if (!match) throw malformed();
      const key = match[1]!;
      segments.push(key === '*' ? { any: true } : { key });
      i += key.length;
      expectKey = false;
    } else if (path[i] === '.') {
      if (i === path.length - 1) throw malformed();
      i++;
      expectKey = true;
    } else if (path.startsWith('[]', i)) {
      segments.push({ items: true });
      i += 2;
    } else if (path[i] === '[') {
      const end = closingQuote(path, i + 1);
      if (path[end + 1] !== ']') throw malformed();
      segments.push({ key: JSON.parse(path.slice(i + 1, end + 1)) as string });
      i = end + 2;
    } else {
      throw malformed();
    }
  }
  if (segments.length === 0) throw malformed();
  return segments;
}

function closingQuote(path: string, start: number): number {
  if (path[start] !== '"') throw new Error(`malformed value path ${JSON.stringify(path)}`);
  for (let i = start + 1; i < path.length; i++) {
    if (path[i] === '\\') i++;
    else if (path[i] === '"') return i;
  }
  throw new Error(`malformed value path ${JSON.stringify(path)}`);
}

/** A node of the known-path tree. `open`: anything below is allowed (`.*` or `[]` ended a path here). */
interface Node {
  keys: Map<string, Node>;
  any?: Node;
  items?: Node;
  open: boolean;
}

function node(): Node {
  return { keys: new Map(), open: false };
}

function buildTree(known: readonly string[]): Node {
  const root = node();
  for (const path of known) {
    const segments = parseValuePath(path);
    let at = root;
    segments.forEach((segment, index) => {
      const last = index === segments.length - 1;
      if ('items' in segment) {
        at.items ??= node();
        at = at.items;
        if (last) at.open = true;
      } else if ('any' in segment) {
        // A trailing `*` is an open map; an inner one stands for exactly one key.
        if (last) at.open = true;
        else at = at.any ??= node();
      } else {
        let next = at.keys.get(segment.key);
        if (!next) at.keys.set(segment.key, (next = node()));
        at = next;
      }
    });
  }
  return root;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The dotted paths of `values` that `known` does not allow, sorted. A key is allowed when some known path names
 * it (or a `*` stands for it) or an open map / list above it allows anything; below an allowed key that the
 * list knows as a leaf, any further keys are reported. Values themselves (types, list lengths) are not judged.
 */
export function unknownValuePaths(values: unknown, known: readonly string[]): string[] {
  let tree = trees.get(known);
  if (!tree) trees.set(known, (tree = buildTree(known)));
  const found: string[] = [];
  walk(values, [tree], '', found);
  return found.sort();
}

/** Trees by list: the generated lists are module constants, parsed once per process rather than per check. */
const trees = new WeakMap<readonly string[], Node>();

function walk(value: unknown, at: Node[], path: string, found: string[]): void {
  if (at.some((n) => n.open)) return;
  if (Array.isArray(value)) {
    const items = at.flatMap((n) => (n.items ? [n.items] : []));
    // A list where the chart knows no element structure is taken as a whole.
    if (items.length === 0) return;
    value.forEach((element, index) => walk(element, items, `${path}[${index}]`, found));
    return;
  }
  if (!isPlainObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    const next = at.flatMap((n) => [n.keys.get(key), n.any].filter((x): x is Node => x !== undefined));
    const childPath = appendValueKey(path, key);
    if (next.length === 0) found.push(childPath);
    else walk(child, next, childPath, found);
  }
}
