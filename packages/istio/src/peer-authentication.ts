import { type BuildContext, stageAnnotations, standardLabels } from '@platform/core';
import type { IstiodConfig } from './config.js';
import type { IPeerAuthentication } from './kinds.js';

/**
 * Mesh-wide mutual TLS: `PeerAuthentication/default` without a selector in the root namespace applies to every
 * workload of the mesh. Synced in wave 1, after istiod (wave 0) is healthy, because istiod's validating webhook
 * (failurePolicy Fail) admits it.
 */
export function meshPeerAuthentication({ name, namespace, config }: BuildContext<IstiodConfig>): IPeerAuthentication {
  return {
    apiVersion: 'security.istio.io/v1',
    kind: 'PeerAuthentication',
    metadata: {
      name: 'default',
      namespace,
      labels: standardLabels(name, 'mesh-mtls'),
      annotations: stageAnnotations(1),
    },
    spec: { mtls: { mode: config.mesh.mtlsMode } },
  };
}
