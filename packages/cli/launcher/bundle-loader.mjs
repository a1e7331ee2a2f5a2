// @ts-check
// Loads the bundles of a selection (two CommonJS files: the installed packages' and the project's, see
// vendor-boundary.mjs) with V8's code cache. Compiling the bundles' megabytes of JavaScript was the largest
// single cost of a render; with the cache V8 neither parses nor compiles what an earlier run already compiled.
// The cache is produced after the first run of a bundle, so it holds the functions that run used too, and is
// stored beside the bundle under the bundle's size, mtime and inode: a bundle folder is never written again
// once built (a new build is a new folder), and V8 itself rejects a cache of another V8 version, other flags
// or a source of another length, in which case the run compiles as without one and stores a new one.
import { isAscii } from 'node:buffer';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import vm from 'node:vm';
import { mapStackTraces } from './stack-mapping.mjs';
import { VENDOR_ID_PREFIX } from './vendor-boundary.mjs';

/** The CommonJS module wrapper, on the bundle's first line so that every other line keeps its number. */
const WRAPPER_START = '(function (exports, require, module, __filename, __dirname) {';

/** @typedef {'none' | 'accepted' | 'rejected'} CodeCacheState */

/**
 * Compiles and runs one CommonJS bundle file.
 * @param {string} file
 * @param {(id: string) => unknown} require
 * @returns {{ exports: any, codeCache: CodeCacheState, saveCodeCache: () => void }}
 */
function runScript(file, require) {
  const stat = statSync(file);
  const cacheFile = join(
    dirname(file),
    `${basename(file)}.${stat.size}-${Math.trunc(stat.mtimeMs)}-${stat.ino}.v8cache`,
  );
  /** @type {Buffer | undefined} */
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // An ASCII bundle (the usual case, see bundle.mjs) becomes a string without decoding; any other is UTF-8.
  const bytes = readFileSync(file);
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const script = new vm.Script(`${WRAPPER_START}${source}\n})`, {
    filename: file,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, require, module, file, dirname(file));
  const codeCache = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'accepted';
  return {
    exports: module.exports,
    codeCache,
    saveCodeCache() {
      if (codeCache === 'accepted') return;
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      try {
        writeFileSync(temporary, script.createCachedData());
        renameSync(temporary, cacheFile);
      } catch {
        // A read-only cache folder only costs the next run its compile time.
      }
    },
  };
}

/**
 * @typedef {object} LoadedVendor
 * @property {CodeCacheState} codeCache
 * @property {() => void} saveCodeCache
 * @property {(key: string) => unknown} module the module of a key, loaded once
 */

/** Vendor bundles already loaded by this process, by folder: a preloaded one is not loaded twice. */
const loadedVendors = new Map();

/**
 * Loads a vendor bundle (once per process).
 * @param {string} vendorDir
 * @returns {LoadedVendor}
 */
export function loadVendor(vendorDir) {
  let vendor = loadedVendors.get(vendorDir);
  if (!vendor) {
    const vendorFile = join(vendorDir, 'vendor.cjs');
    const script = runScript(vendorFile, createRequire(vendorFile));
    /** @type {Map<string, unknown>} */
    const modules = new Map();
    vendor = {
      codeCache: script.codeCache,
      saveCodeCache: script.saveCodeCache,
      /** @param {string} key */
      module(key) {
        if (modules.has(key)) return modules.get(key);
        const load = script.exports[key];
        if (typeof load !== 'function') throw new Error(`the vendor bundle holds no ${key}; run again to rebuild it`);
        // A module whose evaluation threw is not remembered: esbuild's wrappers throw again (ES modules keep
        // their error, CommonJS ones run again), as they did inside one bundle.
        const value = load();
        modules.set(key, value);
        return value;
      },
    };
    loadedVendors.set(vendorDir, vendor);
  }
  return vendor;
}

/**
 * Loads a selection's project bundle and the vendor bundle it was linked to (named in its `link.json`).
 * @param {string} file the project bundle, `<folder>/main.cjs`
 * @returns {{ exports: Record<string, unknown>, codeCache: CodeCacheState, vendorCodeCache: CodeCacheState, saveCodeCache: () => void }}
 */
export function loadBundle(file) {
  const folder = dirname(file);
  const vendorDir = join(dirname(folder), JSON.parse(readFileSync(join(folder, 'link.json'), 'utf8')).vendor);
  mapStackTraces([join(vendorDir, 'vendor.cjs'), file], WRAPPER_START.length);
  const vendor = loadVendor(vendorDir);
  const projectRequire = createRequire(file);
  /** @param {string} id */
  const require = (id) =>
    id.startsWith(VENDOR_ID_PREFIX) ? vendor.module(id.slice(VENDOR_ID_PREFIX.length)) : projectRequire(id);
  const project = runScript(file, /** @type {(id: string) => unknown} */ (Object.assign(require, projectRequire)));
  return {
    exports: project.exports,
    codeCache: project.codeCache,
    vendorCodeCache: vendor.codeCache,
    saveCodeCache() {
      vendor.saveCodeCache();
      project.saveCodeCache();
    },
  };
}
