import { standardLabels } from '@platform/core';
import type { EdgePlan } from '@platform/edge';
import type { ITLSStore } from './kinds.js';

/**
 * Traefik's default TLS store, in Traefik's namespace (the only one `providers.kubernetesCRD.
 * defaultTLSResourcesNamespace` lets define it): every wildcard certificate, served by SNI, the first also for
 * clients that send no SNI. Traefik uses only the store named `default`
 * (v3.7.9 `docs/content/reference/routing-configuration/kubernetes/crd/tls/tlsstore.md:11-12`).
 */
export function tlsStore(plan: EdgePlan, namespace: string, component: string): ITLSStore | undefined {
  const secrets = plan.certificates
    .filter((c) => c.purpose === 'wildcard' && c.renderedBy === 'controller')
    .map((c) => c.secretName);
  if (secrets.length === 0) return undefined;
  return {
    apiVersion: 'traefik.io/v1alpha1',
    kind: 'TLSStore',
    metadata: { name: 'default', namespace, labels: standardLabels(component, 'tls') },
    spec: {
      certificates: secrets.map((secretName) => ({ secretName })),
      defaultCertificate: { secretName: secrets[0]! },
    },
  };
}
