// `pnpm version-packages`: `changeset version` (applies the pending changesets: bumps versions, updates
// @platform ranges, writes CHANGELOG.md), with two repository-specific touches:
// - environments that pin released tarballs (`file:../../releases/...`) are not out of date, whatever
//   changesets' workspace check says, so those lines are not shown;
// - an environment manifest whose content did not change keeps its formatting (changesets rewrites every
//   manifest it reads).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const environments = join(root, 'environments');
const manifests = new Map<string, string>();
for (const name of existsSync(environments) ? readdirSync(environments) : []) {
  const file = join(environments, name, 'package.json');
  if (existsSync(file)) manifests.set(file, readFileSync(file, 'utf8'));
}

const pinnedToArchive = /must depend on the current version of .* vs "file:[^"]*releases\//;
const child = spawn(
  process.execPath,
  [join(root, 'node_modules', '@changesets', 'cli', 'bin.js'), 'version', ...process.argv.slice(2)],
  { cwd: root, stdio: ['inherit', 'pipe', 'pipe'] },
);
let stdout = '';
let stderr = '';
child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
const code = await new Promise<number>((done) => child.on('close', (exitCode) => done(exitCode ?? 1)));
const shown = (text: string) =>
  text
    .split('\n')
    .filter((line) => !pinnedToArchive.test(line))
    .join('\n');
process.stdout.write(shown(stdout));
process.stderr.write(shown(stderr));

for (const [file, before] of manifests) {
  const after = readFileSync(file, 'utf8');
  if (after !== before && isDeepStrictEqual(JSON.parse(after), JSON.parse(before))) writeFileSync(file, before);
}
process.exitCode = code;
