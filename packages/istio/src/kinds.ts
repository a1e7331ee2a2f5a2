import type { KindDefinition } from '@platform/core';

export type { IPeerAuthentication } from '@kubernetes-models/istio/security.istio.io/v1/PeerAuthentication';

/** Istio's kinds that components render, validated by their kubernetes-models classes. */
export const ISTIO_KINDS: readonly KindDefinition[] = [
  {
    apiVersion: 'security.istio.io/v1',
    kind: 'PeerAuthentication',
    scope: 'Namespaced',
    schema: {
      model: async () =>
        (await import('@kubernetes-models/istio/security.istio.io/v1/PeerAuthentication')).PeerAuthentication,
    },
  },
];
