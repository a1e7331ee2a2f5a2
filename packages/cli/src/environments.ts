import { type Environment, isEnvironment, PlatformError, type RenderedEnvironment } from '@platform/core';
import type { CliInput } from './cli-input.js';
import { CliError, EnvironmentLoadError } from './errors.js';
import { environmentPins, pinProblems } from './pins.js';

const unknownEnvironment = (input: CliInput, name: string) =>
  `${name}: no such environment; known environments: ${input.known.join(', ')}`;

/** `name`, when it is one of the project's environments; else a CliError listing them. */
export function knownEnvironment(input: CliInput, name: string): string {
  if (!input.known.includes(name)) throw new CliError(unknownEnvironment(input, name));
  return name;
}

/** The environments a command names (`prod`, or `--all`), checked against the project's. */
export function selectNames(input: CliInput, names: string[], all: boolean): string[] {
  const unknown = names.filter((name) => !input.known.includes(name));
  if (unknown.length > 0) throw new CliError(unknown.map((name) => unknownEnvironment(input, name)).join('\n'));
  if (all && names.length > 0) throw new CliError(`name environments or pass --all, not both`);
  if (!all && names.length === 0) throw new CliError(`name an environment (${input.known.join(', ')}) or pass --all`);
  return all ? input.known : names;
}

/**
 * Loads one environment: its module (a throw at its top level becomes an {@link EnvironmentLoadError} naming it),
 * its default export, and a check that node_modules holds the library versions its package.json pins.
 */
export async function loadEnvironment(input: CliInput, name: string): Promise<Environment> {
  let module: Awaited<ReturnType<CliInput['load']>>;
  try {
    module = await input.load(name);
  } catch (error) {
    throw new EnvironmentLoadError(name, error);
  }
  const exported = module.default;
  if (!isEnvironment(exported)) {
    throw new PlatformError({
      environment: name,
      message: `environments/${name} must default-export defineEnvironment({ ... })`,
    });
  }
  if (exported.name !== name) {
    throw new PlatformError({
      environment: name,
      path: 'name',
      message: `the environment in environments/${name} is named "${exported.name}"; name it "${name}" like its folder`,
    });
  }
  const dir = input.environmentDirs?.[name];
  if (dir) {
    const problems = pinProblems(name, environmentPins(input.root, dir));
    if (problems.length > 0) throw new PlatformError(problems.map((message) => ({ environment: name, message })));
  }
  return exported;
}

/** Loads and renders one environment, in memory, with the environment's own @platform/core. */
export async function renderNamed(input: CliInput, name: string): Promise<RenderedEnvironment> {
  const environment = await loadEnvironment(input, name);
  return environment.render();
}
