import type { CliInput } from '../cli-input.js';
import type { ParsedCommand } from '../command-line.js';
import { loadEnvironment } from '../environments.js';
import { CliError } from '../errors.js';

/**
 * Benchmark helper (not a user command): renders the named environment `--count` times under different names
 * in one process, as a synthetic fleet, and prints one JSON line with the totals.
 */
export async function fleetCommand(input: CliInput, parsed: ParsedCommand): Promise<number> {
  const [name] = parsed.positionals;
  if (name === undefined || !input.known.includes(name))
    throw new CliError('name one environment: platform bench-fleet <env> --count <n>');
  const count = Number(parsed.flags.count);
  const environment = await loadEnvironment(input, name);
  const started = performance.now();
  let objects = 0;
  for (let index = 1; index <= count; index++) {
    const rendered = await environment.render.call({ ...environment, name: `${environment.name}-${index}` });
    objects += rendered.objects.length;
  }
  const milliseconds = performance.now() - started;
  console.log(JSON.stringify({ environments: count, objects, milliseconds, maxRssKb: process.resourceUsage().maxRSS }));
  return 0;
}
