import { isPlatformError, PlatformError, type ProblemLocation } from '../model/errors.js';

/** Stack frames of the toolkit itself, skipped when pointing at the user's code. */
const TOOLKIT_FRAME =
  /[\\/](packages[\\/]core|@platform[\\/]core|node_modules)[\\/]|node:internal|platform-cli[\\/]cli-/;

/** `environments/prod/index.ts:12:5`: the first frame of a stack outside the toolkit, relative to the repository when it can. */
function userFrame(error: unknown): string | undefined {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  for (const line of stack.split('\n').slice(1)) {
    const match = /\(?((?:file:\/\/)?[^\s()]+):(\d+):(\d+)\)?\s*$/.exec(line.trim());
    if (!match) continue;
    const file = match[1]!.replace(/^file:\/\//, '');
    if (TOOLKIT_FRAME.test(file)) continue;
    const relative = /[\\/]((?:environments|packages|test)[\\/].*)$/.exec(file)?.[1] ?? file;
    return `${relative}:${match[2]}:${match[3]}`;
  }
  return undefined;
}

/**
 * Runs a function the user wrote (a mixin, an `addObjects` builder, a library's build function) so that what it
 * throws is reported as a problem at `location`, with the user's file and line, instead of as a crash of the
 * toolkit. PlatformErrors keep their own problems, located inside `location`.
 */
export function runUserCode<T>(what: string, location: ProblemLocation, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (isPlatformError(error)) throw error.within(location);
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      throw new PlatformError({
        ...location,
        message: `${what} recursed without end (${error.message}); look for an object that contains itself`,
      });
    }
    const frame = userFrame(error);
    const message = error instanceof Error ? error.message : String(error);
    throw Object.assign(
      new PlatformError({ ...location, message: `${what} threw: ${message}${frame ? ` (at ${frame})` : ''}` }),
      { cause: error },
    );
  }
}
