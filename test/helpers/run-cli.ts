import type { Environment } from '@platform/core';
import { vi } from 'vitest';
import { type CliInput, main } from '../../packages/cli/src/main.js';

/** An environment, or a module factory that a test's loader calls (to simulate load errors). */
export type Loadable = Environment | (() => unknown);

/** Runs the CLI's `main` in-process over `environments`, capturing what it prints. */
export async function runCli(
  root: string,
  argv: string[],
  environments: Record<string, Loadable>,
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...args) => void out.push(args.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...args) => void err.push(args.join(' ')));
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out.push(String(chunk).replace(/\n$/, ''));
    return true;
  });
  const input: CliInput = {
    root,
    known: Object.keys(environments),
    argv,
    load: async (name) => {
      const value = environments[name]!;
      return typeof value === 'function' ? (value() as { default?: unknown }) : { default: value };
    },
  };
  const code = await main(input);
  vi.restoreAllMocks();
  return { code, out: out.join('\n'), err: err.join('\n') };
}
