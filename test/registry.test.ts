// Proof of the release path, end to end: a Verdaccio on a free loopback port with the repository's config,
// `release()` publishing every library to it, a brand-new consumer project outside the workspace installing
// them from it and rendering the same output as the repository, two versions of one library side by side,
// and the refusals (anonymous publish, republishing a version, a registry refusing half-way through).
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import * as core from '@platform/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integrityOf, readTarballManifest, tarballName } from '../scripts/release/archive.js';
import { NpmRegistry, ReleaseError } from '../scripts/release/registry.js';
import { type ReleaseReport, release } from '../scripts/release/release.js';
import { type LibraryPackage, libraryPackages, withDependencies } from '../scripts/release/workspace.js';
import { composeEnvironment } from './fixtures/compose-environment.mjs';
import { addUser, startRegistry, type TestRegistry } from './helpers/verdaccio.js';

const run = promisify(execFile);
const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
/** Component libraries the consumer composes (those whose source exists), beside a component written against core alone. */
const COMPOSED = ['cert-manager', 'mimir', 'prometheus-operator-crds', 'thanos'];
/** Packages matching this are refused by the test registry, to provoke a failure half-way through a release. */
const REFUSED = '@platform/refused-*';
const SKEW = '@platform/skew-fixture';

/** Whether a library's source imports @platform/core. */
function importsCore(dir: string): boolean {
  // What the published package runs: its tests may import anything of the workspace.
  const sources = readdirSync(join(dir, 'src'), { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.includes('.test-helpers'),
  );
  return sources.some((file) => readFileSync(join(dir, 'src', file), 'utf8').includes("from '@platform/core'"));
}

/** The environment of child processes: this run's npm/pnpm settings (set by `pnpm test`) must not leak into them. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|pnpm_)/i.test(key)));
  return { ...env, ...extra };
}

/** A package folder of plain ESM JavaScript, for the version-skew and partial-failure fixtures. */
function writePackage(folder: string, manifest: Record<string, unknown>, files: Record<string, string>): string {
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(folder, 'package.json'),
    `${JSON.stringify({ type: 'module', license: 'Apache-2.0', ...manifest }, null, 2)}\n`,
  );
  for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);
  return folder;
}

/** A library whose single ConfigMap says which version rendered it: the visible difference between 1.0.0 and 1.1.0. */
function skewFixture(folder: string, version: string, coreVersion: string): string {
  const greeting = version === '1.0.0' ? 'hello' : 'hello, world';
  return writePackage(
    folder,
    { name: SKEW, version, exports: { '.': './index.js' }, peerDependencies: { '@platform/core': `^${coreVersion}` } },
    {
      'index.js': `import { defineComponent } from '@platform/core';
export const greeter = defineComponent({
  name: 'greeter',
  tier: 'workloads',
  defaults: { greeting: ${JSON.stringify(greeting)} },
  build: (context) => ({
    greeter_configmap: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'greeter' }, data: { greeting: context.config.greeting, renderedBy: '${SKEW}@${version}' } },
  }),
});
`,
    },
  );
}

