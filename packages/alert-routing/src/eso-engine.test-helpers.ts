/**
 * Runs `eso-engine/` — External Secrets' template engine v2 (Go text/template + sprig), as its controller
 * executes a template — over a template and the values the store would return. Built once per source version
 * into `node_modules/.cache/engines/` with Debian's Go and sprig (`bash scripts/setup.sh`).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const sourceDir = join(dirname(fileURLToPath(import.meta.url)), 'eso-engine');
const cacheDir = join(sourceDir, '..', '..', '..', '..', 'node_modules', '.cache', 'engines');

function binary(): string {
  const hash = createHash('sha256')
    .update(readFileSync(join(sourceDir, 'main.go')))
    .digest('hex')
    .slice(0, 16);
  const path = join(cacheDir, `eso-engine-${hash}`);
  if (existsSync(path)) return path;
  mkdirSync(cacheDir, { recursive: true });
  const partial = `${path}.${process.pid}.partial`;
  const env = {
    ...process.env,
    GO111MODULE: 'off',
    GOPATH: '/usr/share/gocode',
    GOFLAGS: '',
    CGO_ENABLED: '0',
    GOCACHE: process.env.GOCACHE ?? join(cacheDir, 'go-build'),
  };
  const built = spawnSync('go', ['build', '-o', partial, '.'], { cwd: sourceDir, env, encoding: 'utf8' });
  if (built.error || built.status !== 0)
    throw new Error(`building eso-engine failed (Go and sprig: bash scripts/setup.sh): ${built.error ?? built.stderr}`);
  renameSync(partial, path);
  return path;
}

/** The Secret value External Secrets renders from `template` with the store's `data`; throws with the engine's error. */
export function executeEsoTemplate(template: string, data: Record<string, string>): string {
  const run = spawnSync(binary(), [], { input: JSON.stringify({ template, data }), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr.trim());
  return run.stdout;
}
