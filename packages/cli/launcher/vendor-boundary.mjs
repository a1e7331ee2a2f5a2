// @ts-check
// The line between the two bundles of a selection. Installed packages go into the vendor bundle, which changes
// only with an install; the project's own code (environments, the toolkit's `@platform/*` libraries wherever
// they are, relative imports) goes into the project bundle, which is all an edit rebuilds. esbuild's time is
// mostly the installed packages, so an edit costs a fraction of a whole build.
//
// The project bundle does not resolve a package import: each (import condition, importing folder, specifier)
// becomes a key, and the vendor bundle resolves the key exactly as the project bundle would have (esbuild's
// own resolver, from that folder, with that kind). The project bundle reaches the module through a stub
// written from what the vendor build found: an ES module's stub re-exports, by name, the names the module
// exports (`export { a, b, default } from …`), so that esbuild refuses an import of a name the module does not
// export, as it did in one bundle; a CommonJS module's stub is CommonJS (`module.exports = require(…)`), so
// esbuild applies the importer's own interop to it, as it did in one bundle. A plain external would get Node's
// interop in a `"type": "module"` package (the default import is the whole `module.exports`), which is wrong
// for an ES module. An import means what it meant in one bundle.
import { toStored } from './fingerprint.mjs';

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
 * @typedef {object} VendorModule
 * @property {ModuleFormat} format as esbuild compiled it (a builtin counts as CommonJS)
 * @property {string[]} [names] an ES module's export names, as its namespace holds them once loaded; absent
 *   when it could not be loaded during the build (its stub then re-exports whatever it has, unchecked)
 */

/**
 * @typedef {object} Unresolved a key the vendor build could not resolve
 * @property {import('esbuild').PartialMessage[]} unresolved esbuild's messages, without their place in the vendor entry
 */

/**
 * @typedef {object} VendorImport
 * @property {string} dir absolute folder of the importing file, where the lookup starts
 * @property {string} specifier as written
 * @property {import('esbuild').ImportKind} kind decides the package's export conditions (`import` or `require`)
 */

/**
 * esbuild plugin for the project bundle: every package import other than the toolkit's becomes a stub of its
 * key, recorded in `imports` for the vendor bundle and written once `describe` says what the key's module is.
 * @param {string} root
 * @param {Map<string, VendorImport>} imports
 * @param {(key: string) => VendorModule | Unresolved | Promise<VendorModule | Unresolved>} describe
 * @param {() => void} activity called on every callback: the caller learns when esbuild has stopped asking
 * @returns {import('esbuild').Plugin}
 */
export function vendorBoundary(root, imports, describe, activity) {
  return {
    name: 'vendor-boundary',
    setup(build) {
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
      build.onLoad({ filter: /.*/, namespace: STUB_NAMESPACE }, async (args) => {
        activity();
        const module = await describe(args.path);
        // An import the vendor build could not resolve is reported where the user wrote it, as one bundle did.
        if ('unresolved' in module) return { errors: module.unresolved };
        return { contents: stubSource(`${VENDOR_ID_PREFIX}${args.path}`, module), loader: 'js' };
      });
    },
  };
}

/**
 * @param {string} id
 * @param {VendorModule} module
 */
function stubSource(id, module) {
  const from = JSON.stringify(id);
  if (module.format === 'cjs') return `module.exports = require(${from});\n`;
  if (!module.names) return `export * from ${from};\nexport { default } from ${from};\n`;
  const names = module.names.map((name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name)));
  return names.length > 0 ? `export { ${names.join(', ')} } from ${from};\n` : `import ${from};\nexport {};\n`;
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

/** esbuild namespace of the vendor bundle's stand-ins for keys that did not resolve. */
const UNRESOLVED_NAMESPACE = 'vendor-unresolved';

/**
 * esbuild plugin for the vendor bundle: resolves each key as the project's import would have resolved, and
 * records where it went (key → absolute path), or why it went nowhere (key → esbuild's messages; the key's
 * stub reports them at the user's import, and this build goes on).
 * @param {Map<string, VendorImport>} imports
 * @param {Map<string, string>} resolved
 * @param {Map<string, import('esbuild').PartialMessage[]>} unresolved
 * @returns {import('esbuild').Plugin}
 */
export function vendorEntries(imports, resolved, unresolved) {
  return {
    name: 'vendor-entries',
    setup(build) {
      build.onLoad({ filter: /.*/, namespace: UNRESOLVED_NAMESPACE }, () => ({ contents: '', loader: 'js' }));
      build.onResolve({ filter: /^vendor-entry:/ }, async (args) => {
        const key = args.path.slice(ENTRY_PREFIX.length);
        const found = /** @type {VendorImport} */ (imports.get(key));
        const result = await build.resolve(found.specifier, {
          kind: found.kind,
          resolveDir: found.dir,
          pluginData: 'vendor-entries',
        });
        if (result.errors.length > 0) {
          unresolved.set(
            key,
            result.errors.map(({ text }) => ({ text })),
          );
          return { path: key, namespace: UNRESOLVED_NAMESPACE };
        }
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
