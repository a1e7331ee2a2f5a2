// @ts-check
// Builds the bundle of the CLI and the selected environments with esbuild, and records exactly what it was
// built from. Loaded only when no fresh bundle exists: a cached run never imports this file, nor esbuild.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { MANIFEST_VERSION } from './cache.mjs';
import { fileEntry, listingHash, RACY_MS, toStored } from './fingerprint.mjs';
import { lookupPackage, nearestManifest, packageName, realPath } from './resolution.mjs';
import { STUB_NAMESPACE, vendorBoundary, vendorEntries, vendorEntrySource } from './vendor-boundary.mjs';

/**
 * @typedef {import('./fingerprint.mjs').FileEntry} FileEntry
 * @typedef {import('./fingerprint.mjs').Fingerprint} Fingerprint
 * @typedef {import('./cache.mjs').BundleRequest} BundleRequest
 * @typedef {import('./cache.mjs').Bundle} Bundle
 */

const here = dirname(new URL(import.meta.url).pathname);

/** How long esbuild must have asked nothing before `whileWaiting` runs. */
const QUIET_MS = 30;

/** Name of the generated entry module in esbuild's metafile and the source map. */
const ENTRY = '<platform-entry>';

/** @param {string} text */
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * How far a file's timestamp may lag the moment it was written: a tick of the kernel's coarse clock on file
 * systems with fine timestamps, two seconds where timestamps are whole seconds (FAT, some network mounts).
 * @param {import('node:fs').Stats[]} stats
 */
function timestampMargin(stats) {
  return stats.length > 0 && stats.every((stat) => stat.mtimeMs % 1000 === 0) ? RACY_MS : 20;
}

/** @param {string} path */
const inNodeModules = (path) => path.split(sep).includes('node_modules');

/**
 * `native-regexps:/abs/path` → `/abs/path`: a module of a plugin's namespace still stands for a file.
 * @param {string} path
 */
const fileOf = (path) => path.replace(/^[a-z][a-z-]+:(?=\/)/, '');

/**
 * The file entries of the selection's previous manifest, by stored path (none when there is none or it is of
 * another format).
 * @param {BundleRequest} request
 * @returns {Map<string, FileEntry>}
 */
function previousEntries(request) {
  try {
    const manifest = JSON.parse(readFileSync(join(request.cacheDir, `cli-${request.key}.json`), 'utf8'));
    if (manifest.version !== MANIFEST_VERSION) return new Map();
    /** @type {FileEntry[]} */
    const files = [...manifest.fingerprint.files, ...manifest.vendor.fingerprint.files];
    return new Map(files.map((entry) => [entry[0], entry]));
  } catch {
    return new Map();
  }
}

/**
 * Packages imported from where they are installed instead of bundled: re2-wasm finds its .wasm through
 * __dirname; elkjs (3.3 MB, the graph page's layout and nothing else) would make every render read and
 * look up the cache of a third more bundle. Grafana's foundation SDK stays bundled: it is needed by every
 * environment with dashboards, and bundled it is in V8's code cache.
 */
const KEPT_IN_PLACE = ['re2-wasm', 'elkjs'];

/**
 * Leaves packages that locate files next to their own code (re2-wasm loads its .wasm through __dirname) out of
 * the bundle, imported from where they are installed.
 * @param {string[]} packages
 * @param {Set<string>} kept absolute paths of what was kept, to fingerprint
 * @returns {import('esbuild').Plugin}
 */
function keepInPlace(packages, kept) {
  return {
    name: 'keep-in-place',
    setup(build) {
      // The package and its subpath exports.
      const filter = new RegExp(`^(?:${packages.map(escapeRegExp).join('|')})(?:/.*)?$`);
      build.onResolve({ filter }, async (args) => {
        if (args.pluginData === 'keep-in-place') return undefined;
        const resolved = await build.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          pluginData: 'keep-in-place',
        });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        kept.add(resolved.path);
        return { path: resolved.path, external: true };
      });
    },
  };
}

