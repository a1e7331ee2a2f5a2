import {
  compareResourcesTables,
  formatResourcesComparison,
  formatResourcesTable,
  type RenderedEnvironment,
  resourcesTable,
} from '@platform/core';
import type { CliInput } from '../cli-input.js';
import type { ParsedCommand } from '../command-line.js';
import { knownEnvironment, renderNamed } from '../environments.js';
import { CliError, reportFailure } from '../errors.js';

/**
 * `platform resources <env> [--compare <other-env>]`: replicas (min–max when autoscaled), requests and limits per
 * workload, and totals per tier and for the environment, computed from the rendered objects; with `--compare`, the
 * workloads that differ and both environments' totals.
 */
export async function resourcesCommand(input: CliInput, parsed: ParsedCommand): Promise<number> {
  const [name, ...rest] = parsed.positionals;
  if (name === undefined || rest.length > 0) throw new CliError('name one environment: platform resources <env>');
  knownEnvironment(input, name);
  const other = typeof parsed.flags.compare === 'string' ? knownEnvironment(input, parsed.flags.compare) : undefined;
  const renders: RenderedEnvironment[] = [];
  for (const environment of other ? [name, other] : [name]) {
    try {
      renders.push(await renderNamed(input, environment));
    } catch (error) {
      return reportFailure(error, input.root, environment);
    }
  }
  const [table, otherTable] = renders.map((rendered) => resourcesTable(rendered));
  const json = parsed.flags.format === 'json';
  if (otherTable) {
    const comparison = compareResourcesTables(table!, otherTable);
    process.stdout.write(
      json ? `${JSON.stringify(comparison, null, 2)}\n` : `${formatResourcesComparison(comparison)}\n`,
    );
  } else {
    process.stdout.write(json ? `${JSON.stringify(table, null, 2)}\n` : `${formatResourcesTable(table!)}\n`);
  }
  return 0;
}
