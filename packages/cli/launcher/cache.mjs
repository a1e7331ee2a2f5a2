// @ts-check
// The bundle cache: one manifest per selection of environments, naming the bundle folder and the fingerprint of
// everything it was built from. A cached run reads the manifest, re-checks the fingerprint (see fingerprint.mjs
// for why that is exact) and imports the bundle; esbuild is loaded only to build a new one.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFingerprint, sha256 } from './fingerprint.mjs';

/**
 * @typedef {object} BundleRequest
 * @property {string} root project root
 * @property {string} cacheDir folder of manifests and bundles
 * @property {string} key identifies the selection (commands entry and environments)
 * @property {string} commandsEntry the module exporting the CLI's `main`
 * @property {import('./project.mjs').EnvironmentEntry[]} environments environments to bundle
 */

/**
 * @typedef {object} Bundle
 * @property {string} dir
 * @property {string} main the bundle file: exports the CLI's `main` and a loader per environment
 * @property {string[]} environments the environments it holds
 */

/**
 * @typedef {object} Manifest
 * @property {2} version
 * @property {string} folder bundle folder name inside the cache folder
 * @property {string[]} environments
 * @property {import('./fingerprint.mjs').Fingerprint} fingerprint
 */

/**
 * How long a bundle no manifest names is kept, for runs that started with it: they may still read its source map
 * (for a stack trace) or write its code cache.
 */
const ORPHAN_GRACE_MS = 10 * 60 * 1000;

/**
 * The cache folder of a project and the key of a selection.
 * @param {string} root
 * @param {string} commandsEntry
 * @param {import('./project.mjs').EnvironmentEntry[]} environments
 */
export function cacheLocation(root, commandsEntry, environments) {
  const key = sha256(JSON.stringify([commandsEntry, environments.map((e) => [e.name, e.entry])])).slice(0, 16);
  return { cacheDir: join(root, 'node_modules', '.cache', 'platform-cli'), key };
}

/** @param {string} folder */
function bundleIn(folder, /** @type {string[]} */ environments) {
  return {
    dir: folder,
    main: join(folder, 'main.cjs'),
    environments,
  };
}

/**
 * The cached bundle of a selection if everything it was built from is unchanged; refreshes the manifest when
 * only timestamps moved.
 * @param {BundleRequest} request
 * @returns {{ bundle?: Bundle, reason: string }}
 */
export function freshBundle(request) {
  const file = join(request.cacheDir, `cli-${request.key}.json`);
  /** @type {Manifest} */
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return { reason: 'no bundle yet' };
  }
  if (manifest.version !== 2) return { reason: 'the bundle cache has an older format' };
  const folder = join(request.cacheDir, manifest.folder);
  if (!existsSync(join(folder, 'main.cjs'))) return { reason: 'the bundle was removed' };
  const check = checkFingerprint(request.root, manifest.fingerprint);
  if (!check.fresh) return { reason: check.reason };
  if (check.refreshed.size > 0) {
    const files = manifest.fingerprint.files.map((entry, index) => check.refreshed.get(index) ?? entry);
    writeManifest(request, { ...manifest, fingerprint: { ...manifest.fingerprint, files } });
  }
  return { bundle: bundleIn(folder, manifest.environments), reason: 'fresh' };
}

/**
 * Stores a manifest atomically (a reader sees the old or the new one), then removes bundle folders of this
 * selection that no manifest names any more.
 * @param {BundleRequest} request
 * @param {Manifest} manifest
 */
export function writeManifest(request, manifest) {
  const file = join(request.cacheDir, `cli-${request.key}.json`);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(manifest));
  renameSync(temporary, file);
}

/**
 * Removes bundles of a selection other than `keep` once no run can still be loading them.
 * @param {BundleRequest} request
 * @param {string} keep folder name
 */
export function removeOldBundles(request, keep) {
  const prefix = `cli-${request.key}-`;
  const now = Date.now();
  for (const name of readdirSync(request.cacheDir)) {
    if (!name.startsWith(prefix) || name === keep) continue;
    const path = join(request.cacheDir, name);
    try {
      if (now - statSync(path).mtimeMs > ORPHAN_GRACE_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // removed by a concurrent run
    }
  }
}
