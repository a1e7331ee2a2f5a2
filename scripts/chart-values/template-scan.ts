/**
 * A textual reading of Helm templates: which `.Values` paths they read (and which they pass on whole), and which
 * YAML documents they emit under which conditions. Templates are Go templates around YAML fragments, so they are
 * neither valid YAML nor worth a full Go-template parser: this scanner follows the actions (`{{ ... }}`) closely
 * enough to track what `.` and `$variables` stand for through `with`, `range`, `define`/`include` and `dict`
 * arguments, and errs on the side of knowing more paths rather than fewer.
 *
 * The parts: template-actions.ts splits a file into text and actions, template-lexer.ts tokenizes an action,
 * template-pipeline.ts evaluates its pipeline over the symbolic values of template-symbols.ts, template-blocks.ts
 * tracks blocks and scopes, template-references.ts collects the paths, template-documents.ts finds the documents.
 */
import { splitActions } from './template-actions.js';
import { conditionsOf, type Frame, readAction } from './template-blocks.js';
import { ACTION, documentsOf, type TemplateDocument } from './template-documents.js';
import { Evaluator } from './template-pipeline.js';
import { ReferenceCollector, type ValueRef } from './template-references.js';
import type { Scope, Value } from './template-symbols.js';

/** What {@link scanTemplates} found. */
export interface TemplateScan {
  refs: ValueRef[];
  documents: TemplateDocument[];
  /** Top-level values keys the templates remove from `.Values` (`unset $.Values "key"`): not user settings. */
  unsetKeys: string[];
}

/** A template file (path relative to the chart) and its text. */
export interface ChartFile {
  path: string;
  text: string;
}

/**
 * Reads a chart's templates (`templates/**`, helpers included) and the files they pull in. `readChartFile` gives
 * a chart file by path (for `.Files.Get "path"`); files emitted as YAML documents (an unindented
 * `{{ .Files.Get "x" }}` at the start of a line, as Istio's base chart does with its CRDs) count as documents of
 * the template. `extraReferenceFiles` are read for `.Values` references only (Istio's injection templates, which
 * istiod renders with the same values).
 */
export function scanTemplates(
  templates: ChartFile[],
  readChartFile: (path: string) => string | undefined,
  extraReferenceFiles: ChartFile[] = [],
  dependencyHelpers: ChartFile[] = [],
): TemplateScan {
  const reader = new ReferenceCollector();
  const documents: TemplateDocument[] = [];
  const unsetKeys = new Set<string>();
  const root: Value = { syms: [{ base: 'root', segs: [] }] };
  // Helpers first, so their definitions are known before the templates that include them (order matters for
  // nothing but readability of the resolution; resolution runs at the end anyway).
  const ordered = [...templates].sort(
    (a, b) =>
      Number(!a.path.split('/').pop()!.startsWith('_')) - Number(!b.path.split('/').pop()!.startsWith('_')) ||
      a.path.localeCompare(b.path),
  );
  // A dependency's helpers: Helm shares their named templates with the parent, whose includes pass them the
  // parent's values; what they do outside a define runs in the dependency's own context, so it reads nothing here.
  const nothing: Value = { syms: [] };
  for (const file of [...ordered, ...extraReferenceFiles, ...dependencyHelpers]) {
    const shared = dependencyHelpers.includes(file);
    const emitsDocuments = !extraReferenceFiles.includes(file) && !shared;
    const top = shared ? nothing : root;
    let scope: Scope = { dot: top, dollar: top, vars: new Map() };
    const evaluator = new Evaluator(reader, scope);
    const stack: Frame[] = [];
    let sanitized = '';
    const snapshots: { position: number; conditions: string[] }[] = [];
    const embedded: { position: number; path: string; conditions: string[] }[] = [];
    for (const part of splitActions(file.text)) {
      if (part.kind === 'text') {
        sanitized += part.text;
        continue;
      }
      const before = conditionsOf(stack);
      const lineStart = part.start === 0 || file.text[part.start - 1] === '\n';
      const get = /\.Files\.Get\s+"([^"]+)"/.exec(part.text);
      if (emitsDocuments && get && lineStart && !/\b(n?indent|b64enc|toJson|quote|sha256sum)\b/.test(part.text)) {
        embedded.push({ position: sanitized.length, path: get[1]!, conditions: before });
      }
      for (const m of part.text.matchAll(/\bunset\s+\$?\.Values\s+"([^"]+)"/g)) unsetKeys.add(m[1]!);
      sanitized += ACTION;
      reader.action = `${file.path}: ${part.text}`;
      scope = readAction(part.text, scope, stack, evaluator);
      snapshots.push({ position: sanitized.length, conditions: conditionsOf(stack) });
    }
    if (!emitsDocuments) continue;
    const conditionsAt = (position: number): string[] => {
      let found: string[] = [];
      for (const snapshot of snapshots) {
        if (snapshot.position > position) break;
        found = snapshot.conditions;
      }
      return found;
    };
    documents.push(...documentsOf(file.path, sanitized, conditionsAt));
    for (const item of embedded) {
      const text = readChartFile(item.path);
      if (text !== undefined) documents.push(...documentsOf(item.path, text, () => item.conditions));
    }
  }
  reader.action = 'an include of a named template';
  reader.resolveIncludes();
  return { refs: [...reader.valueRefs.values()], documents, unsetKeys: [...unsetKeys].sort() };
}