describe('releasing to a private registry', () => {
  const work = mkdtempSync(join(tmpdir(), 'platform-release-test-'));
  const archive = join(work, 'releases');
  const log: string[] = [];
  let registry: TestRegistry;
  let token: string;
  let libraries: LibraryPackage[];
  let report: ReleaseReport;

  beforeAll(async () => {
    registry = await startRegistry(root, (config) =>
      config.replace(/^packages:\n/m, `packages:\n  '${REFUSED}':\n    access: $all\n    publish: no-such-user\n`),
    );
    token = await addUser(registry.url, 'release-bot', 'release-bot-password');
    // What a consumer of the CLI and the composed libraries installs, with everything they build on; libraries
    // that are still being written elsewhere in the workspace stay out of this test.
    libraries = withDependencies(libraryPackages(root), [
      '@platform/cli',
      ...COMPOSED.map((library) => `@platform/${library}`),
    ]);
  }, 60_000);

  afterAll(async () => {
    await registry?.stop();
    rmSync(work, { recursive: true, force: true });
  }, 30_000);

  it('refuses an anonymous publish: the registry answers 401, and release() stops before building anything', async () => {
    const response = await fetch(`${registry.url}${encodeURIComponent('@platform/anonymous').replace('%40', '@')}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '@platform/anonymous', versions: {}, 'dist-tags': {}, _attachments: {} }),
    });
    expect(response.status).toBe(401);

    // No token and an npm user config without credentials for this registry.
    const userConfig = join(work, 'empty.npmrc');
    writeFileSync(userConfig, '');
    const previous = process.env.npm_config_userconfig;
    process.env.npm_config_userconfig = userConfig;
    try {
      const attempt = release({ root, registry: registry.url, archive, tag: false, log: (line) => log.push(line) });
      await expect(attempt).rejects.toThrow(ReleaseError);
      await expect(attempt).rejects.toThrow(
        /not authenticated at http:\/\/127\.0\.0\.1:\d+\/ \(ENEEDAUTH\).*pnpm registry:adduser/,
      );
    } finally {
      if (previous === undefined) delete process.env.npm_config_userconfig;
      else process.env.npm_config_userconfig = previous;
    }
    expect(existsSync(archive)).toBe(false);
  });

  it('runs release --dry-run without a login: it only reads the registry', async () => {
    const userConfig = join(work, 'empty-dry.npmrc');
    writeFileSync(userConfig, '');
    const dryLog: string[] = [];
    const previous = process.env.npm_config_userconfig;
    process.env.npm_config_userconfig = userConfig;
    try {
      const plan = await release({
        root,
        registry: registry.url,
        packages: libraries.map((l) => l.name),
        archive: join(work, 'dry-archive'),
        tag: false,
        dryRun: true,
        log: (line) => dryLog.push(line),
      });
      expect(plan.user).toBe('(nobody: not logged in)');
      expect(plan.released).toEqual([]);
    } finally {
      if (previous === undefined) delete process.env.npm_config_userconfig;
      else process.env.npm_config_userconfig = previous;
    }
    expect(dryLog.some((line) => /@platform\/core@\S+: build and publish/.test(line))).toBe(true);
    expect(dryLog.at(-1)).toBe('dry run: nothing was published.');
    expect(existsSync(join(work, 'dry-archive'))).toBe(false);
  }, 120_000);

  it('creates a registry user without prompts or npm warnings, and logs an existing one in', async () => {
    const config = join(work, 'ci.npmrc');
    writeFileSync(config, 'color=false\n');
    const script = join(root, 'scripts', 'release', 'add-user.ts');
    const tsx = join(root, 'node_modules', '.bin', 'tsx');
    const env = cleanEnv({ PLATFORM_REGISTRY_PASSWORD: 'ci-password', npm_config_userconfig: config });
    const created = await run(tsx, [script, '--user', 'ci-bot', '--registry', registry.url], { env, cwd: root });
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain(`ci-bot can publish to ${registry.url}`);
    expect(readFileSync(config, 'utf8')).toMatch(/^color=false\n\/\/127\.0\.0\.1:\d+\/:_authToken=\S+\n$/);
    const printed = await run(tsx, [script, '--user', 'ci-bot', '--registry', registry.url, '--print-token'], {
      env,
      cwd: root,
    });
    expect(printed.stdout.trim()).toMatch(/^\S+$/);
    const whoami = new NpmRegistry(registry.url, printed.stdout.trim());
    try {
      expect(await whoami.whoami()).toBe('ci-bot');
    } finally {
      whoami.dispose();
    }
  }, 60_000);

  it('publishes the CLI and the libraries a consumer needs, dependencies first, and archives exactly the published tarballs', async () => {
    report = await release({
      root,
      registry: registry.url,
      token,
      packages: libraries.map((l) => l.name),
      archive,
      tag: false,
      log: (line) => log.push(line),
    });
    expect(report.failed, log.join('\n')).toBeUndefined();
    expect(report.user).toBe('release-bot');
    expect(report.released.map((r) => `${r.name}@${r.version}`)).toEqual(
      libraries.map((l) => `${l.name}@${l.version}`),
    );
    expect(report.released[0]!.name).toBe('@platform/core');

    const published = new NpmRegistry(registry.url, token);
    try {
      for (const library of libraries) {
        const tarball = join(archive, tarballName(library.name, library.version));
        expect(await published.integrity(library.name, library.version)).toBe(integrityOf(tarball));
        const manifest = readTarballManifest(tarball);
        // Published manifests carry real semver ranges and the dist/ exports, never workspace links or sources.
        expect(JSON.stringify(manifest)).not.toContain('workspace:');
        expect(JSON.stringify(manifest)).not.toContain('platform-source');
        // A library built on core runs on the environment's core: a peer, never a copy of its own. (The CLI loads
        // whichever core the environment pins.)
        if (library.name !== '@platform/core' && library.name !== '@platform/cli' && importsCore(library.dir))
          expect(manifest.peerDependencies?.['@platform/core'], library.name).toMatch(/^\^\d+\.\d+\.\d+$/);
      }
    } finally {
      published.dispose();
    }
  }, 900_000);

  describe('a consumer project outside the workspace, with the platform bin', () => {
    const consumer = join(work, 'consumer');
    let composed: string[];
    const platform = (args: string[]) =>
      run(join(consumer, 'node_modules', '.bin', 'platform'), args, {
        cwd: consumer,
        env: cleanEnv({ NO_COLOR: '1' }),
        maxBuffer: 64 * 1024 * 1024,
      }).then(
        (result) => ({ code: 0, ...result }),
        (error: { code?: number; stdout?: string; stderr?: string }) => ({
          code: error.code ?? -1,
          stdout: error.stdout ?? '',
          stderr: error.stderr ?? '',
        }),
      );
    const tree = (dir: string): Record<string, string> =>
      Object.fromEntries(
        readdirSync(dir, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => [
            join(entry.parentPath, entry.name).slice(dir.length + 1),
            readFileSync(join(entry.parentPath, entry.name), 'utf8'),
          ]),
      );

    beforeAll(async () => {
      expect(report?.failed, 'the libraries were published').toBeUndefined();
      const version = (name: string) => libraries.find((l) => l.name === name)!.version;
      const coreVersion = version('@platform/core');
      const publisher = new NpmRegistry(registry.url, token);
      try {
        for (const skewVersion of ['1.0.0', '1.1.0'])
          await publisher.publish(skewFixture(join(work, `skew-${skewVersion}`), skewVersion, coreVersion));
      } finally {
        publisher.dispose();
      }

      // One workspace, three environments: mirror composes the libraries exactly as the repository test does;
      // prod pins the old skew fixture and staging the new one.
      composed = COMPOSED.filter((library) => libraries.some((l) => l.name === `@platform/${library}`));
      writePackage(
        consumer,
        { name: 'consumer', private: true, devDependencies: { '@platform/cli': version('@platform/cli') } },
        {
          'pnpm-workspace.yaml': 'packages:\n  - environments/*\n',
          // Only the @platform scope comes from the private registry; a fresh metadata cache, so nothing is reused from other runs.
          '.npmrc': `@platform:registry=${registry.url}\ncache-dir=${join(consumer, '.pnpm-cache')}\n`,
          'compose-environment.mjs': readFileSync(join(root, 'test', 'fixtures', 'compose-environment.mjs'), 'utf8'),
        },
      );
      const environments: Array<[string, string | undefined]> = [
        ['mirror', undefined],
        ['prod', '1.0.0'],
        ['staging', '1.1.0'],
      ];
      for (const [environment, skewVersion] of environments) {
        const dependencies: Record<string, string> = {
          '@platform/core': coreVersion,
          ...(skewVersion ? { [SKEW]: skewVersion } : {}),
        };
        for (const library of composed) dependencies[`@platform/${library}`] = version(`@platform/${library}`);
        writePackage(
          join(consumer, 'environments', environment),
          {
            name: `consumer-${environment}`,
            private: true,
            platform: { environment: './environment.mjs' },
            dependencies,
          },
          {
            'environment.mjs': `import * as core from '@platform/core';
${composed.map((library, index) => `import * as library${index} from '@platform/${library}';`).join('\n')}
${skewVersion ? `import { greeter } from '${SKEW}';` : ''}
import { composeEnvironment } from '../../compose-environment.mjs';

const libraries = { ${composed.map((library, index) => `${JSON.stringify(library)}: library${index}`).join(', ')} };
export default composeEnvironment(core, process.env.DROP ? Object.fromEntries(Object.entries(libraries).filter(([name]) => name !== process.env.DROP)) : libraries, [${skewVersion ? 'greeter()' : ''}], ${JSON.stringify(environment)});
`,
          },
        );
      }
      writePackage(
        join(consumer, 'environments', 'broken'),
        {
          name: 'consumer-broken',
          private: true,
          platform: { environment: './environment.mjs' },
          dependencies: { '@platform/core': coreVersion },
        },
        {
          'environment.mjs':
            "import { defineEnvironment } from '@platform/core';\n\nthrow new Error('the cluster list is not configured');\n",
        },
      );
      await run('pnpm', ['install', '--no-frozen-lockfile', '--reporter', 'append-only'], {
        cwd: consumer,
        env: cleanEnv(),
        maxBuffer: 16 * 1024 * 1024,
      });
    }, 300_000);

    it('installs the libraries and the CLI from the registry, byte for byte the archived tarballs, not through workspace links', () => {
      const lockfile = readFileSync(join(consumer, 'pnpm-lock.yaml'), 'utf8');
      expect(lockfile).not.toMatch(/(?:specifier|version): (?:link|file|workspace):/);
      for (const name of [
        '@platform/core',
        '@platform/cli',
        '@platform/policy',
        ...composed.map((library) => `@platform/${library}`),
      ]) {
        const library = libraries.find((l) => l.name === name)!;
        const entry = new RegExp(
          `'${name}@${library.version.replace(/\./g, '\\.')}':\\n\\s+resolution: \\{integrity: (sha512-[^,}\\s]+)`,
        ).exec(lockfile);
        expect(entry?.[1], `${name} in the consumer's lockfile`).toBe(
          integrityOf(join(archive, tarballName(name, library.version))),
        );
      }
      expect(
        readdirSync(join(consumer, 'node_modules', '.pnpm'))
          .filter((entry) => entry.startsWith('@platform+skew-fixture@'))
          .map((entry) => entry.split('_')[0])
          .sort(),
      ).toEqual(['@platform+skew-fixture@1.0.0', '@platform+skew-fixture@1.1.0']);
    });

    it('platform render writes exactly what the repository renders for the same configuration', async () => {
      const result = await platform(['render', 'mirror']);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/^mirror: \d+ components, \d+ objects/);
      const modules: Record<string, Record<string, unknown>> = {};
      for (const library of composed)
        modules[library] = (await import(
          pathToFileURL(join(root, 'packages', library, 'src', 'index.ts')).href
        )) as Record<string, unknown>;
      const inRepository = Object.fromEntries((await composeEnvironment(core, modules, [], 'mirror').render()).files);
      expect(Object.keys(inRepository).length).toBeGreaterThan(3);
      expect(tree(join(consumer, 'rendered', 'mirror'))).toEqual(inRepository);
      expect(readdirSync(join(consumer, 'rendered')).sort()).toEqual(['.platform-write', 'mirror']);
    });

    it('renders each environment with the library version it pins: prod stays on 1.0.0 while staging runs 1.1.0', async () => {
      const result = await platform(['render', 'prod', 'staging']);
      expect(result.code, result.stderr).toBe(0);
      const greeterFile = (environment: string) =>
        Object.entries(tree(join(consumer, 'rendered', environment))).find(
          ([path]) => path.startsWith('greeter/') && path.includes('configmap'),
        )?.[1] ?? '';
      expect(greeterFile('prod')).toContain(`renderedBy: '${SKEW}@1.0.0'`);
      expect(greeterFile('prod')).toContain('greeting: hello\n');
      expect(greeterFile('staging')).toContain(`renderedBy: '${SKEW}@1.1.0'`);
      expect(greeterFile('staging')).toContain('greeting: hello, world\n');
    });

    it('platform diff and check work there too, and a removed component is pruned', async () => {
      expect((await platform(['diff', 'mirror', '--exit-code'])).code).toBe(0);
      const checked = await platform(['check', 'mirror', 'prod', '--format', 'json']);
      const entries = JSON.parse(checked.stdout) as Array<{ environment: string; rendered: boolean }>;
      expect(entries.map((entry) => [entry.environment, entry.rendered])).toEqual([
        ['mirror', true],
        ['prod', true],
      ]);
      const dropped = composed.at(-1)!;
      expect(existsSync(join(consumer, 'rendered', 'mirror', dropped))).toBe(true);
      const pruned = await run(join(consumer, 'node_modules', '.bin', 'platform'), ['render', 'mirror'], {
        cwd: consumer,
        env: cleanEnv({ DROP: dropped, NO_COLOR: '1' }),
      });
      expect(pruned.stdout).toMatch(/[1-9]\d* removed/);
      expect(existsSync(join(consumer, 'rendered', 'mirror', dropped))).toBe(false);
    });

    it('names the environment and the file and line when an environment fails to load', async () => {
      const result = await platform(['render', 'broken']);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        'error broken: the cluster list is not configured (while loading, at environments/broken/environment.mjs:3:7)',
      );
      expect(existsSync(join(consumer, 'rendered', 'broken'))).toBe(false);
    });
  });

  it('refuses to republish a version: release() names it and publishes nothing; the registry itself refuses too', async () => {
    const before = readdirSync(archive).sort();
    const core = libraries.find((l) => l.name === '@platform/core')!;
    const attempt = release({
      root,
      registry: registry.url,
      token,
      packages: ['core'],
      archive,
      tag: false,
      log: (line) => log.push(line),
    });
    await expect(attempt).rejects.toThrow(
      `@platform/core@${core.version} is already published to ${registry.url}; a published version never changes.`,
    );
    await expect(attempt).rejects.toThrow(/Nothing was published\.$/);
    expect(readdirSync(archive).sort()).toEqual(before);

    const direct = new NpmRegistry(registry.url, token);
    try {
      await expect(direct.publish(join(archive, tarballName(core.name, core.version)))).rejects.toThrow(
        /E409|E403|already|cannot publish over/i,
      );
    } finally {
      direct.dispose();
    }
  });

  it('stops at a version the registry refuses: what was published before it is archived and reported, it is not', async () => {
    const fakeRoot = join(work, 'partial');
    const build = {
      build:
        "node -e \"require('fs').mkdirSync('dist',{recursive:true});require('fs').writeFileSync('dist/index.js','export {};\\n')\"",
    };
    for (const [folder, name] of [
      ['a', '@platform/partial-one'],
      ['b', '@platform/refused-two'],
      ['c', '@platform/partial-three'],
    ] as const) {
      writePackage(
        join(fakeRoot, 'packages', folder),
        { name, version: '0.1.0', files: ['dist'], exports: { '.': './dist/index.js' }, scripts: build },
        {},
      );
    }
    const fakeArchive = join(work, 'partial-releases');
    const partial = await release({
      root: fakeRoot,
      registry: registry.url,
      token,
      archive: fakeArchive,
      tag: false,
      log: (line) => log.push(line),
    });
    expect(partial.released.map((r) => `${r.name}@${r.version}`)).toEqual(['@platform/partial-one@0.1.0']);
    expect(partial.failed).toMatchObject({ name: '@platform/refused-two', version: '0.1.0' });
    expect(partial.failed!.reason).toMatch(/403|not allowed|forbidden/i);
    expect(partial.notAttempted).toEqual(['@platform/partial-three@0.1.0']);
    expect(readdirSync(fakeArchive)).toEqual(['platform-partial-one-0.1.0.tgz']);

    // A run that died after publishing but before archiving: the next run checks the registry holds exactly
    // this build and archives it, instead of claiming a release it cannot vouch for.
    rmSync(join(fakeArchive, 'platform-partial-one-0.1.0.tgz'));
    const resumed = await release({
      root: fakeRoot,
      registry: registry.url,
      token,
      archive: fakeArchive,
      tag: false,
      log: (line) => log.push(line),
    });
    expect(resumed.adopted).toEqual(['@platform/partial-one@0.1.0']);
    expect(resumed.failed?.name).toBe('@platform/refused-two');
    expect(readdirSync(fakeArchive)).toEqual(['platform-partial-one-0.1.0.tgz']);

    // A fresh registry (a new clone's `pnpm registry`) is refilled from the archive with the very same bytes.
    const fresh = await startRegistry(root);
    try {
      const freshToken = await addUser(fresh.url, 'release-bot', 'release-bot-password');
      const restored = await release({
        root: fakeRoot,
        registry: fresh.url,
        token: freshToken,
        packages: ['partial-one'],
        archive: fakeArchive,
        tag: false,
        log: (line) => log.push(line),
      });
      expect(restored.released).toMatchObject([{ name: '@platform/partial-one', version: '0.1.0', source: 'archive' }]);
      const check = new NpmRegistry(fresh.url, freshToken);
      try {
        expect(await check.integrity('@platform/partial-one', '0.1.0')).toBe(
          integrityOf(join(fakeArchive, 'platform-partial-one-0.1.0.tgz')),
        );
      } finally {
        check.dispose();
      }
    } finally {
      await fresh.stop();
    }
  }, 240_000);

  it('proxies every other package to the public registry', async () => {
    const proxy = new NpmRegistry(registry.url);
    try {
      expect(await proxy.versions('is-number')).toContain('7.0.0');
    } finally {
      proxy.dispose();
    }
  }, 60_000);
});
