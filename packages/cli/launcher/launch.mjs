// @ts-check
// The `platform` command up to the point where the CLI's own code runs: find the project, pick the
// environments the command needs, load a fresh bundle of the CLI and those environments (building one with
// esbuild only when none is fresh), and hand over. Plain JavaScript, so Node runs it without a build step or a
// loader; start-up is most of a render's time.
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadBundle, loadVendor } from './bundle-loader.mjs';
import { cacheLocation, freshBundle, MANIFEST_VERSION, removeOldBundles, writeManifest } from './cache.mjs';
import { discoverEnvironments, findProject } from './project.mjs';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Commands that look at every environment whatever is named. */
const ALL_ENVIRONMENTS = new Set(['ls', 'affected']);

/**
 * The CLI's entry module: the TypeScript source in a checkout of the toolkit, the built file in an installed package.
 * @returns {string}
 */
function commandsEntry() {
  const source = join(packageDir, 'src', 'main.ts');
  return existsSync(source) ? source : join(packageDir, 'dist', 'main.js');
}

/**
 * The environments a command line needs bundled: none for help (which must work even when an environment
 * does not compile), every one for `--all` and the commands that look at all, else the ones it names.
 * @param {string[]} argv
 * @param {import('./project.mjs').EnvironmentEntry[]} environments
 */
export function environmentsFor(argv, environments) {
  const [command] = argv;
  if (command === undefined || command === 'help' || argv.includes('--help') || argv.includes('-h')) return [];
  if (ALL_ENVIRONMENTS.has(command) || argv.includes('--all')) return environments;
  // `--compare staging` and `--compare=staging` both name an environment to bundle.
  const named = new Set(
    argv.slice(1).map((arg) => (arg.startsWith('--') && arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : arg)),
  );
  return environments.filter((environment) => named.has(environment.name));
}

/**
 * Runs the `platform` command line; returns the exit code.
 * @param {{ argv: string[], root?: string }} options
 * @returns {Promise<number>}
 */
export async function launch({ argv, root }) {
  const project = root ? { root, environments: discoverEnvironments(root) } : findProject(process.cwd());
  if (!project) {
    console.error(
      'platform: no environments found here or above. An environment is a folder environments/<name>/ whose package.json names its module: "platform": { "environment": "./index.ts" }',
    );
    return 1;
  }
  const selected = environmentsFor(argv, project.environments);
  const entry = commandsEntry();
  const { cacheDir, key } = cacheLocation(project.root, entry, selected);
  const request = { root: project.root, cacheDir, key, commandsEntry: entry, environments: selected };

  const cached = process.env.PLATFORM_NO_CACHE === '1' ? { reason: 'PLATFORM_NO_CACHE=1' } : freshBundle(request);
  // For tests and the curious: why a run bundled again.
  if (process.env.PLATFORM_CACHE_DEBUG === '1')
    console.error(`platform: ${cached.bundle ? 'cached bundle' : `bundling: ${cached.reason}`}`);
  let bundle = cached.bundle;
  if (!bundle) {
    const { buildBundle } = await import('./bundle.mjs');
    let built;
    const reusable = cached.reusableVendor;
    try {
      built = await buildBundle(
        request,
        reusable,
        // Most likely the vendor bundle this run will use: loading it is then done while esbuild works.
        reusable && (() => loadVendor(join(cacheDir, reusable.folder))),
      );
    } catch (error) {
      // esbuild has printed each problem with its file, line and column (a syntax error, an import that does
      // not resolve); a stack trace of the bundler would add nothing.
      const errors = /** @type {{ errors?: unknown[] }} */ (error)?.errors;
      if (!Array.isArray(errors)) throw error;
      console.error(
        `\n${errors.length} problem${errors.length === 1 ? '' : 's'} loading the environments; nothing was rendered.`,
      );
      return 1;
    }
    bundle = built.bundle;
    if (process.env.PLATFORM_CACHE_DEBUG === '1')
      console.error(`platform: vendor bundle ${built.vendorBuilt ? 'built' : 'reused'}`);
    const folder = bundle.dir.slice(cacheDir.length + 1);
    if (built.fingerprint) {
      writeManifest(request, {
        version: MANIFEST_VERSION,
        folder,
        environments: selected.map((e) => e.name),
        fingerprint: built.fingerprint,
        vendor: built.vendor,
      });
      removeOldBundles(request, [folder, built.vendor.folder]);
    } else {
      // Serve this run from what esbuild read, but never cache it: the next run bundles again.
      console.error(`note: not caching the bundle: ${built.notCachedBecause}`);
      const used = [bundle.dir, ...(built.vendorBuilt ? [join(cacheDir, built.vendor.folder)] : [])];
      process.once('exit', () => {
        for (const dir of used) rmSync(dir, { recursive: true, force: true });
      });
    }
  }

  const loaded = loadBundle(bundle.main);
  if (process.env.PLATFORM_CACHE_DEBUG === '1')
    console.error(`platform: code cache ${loaded.codeCache}, vendor code cache ${loaded.vendorCodeCache}`);
  const cli =
    /** @type {{ main: (input: object) => Promise<number>, environments: Record<string, () => Promise<unknown>> }} */ (
      loaded.exports
    );
  const code = await cli.main({
    root: project.root,
    known: project.environments.map((e) => e.name),
    environmentDirs: Object.fromEntries(project.environments.map((e) => [e.name, e.dir])),
    argv,
    bundle: { file: bundle.main, workerEntry: pathToFileURL(join(packageDir, 'launcher', 'fleet-worker.mjs')).href },
    /** @param {string} name */
    load: async (name) => {
      const load = cli.environments[name];
      if (!load) throw new Error(`environment ${name} was not bundled for this command`);
      return load();
    },
  });
  loaded.saveCodeCache();
  if (process.env.PLATFORM_REPORT_RSS === '1')
    process.stderr.write(`platform-max-rss-kb ${process.resourceUsage().maxRSS}\n`);
  return code;
}
