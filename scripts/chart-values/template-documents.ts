/** The YAML documents of a (templated) chart file: where each starts, its kind and the conditions around it. */

/** A YAML document a template emits, with the template conditions (`if`/`with`, innermost last) around it. */
export interface TemplateDocument {
  source: string;
  kind?: string;
  apiVersion?: string;
  /** The document's text with every template action replaced by {@link ACTION}. */
  text: string;
  /** Conditions, in template syntax as written, outermost first; `else` branches as `not (<condition>)`. */
  conditions: string[];
}

/** Placeholder for a template action in {@link TemplateDocument.text}. */
export const ACTION = '\u0001';

/** The documents of a plain YAML file (a chart's crds/), which no condition gates. */
export function yamlDocuments(source: string, text: string): TemplateDocument[] {
  return documentsOf(source, text, () => []);
}

/**
 * Documents of a plain (or templated, actions replaced by {@link ACTION}) YAML text, split at `---` lines, with
 * the conditions in force at each. A document without a literal `kind:` line is left out.
 */
export function documentsOf(
  source: string,
  text: string,
  conditionsAt: (position: number) => string[],
): TemplateDocument[] {
  const documents: TemplateDocument[] = [];
  const separators = [...text.matchAll(/^---.*$/gm)].map((m): [number, number] => [m.index, m.index + m[0].length]);
  const bounds: [number, number][] = [];
  let start = 0;
  for (const [from, to] of separators) {
    bounds.push([start, from]);
    start = to;
  }
  bounds.push([start, text.length]);
  for (const [from, to] of bounds) {
    const body = text.slice(from, to);
    const kind = /^kind:[ \t]*["']?([^\s"'#]+)/m.exec(body);
    if (!kind || kind[1]!.includes(ACTION)) continue;
    const apiVersion = /^apiVersion:[ \t]*["']?([^\s"'#]+)/m.exec(body);
    documents.push({
      source,
      kind: kind[1],
      apiVersion: apiVersion && !apiVersion[1]!.includes(ACTION) ? apiVersion[1] : undefined,
      text: body,
      conditions: conditionsAt(from + kind.index),
    });
  }
  return documents;
}
