/**
 * @platform/cli: the `platform` command (render, diff, check, show, plan, graph, ls, affected) for any repository of
 * environments, and its building blocks for tools: the atomic tree writer, tree diffs, pin checks.
 */
export { type Affected, affectedEnvironments, classify, workspacePackages } from './affected.js';
export type { CliInput, EnvironmentModule } from './cli-input.js';
export { COMMANDS, commandHelp, overview, parseCommand } from './command-line.js';
export { colorPatch, diffTrees, type FileChange } from './diff-trees.js';
export { CliError, EnvironmentLoadError, problemsOf, reportFailure } from './errors.js';
export { main } from './main.js';
export { environmentPins, type LibraryPin, pinnedVersions, pinProblems } from './pins.js';
export { frameOwner, stackFrames, thrownByToolkit, userLocation } from './stack-frames.js';
export { type PackageManifest, readTarballFiles, readTarballManifest } from './tarball.js';
export { clusterIdentity, DISTINCT_TARGETS_RULE, targetConflicts } from './targets.js';
export {
  readTree,
  recoverTree,
  treeExists,
  WORK_FOLDER,
  type WriteOptions,
  type WriteSummary,
  writeTree,
} from './write-tree.js';
