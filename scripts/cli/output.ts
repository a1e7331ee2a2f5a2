import { styleText } from 'node:util';
import { formatProblem, isPlatformError } from '@platform/core';

const useColor = process.env.FORCE_COLOR !== undefined ? process.env.FORCE_COLOR !== '0' : Boolean(process.stdout.isTTY) && process.env.NO_COLOR === undefined;

type Style = Parameters<typeof styleText>[0];

/** Colours text when writing to a terminal (or FORCE_COLOR is set), never in pipes and CI logs. */
export function paint(style: Style, text: string): string {
  return useColor ? styleText(style, text) : text;
}

/** Prints a user's mistakes one per line and returns the exit code; anything else is reported as a toolkit bug. */
export function reportFailure(error: unknown): number {
  if (isPlatformError(error)) {
    for (const problem of error.problems) console.error(`${paint('red', 'error')} ${formatProblem(problem)}`);
    console.error(paint('red', `\n${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}; nothing was written.`));
    return 1;
  }
  console.error(paint('red', 'internal error: this is a bug in the platform toolkit, not in your configuration.'));
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return 2;
}
