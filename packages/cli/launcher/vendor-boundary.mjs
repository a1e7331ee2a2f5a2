// @ts-check
// The line between the two bundles of a selection. Installed packages go into the vendor bundle, which changes
// only with an install; the project's own code (environments, the toolkit's `@platform/*` libraries wherever
// they are, relative imports) goes into the project bundle, which is all an edit rebuilds. esbuild's time is
// mostly the installed packages, so an edit costs a fraction of a whole build.
//
// The project bundle does not resolve a package import at all: each (import condition, importing folder,
// specifier) becomes a key, and the vendor bundle resolves the key exactly as the project bundle would have
// (esbuild's own resolver, from that folder, with that kind), so esbuild's resolution round trip is paid only
// when the vendor bundle is built. The project bundle reaches the module through a stub of the module's own
// format, never a plain external: esbuild gives an external required from a `"type": "module"` package Node's
// CommonJS interop (its default import is the whole `module.exports`), which is wrong for an ES module. An ES
// module's stub re-exports esbuild's namespace object of it (`export * from …; export { default } from …`); a
// CommonJS module's stub is CommonJS (`module.exports = require(…)`), so esbuild applies to it the importer's
// own interop, as it did when the module was in the same bundle. An import means what it meant in one bundle.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, sep } from 'node:path';
import { toStored } from './fingerprint.mjs';
import { nearestManifest, packageName } from './resolution.mjs';

/** esbuild namespace of the stubs; their paths are the keys. */
export const STUB_NAMESPACE = 'vendor-stub';

/** Prefix of the ids the project bundle requires its installed modules by: `platform-vendor:<key>`. */
export const VENDOR_ID_PREFIX = 'platform-vendor:';

/** esbuild namespace of the vendor bundle's entry modules, one per key. */
const ENTRY_PREFIX = 'vendor-entry:';

/**
 * Bare specifiers other than `@platform/…` and `node:…`, in the regular-expression dialect of esbuild's
 * filters (Go's, without look-ahead). The toolkit's own packages are the project's code wherever they are
 * installed: an installed library's edit is then an edit of the project bundle, never of the vendor one.
 */
