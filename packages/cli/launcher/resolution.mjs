// @ts-check
// How the imports of a bundle resolved, as facts a later run can re-check cheaply: which node_modules entry each
// package import went through and where it pointed, which closer node_modules entries did not exist, and which
// package.json files decided entry points and module formats.
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';

/**
 * `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`; undefined for relative, absolute, `#` and builtin specifiers.
 * @param {string} specifier
 */
export function packageName(specifier) {
  if (/^(?:\.|\/|#|node:|data:|file:)/.test(specifier) || /^[A-Za-z]:[\\/]/.test(specifier)) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * Node's (and esbuild's) lookup of a package from a folder: `<dir>/node_modules/<name>`, then the parent's, up to
 * the file system root. Returns the entry found and the lookups that found nothing before it. A missing
 * `node_modules` folder is one absent path for every package, which keeps the list short.
 * @param {string} fromDir absolute folder of the importing file (its real path)
 * @param {string} name package name
 * @returns {{ hit?: string, absent: string[] }}
 */
export function lookupPackage(fromDir, name) {
  /** @type {string[]} */
  const absent = [];
  for (let dir = fromDir; ; dir = dirname(dir)) {
    if (!dir.endsWith(`${sep}node_modules`)) {
      const modules = join(dir, 'node_modules');
      if (!existsSync(modules)) absent.push(modules);
      else {
        const candidate = join(modules, name);
        if (existsSync(candidate)) return { hit: candidate, absent };
        absent.push(candidate);
      }
    }
    if (dirname(dir) === dir) return { absent };
  }
}

/**
 * The nearest package.json at or above a folder: it decides the module format (`type`) and `#imports` of the
 * files below it.
 * @param {string} dir
 * @param {Map<string, string | undefined>} memo
 * @returns {string | undefined}
 */
export function nearestManifest(dir, memo) {
  if (memo.has(dir)) return memo.get(dir);
  const own = join(dir, 'package.json');
  const found = existsSync(own) ? own : dirname(dir) === dir ? undefined : nearestManifest(dirname(dir), memo);
  memo.set(dir, found);
  return found;
}

/**
 * Where a package entry points, resolving pnpm's and the workspace's symlinks.
 * @param {string} path
 */
export function realPath(path) {
  return realpathSync.native(path);
}
