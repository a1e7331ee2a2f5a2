import type { CliInput } from '../cli-input.js';
import type { ParsedCommand } from '../command-line.js';
import { selectComponents, selectFiles } from '../components.js';
import { knownEnvironment, renderNamed } from '../environments.js';
import { CliError, reportFailure } from '../errors.js';

/** `platform show <env> [component...]`: the rendered YAML as one multi-document stream on stdout, for `kubectl apply -f -`. */
export async function showCommand(input: CliInput, parsed: ParsedCommand): Promise<number> {
  const [name, ...components] = parsed.positionals;
  if (name === undefined) throw new CliError('name an environment: platform show <env> [component...]');
  knownEnvironment(input, name);
  try {
    const rendered = await renderNamed(input, name);
    const files = selectFiles(rendered.files, selectComponents(rendered, components));
    process.stdout.write([...files.values()].map((yaml) => `---\n${yaml}`).join(''));
    return 0;
  } catch (error) {
    return reportFailure(error, input.root, name);
  }
}