const NOT_PLATFORM_OR_NODE =
  /^(?:[^./#@n]|n(?:$|[^o]|o(?:$|[^d]|d(?:$|[^e]|e(?:$|[^:]))))|@(?:$|[^p]|p(?:$|[^l]|l(?:$|[^a]|a(?:$|[^t]|t(?:$|[^f]|f(?:$|[^o]|o(?:$|[^r]|r(?:$|[^m]|m(?:$|[^/]))))))))))/;

/** @typedef {'esm' | 'cjs'} ModuleFormat */

/**
 * @typedef {object} VendorImport
 * @property {string} dir absolute folder of the importing file, where the lookup starts
 * @property {string} specifier as written
 * @property {import('esbuild').ImportKind} kind decides the package's export conditions (`import` or `require`)
 */

/**
 * The format esbuild will most likely give an installed module, before the vendor build says: an import of a
 * package whose `exports` have an `import` condition is an ES module; otherwise Node's resolution of the
 * specifier, then the file's extension or its package's `type`. Only a first guess: bundle.mjs builds the
 * project bundle again with the formats the vendor build reports when one was wrong.
 * @param {VendorImport} found
 * @param {Map<string, string | undefined>} memo
 * @returns {ModuleFormat}
 */
function guessedFormat(found, memo) {
  let path;
  try {
    path = createRequire(join(found.dir, 'importer.js')).resolve(found.specifier);
  } catch {
    return 'esm';
  }
  if (!isAbsolute(path)) return 'cjs'; // a builtin
  const name = packageName(found.specifier);
  /** @param {string | undefined} manifest */
  const read = (manifest) => {
    try {
      return manifest ? JSON.parse(readFileSync(manifest, 'utf8')) : {};
    } catch {
      return {};
    }
  };
  if (found.kind !== 'require-call' && name !== undefined) {
    const at = path.lastIndexOf(`${sep}node_modules${sep}${name.split('/').join(sep)}${sep}`);
    if (at !== -1) {
      const root = path.slice(0, at + `${sep}node_modules${sep}`.length + name.length);
      if (JSON.stringify(read(join(root, 'package.json')).exports ?? null).includes('"import"')) return 'esm';
    }
  }
  if (/\.m[jt]s$/.test(path)) return 'esm';
  if (/\.(?:c[jt]s|json)$/.test(path)) return 'cjs';
  return read(nearestManifest(dirname(path), memo)).type === 'module' ? 'esm' : 'cjs';
}

/**
 * esbuild plugin for the project bundle: every package import other than the toolkit's becomes a stub of its
 * key, recorded in `imports` for the vendor bundle, in the format `known` gives the key or else a guess,
 * recorded in `used`.
 * @param {string} root
 * @param {Map<string, VendorImport>} imports
 * @param {Record<string, ModuleFormat>} known
 * @param {Map<string, ModuleFormat>} used
 * @param {() => void} [activity] called on every callback: the caller learns when esbuild has stopped asking
 * @returns {import('esbuild').Plugin}
 */
export function vendorBoundary(root, imports, known, used, activity = () => {}) {
  return {
    name: 'vendor-boundary',
    setup(build) {
      /** @type {Map<string, string | undefined>} */
      const manifests = new Map();
      build.onResolve({ filter: NOT_PLATFORM_OR_NODE }, (args) => {
        activity();
        // A resolution another plugin asked for (keep-in-place's) is that plugin's to decide; `require.resolve`
        // is a path at run time, not a module.
        if (typeof args.pluginData === 'string' || args.namespace !== 'file') return undefined;
        if (args.kind === 'require-resolve' || args.path.startsWith(VENDOR_ID_PREFIX)) return undefined;
        const condition = args.kind === 'require-call' ? 'require' : 'import';
        const key = `${condition}:${toStored(root, args.resolveDir)}:${args.path}`;
        if (!imports.has(key)) imports.set(key, { dir: args.resolveDir, specifier: args.path, kind: args.kind });
        return { path: key, namespace: STUB_NAMESPACE };
      });
      build.onResolve({ filter: /^platform-vendor:/ }, (args) => ({ path: args.path, external: true }));
      build.onLoad({ filter: /.*/, namespace: STUB_NAMESPACE }, (args) => {
        activity();
        const key = args.path;
        const format = known[key] ?? guessedFormat(/** @type {VendorImport} */ (imports.get(key)), manifests);
        used.set(key, format);
        const id = JSON.stringify(`${VENDOR_ID_PREFIX}${key}`);
        return {
          contents:
            format === 'esm'
              ? `export * from ${id};\nexport { default } from ${id};\n`
              : `module.exports = require(${id});\n`,
          loader: 'js',
        };
      });
    },
  };
}

/**
 * The vendor bundle's entry: one lazy loader per key, so a module is evaluated only when the project first
 * requires it (kubernetes-models' kinds load on demand).
 * @param {Map<string, VendorImport>} imports
 */
export function vendorEntrySource(imports) {
  const keys = [...imports.keys()].sort();
  const lines = keys.map(
    (key) => `  ${JSON.stringify(key)}: () => require(${JSON.stringify(`${ENTRY_PREFIX}${key}`)}),`,
  );
  return `module.exports = {\n${lines.join('\n')}\n};\n`;
}

/**
 * esbuild plugin for the vendor bundle: resolves each key as the project's import would have resolved, and
 * records where it went (key → absolute path).
 * @param {Map<string, VendorImport>} imports
 * @param {Map<string, string>} resolved
 * @returns {import('esbuild').Plugin}
 */
export function vendorEntries(imports, resolved) {
  return {
    name: 'vendor-entries',
    setup(build) {
      build.onResolve({ filter: /^vendor-entry:/ }, async (args) => {
        const key = args.path.slice(ENTRY_PREFIX.length);
        const found = /** @type {VendorImport} */ (imports.get(key));
        const result = await build.resolve(found.specifier, {
          kind: found.kind,
          resolveDir: found.dir,
          pluginData: 'vendor-entries',
        });
        if (result.errors.length > 0) return { errors: result.errors };
        if (!result.external) resolved.set(key, result.path);
        return {
          path: result.path,
          external: result.external,
          namespace: result.namespace,
          sideEffects: result.sideEffects,
          suffix: result.suffix,
        };
      });
    },
  };
}
