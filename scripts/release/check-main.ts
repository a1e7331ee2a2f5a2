// `pnpm release:check`: fails when a library's source differs from the release of its current version and no
// changeset records the change (CI runs it). Builds and packs each released library as `pnpm release` would
// and compares the package file by file with its tarball in releases/.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeDrift, releaseDrift } from './drift.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(`usage: pnpm release:check

  Fails when a library under packages/ builds a different package than the release of its current version in
  releases/ and no pending changeset names it. A pending changeset makes it a note: \`pnpm version-packages\`
  bumps the version. Unreleased versions are not checked.`);
  process.exit(0);
}
const drifts = await releaseDrift(root);
const blocking = drifts.filter((drift) => drift.changesets.length === 0);
for (const drift of drifts)
  console.error(`${drift.changesets.length === 0 ? 'error' : 'note'} ${describeDrift(root, drift)}`);
if (drifts.length === 0) console.log('every released library builds exactly its released package');
process.exitCode = blocking.length > 0 ? 1 : 0;
