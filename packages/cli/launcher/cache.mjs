// @ts-check
// The bundle cache: one manifest per selection of environments, naming its two bundle folders (the project's
// code and the installed packages', see vendor-boundary.mjs) and the fingerprint of everything each was built
// from. A cached run reads the manifest, re-checks both fingerprints (see fingerprint.mjs for why that is
// exact) and loads the bundles; esbuild is loaded only to build a new one, and after an edit of the project's
// code only the project bundle is built again.
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
 * @property {3} version
 * @property {string} folder project bundle folder name inside the cache folder
 * @property {string[]} environments
 * @property {import('./fingerprint.mjs').Fingerprint} fingerprint the project bundle's
 * @property {import('./bundle.mjs').VendorBundle} vendor the vendor bundle the project bundle was linked to
 */

/** The manifest format this launcher reads and writes. */
export const MANIFEST_VERSION = 3;

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
 * only timestamps moved. When only the project's code changed, returns the vendor bundle to build against.
 * @param {BundleRequest} request
 * @returns {{ bundle?: Bundle, reason: string, reusableVendor?: import('./bundle.mjs').VendorBundle }}
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
  if (manifest.version !== MANIFEST_VERSION) return { reason: 'the bundle cache has an older format' };
  const folder = join(request.cacheDir, manifest.folder);
  if (!existsSync(join(request.cacheDir, manifest.vendor.folder, 'vendor.cjs')))
    return { reason: 'the vendor bundle was removed' };
  const vendorCheck = checkFingerprint(request.root, manifest.vendor.fingerprint);
  if (!vendorCheck.fresh) return { reason: vendorCheck.reason };
  const vendor = {
    ...manifest.vendor,
    fingerprint: refreshedFingerprint(manifest.vendor.fingerprint, vendorCheck.refreshed),
  };
  if (!existsSync(join(folder, 'main.cjs'))) return { reason: 'the bundle was removed', reusableVendor: vendor };
  const check = checkFingerprint(request.root, manifest.fingerprint);
  if (!check.fresh) return { reason: `${check.reason} (installed packages unchanged)`, reusableVendor: vendor };
  if (check.refreshed.size > 0 || vendorCheck.refreshed.size > 0)
    writeManifest(request, {
      ...manifest,
      vendor,
      fingerprint: refreshedFingerprint(manifest.fingerprint, check.refreshed),
    });
  return { bundle: bundleIn(folder, manifest.environments), reason: 'fresh' };
}

/**
 * @param {import('./fingerprint.mjs').Fingerprint} fingerprint
 * @param {Map<number, import('./fingerprint.mjs').FileEntry>} refreshed
 */
function refreshedFingerprint(fingerprint, refreshed) {
  if (refreshed.size === 0) return fingerprint;
  return { ...fingerprint, files: fingerprint.files.map((entry, index) => refreshed.get(index) ?? entry) };
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
 * Removes bundle folders of a selection other than those in `keep` once no run can still be loading them.
 * @param {BundleRequest} request
 * @param {string[]} keep folder names
 */
export function removeOldBundles(request, keep) {
  const prefix = `cli-${request.key}-`;
  const now = Date.now();
  for (const name of readdirSync(request.cacheDir)) {
    if (!name.startsWith(prefix) || keep.includes(name)) continue;
    const path = join(request.cacheDir, name);
    try {
      if (now - statSync(path).mtimeMs > ORPHAN_GRACE_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // removed by a concurrent run
    }
  }
}
