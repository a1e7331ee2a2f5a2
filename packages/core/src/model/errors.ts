/**
 * Errors a user can cause and fix. The CLI prints these as one readable line each and never with a
 * stack trace; anything that is not a `PlatformError` is a bug in the toolkit and is reported as such.
 */

/** Where a problem was found: environment, component, object and field path, as far as they are known. */
export interface ProblemLocation {
  environment?: string;
  component?: string;
  /** `Kind/name` of a rendered object. */
  object?: string;
  /** Dotted field path, e.g. `ingester.replicas` or `spec.template.spec.containers[name=ingester].image`. */
  path?: string;
}

/** One problem, with a message a platform engineer can act on without reading the toolkit's code. */
export interface Problem extends ProblemLocation {
  message: string;
}

/** Formats a problem as `prod › mimir › StatefulSet/ingester › spec.replicas: message`. */
export function formatProblem(problem: Problem): string {
  const where = [problem.environment, problem.component, problem.object].filter(Boolean).join(' › ');
  const path = problem.path ? `${where ? ' › ' : ''}${problem.path}` : '';
  return `${where}${path}${where || path ? ': ' : ''}${problem.message}`;
}

/**
 * Whether a value is a PlatformError of any @platform/core version (environments may pin another core than
 * the CLI's, so `instanceof` is not enough).
 */
export function isPlatformError(error: unknown): error is PlatformError {
  return (
    error instanceof Error &&
    error.name === 'PlatformError' &&
    Array.isArray((error as { problems?: unknown }).problems)
  );
}

/** An error caused by the user's configuration; carries every problem found, not just the first. */
export class PlatformError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem[] | Problem) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.map(formatProblem).join('\n'));
    this.name = 'PlatformError';
    this.problems = list;
  }

  /** Returns a copy whose problems are located inside `location` where they do not say otherwise. */
  within(location: ProblemLocation): PlatformError {
    return new PlatformError(
      this.problems.map((p): Problem => ({ ...location, ...stripUndefined(p), message: p.message })),
    );
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Describes a value for an error message: `"abc"`, `3`, `an object`, `a list of 2 items`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return String(value);
}
