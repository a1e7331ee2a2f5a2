// @ts-check
// Loads a built bundle (one CommonJS file) with V8's code cache. Compiling the bundle's megabytes of JavaScript
// was the largest single cost of a render; with the cache V8 neither parses nor compiles what an earlier run
// already compiled. The cache is produced after the first run of a bundle, so it holds the functions that run
// used too, and is stored beside the bundle under the bundle's size, mtime and inode: a bundle folder is never
// written again once built (a new build is a new folder), and V8 itself rejects a cache of another V8 version,
// other flags or a source of another length, in which case the run compiles as without one and stores a new one.
import { isAscii } from 'node:buffer';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import vm from 'node:vm';
import { mapStackTraces } from './stack-mapping.mjs';

/** The CommonJS module wrapper, on the bundle's first line so that every other line keeps its number. */
const WRAPPER_START = '(function (exports, require, module, __filename, __dirname) {';

/**
 * @param {string} file the bundle
 * @returns {{ exports: Record<string, unknown>, codeCache: 'none' | 'accepted' | 'rejected', saveCodeCache: () => void }}
 */
export function loadBundle(file) {
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
  mapStackTraces(file, WRAPPER_START.length);
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  const codeCache = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'accepted';
  const stale = codeCache !== 'accepted';
  return {
    exports: module.exports,
    codeCache,
    saveCodeCache() {
      if (!stale) return;
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
