import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, pack } from '../scripts/release/build.js';
import { describeDrift, pendingChangesets, releaseDrift } from '../scripts/release/drift.js';
import { libraryPackages } from '../scripts/release/workspace.js';

/** A repository with one library whose build copies src/index.js to dist/, released once as 0.1.0. */
async function releasedRepository(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'platform-drift-'));
  const dir = join(root, 'packages', 'greeter');
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: '@platform/greeter', version: '0.1.0', type: 'module', files: ['dist'], exports: { '.': './dist/index.js' }, scripts: { build: `node -e "require('fs').mkdirSync('dist',{recursive:true});require('fs').copyFileSync('src/index.js','dist/index.js')"` } }, null, 2)}\n`,
  );
  writeFileSync(join(dir, 'src', 'index.js'), "export const greeting = 'hello';\n");
  const [library] = libraryPackages(root);
  await build(library!, () => undefined);
  mkdirSync(join(root, 'releases'));
  await pack(library!, join(root, 'releases'));
  return root;
}

describe('library source changed without a version bump', () => {
  it('is found by building and packing the library and comparing it with its released tarball', async () => {
    const root = await releasedRepository();
    expect(await releaseDrift(root)).toEqual([]);

    writeFileSync(join(root, 'packages', 'greeter', 'src', 'index.js'), "export const greeting = 'hello, world';\n");
    const [drift] = await releaseDrift(root);
    expect(drift?.files).toEqual(['dist/index.js']);
    expect(describeDrift(root, drift!)).toBe(
      '@platform/greeter@0.1.0: packages/greeter differs from the released releases/platform-greeter-0.1.0.tgz (dist/index.js), and no changeset names it. A released version never changes: record the change with `pnpm changeset`, apply it with `pnpm version-packages`, then `pnpm release`.',
    );

    // With the change recorded, it is the next release's business: version-packages bumps the version.
    mkdirSync(join(root, '.changeset'));
    writeFileSync(
      join(root, '.changeset', 'brave-fox.md'),
      '---\n"@platform/greeter": minor\n---\n\nA friendlier greeting.\n',
    );
    expect(pendingChangesets(root).get('@platform/greeter')).toEqual(['.changeset/brave-fox.md']);
    const [recorded] = await releaseDrift(root);
    expect(recorded?.changesets).toEqual(['.changeset/brave-fox.md']);
    expect(describeDrift(root, recorded!)).toContain('apply it with `pnpm version-packages`');
  }, 120_000);
});
