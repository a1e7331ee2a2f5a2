import type { NetworkAccess } from '@platform/core';

/**
 * Velero's traffic beyond its namespace: the server and node agents watch and write the API server; the
 * server, the node agents, the data-mover pods the node agents start and the repository maintenance Jobs all
 * read and write the backup bucket, so object-storage egress is namespace-wide. Nothing calls Velero (it has no
 * webhook); metrics scrapers are admitted by the environment's scraper namespaces.
 */
export function networkAccess(): NetworkAccess {
  return {
    egress: [
      { name: 'api-server', to: 'apiServer' },
      { name: 'object-storage', to: 'objectStorage' },
    ],
  };
}
