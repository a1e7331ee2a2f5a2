// @ts-check
// Builds the bundle of the CLI and the selected environments with esbuild, and records exactly what it was
// built from. Loaded only when no fresh bundle exists: a cached run never imports this file, nor esbuild.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { loadVendor } from './bundle-loader.mjs';
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

/**
 * How long esbuild must have asked nothing (it has then parsed what it can) before the waiting stubs' vendor
 * build starts, or `whileWaiting` runs.
 */
const QUIET_MS = 80;

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

/**
 * `native-regexps:/abs/path` → `/abs/path`: a module of a plugin's namespace still stands for a file.
 * @param {string} path
 */
const fileOf = (path) => path.replace(/^[a-z][a-z-]+:(?=\/)/, '');

/** @param {string} path */
const inNodeModules = (path) => path.split(sep).includes('node_modules');

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
 * What each key's module is, from the vendor build: its format as esbuild compiled it (a builtin counts as
 * CommonJS) and, for an ES module, the names its namespace holds once the vendor bundle is loaded (the run
 * that built it loads that bundle anyway).
 * @param {string} root
 * @param {import('esbuild').Metafile} metafile
 * @param {Iterable<string>} keys
 * @param {Map<string, string>} resolved key → absolute path
 * @param {string} vendorDir the written vendor bundle
 * @returns {Record<string, import('./vendor-boundary.mjs').VendorModule>}
 */
function vendorModules(root, metafile, keys, resolved, vendorDir) {
  /** @type {Map<string, string | undefined>} */
  const byPath = new Map();
  for (const [input, { format }] of Object.entries(metafile.inputs)) byPath.set(resolve(root, fileOf(input)), format);
  /** @type {import('./bundle-loader.mjs').LoadedVendor | undefined} */
  let vendor;
  /** @type {Record<string, import('./vendor-boundary.mjs').VendorModule>} */
  const modules = {};
  for (const key of [...keys].sort()) {
    const path = resolved.get(key);
    if (path === undefined || byPath.get(path) !== 'esm') {
      modules[key] = { format: 'cjs' };
      continue;
    }
    vendor ??= loadVendor(vendorDir);
    try {
      modules[key] = { format: 'esm', names: Object.keys(/** @type {object} */ (vendor.module(key))).sort() };
    } catch {
      // It throws when loaded; the run that imports it throws again (esbuild's wrappers keep the error).
      modules[key] = { format: 'esm' };
    }
  }
  return modules;
}

