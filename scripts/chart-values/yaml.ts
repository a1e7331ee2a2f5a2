/** YAML parsing for the chart scripts. */
import { load, loadAll } from 'js-yaml';

/** Parses one YAML document; a text with nothing but comments is `undefined` (js-yaml 5 refuses it). */
export function parseYaml(text: string, filename?: string): unknown {
  if (!/^[ \t]*[^\s#]/m.test(text)) return undefined;
  return load(text, { filename });
}

/** Parses every document of a multi-document YAML stream (empty documents included, as `null`/`undefined`). */
export function parseYamlDocuments(text: string, filename?: string): unknown[] {
  return loadAll(text, null, { filename });
}
