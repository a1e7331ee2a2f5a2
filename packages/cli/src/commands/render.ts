import { join } from 'node:path';
import type { RenderedEnvironment } from '@platform/core';
import type { CliInput } from '../cli-input.js';
import type { ParsedCommand } from '../command-line.js';
import { inSelection, selectComponents, selectFiles } from '../components.js';
import { renderNamed, selectNames } from '../environments.js';
import { problemsOf, reportFailure } from '../errors.js';
import { isGraphFile } from '../graph-folder.js';
import { paint } from '../output.js';
import { type WriteSummary, writeTree } from '../write-tree.js';

function summarize(
  rendered: RenderedEnvironment,
  milliseconds: number,
  write: WriteSummary,
  selection?: Set<string>,
): string {
  const kinds = new Map<string, number>();
  const objects = rendered.objects.filter((o) => inSelection(selection, o.path));
  for (const { object } of objects) kinds.set(object.kind, (kinds.get(object.kind) ?? 0) + 1);
  const kindList = [...kinds.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, count]) => `${kind} ${count}`)
    .join(', ');
  const steps = rendered.steps
    .map((step) => `${step.wave}. ${step.tier}-${step.level}: ${step.components.join(', ')}`)
    .join('\n    ');
  const scope = selection ? ` (only ${[...selection].join(', ')})` : '';
  return [
    `${paint('bold', rendered.environment.name)}: ${rendered.components.length} components, ${objects.length} objects${scope} in ${milliseconds.toFixed(0)} ms → rendered/${rendered.environment.name}/ (${write.written} written, ${write.unchanged} unchanged, ${write.removed} removed)`,
    `  objects: ${kindList}`,
    `  sync steps:\n    ${steps}`,
  ].join('\n');
}

/** `platform render`: renders each environment in memory and replaces rendered/<env>/ atomically. */
export async function renderCommand(input: CliInput, parsed: ParsedCommand): Promise<number> {
  const json = parsed.flags.format === 'json';
  const names = selectNames(input, parsed.positionals, parsed.flags.all === true);
  const components = parsed.flags.component as string[];
  const results: unknown[] = [];
  let code = 0;
  for (const name of names) {
    try {
      const started = performance.now();
      const rendered = await renderNamed(input, name);
      const selection = selectComponents(rendered, components);
      const files = selectFiles(rendered.files, selection);
      // The environment page (`platform graph`) is no part of the render: carried over, never pruned.
      const write = writeTree(join(input.root, 'rendered', name), files, {
        keep: (path) => isGraphFile(path) || !inSelection(selection, path),
      });
      // A note, not output: stdout stays the summary or the JSON.
      if (write.recovered) console.error(`note: ${write.recovered}`);
      if (json) {
        results.push({
          environment: name,
          ok: true,
          written: write.written,
          unchanged: write.unchanged,
          removed: write.removed,
          objects: rendered.objects
            .filter((o) => inSelection(selection, o.path))
            .map((o) => ({ component: o.component, key: o.key, path: `rendered/${name}/${o.path}`, object: o.object })),
        });
      } else console.log(summarize(rendered, performance.now() - started, write, selection));
    } catch (error) {
      if (json) {
        const problems = problemsOf(error, input.root, name);
        if (!problems) code = Math.max(code, reportFailure(error, input.root, name));
        else code = Math.max(code, 1);
        results.push({
          environment: name,
          ok: false,
          problems: problems ?? [{ environment: name, message: 'internal error (see stderr)' }],
        });
      } else code = Math.max(code, reportFailure(error, input.root, name));
    }
  }
  if (json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  return code;
}