/**
 * @typedef {object} VendorBundle
 * @property {string} folder folder name inside the cache folder
 * @property {Record<string, import('./vendor-boundary.mjs').VendorModule>} modules its keys and what their modules are
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
  /** @typedef {import('./vendor-boundary.mjs').VendorModule} VendorModule */
  const previous = previousEntries(request);

  /** @type {Set<string>} */
  const kept = new Set();
  /** @type {Map<string, VendorImport>} */
  const imports = new Map();
  /**
   * Vendor builds started during this one, each from every key known when it started; the last holds them all.
   * @type {Array<Promise<{ keys: Set<string>, vendor: VendorBundle, notCachedBecause?: string }>>}
   */
  const vendorBuilds = [];
  /** Stubs waiting for a vendor build that knows their key. @type {Map<string, Array<(module: VendorModule | import('./vendor-boundary.mjs').Unresolved | Promise<never>) => void>>} */
  const waiting = new Map();
  /** Keys a started vendor build will answer. */
  const covered = new Set();
  let builds = 0;

  /** Builds the vendor bundle of every key known now, and answers the stubs waiting for one of them. */
  const buildVendor = () => {
    const snapshot = new Map(imports);
    for (const key of snapshot.keys()) covered.add(key);
    const folder = `cli-${request.key}-vendor-${stamp}-${builds++}`;
    const started = (async () => {
      /** @type {Set<string>} */
      const vendorKept = new Set();
      /** @type {Map<string, string>} */
      const resolved = new Map();
      /** @type {Map<string, import('esbuild').PartialMessage[]>} */
      const unresolved = new Map();
      const result = await build({
        ...commonOptions(root),
        stdin: { contents: vendorEntrySource(snapshot), resolveDir: root, sourcefile: ENTRY, loader: 'js' },
        outfile: join(cacheDir, 'pending', 'vendor.cjs'),
        plugins: [
          vendorEntries(snapshot, resolved, unresolved),
          nativeRegExps(vendorKept),
          keepInPlace(KEPT_IN_PLACE, vendorKept),
        ],
      });
      for (const [key, messages] of unresolved) {
        for (const answer of waiting.get(key) ?? []) answer({ unresolved: messages });
        waiting.delete(key);
      }
      const dir = writeFolder(cacheDir, folder, result.outputFiles);
      const modules = vendorModules(root, result.metafile, snapshot.keys(), resolved, dir);
      for (const [key, module] of Object.entries(modules)) {
        for (const answer of waiting.get(key) ?? []) answer(module);
        waiting.delete(key);
      }
      const entryImports = [...resolved].map(([key, path]) => {
        const { dir: from, specifier } = /** @type {VendorImport} */ (snapshot.get(key));
        return { dir: from, specifier, path };
      });
      // With an import that did not resolve the project bundle fails, and this one is never used.
      const recorded =
        unresolved.size > 0
          ? { notCachedBecause: 'an import did not resolve' }
          : fingerprintOf(root, result.metafile, vendorKept, previous, startedAt, entryImports);
      return {
        keys: new Set(snapshot.keys()),
        vendor: {
          folder,
          modules,
          fingerprint:
            'fingerprint' in recorded ? recorded.fingerprint : { files: [], dirs: [], links: [], absent: [] },
        },
        notCachedBecause: 'notCachedBecause' in recorded ? recorded.notCachedBecause : undefined,
      };
    })();
    // A failed build fails the stubs waiting for it; it is awaited (and reported) below.
    started.catch((/** @type {unknown} */ error) => {
      for (const answers of waiting.values()) for (const answer of answers) answer(Promise.reject(error));
      waiting.clear();
    });
    vendorBuilds.push(started);
  };

  // A stub is written from what the current vendor bundle says of its key, or else waits until esbuild has
  // asked nothing for a while (it has then parsed every file it can and waits only for stubs): a vendor build of
  // every key known then answers it. The reused vendor bundle is loaded in such a pause too.
  /** @type {NodeJS.Timeout | undefined} */
  let quiet;
  const onQuiet = () => {
    if ([...waiting.keys()].some((key) => !covered.has(key))) buildVendor();
    else if (whileWaiting) {
      whileWaiting();
      whileWaiting = undefined;
    }
  };
  const activity = () => {
    clearTimeout(quiet);
    quiet = setTimeout(onQuiet, QUIET_MS);
  };
  /** @param {string} key */
  const describe = (key) => {
    const known = reusable?.modules[key];
    if (known) return known;
    return /** @type {Promise<VendorModule | import('./vendor-boundary.mjs').Unresolved>} */ (
      new Promise((answer) => {
        const answers = waiting.get(key) ?? [];
        answers.push(answer);
        waiting.set(key, answers);
      })
    );
  };
  const project = await build({
    ...commonOptions(root),
    stdin: { contents: entrySource(commandsEntry, environments), resolveDir: root, sourcefile: ENTRY, loader: 'js' },
    outfile: join(cacheDir, 'pending', 'main.cjs'),
    plugins: [keepInPlace(KEPT_IN_PLACE, kept), vendorBoundary(root, imports, describe, activity)],
  }).finally(() => clearTimeout(quiet));

  const reused = reusable !== undefined && [...imports.keys()].every((key) => key in reusable.modules);
  /** @type {VendorBundle} */
  let vendor;
  /** @type {string | undefined} */
  let vendorNotCached;
  if (reused) vendor = reusable;
  else {
    let last = vendorBuilds.length > 0 ? await vendorBuilds[vendorBuilds.length - 1] : undefined;
    // Keys the reused bundle answered after the last vendor build began: one more build holds them all.
    if (!last || ![...imports.keys()].every((key) => last?.keys.has(key))) {
      buildVendor();
      last = await vendorBuilds[vendorBuilds.length - 1];
    }
    if (!last) throw new Error('no vendor bundle was built');
    vendor = last.vendor;
    vendorNotCached = last.notCachedBecause;
    // A stub answered by the reused bundle must say what the new one says, or this project bundle is not one
    // to run: only installed files changed during the build can make them differ.
    for (const key of imports.keys()) {
      const answered = reusable?.modules[key];
      if (answered && JSON.stringify(answered) !== JSON.stringify(vendor.modules[key])) {
        const problem = `installed packages changed while they were bundled (${key}); run the command again`;
        console.error(problem);
        throw Object.assign(new Error(problem), { errors: [problem] });
      }
    }
    for (const earlier of vendorBuilds.slice(0, -1)) {
      const { vendor: unused } = await earlier;
      rmSync(join(cacheDir, unused.folder), { recursive: true, force: true });
    }
  }
  const vendorBuilt = !reused;

  const folder = `cli-${request.key}-${stamp}`;
  const bundleDir = writeFolder(cacheDir, folder, project.outputFiles, {
    'link.json': JSON.stringify({ vendor: vendor.folder }),
  });
  /** @type {Bundle} */
  const bundle = {
    dir: bundleDir,
    main: join(bundleDir, 'main.cjs'),
    environments: environments.map((environment) => environment.name),
  };
  if (vendorNotCached) return { bundle, vendor, vendorBuilt, notCachedBecause: vendorNotCached };
  const recorded = fingerprintOf(root, project.metafile, kept, previous, startedAt);
  if ('notCachedBecause' in recorded)
    return { bundle, vendor, vendorBuilt, notCachedBecause: recorded.notCachedBecause };
  return { bundle, vendor, vendorBuilt, fingerprint: recorded.fingerprint };
}
