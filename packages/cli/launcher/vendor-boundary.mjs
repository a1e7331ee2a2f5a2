// @ts-check
// The line between the two bundles of a selection. Installed packages (whatever resolves into a node_modules
// folder) go into the vendor bundle, which changes only with an install; the project's own code (environments,
// workspace libraries, anything a node_modules link points to outside node_modules) goes into the project
// bundle, which is all an edit rebuilds. esbuild's time is mostly the installed packages, so an edit costs a
// third of a whole build.
//
// The project bundle reaches an installed module through a stub of the module's own format, never through a
// plain external: esbuild gives an external required from a `"type": "module"` package Node's CommonJS interop
// (its default import is the whole `module.exports`), which is wrong for an ES module. An ES module's stub
// re-exports esbuild's namespace object of it (`export * from …; export { default } from …`); a CommonJS
// module's stub is CommonJS (`module.exports = require(…)`), so esbuild applies to it the importer's own
// interop, as it did when the module was in the same bundle. An import means what it meant in one bundle.
import { readFileSync } from 'node:fs';
import { dirname, sep } from 'node:path';
import { toStored } from './fingerprint.mjs';
import { nearestManifest } from './resolution.mjs';

/** esbuild namespace of the stubs; their paths are the installed files they stand for. */
export const STUB_NAMESPACE = 'vendor-stub';

/** Prefix of the ids the project bundle requires its installed modules by: `platform-vendor:<stored path>`. */
export const VENDOR_ID_PREFIX = 'platform-vendor:';

/**
 * Bare specifiers other than `@platform/…` and `node:…`, in the regular-expression dialect of esbuild's
 * filters (Go's, without look-ahead). The toolkit's own packages are the project's code wherever they are
 * installed, and sparing esbuild a plugin round trip for each of their many imports halves the project build.
 */
const NOT_PLATFORM_OR_NODE =
  /^(?:[^./#@n]|n(?:$|[^o]|o(?:$|[^d]|d(?:$|[^e]|e(?:$|[^:]))))|@(?:$|[^p]|p(?:$|[^l]|l(?:$|[^a]|a(?:$|[^t]|t(?:$|[^f]|f(?:$|[^o]|o(?:$|[^r]|r(?:$|[^m]|m(?:$|[^/]))))))))))/;

/** @param {string} path */
export const inNodeModules = (path) => path.split(sep).includes('node_modules');

/** @typedef {'esm' | 'cjs'} ModuleFormat */

/**
 * The format esbuild will most likely give an installed file, before the vendor bundle says: by extension,
 * else by the nearest package.json's `type`. Only a first guess: bundle.mjs builds the project bundle again
 * with the formats the vendor build reports when a guess was wrong.
 * @param {string} path
 * @param {Map<string, string | undefined>} memo
 * @returns {ModuleFormat}
 */
function guessedFormat(path, memo) {
  if (/\.m[jt]s$/.test(path)) return 'esm';
  if (/\.(?:c[jt]s|json)$/.test(path)) return 'cjs';
  const manifest = nearestManifest(dirname(path), memo);
  if (!manifest) return 'cjs';
  try {
    return JSON.parse(readFileSync(manifest, 'utf8')).type === 'module' ? 'esm' : 'cjs';
  } catch {
    return 'cjs';
  }
}

/**
 * esbuild plugin for the project bundle: every bare import that resolves into node_modules becomes a stub of
 * the installed module, recorded in `entries` (stored path → absolute path) for the vendor bundle, in the
 * format `known` gives it or else a guess, recorded in `used`.
 * @param {string} root
 * @param {Map<string, string>} entries
 * @param {Record<string, ModuleFormat>} known
 * @param {Map<string, ModuleFormat>} used
 * @returns {import('esbuild').Plugin}
 */
export function vendorBoundary(root, entries, known, used) {
  return {
    name: 'vendor-boundary',
    setup(build) {
      /** @type {Map<string, Promise<import('esbuild').ResolveResult>>} */
      const resolutions = new Map();
      /** @type {Map<string, string | undefined>} */
      const manifests = new Map();
      build.onResolve({ filter: NOT_PLATFORM_OR_NODE }, async (args) => {
        // A resolution another plugin asked for (keep-in-place's, or this one's own) is that plugin's to decide.
        if (typeof args.pluginData === 'string' || args.namespace === STUB_NAMESPACE) return undefined;
        if (args.path.startsWith('node:') || args.path.startsWith(VENDOR_ID_PREFIX)) return undefined;
        const key = `${args.resolveDir}\0${args.kind}\0${args.path}`;
        let resolving = resolutions.get(key);
        if (!resolving) {
          resolving = build.resolve(args.path, {
            kind: args.kind,
            resolveDir: args.resolveDir,
            importer: args.importer,
            pluginData: 'vendor-boundary',
          });
          resolutions.set(key, resolving);
        }
        const resolved = await resolving;
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        if (resolved.external || resolved.namespace !== 'file' || !inNodeModules(resolved.path))
          return {
            path: resolved.path,
            external: resolved.external,
            namespace: resolved.namespace,
            sideEffects: resolved.sideEffects,
            suffix: resolved.suffix,
          };
        entries.set(toStored(root, resolved.path), resolved.path);
        return { path: resolved.path, namespace: STUB_NAMESPACE };
      });
      build.onResolve({ filter: /^platform-vendor:/ }, (args) => ({ path: args.path, external: true }));
      build.onLoad({ filter: /.*/, namespace: STUB_NAMESPACE }, (args) => {
        const key = toStored(root, args.path);
        const format = known[key] ?? guessedFormat(args.path, manifests);
        used.set(key, format);
        const id = JSON.stringify(`${VENDOR_ID_PREFIX}${key}`);
        return {
          contents:
            format === 'esm'
              ? `export * from ${id};\nexport { default } from ${id};\n`
              : `module.exports = require(${id});\n`,
          loader: 'js',
          resolveDir: dirname(args.path),
        };
      });
    },
  };
}

/**
 * The vendor bundle's entry: one lazy loader per installed module the project imports, by stored path, so a
 * module is evaluated only when the project first requires it (kubernetes-models' kinds load on demand).
 * @param {Map<string, string>} entries stored path → absolute path
 */
export function vendorEntrySource(entries) {
  const keys = [...entries.keys()].sort();
  const lines = keys.map(
    (key) => `  ${JSON.stringify(key)}: () => require(${JSON.stringify(/** @type {string} */ (entries.get(key)))}),`,
  );
  return `module.exports = {\n${lines.join('\n')}\n};\n`;
}
