// A project outside the repository whose one environment is scripts/bench/loki-only.ts, with @platform/core and
// @platform/loki linked from the workspace the way pnpm links packages. Rendered output goes to its own folder,
// so the benchmark never writes into the repository.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repository = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** @returns {{ root: string, environment: string, remove: () => void }} */
export function singleLibraryProject() {
  const root = mkdtempSync(join(tmpdir(), 'platform-bench-'));
  writeFileSync(join(root, 'package.json'), `${JSON.stringify({ name: 'bench', private: true, type: 'module' })}\n`);
  mkdirSync(join(root, 'node_modules', '@platform'), { recursive: true });
  const dependencies = {};
  for (const name of ['core', 'loki']) {
    symlinkSync(join(repository, 'packages', name), join(root, 'node_modules', '@platform', name));
    dependencies[`@platform/${name}`] = 'workspace:^';
  }
  const dir = join(root, 'environments', 'loki-only');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'loki-only', private: true, type: 'module', platform: { environment: './index.ts' }, dependencies }, null, 2)}\n`,
  );
  copyFileSync(join(repository, 'scripts', 'bench', 'loki-only.ts'), join(dir, 'index.ts'));
  return { root, environment: 'loki-only', remove: () => rmSync(root, { recursive: true, force: true }) };
}
