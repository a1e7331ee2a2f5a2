// The bundle cache of the `platform` bin, end to end in a project outside the workspace: a cached run must
// render exactly what the files say, whatever changed and however (same size and mtime, during a run, a link
// pnpm replaced), and the launcher must name the user's file and line when an environment fails to load.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CliProject } from './helpers/cli-project.js';

describe('the bundle cache', () => {
  const project = new CliProject();
  afterAll(() => project.remove());

  it('serves a cached bundle while nothing changed, even after a touch', () => {
    expect(project.run(['render', 'demo']).code).toBe(0);
    expect(project.rendered).toContain("replicas: '5'");
    const file = join(project.root, 'environments', 'demo', 'index.ts');
    const now = new Date();
    utimesSync(file, now, now);
    const again = project.run(['render', 'demo'], { PLATFORM_CACHE_DEBUG: '1' });
    expect(again.err).toContain('platform: cached bundle');
  });

  it("keeps V8's code cache beside the bundle and compiles nothing on the next run; a damaged one is replaced", () => {
    project.index('replicas: 6');
    const built = project.run(['render', 'demo'], { PLATFORM_CACHE_DEBUG: '1' });
    expect(built.err).toContain('platform: bundling');
    expect(built.err).toContain('platform: code cache none');
    const rendered = project.rendered;
    const cached = project.run(['render', 'demo'], { PLATFORM_CACHE_DEBUG: '1' });
    expect(cached.err).toContain('platform: code cache accepted');
    expect(project.rendered).toBe(rendered);
    const cacheDir = join(project.root, 'node_modules', '.cache', 'platform-cli');
    // The manifest names the bundle in use (earlier tests' bundles stay a while for runs still loading them).
    const manifest = readdirSync(cacheDir).find((name) => name.endsWith('.json')) as string;
    const folder = join(cacheDir, JSON.parse(readFileSync(join(cacheDir, manifest), 'utf8')).folder);
    const caches = readdirSync(folder).filter((name) => name.endsWith('.v8cache'));
    expect(caches).toHaveLength(1);
    const file = join(folder, caches[0] as string);
    writeFileSync(file, Buffer.alloc(readFileSync(file).length, 7));
    const damaged = project.run(['render', 'demo'], { PLATFORM_CACHE_DEBUG: '1' });
    expect(damaged.code).toBe(0);
    expect(damaged.err).toContain('platform: code cache rejected');
    expect(project.rendered).toBe(rendered);
    expect(project.run(['render', 'demo'], { PLATFORM_CACHE_DEBUG: '1' }).err).toContain(
      'platform: code cache accepted',
    );
  });

  it('sees an edit that keeps the size and the modification time (the old size+mtime key did not)', () => {
    const file = project.index('replicas: 5');
    expect(project.run(['render', 'demo']).code).toBe(0);
    const before = statSync(file);
    project.index('replicas: 7');
    utimesSync(file, before.atime, before.mtime);
    expect(statSync(file).size).toBe(before.size);
    const run = project.run(['render', 'demo'], { PLATFORM_CACHE_DEBUG: '1' });
    expect(run.err).toContain('bundling: environments/demo/index.ts changed');
    expect(project.rendered).toContain("replicas: '7'");
    expect(project.run(['diff', 'demo', '--exit-code']).code).toBe(0);
  });

  it('sees every edit made while a render runs, in the next diff', async () => {
    let value = 10;
    project.index(`replicas: ${value}`);
    for (let iteration = 0; iteration < 6; iteration++) {
      const running = project.start(['render', 'demo']);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 1500));
      value++;
      project.index(`replicas: ${value}`);
      await running.done;
      const diff = project.run(['diff', 'demo']);
      // The render wrote the old or the new value; the diff must compare against the file as it is now.
      const wrote = /replicas: '(\d+)'/.exec(project.rendered)?.[1];
      if (wrote === String(value)) expect(diff.out).toContain('demo: no changes');
      else expect(diff.out).toContain(`+  replicas: '${value}'`);
      expect(project.run(['render', 'demo']).code).toBe(0);
      expect(project.rendered).toContain(`replicas: '${value}'`);
    }
  }, 240_000);

  it('rebuilds when node_modules links another version, with no manifest or lockfile changed', () => {
    project.index('replicas: 5');
    project.link('greeter-a');
    expect(project.run(['render', 'demo']).code).toBe(0);
    expect(project.rendered).toContain('greeting: hello');
    project.link('greeter-b');
    const run = project.run(['render', 'demo'], { PLATFORM_CACHE_DEBUG: '1' });
    expect(run.err).toMatch(/bundling: node_modules\/@platform\/greeter now points to libs\/greeter-b/);
    expect(project.rendered).toContain('greeting: bonjour');
    expect(project.rendered).toContain('version: 1.1.0');
  });

  it('refuses to render when node_modules does not hold the pinned version, and says to run pnpm install', () => {
    project.environment({ '@platform/greeter': '1.0.0' });
    project.link('greeter-b');
    const before = project.rendered;
    const run = project.run(['render', 'demo']);
    expect(run.code).toBe(1);
    expect(run.err).toContain(
      'error demo: environments/demo pins @platform/greeter 1.0.0, but 1.1.0 is installed; run `pnpm install`',
    );
    expect(project.rendered).toBe(before);
    project.link('greeter-a');
    expect(project.run(['render', 'demo']).code).toBe(0);
    project.environment({});
  });
});

