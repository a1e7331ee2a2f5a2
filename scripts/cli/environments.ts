import { isEnvironment, PlatformError, type Environment } from '@platform/core';

/** The modules of the environments the launcher bundled, by environment folder name. */
export type EnvironmentModules = Record<string, { default?: unknown }>;

/** Picks the environments a command names (`prod`, or `--all`) and checks that each module exports one. */
export function selectEnvironments(modules: EnvironmentModules, known: string[], names: string[], all: boolean): Environment[] {
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new PlatformError(unknown.map((name) => ({ environment: name, message: `no such environment; known environments: ${known.join(', ')}` })));
  }
  if (!all && names.length === 0) throw new PlatformError({ message: `name an environment (${known.join(', ')}) or pass --all` });
  const selected = all ? known : names;
  return selected.map((name) => {
    const exported = modules[name]?.default;
    if (!isEnvironment(exported)) {
      throw new PlatformError({ environment: name, message: `environments/${name} must default-export defineEnvironment({ ... })` });
    }
    if (exported.name !== name) {
      throw new PlatformError({ environment: name, path: 'name', message: `the environment in environments/${name} is named "${exported.name}"; name it "${name}" like its folder` });
    }
    return exported;
  });
}