/**
 * Serves kubernetes-models' RE2 runtime from re2-shim.mjs, with the real re2-wasm (left in place, see
 * keepInPlace) loaded only for patterns the shim cannot translate.
 * @param {Set<string>} kept absolute paths of what was kept, to fingerprint
 * @returns {import('esbuild').Plugin}
 */
function nativeRegExps(kept) {
  return {
    name: 'native-regexps',
    setup(build) {
      build.onResolve({ filter: /^@kubernetes-models\/validate\/runtime\/re2(?:\.js)?$/ }, async (args) => {
        if (args.pluginData === 'native-regexps') return undefined;
        const original = await build.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          pluginData: 'native-regexps',
        });
        if (original.errors.length > 0) return { errors: original.errors };
        const real = await build.resolve('re2-wasm', { kind: 'require-call', resolveDir: dirname(original.path) });
        if (real.errors.length > 0) return { errors: real.errors };
        kept.add(real.path);
        return { path: original.path, namespace: 'native-regexps', pluginData: real.path };
      });
      build.onLoad({ filter: /.*/, namespace: 'native-regexps' }, (args) => ({
        resolveDir: here,
        loader: 'js',
        // \`__filename\` is the bundle's (bundle-loader.mjs runs it as a CommonJS module).
        contents: `import { createRequire } from 'node:module';
import { re2Class } from ${JSON.stringify(join(here, 're2-shim.mjs'))};
export default re2Class(() => createRequire(__filename)(${JSON.stringify(args.pluginData)}).RE2);
`,
      }));
    },
  };
}

/**
 * What decided how the bundle's imports resolved: for every package import, the node_modules entry it went
 * through (and its target), the closer entries that did not exist, and the package.json files that chose entry
 * points; for every source folder of the project, its listing.
 * @param {string} root
 * @param {import('esbuild').Metafile} metafile
 * @param {string[]} extraImporters absolute files whose package imports happened outside esbuild (the launcher's own `esbuild` import)
 * @param {Array<{ dir: string, specifier: string, path: string }>} [entryImports] imports resolved for generated entries (the vendor bundle's keys)
 * @returns {{ links: Map<string, string>, absent: Set<string>, manifests: Set<string>, dirs: Set<string>, problems: string[] }}
 */
function resolutionFacts(root, metafile, extraImporters, entryImports = []) {
  /** @type {Map<string, string>} */
  const links = new Map();
  const absent = new Set();
  const manifests = new Set();
  const dirs = new Set();
  /** @type {string[]} */
  const problems = [];
  /** @type {Map<string, string | undefined>} */
  const memo = new Map();
  /** @type {Map<string, { hit?: string, absent: string[] }>} */
  const lookups = new Map();
  /**
   * @param {string} importerDir
   * @param {string} name
   */
  const lookup = (importerDir, name) => {
    const key = `${importerDir}\0${name}`;
    let found = lookups.get(key);
    if (!found) lookups.set(key, (found = lookupPackage(importerDir, name)));
    return found;
  };
  /**
   * @param {string} importerDir
   * @param {string} name
   * @param {string | undefined} resolvedPath
   */
  const recordPackage = (importerDir, name, resolvedPath) => {
    const found = lookup(importerDir, name);
    for (const path of found.absent) absent.add(path);
    if (!found.hit) {
      problems.push(`${name} from ${importerDir} resolved without a node_modules entry`);
      return;
    }
    const target = realPath(found.hit);
    links.set(found.hit, target);
    const manifest = join(target, 'package.json');
    manifests.add(manifest);
    // The file esbuild picked must lie in the folder the entry points to now; otherwise a link changed while it ran.
    if (resolvedPath && !resolvedPath.startsWith(target + sep))
      problems.push(`${name} resolved to ${resolvedPath}, outside ${target}`);
  };
  for (const [input, { imports }] of Object.entries(metafile.inputs)) {
    // The entry is generated from the request (which the cache key covers), a stub from its stored path.
    if (input === ENTRY || input.startsWith(`${STUB_NAMESPACE}:`)) continue;
    const file = resolve(root, fileOf(input));
    const dir = dirname(file);
    if (!inNodeModules(file)) dirs.add(dir);
    const manifest = nearestManifest(dir, memo);
    if (manifest) manifests.add(manifest);
    for (const { path, original, external } of imports) {
      // The project bundle's stubs decide nothing about resolution: the vendor bundle resolved their keys.
      if (original === undefined || path.startsWith(`${STUB_NAMESPACE}:`)) continue;
      const name = packageName(original);
      if (name === undefined) {
        if (!external && !inNodeModules(path)) dirs.add(dirname(resolve(root, fileOf(path))));
        continue;
      }
      if (external && !path.startsWith('/')) continue; // node builtins
      recordPackage(dir, name, resolve(root, fileOf(path)));
    }
  }
  for (const importer of extraImporters) recordPackage(dirname(importer), 'esbuild', undefined);
  for (const { dir, specifier, path } of entryImports) {
    const name = packageName(specifier);
    if (name !== undefined) recordPackage(dir, name, path);
  }
  return { links, absent, manifests, dirs, problems };
}

