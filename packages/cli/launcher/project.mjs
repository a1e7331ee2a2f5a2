// @ts-check
// Finding the project and its environments. Runs on every invocation, before any bundle is loaded, so it only
// reads a handful of small manifests.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * @typedef {object} EnvironmentEntry
 * @property {string} name folder name under environments/, which is also the environment's name
 * @property {string} dir absolute folder of the environment package
 * @property {string} entry absolute path of the module that default-exports the environment
 */

/**
 * @typedef {object} Project
 * @property {string} root the folder that holds environments/ and rendered/
 * @property {EnvironmentEntry[]} environments sorted by name
 */

/**
 * The environments of a project: folders under `environments/` whose package.json names the module that
 * default-exports the environment (`"platform": { "environment": "./index.ts" }`).
 * @param {string} root
 * @returns {EnvironmentEntry[]}
 */
export function discoverEnvironments(root) {
  const base = join(root, 'environments');
  /** @type {EnvironmentEntry[]} */
  const found = [];
  for (const name of existsSync(base) ? readdirSync(base).sort() : []) {
    const manifest = join(base, name, 'package.json');
    if (!existsSync(manifest)) continue;
    /** @type {{ platform?: { environment?: unknown } }} */
    let parsed;
    try {
      parsed = JSON.parse(readFileSync(manifest, 'utf8'));
    } catch (error) {
      throw new Error(`environments/${name}/package.json is not valid JSON: ${/** @type {Error} */ (error).message}`);
    }
    const entry = parsed.platform?.environment;
    if (typeof entry === 'string') found.push({ name, dir: join(base, name), entry: resolve(base, name, entry) });
  }
  return found;
}

/**
 * The project `start` lies in: the nearest folder, from `start` upwards, with at least one environment package.
 * @param {string} start
 * @returns {Project | undefined}
 */
export function findProject(start) {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    const environments = discoverEnvironments(dir);
    if (environments.length > 0) return { root: dir, environments };
    if (dirname(dir) === dir) return undefined;
  }
}
