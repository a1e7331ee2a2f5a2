import { formatProblem, isPlatformError, type Problem } from '@platform/core';
import { paint } from './output.js';
import { thrownByToolkit, userLocation } from './stack-frames.js';

/** A mistake in how the CLI was called or in the project around the environments; the message says what to do. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

/** An environment module that failed while it was being loaded (a throw at its top level, in it or in what it imports). */
export class EnvironmentLoadError extends Error {
  override readonly name = 'EnvironmentLoadError';

  constructor(
    readonly environment: string,
    override readonly cause: unknown,
  ) {
    super(`environment ${environment} failed to load`);
  }
}

/** The problems an error stands for, each located at least in its environment; undefined for a toolkit bug. */
export function problemsOf(error: unknown, root: string, environment?: string): Problem[] | undefined {
  if (error instanceof EnvironmentLoadError) {
    const { cause } = error;
    const at = userLocation(cause, root);
    const where = at ? ` (while loading, at ${at})` : ' (while loading)';
    if (isPlatformError(cause)) {
      return cause.problems.map((problem) => ({
        environment: error.environment,
        ...problem,
        message: `${problem.message}${where}`,
      }));
    }
    if (thrownByToolkit(cause)) return undefined;
    return [{ environment: error.environment, message: `${describeThrown(cause)}${where}` }];
  }
  if (isPlatformError(error)) {
    return error.problems.map((problem) =>
      environment && !problem.environment ? { environment, ...problem } : problem,
    );
  }
  // Code of the user's that a core without its own protection (1.x) ran during the render: their mistake, at their line.
  if (environment && !thrownByToolkit(error)) {
    const at = userLocation(error, root);
    return [{ environment, message: `${describeThrown(error)}${at ? ` (at ${at})` : ''}` }];
  }
  return undefined;
}

function describeThrown(error: unknown): string {
  if (!(error instanceof Error)) return `threw ${JSON.stringify(error) ?? String(error)}`;
  return error.name === 'Error' ? error.message : `${error.name}: ${error.message}`;
}

/**
 * Prints what went wrong and returns the exit code: the user's mistakes one per line with their location and
 * exit 1; a CLI usage mistake as one line and exit 1; anything else is the toolkit's bug, with its stack, exit 2.
 */
export function reportFailure(error: unknown, root: string, environment?: string): number {
  if (error instanceof CliError) {
    console.error(`${paint('red', 'error')} ${error.message}`);
    return 1;
  }
  const problems = problemsOf(error, root, environment);
  if (problems) {
    for (const problem of problems) console.error(`${paint('red', 'error')} ${formatProblem(problem)}`);
    console.error(
      paint('red', `\n${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was written.`),
    );
    return 1;
  }
  const cause = error instanceof EnvironmentLoadError ? error.cause : error;
  console.error(
    paint(
      'red',
      `internal error${environment ? ` while rendering ${environment}` : ''}: this is a bug in the platform toolkit, not in your configuration.`,
    ),
  );
  console.error(cause instanceof Error ? (cause.stack ?? cause.message) : String(cause));
  return 2;
}
