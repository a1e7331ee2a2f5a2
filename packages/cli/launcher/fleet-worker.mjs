// @ts-check
// A worker thread of `platform bench-fleet --workers`: loads the bundle the launcher ran (with its code cache)
// and renders the copies it was given, posting back their object counts and file digests.
import { loadBundle } from './bundle-loader.mjs';

/** @param {typeof import('node:worker_threads')} threads */
export async function runFleetWorker(threads) {
  const { bundle, root, known, name, indices, digest } = threads.workerData;
  const cli = /** @type {any} */ (loadBundle(bundle).exports);
  const input = { root, known, argv: [], load: (/** @type {string} */ env) => cli.environments[env]() };
  threads.parentPort?.postMessage(await cli.renderFleetSlice(input, name, indices, digest));
}