describe('the two bundles (installed packages, the project)', () => {
  const project = new CliProject();
  afterAll(() => project.remove());

  /** An installed package in the project's node_modules: a real folder, as pnpm's store gives one. */
  const install = (name: string, manifest: object, files: Record<string, string>) => {
    const dir = join(project.root, 'node_modules', name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', ...manifest }));
    for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  };
  install(
    'esm-words',
    { type: 'module', exports: './index.js' },
    {
      'index.js': "export default 'hola';\nexport const mark = '!';\n",
    },
  );
  install('cjs-words', { main: 'index.js' }, { 'index.js': "module.exports = { word: 'hej' };\n" });
  install(
    'flagged-words',
    { main: 'index.js' },
    {
      'index.js': "Object.defineProperty(exports, '__esModule', { value: true });\nexports.default = 'flagged';\n",
    },
  );
  // ES module syntax in a package without `"type": "module"`: only esbuild's compile tells its format.
  install('esm-syntax-words', { main: 'index.js' }, { 'index.js': "export default 'esm syntax';\n" });
  const imports = `import hola, { mark } from 'esm-words';
import cjs from 'cjs-words';
import flagged from 'flagged-words';
import syntax from 'esm-syntax-words';
const words = [hola, mark, cjs.word, flagged, syntax].join(' ');`;
  /** Puts the words into the greeter's ConfigMap. */
  const shown =
    ".mixin((object) => { if (object.kind === 'ConfigMap') (object as { data: Record<string, string> }).data.words = words; })";
  const rendered = (text: string) => new RegExp(`words: '?${text}'?\\n`);

  it('import installed ES modules and CommonJS modules as one bundle did', () => {
    project.index('replicas: 5', imports, shown);
    const run = project.run(['render', 'demo'], { PLATFORM_CACHE_DEBUG: '1' });
    expect(run.err).toContain('platform: vendor bundle built');
    expect(run.code).toBe(0);
    // esbuild's interop for an importer outside a `"type": "module"` package: a flagged CommonJS module's
    // default is its `default`, a plain one's is `module.exports`, an ES module's is its default export.
    expect(project.rendered).toMatch(rendered('hola ! hej flagged esm syntax'));
  });

  it('build only the project bundle after an edit, keeping the vendor bundle and its code cache', () => {
    project.index('replicas: 5', `${imports}\nconst edited = true;`, shown);
    const run = project.run(['render', 'demo'], { PLATFORM_CACHE_DEBUG: '1' });
    expect(run.err).toContain('bundling: environments/demo/index.ts changed (installed packages unchanged)');
    expect(run.err).toContain('platform: vendor bundle reused');
    expect(run.err).toContain('platform: code cache none, vendor code cache accepted');
    expect(project.rendered).toMatch(rendered('hola ! hej flagged esm syntax'));
  });

  it('build the vendor bundle again when an installed file changes', () => {
    writeFileSync(join(project.root, 'node_modules', 'cjs-words', 'index.js'), "module.exports = { word: 'hei' };\n");
    const run = project.run(['render', 'demo'], { PLATFORM_CACHE_DEBUG: '1' });
    expect(run.err).toContain('bundling: node_modules/cjs-words/index.js changed');
    expect(run.err).toContain('platform: vendor bundle built');
    expect(project.rendered).toMatch(rendered('hola ! hei flagged esm syntax'));
  });

  it('refuse an import of a name an installed ES module does not export, as one bundle did', () => {
    project.index(
      'replicas: 5',
      `${imports}\nimport { exclamation } from 'esm-words';\nexport const x = exclamation;`,
      shown,
    );
    const run = project.run(['render', 'demo']);
    expect(run.code).toBe(1);
    expect(run.err).toContain(
      'No matching export in "vendor-stub:import:environments/demo:esm-words" for import "exclamation"',
    );
    expect(run.err).toMatch(/environments\/demo\/index\.ts:\d+:\d+/);
    expect(run.err).toContain('problem loading the environments; nothing was rendered.');
  });

  it('report an import of a package that is not installed at the line that imports it, as one bundle did', () => {
    project.index(
      'replicas: 5',
      `${imports}\nimport missing from 'not-installed-words';\nexport const m = missing;`,
      shown,
    );
    const run = project.run(['render', 'demo']);
    expect(run.code).toBe(1);
    expect(run.err).toContain('Could not resolve "not-installed-words"');
    expect(run.err).toMatch(/environments\/demo\/index\.ts:\d+:\d+/);
    expect(run.err).not.toContain('<platform-entry>');
    expect(run.err).toContain('1 problem loading the environments; nothing was rendered.');
  });

  it('fail the run that builds the vendor bundle when an installed module throws as it loads, as one bundle did', () => {
    install(
      'broken-words',
      { type: 'module', exports: './index.js' },
      {
        'index.js': "throw new Error('broken-words cannot load');\nexport const word = 'never';\n",
      },
    );
    project.index('replicas: 5', `${imports}\nimport { word } from 'broken-words';\nexport const w = word;`, shown);
    // The vendor build loads the module first (for its export names); the render must still see it throw.
    const run = project.run(['render', 'demo'], { PLATFORM_CACHE_DEBUG: '1' });
    expect(run.err).toContain('platform: vendor bundle built');
    expect(run.code).toBe(1);
    expect(run.err).toContain('error demo: broken-words cannot load');
    const again = project.run(['render', 'demo']);
    expect(again.code).toBe(1);
    expect(again.err).toContain('error demo: broken-words cannot load');
    rmSync(join(project.root, 'node_modules', 'broken-words'), { recursive: true, force: true });
  });

  it('give a `"type": "module"` importer Node\'s interop for CommonJS, as one bundle did', () => {
    const manifest = join(project.root, 'environments', 'demo', 'package.json');
    const before = readFileSync(manifest, 'utf8');
    writeFileSync(manifest, JSON.stringify({ ...JSON.parse(before), type: 'module' }));
    // From an empty cache: the stubs wait for the vendor build that is started while they wait.
    rmSync(join(project.root, 'node_modules', '.cache'), { recursive: true, force: true });
    project.index(
      'replicas: 5',
      imports.replace('flagged, syntax', "typeof flagged === 'object' ? 'whole' : 'default', syntax"),
      shown,
    );
    expect(project.run(['render', 'demo']).code).toBe(0);
    expect(project.rendered).toMatch(rendered('hola ! hei whole esm syntax'));
    writeFileSync(manifest, before);
  });
});

describe('errors while an environment loads or renders', () => {
  const project = new CliProject();
  afterAll(() => project.remove());

  it('name the environment and the user file and line of a throw at the top level', () => {
    project.index('replicas: 5', "const region = 'eu';\nif (region) throw new Error('no cluster in region eu');");
    const run = project.run(['render', 'demo']);
    expect(run.code).toBe(1);
    expect(run.err).toContain('error demo: no cluster in region eu (while loading, at environments/demo/index.ts:4:');
    expect(run.err).not.toContain('internal error');
    expect(run.err).not.toMatch(/\n\s+at /);
  });

  it('name the user file and line of a mixin that throws during the render', () => {
    project.index('replicas: 5', '', ".mixin(() => { throw new Error('mixin broke'); })");
    const run = project.run(['render', 'demo']);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/error demo › greeter.*mixin broke.*environments\/demo\/index\.ts:\d+/);
    expect(run.err).not.toContain('internal error');
  });

  it('report a syntax error with its file and line, and write nothing', () => {
    project.index('replicas: 5,,');
    const run = project.run(['render', 'demo']);
    expect(run.code).toBe(1);
    expect(run.err).toContain('environments/demo/index.ts:');
    expect(run.err).toContain('problem loading the environments; nothing was rendered.');
  });

  it('fail every environment that imports a module whose evaluation threw, not only the first', () => {
    // Both environments share one bundle (`--all`); the second must not run on the half-initialised module.
    writeFileSync(
      join(project.root, 'environments', 'shared.ts'),
      "export const region: string = (() => { throw new Error('shared module broke'); })();\n",
    );
    project.index('replicas: 5', "import { region } from '../shared.js';\nexport const where = region;");
    const other = join(project.root, 'environments', 'other');
    mkdirSync(other, { recursive: true });
    writeFileSync(
      join(other, 'package.json'),
      JSON.stringify({ name: 'other', private: true, platform: { environment: './index.ts' } }),
    );
    writeFileSync(
      join(other, 'index.ts'),
      project
        .indexSource('replicas: 5', "import { region } from '../shared.js';\nexport const where = region;")
        .replace("name: 'demo'", "name: 'other'"),
    );
    const run = project.run(['render', '--all']);
    expect(run.code).toBe(1);
    expect(run.err).toContain('error demo: shared module broke');
    expect(run.err).toContain('error other: shared module broke');
    rmSync(other, { recursive: true, force: true });
    rmSync(join(project.root, 'environments', 'shared.ts'));
  });

  it('print help even when an environment does not compile', () => {
    const run = project.run(['--help']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('usage: platform <command>');
  });
});