/**
 * The bundle's entry: the CLI's `main`, and one loader per requested environment. An environment's modules
 * run only when it is loaded, so one that fails to load is reported on its own; a module whose evaluation threw
 * throws again for every later importer (esbuild's lazy module wrappers keep the error), so no environment
 * ever runs on a half-initialised module.
 * @param {string} commandsEntry
 * @param {import('./project.mjs').EnvironmentEntry[]} environments
 */
function entrySource(commandsEntry, environments) {
  const loaders = environments.map((e) => `  ${JSON.stringify(e.name)}: () => import(${JSON.stringify(e.entry)}),`);
  return `export { main, renderFleetSlice } from ${JSON.stringify(commandsEntry)};\nexport const environments = {\n${loaders.join('\n')}\n};\n`;
}

/** The compiler settings both bundles share. */
function commonOptions(/** @type {string} */ root) {
  return /** @type {const} */ ({
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // ASCII (esbuild escapes what it can; the toolkit's own regular expressions use escapes), without comments
    // and indentation: bundle-loader.mjs reads an ASCII bundle without decoding it, and a smaller one faster.
    charset: 'ascii',
    minifyWhitespace: true,
    conditions: /** @type {string[]} */ (['platform-source']),
    // A fixed compiler configuration: esbuild then reads no tsconfig.json, so none can change the output unseen.
    tsconfigRaw: /** @type {import('esbuild').TsconfigRaw} */ ({
      compilerOptions: { verbatimModuleSyntax: true, useDefineForClassFields: true, target: 'ES2022' },
    }),
    write: false,
    metafile: true,
    sourcemap: 'external',
    sourcesContent: false,
    logLevel: 'error',
    legalComments: 'none',
  });
}

/**
 * Writes a build's files into a new folder of the cache, whole or not at all (renamed from a partial folder).
 * @param {string} cacheDir
 * @param {string} folder
 * @param {Array<{ path: string, contents: Uint8Array }>} outputs
 * @param {Record<string, string>} [extra] more files, by name
 */
function writeFolder(cacheDir, folder, outputs, extra = {}) {
  const partial = join(cacheDir, `${folder}.partial`);
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  // The map is written whole: it is parsed only when a stack trace is formatted (stack-mapping.mjs).
  for (const output of outputs) writeFileSync(join(partial, basename(output.path)), output.contents);
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(partial, name), text);
  const dir = join(cacheDir, folder);
  renameSync(partial, dir);
  return dir;
}

/**
 * Records every input of a build after it: its stat, then its bytes, hashed, or the entry of the previous
 * manifest when the stat is the one recorded there and that entry is not racy (the freshness check's own
 * argument, fingerprint.mjs), so only what changed is read again. What was hashed after the build is only what
 * esbuild compiled if its last write ended before the build began: a write during the build stamps it at or
 * after its start (less the file system's timestamp precision), and such a bundle is not cached.
 * @param {string} root
 * @param {Iterable<string>} inputs absolute paths
 * @param {Map<string, FileEntry>} previous
 * @param {number} startedAt
 * @returns {{ files: FileEntry[] } | { notCachedBecause: string }}
 */
