import { join, relative, sep } from 'node:path';
import type { CliInput } from '../cli-input.js';
import type { ParsedCommand } from '../command-line.js';
import { selectComponents, selectFiles } from '../components.js';
import { colorPatch, diffTrees } from '../diff-trees.js';
import { renderNamed, selectNames } from '../environments.js';
import { reportFailure } from '../errors.js';
import { gitTop } from '../git.js';
import { isGraphFile } from '../graph-folder.js';
import { paint } from '../output.js';
import { readTree, recoverTree, treeExists } from '../write-tree.js';

/** `platform diff`: a unified diff per object between rendered/<env>/ and a fresh render. */
export async function diffCommand(input: CliInput, parsed: ParsedCommand): Promise<number> {
  const names = selectNames(input, parsed.positionals, parsed.flags.all === true);
  const top = gitTop(input.root) ?? input.root;
  let changed = 0;
  let code = 0;
  for (const name of names) {
    try {
      const folder = join(input.root, 'rendered', name);
      const prefix = `${relative(top, folder).split(sep).join('/')}/`;
      const rendered = await renderNamed(input, name);
      const selection = selectComponents(rendered, parsed.flags.component as string[]);
      const recovered = recoverTree(folder);
      if (recovered) console.error(`note: ${recovered}`);
      if (!treeExists(folder))
        console.log(
          `${paint('bold', name)}: ${prefix} does not exist yet, so everything below is new; \`platform render ${name}\` writes it`,
        );
      const onDisk = new Map([...readTree(folder)].filter(([path]) => !isGraphFile(path)));
      const changes = diffTrees(selectFiles(onDisk, selection), selectFiles(rendered.files, selection), prefix);
      for (const change of changes) console.log(colorPatch(change.patch));
      const counts = (['added', 'changed', 'removed'] as const)
        .map((status) => `${changes.filter((c) => c.status === status).length} ${status}`)
        .join(', ');
      console.log(`${paint('bold', name)}: ${changes.length === 0 ? 'no changes' : counts}`);
      changed += changes.length;
    } catch (error) {
      code = Math.max(code, reportFailure(error, input.root, name));
    }
  }
  if (code > 0) return code;
  return parsed.flags['exit-code'] === true && changed > 0 ? 1 : 0;
}
