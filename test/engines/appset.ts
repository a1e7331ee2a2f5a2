/**
 * Runs ApplicationSets through `appset/` — a Go program reproducing Argo CD v3.4.4's ApplicationSet
 * controller for list generators with the real engine (Go text/template + sprig, the same function map and
 * options) — and returns what the controller would create, or the ErrorOccurred message it would set.
 *
 * The binary is built once per source version into `node_modules/.cache/engines/` (never into the source
 * tree), keyed by a hash of the Go sources and the embedded schema. Requires Go and Debian's sprig and
 * sigs.k8s.io/yaml packages: `bash scripts/setup.sh`.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Application object the controller creates (apiVersion, kind, metadata, spec, operation). */
export type Application = {
  apiVersion: 'argoproj.io/v1alpha1';
  kind: 'Application';
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    finalizers?: string[];
  };
  spec: Record<string, unknown>;
  operation?: Record<string, unknown>;
};

/** What the ApplicationSet controller makes of one ApplicationSet. */
export interface Result {
  /** `metadata.name` of the ApplicationSet. */
  name: string;
  /** The Applications it creates, in creation (name) order; empty when generation failed. */
  applications: Application[];
  /** The `ErrorOccurred` condition's message, exactly as Argo CD writes it. */
  error?: string;
  /** The condition's reason (`RenderTemplateParamsError`, ...), or `UnsupportedByExecutor`. */
  reason?: string;
  /** Fields Argo CD silently drops because the Application type does not have them. */
  warnings?: string[];
}

const here = dirname(fileURLToPath(import.meta.url));
const sourceDir = join(here, 'appset');
const cacheDir = join(here, '..', '..', 'node_modules', '.cache', 'engines');
const GOPATH = '/usr/share/gocode';

let built: Promise<string> | undefined;

/** Hash of everything compiled into the binary: the package's .go files and the embedded schema. */
function sourceHash(): string {
  const hash = createHash('sha256');
  const names = readdirSync(sourceDir)
    .filter((n) => n.endsWith('.go') || n.endsWith('.json'))
    .sort();
  for (const name of names) {
    hash
      .update(name)
      .update('\0')
      .update(readFileSync(join(sourceDir, name)))
      .update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** A finished child process: its exit code (-1 when killed by a signal) and its output. */
interface RunOutput {
  code: number;
  stdout: string;
  stderr: string;
}

function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string },
): Promise<RunOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code: code ?? -1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
    child.stdin.end(options.input ?? '');
  });
}

async function build(): Promise<string> {
  const binary = join(cacheDir, `appset-${sourceHash()}`);
  if (existsSync(binary)) return binary;
  mkdirSync(cacheDir, { recursive: true });
  // Sprig and sigs.k8s.io/yaml come from Debian's /usr/share/gocode, so build in GOPATH mode.
  const env = {
    ...process.env,
    GO111MODULE: 'off',
    GOPATH,
    GOFLAGS: '',
    CGO_ENABLED: '0',
    GOCACHE: process.env.GOCACHE ?? join(cacheDir, 'go-build'),
  };
  const partial = `${binary}.${process.pid}.partial`;
  let result: RunOutput;
  try {
    result = await run('go', ['build', '-o', partial, '.'], { cwd: sourceDir, env });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        'Go is not installed: run `bash scripts/setup.sh` (README set-up) to install golang-go, sprig and sigs.k8s.io/yaml',
      );
    }
    throw error;
  }
  if (result.code !== 0) {
    rmSync(partial, { force: true });
    const hint = /cannot find package/.test(result.stderr) ? ' (missing Go packages: run `bash scripts/setup.sh`)' : '';
    throw new Error(`building test/engines/appset failed${hint}:\n${result.stderr}`);
  }
  // Parallel test workers may build at once; the rename makes whichever finishes last win atomically.
  renameSync(partial, binary);
  for (const stale of readdirSync(cacheDir).filter(
    (n) => /^appset-[0-9a-f]{16}$/.test(n) && join(cacheDir, n) !== binary,
  )) {
    rmSync(join(cacheDir, stale), { force: true });
  }
  return binary;
}

/**
 * Generates the Applications for each ApplicationSet the way Argo CD v3.4.4's controller would.
 * Throws when the executor cannot run (Go missing, invalid input); per-ApplicationSet failures are in
 * `Result.error`.
 */
export async function generateApplications(appsets: object[]): Promise<Result[]> {
  built ??= build();
  let binary: string;
  try {
    binary = await built;
  } catch (error) {
    built = undefined;
    throw error;
  }
  const { code, stdout, stderr } = await run(binary, [], { input: JSON.stringify(appsets) });
  if (code !== 0) throw new Error(`appset executor failed (exit ${code}): ${stderr}`);
  return JSON.parse(stdout) as Result[];
}