function recordInputs(root, inputs, previous, startedAt) {
  /** @type {FileEntry[]} */
  const files = [];
  /** @type {Array<[string, import('node:fs').Stats]>} */
  const stats = [];
  const seen = new Set();
  for (const file of inputs) {
    if (seen.has(file)) continue;
    seen.add(file);
    const stored = toStored(root, file);
    const recordedAt = Date.now();
    const stat = statSync(file);
    stats.push([file, stat]);
    const known = previous.get(stored);
    const [, size, mtimeMs, ctimeMs, ino, knownAt] = known ?? [];
    const reusable =
      known !== undefined &&
      stat.size === size &&
      stat.mtimeMs === mtimeMs &&
      stat.ctimeMs === ctimeMs &&
      stat.ino === ino &&
      Math.max(stat.mtimeMs, stat.ctimeMs) < /** @type {number} */ (knownAt) - RACY_MS;
    files.push(reusable ? known : fileEntry(stored, stat, recordedAt, readFileSync(file)));
  }
  const margin = timestampMargin(stats.map(([, stat]) => stat));
  for (const [file, stat] of stats) {
    if (Math.max(stat.mtimeMs, stat.ctimeMs) >= startedAt - margin)
      return { notCachedBecause: `${toStored(root, file)} was written while it was bundled` };
  }
  for (const launcherFile of readdirSync(here).filter((name) => name.endsWith('.mjs'))) {
    const path = join(here, launcherFile);
    files.push(fileEntry(toStored(root, path), statSync(path), Date.now(), readFileSync(path)));
  }
  return { files };
}

/**
 * The fingerprint of one build: its inputs (the stubs and the generated entry apart, which the stored paths
 * and the request decide), what decided its resolutions, and the launcher itself.
 * @param {string} root
 * @param {import('esbuild').Metafile} metafile
 * @param {Set<string>} kept
 * @param {Map<string, FileEntry>} previous
 * @param {number} startedAt
 * @param {Array<{ dir: string, specifier: string, path: string }>} [entryImports]
 * @returns {{ fingerprint: Fingerprint } | { notCachedBecause: string }}
 */
function fingerprintOf(root, metafile, kept, previous, startedAt, entryImports) {
  // esbuild's own version decides the output too: its node_modules entry is fingerprinted like any package.
  const facts = resolutionFacts(root, metafile, [join(here, 'bundle.mjs')], entryImports);
  if (facts.problems.length > 0) return { notCachedBecause: /** @type {string} */ (facts.problems[0]) };
  const inputs = [
    ...Object.keys(metafile.inputs)
      .filter((input) => input !== ENTRY && !input.startsWith(`${STUB_NAMESPACE}:`))
      .map((input) => resolve(root, fileOf(input))),
    ...facts.manifests,
    ...kept,
  ];
  const recorded = recordInputs(root, inputs, previous, startedAt);
  if (!('files' in recorded)) return recorded;
  return {
    fingerprint: {
      files: recorded.files,
      dirs: [...facts.dirs].sort().flatMap((dir) => {
        const hash = listingHash(dir);
        return hash ? [/** @type {[string, string]} */ ([toStored(root, dir), hash])] : [];
      }),
      links: [...facts.links]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([link, target]) => /** @type {[string, string]} */ ([toStored(root, link), toStored(root, target)])),
      absent: [...facts.absent].sort().map((path) => toStored(root, path)),
    },
  };
}

/**
 * The module format of each key as esbuild compiled the module it resolved to (a builtin counts as CommonJS):
 * CommonJS ones get CommonJS stubs (vendor-boundary.mjs).
 * @param {string} root
 * @param {import('esbuild').Metafile} metafile
 * @param {Iterable<string>} keys
 * @param {Map<string, string>} resolved key → absolute path
 * @returns {Record<string, import('./vendor-boundary.mjs').ModuleFormat>}
 */
