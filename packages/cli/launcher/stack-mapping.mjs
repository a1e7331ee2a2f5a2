// @ts-check
// Stack traces that name the sources a bundle was built from (environments/prod/index.ts:12:5), not the bundle.
// Node maps stacks only for modules its own loaders read, and the bundle is compiled through `vm.Script` (for
// V8's code cache, see bundle-loader.mjs), so the bundles' frames are translated here, with each bundle's
// source map read the first time a stack names it: a run that throws nothing never parses one.
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Formats every stack trace of the process like V8 does, with positions in the bundle files replaced by their
 * original file, line and column from `<bundle file>.map`.
 * @param {string[]} bundleFiles
 * @param {number} firstLineShift columns the loader put before each bundle's first line
 */
export function mapStackTraces(bundleFiles, firstLineShift) {
  /** @type {Map<string, SourceMap | null>} */
  const maps = new Map();
  /** @param {string} bundleFile */
  const sourceMap = (bundleFile) => {
    let map = maps.get(bundleFile);
    if (map === undefined) {
      try {
        map = new SourceMap(JSON.parse(readFileSync(`${bundleFile}.map`, 'utf8')));
      } catch {
        map = null; // no map: the bundle's own positions are still a correct, if less helpful, answer
      }
      maps.set(bundleFile, map);
    }
    return map;
  };
  /** @param {NodeJS.CallSite} site */
  const frame = (site) => {
    const text = String(site);
    const bundleFile = site.getFileName();
    if (bundleFile === null || bundleFile === undefined || !bundleFiles.includes(bundleFile)) return text;
    const line = site.getLineNumber();
    const column = site.getColumnNumber();
    const found = line !== null && column !== null ? sourceMap(bundleFile) : null;
    if (!found || line === null || column === null) return text;
    const entry = found.findEntry(line - 1, column - 1 - (line === 1 ? firstLineShift : 0));
    if (!entry || !('originalSource' in entry) || !entry.originalSource) return text;
    const source = entry.originalSource.startsWith('file://')
      ? fileURLToPath(entry.originalSource)
      : resolve(dirname(bundleFile), entry.originalSource);
    const position = `${bundleFile}:${line}:${column}`;
    const at = text.lastIndexOf(position);
    const mapped = `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
    return at === -1 ? text : `${text.slice(0, at)}${mapped}${text.slice(at + position.length)}`;
  };
  Error.prepareStackTrace = (error, sites) => {
    let header;
    try {
      header = Error.prototype.toString.call(error);
    } catch {
      header = '<error>';
    }
    return `${header}${sites.map((site) => `\n    at ${frame(site)}`).join('')}`;
  };
}
