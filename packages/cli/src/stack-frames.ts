import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One frame of a stack trace (source-mapped when the bundle's maps are on). */
interface StackFrame {
  file: string;
  line: number;
  column: number;
}

/** Whose code a frame is in. */
type FrameOwner = 'runtime' | 'toolkit' | 'third-party' | 'user';

/** The frames of an error's stack, top first. */
export function stackFrames(error: unknown): StackFrame[] {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const frames: StackFrame[] = [];
  for (const line of stack.split('\n')) {
    const match = /^\s*at (?:.*? \()?((?:file:\/\/)?[^\s()]+?):(\d+):(\d+)\)?\s*$/.exec(line);
    if (!match) continue;
    const file = match[1]!.startsWith('file://') ? fileURLToPath(match[1]!) : match[1]!;
    frames.push({ file, line: Number(match[2]), column: Number(match[3]) });
  }
  return frames;
}

const packageNames = new Map<string, string | undefined>();

/** The name in the nearest package.json at or above `dir`. */
function owningPackage(dir: string): string | undefined {
  if (packageNames.has(dir)) return packageNames.get(dir);
  const manifest = join(dir, 'package.json');
  let name: string | undefined;
  if (existsSync(manifest)) {
    try {
      name = (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name ?? '';
    } catch {
      name = '';
    }
  } else if (dirname(dir) !== dir) name = owningPackage(dirname(dir));
  packageNames.set(dir, name);
  return name;
}

/**
 * Whose code a file is: the runtime's (`node:`), the toolkit's (a `@platform/*` package, installed or in a
 * workspace), another installed package's (or an unmapped bundle position, which is installed code too), or
 * the user's (environments and anything else of the project).
 */
export function frameOwner(file: string): FrameOwner {
  if (file.startsWith('node:') || !file.includes(sep)) return 'runtime';
  const parts = file.split(sep);
  const modules = parts.lastIndexOf('node_modules');
  if (modules !== -1) {
    // A bundle position that no map translated: installed packages' code (only such chunks go unmapped), so
    // it decides nothing; the frames around it do.
    if (parts[modules + 1] === '.cache' && parts[modules + 2] === 'platform-cli') return 'third-party';
    return parts[modules + 1] === '@platform' ? 'toolkit' : 'third-party';
  }
  return owningPackage(dirname(file))?.startsWith('@platform/') ? 'toolkit' : 'user';
}

/** `environments/prod/index.ts:12:7`: the first frame in the user's code, relative to the project root. */
export function userLocation(error: unknown, root: string): string | undefined {
  const frame = stackFrames(error).find((f) => frameOwner(f.file) === 'user');
  if (!frame) return undefined;
  const rel = relative(root, frame.file);
  const shown = rel.startsWith('..') ? frame.file : rel.split(sep).join('/');
  return `${shown}:${frame.line}:${frame.column}`;
}

/**
 * Whether an error was thrown by the toolkit (a bug to report) rather than by the user's code: decided by the
 * first frame that is the toolkit's or the user's, since installed helpers (a YAML parser, a validator) throw
 * on behalf of whoever called them. No frame of either counts as the toolkit's.
 */
export function thrownByToolkit(error: unknown): boolean {
  for (const frame of stackFrames(error)) {
    const owner = frameOwner(frame.file);
    if (owner === 'toolkit') return true;
    if (owner === 'user') return false;
  }
  return true;
}
