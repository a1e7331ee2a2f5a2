import type { CliInput } from './cli-input.js';
import { commandHelp, commandSpec, overview, parseCommand } from './command-line.js';
import { affectedCommand } from './commands/affected.js';
import { checkCommand } from './commands/check.js';
import { diffCommand } from './commands/diff.js';
import { fleetCommand } from './commands/fleet.js';
import { graphCommand } from './commands/graph.js';
import { lsCommand } from './commands/ls.js';
import { planCommand } from './commands/plan.js';
import { renderCommand } from './commands/render.js';
import { resourcesCommand } from './commands/resources.js';
import { showCommand } from './commands/show.js';
import { reportFailure } from './errors.js';

export type { CliInput } from './cli-input.js';
/** @public for the fleet's worker threads, which load the bundle (launcher/fleet-worker.mjs) */
export { renderFleetSlice } from './commands/fleet.js';

const RUN = {
  render: renderCommand,
  diff: diffCommand,
  check: checkCommand,
  show: showCommand,
  plan: planCommand,
  resources: resourcesCommand,
  graph: graphCommand,
  ls: lsCommand,
  affected: affectedCommand,
  'bench-fleet': fleetCommand,
} as const;

/** Runs one CLI command; returns the process exit code (0 fine, 1 the user's mistake or findings, 2 a toolkit bug). */
export async function main(input: CliInput): Promise<number> {
  const [command, ...rest] = input.argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    const topic = command === 'help' && rest[0] ? commandSpec(rest[0]) : undefined;
    console.log(topic ? commandHelp(topic) : overview());
    return command === undefined ? 1 : 0;
  }
  const spec = commandSpec(command);
  if (!spec || !(command in RUN)) {
    console.error(`error: unknown command "${command}"\n\n${overview()}`);
    return 1;
  }
  try {
    const parsed = parseCommand(spec, rest);
    if (parsed.help) {
      console.log(commandHelp(spec));
      return 0;
    }
    return await RUN[command as keyof typeof RUN](input, parsed);
  } catch (error) {
    return reportFailure(error, input.root);
  }
}
