// @ts-check
// Source maps of the bundle, reduced to the code people write. Stack traces must point at environments/prod/index.ts:12,
// not at the bundle, so maps are on; but Node parses a map when it loads the module, and the full map of a
// bundle is megabytes of mappings into installed packages (kubernetes-models' validators) that no error
// message ever names. For those sources only the first mapping of each generated line is kept, so a frame in
// installed code still maps to the right file and line (tools decide by the file whose code it is), at a
// fraction of the size.

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** @type {Record<string, number>} */
const DIGIT = Object.fromEntries([...BASE64].map((c, i) => [c, i]));

/**
 * Decodes one segment's base64 VLQ fields.
 * @param {string} text
 * @returns {number[]}
 */
function decodeSegment(text) {
  /** @type {number[]} */
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = DIGIT[char];
    if (digit === undefined) throw new Error(`invalid source map character ${JSON.stringify(char)}`);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** @param {number} value */
function encodeValue(value) {
  let vlq = value < 0 ? (-value << 1) | 1 : value << 1;
  let out = '';
  do {
    let digit = vlq & 31;
    vlq >>>= 5;
    if (vlq > 0) digit |= 32;
    out += BASE64[digit];
  } while (vlq > 0);
  return out;
}

/**
 * Thins out the mappings into sources `drop` selects (one per generated line) and returns the smaller map. Fields are deltas across the
 * whole mappings string (the column resets per line), so segments are decoded to absolute values, filtered
 * and encoded again.
 * @param {{ version: number, sources: string[], names?: string[], mappings: string, sourcesContent?: unknown }} map
 * @param {(source: string) => boolean} drop
 */
export function pruneSourceMap(map, drop) {
  const dropped = map.sources.map(drop);
  let source = 0;
  let line = 0;
  let column = 0;
  let name = 0;
  let outSource = 0;
  let outLine = 0;
  let outColumn = 0;
  let outName = 0;
  const lines = map.mappings.split(';').map((text) => {
    let generated = 0;
    let outGenerated = 0;
    let lastSource = -1;
    /** @type {string[]} */
    const kept = [];
    for (const segment of text === '' ? [] : text.split(',')) {
      const fields = decodeSegment(segment);
      generated += fields[0] ?? 0;
      if (fields.length < 4) continue; // a segment that maps to no source carries no information for stacks
      source += fields[1] ?? 0;
      line += fields[2] ?? 0;
      column += fields[3] ?? 0;
      if (fields.length >= 5) name += fields[4] ?? 0;
      // Node maps a position to the closest mapping before it, so dropping every mapping of a source would
      // make its code look like the source mapped before it; one per line and source keeps the file right.
      if (dropped[source] && source === lastSource) continue;
      lastSource = source;
      let out =
        encodeValue(generated - outGenerated) +
        encodeValue(source - outSource) +
        encodeValue(line - outLine) +
        encodeValue(column - outColumn);
      if (fields.length >= 5) {
        out += encodeValue(name - outName);
        outName = name;
      }
      outGenerated = generated;
      outSource = source;
      outLine = line;
      outColumn = column;
      kept.push(out);
    }
    return kept.join(',');
  });
  const { sourcesContent: _unused, ...rest } = map;
  return { ...rest, mappings: lines.join(';') };
}

/**
 * Reads one mapped position of a map (for tests and for messages): the source, 0-based line and column of the
 * last segment at or before `column` on generated `line`.
 * @param {{ sources: string[], mappings: string }} map
 * @param {number} line 0-based generated line
 * @param {number} column 0-based generated column
 */
export function lookup(map, line, column) {
  let source = 0;
  let sourceLine = 0;
  let sourceColumn = 0;
  /** @type {{ source: string, line: number, column: number } | undefined} */
  let found;
  const lines = map.mappings.split(';');
  for (let index = 0; index <= line && index < lines.length; index++) {
    let generated = 0;
    for (const segment of lines[index] === '' ? [] : /** @type {string} */ (lines[index]).split(',')) {
      const fields = decodeSegment(segment);
      generated += fields[0] ?? 0;
      if (fields.length < 4) continue;
      source += fields[1] ?? 0;
      sourceLine += fields[2] ?? 0;
      sourceColumn += fields[3] ?? 0;
      if (index === line && generated <= column)
        found = { source: /** @type {string} */ (map.sources[source]), line: sourceLine, column: sourceColumn };
    }
  }
  return found;
}