function keyFormats(root, metafile, keys, resolved) {
  /** @type {Map<string, string | undefined>} */
  const byPath = new Map();
  for (const [input, { format }] of Object.entries(metafile.inputs)) byPath.set(resolve(root, fileOf(input)), format);
  /** @type {Record<string, import('./vendor-boundary.mjs').ModuleFormat>} */
  const formats = {};
  for (const key of [...keys].sort()) {
    const path = resolved.get(key);
    formats[key] = path !== undefined && byPath.get(path) === 'esm' ? 'esm' : 'cjs';
  }
  return formats;
}

/**
 * @typedef {object} VendorBundle
 * @property {string} folder folder name inside the cache folder
 * @property {Record<string, import('./vendor-boundary.mjs').ModuleFormat>} formats its keys and their modules' formats
 * @property {Fingerprint} fingerprint
 */

/**
 * Bundles the CLI and the requested environments into two CommonJS files: the project bundle (the project's
 * own code, rebuilt after any edit) and the vendor bundle (the installed packages it imports; `reusable`, the
 * current one, is kept when it is still fresh and holds every module the project now imports). Each goes into
 * a new folder of `cacheDir`, with a source map (read only when a stack trace is formatted; see
 * stack-mapping.mjs). CommonJS, because Node 20 keeps V8's code cache only for scripts compiled through
 * `vm.Script` (bundle-loader.mjs). Returns the bundle, and the fingerprints to cache it under unless an input
 * changed while it was built (then the bundle serves this run only).
 * `whileWaiting` runs once esbuild has asked nothing of this process for a moment (it is then linking and
 * printing the project bundle on its own threads), so that work of the caller's (loading the vendor bundle)
 * fills the wait instead of following it.
 * @param {BundleRequest} request
 * @param {VendorBundle} [reusable]
 * @param {() => void} [whileWaiting]
 * @returns {Promise<{ bundle: Bundle, vendor: VendorBundle, vendorBuilt: boolean, fingerprint?: Fingerprint, notCachedBecause?: string }>}
 */
