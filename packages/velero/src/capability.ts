import type { EndpointOwner } from '@platform/core';

/**
 * A namespace whose objects or volumes hold state that git cannot recreate (a secret store's Raft data, a
 * registry's database, issued certificates ...). A component that knows it is stateful provides it, and a backup
 * component schedules backups of that namespace. Declared here by declaration merging until core has it (the
 * report proposes `statefulData` in core's platform-capabilities.ts, so that providers need not depend on Velero).
 */
export interface StatefulData extends EndpointOwner {
  /** Why the namespace must be backed up, shown on the Schedule. */
  reason: string;
  /**
   * How its volumes are saved: `filesystem` copies every mounted volume with the node agent (kopia); `none` backs
   * up the objects only (the data is backed up elsewhere, e.g. a PostgreSQL cluster's WAL archive). Default
   * `filesystem`.
   */
  volumes?: 'filesystem' | 'none';
}

declare module '@platform/core' {
  interface Capabilities {
    statefulData: StatefulData;
  }
}
