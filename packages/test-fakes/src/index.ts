/** Fakes of other components, for libraries' tests. Private to the workspace: never published. */
export * from './telemetry-stores.js';
