/**
 * `pnpm new-component <name>`: writes a working, tested skeleton of a component library to packages/<name>
 * (refuses to overwrite), then says what to do next.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { componentSkeleton, isComponentName } from './skeleton.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const name = process.argv[2];
if (!name || !isComponentName(name)) {
  console.error(
    'usage: pnpm new-component <name>   (a DNS label: lower-case letters, digits and "-", e.g. widget-shop)',
  );
  process.exit(1);
}
const folder = join(root, 'packages', name);
if (existsSync(folder)) {
  console.error(`packages/${name} exists already; nothing was written`);
  process.exit(1);
}
const core = JSON.parse(readFileSync(join(root, 'packages/core/package.json'), 'utf8')) as { version: string };
for (const [path, content] of componentSkeleton(name, core.version)) {
  mkdirSync(dirname(join(folder, path)), { recursive: true });
  writeFileSync(join(folder, path), content);
}
console.log(
  `wrote packages/${name}; next: pnpm install && pnpm vitest run packages/${name} — then see CONTRIBUTING.md`,
);
