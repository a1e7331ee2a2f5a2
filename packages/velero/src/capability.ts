/** The `statefulData` capability this library reads is core's (`StatefulData`, platform-capabilities.ts). */
export type { StatefulData } from '@platform/core';
