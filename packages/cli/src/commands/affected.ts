import { relative, sep } from 'node:path';
import { isComponent } from '@platform/core';
import { type Affected, affectedEnvironments, type ComponentRef, classify, workspacePackages } from '../affected.js';
import type { CliInput } from '../cli-input.js';
import type { ParsedCommand } from '../command-line.js';
import { loadEnvironment } from '../environments.js';
import { CliError } from '../errors.js';
import { changedFiles, gitTop } from '../git.js';

/** `platform affected --since <ref>`: the environments and components whose output a change can affect. */
export async function affectedCommand(input: CliInput, parsed: ParsedCommand): Promise<number> {
  const since = parsed.flags.since;
  if (typeof since !== 'string' || since === '')
    throw new CliError('--since <git-ref> is required: platform affected --since origin/main');
  if (parsed.positionals.length > 0)
    throw new CliError(`platform affected takes no arguments, got ${parsed.positionals.join(' ')}`);
  const top = gitTop(input.root);
  if (!top) throw new CliError(`${input.root} is not inside a git repository`);
  const files = changedFiles(top, since)
    .map((file) => relative(input.root, `${top}/${file}`).split(sep).join('/'))
    .filter((file) => !file.startsWith('../'));
  const packages = workspacePackages(input.root);
  const changes = classify(files, packages, input.known);
  const loaded = new Map<string, ComponentRef[] | undefined>();
  for (const name of input.known) {
    try {
      const environment = await loadEnvironment(input, name);
      loaded.set(
        name,
        environment.components.map((component) => ({
          name: component.name,
          // Core 2 components know their definition; a renamed component of an older core counts under its name.
          definition:
            (isComponent(component) &&
              (component as { plan?: { definition?: { name?: string } } }).plan?.definition?.name) ||
            component.name,
        })),
      );
    } catch {
      loaded.set(name, undefined);
    }
  }
  const affected: Affected[] = affectedEnvironments({
    root: input.root,
    environments: input.known,
    environmentDirs: input.environmentDirs ?? {},
    changes,
    packages,
    componentsOf: (name) => loaded.get(name),
  });
  if (parsed.flags.format === 'json') {
    process.stdout.write(`${JSON.stringify(affected, null, 2)}\n`);
    return 0;
  }
  if (affected.length === 0)
    console.log(`no environment is affected by the changes since ${since} (${files.length} files)`);
  for (const entry of affected) {
    console.log(`${entry.environment}: ${entry.components === 'all' ? 'all components' : entry.components.join(', ')}`);
    for (const reason of [...new Set(entry.reasons)]) console.log(`  ${reason}`);
  }
  return 0;
}