export async function buildBundle(request, reusable, whileWaiting) {
  const { root, cacheDir, commandsEntry, environments } = request;
  const { build } = await import('esbuild');
  const startedAt = Date.now();
  const stamp = `${startedAt.toString(36)}${process.pid.toString(36)}`;
  mkdirSync(cacheDir, { recursive: true });
  /** @typedef {import('./vendor-boundary.mjs').VendorImport} VendorImport */
  /** @param {Iterable<string>} keys */
  const reusableFor = (keys) => reusable !== undefined && [...keys].every((key) => key in reusable.formats);

  /**
   * @param {Record<string, import('./vendor-boundary.mjs').ModuleFormat>} known
   * @param {(imports: Map<string, VendorImport>) => void} [onQuiet] once esbuild has asked nothing for a while
   */
  const buildProject = async (known, onQuiet) => {
    /** @type {Set<string>} */
    const kept = new Set();
    /** @type {Map<string, VendorImport>} */
    const imports = new Map();
    /** @type {Map<string, import('./vendor-boundary.mjs').ModuleFormat>} */
    const used = new Map();
    /** @type {NodeJS.Timeout | undefined} */
    let quiet;
    const activity = () => {
      clearTimeout(quiet);
      if (onQuiet)
        quiet = setTimeout(() => {
          onQuiet?.(imports);
          onQuiet = undefined;
        }, QUIET_MS);
    };
    const result = await build({
      ...commonOptions(root),
      stdin: { contents: entrySource(commandsEntry, environments), resolveDir: root, sourcefile: ENTRY, loader: 'js' },
      outfile: join(cacheDir, 'pending', 'main.cjs'),
      plugins: [keepInPlace(KEPT_IN_PLACE, kept), vendorBoundary(root, imports, known, used, activity)],
    });
    clearTimeout(quiet);
    return { result, kept, imports, used };
  };

  /** @param {Map<string, VendorImport>} imports */
  const buildVendor = async (imports) => {
    /** @type {Set<string>} */
    const kept = new Set();
    /** @type {Map<string, string>} */
    const resolved = new Map();
    const result = await build({
      ...commonOptions(root),
      stdin: { contents: vendorEntrySource(imports), resolveDir: root, sourcefile: ENTRY, loader: 'js' },
      outfile: join(cacheDir, 'pending', 'vendor.cjs'),
      plugins: [vendorEntries(imports, resolved), nativeRegExps(kept), keepInPlace(KEPT_IN_PLACE, kept)],
    });
    return { result, kept, imports, resolved };
  };

  // Once esbuild stops calling back it has, in all likelihood, resolved every import and is linking and printing
  // on its own threads: then the vendor bundle is loaded (reused) or built (not) meanwhile, from the keys so far,
  // and built again afterwards should the project bundle have imported more.
  /** @type {Promise<Awaited<ReturnType<typeof buildVendor>>> | undefined} */
  let earlyVendor;
  let project = await buildProject(reusable?.formats ?? {}, (imports) => {
    if (reusableFor(imports.keys())) whileWaiting?.();
    else {
      earlyVendor = buildVendor(new Map(imports));
      earlyVendor.catch(() => {}); // awaited below
    }
  });
  const previous = previousEntries(request);

  /** @type {VendorBundle | undefined} */
  let vendor = reusableFor(project.imports.keys()) ? reusable : undefined;
  const vendorBuilt = vendor === undefined;
  /** @type {string | undefined} */
  let vendorNotCached;
  if (!vendor) {
    let built = earlyVendor && (await earlyVendor);
    if (!built || ![...project.imports.keys()].every((key) => built?.imports.has(key)))
      built = await buildVendor(project.imports);
    else if (process.env.PLATFORM_CACHE_DEBUG === '1') console.error('platform: vendor bundle built alongside');
    const { imports, resolved } = built;
    const formats = keyFormats(root, built.result.metafile, imports.keys(), resolved);
    const entryImports = [...resolved].map(([key, path]) => {
      const { dir, specifier } = /** @type {VendorImport} */ (imports.get(key));
      return { dir, specifier, path };
    });
    // A stub of the wrong format would change what an import means: build the project again with the real ones.
    const guessedWrong = [...project.used]
      .filter(([key, format]) => formats[key] !== format)
      .map(([key]) => key)
      .sort();
    if (guessedWrong.length > 0) {
      if (process.env.PLATFORM_CACHE_DEBUG === '1')
        console.error(`platform: project bundle built again, with the formats of ${guessedWrong.join(', ')}`);
      project = await buildProject(formats);
      // Only a source edited between the two builds can make them import different modules.
      if (![...project.imports.keys()].every((key) => key in formats))
        vendorNotCached = 'the sources changed while they were bundled';
    }
    const folder = `cli-${request.key}-vendor-${stamp}`;
    writeFolder(cacheDir, folder, built.result.outputFiles);
    const recorded = fingerprintOf(root, built.result.metafile, built.kept, previous, startedAt, entryImports);
    if ('notCachedBecause' in recorded) vendorNotCached ??= recorded.notCachedBecause;
    vendor = {
      folder,
      formats,
      fingerprint: 'fingerprint' in recorded ? recorded.fingerprint : { files: [], dirs: [], links: [], absent: [] },
    };
  }

  const folder = `cli-${request.key}-${stamp}`;
  const bundleDir = writeFolder(cacheDir, folder, project.result.outputFiles, {
    'link.json': JSON.stringify({ vendor: vendor.folder }),
  });
  /** @type {Bundle} */
  const bundle = {
    dir: bundleDir,
    main: join(bundleDir, 'main.cjs'),
    environments: environments.map((environment) => environment.name),
  };
  if (vendorNotCached) return { bundle, vendor, vendorBuilt, notCachedBecause: vendorNotCached };
  const recorded = fingerprintOf(root, project.result.metafile, project.kept, previous, startedAt);
  if ('notCachedBecause' in recorded)
    return { bundle, vendor, vendorBuilt, notCachedBecause: recorded.notCachedBecause };
  return { bundle, vendor, vendorBuilt, fingerprint: recorded.fingerprint };
}
