/** What a loaded environment module holds: the environment as its default export. */
export type EnvironmentModule = { default?: unknown };

/** What the launcher passes to {@link main}. */
export interface CliInput {
  /** Project root: holds environments/ and rendered/. */
  root: string;
  /** Every environment of the project, bundled for this command or not. */
  known: string[];
  /** Each environment's package folder, for checking its pins against node_modules; tests may leave it out. */
  environmentDirs?: Record<string, string>;
  argv: string[];
  /**
   * The bundle the launcher ran and the module that loads it in a worker thread (`bench-fleet --workers`);
   * absent when the CLI runs unbundled (tests).
   */
  bundle?: { file: string; workerEntry: string };
  /** Loads an environment's module (bundled by the launcher); rejects with whatever its top level threw. */
  load(name: string): Promise<EnvironmentModule>;
}
