import type { ICertificate } from '@platform/cert-manager';
import type { PolicyRule } from '@platform/core';
import { inventoryOf } from '@platform/policy';

/** Default number of public certificates an environment may request before `edge.public-certificates` warns. */
export const DEFAULT_MAX_PUBLIC_CERTIFICATES = 10;

/**
 * Warns when an environment would request more than `max` certificates from public (ACME) issuers: each
 * Certificate is issued and renewed on its own, appears in Certificate Transparency logs, and counts against
 * Let's Encrypt's rate limits (new certificates per registered domain, and per identical set of names). An issuer
 * is public when the (Cluster)Issuer it names is rendered with `spec.acme`.
 */
export function publicCertificatesRule(max: number = DEFAULT_MAX_PUBLIC_CERTIFICATES): PolicyRule {
  return {
    id: 'edge.public-certificates',
    severity: 'warn',
    rationale:
      'Every public certificate is a CT log entry and a rate-limited ACME order; a wildcard per domain needs one.',
    check(environment, report) {
      const inventory = inventoryOf(environment);
      const isAcme = (ref: NonNullable<ICertificate['spec']>['issuerRef'], namespace: string) => {
        const kind = ref.kind ?? 'Issuer';
        if ((ref.group ?? 'cert-manager.io') !== 'cert-manager.io') return false;
        const issuer =
          kind === 'ClusterIssuer'
            ? inventory.get('cert-manager.io', 'ClusterIssuer', '', ref.name)
            : inventory.get('cert-manager.io', 'Issuer', namespace, ref.name);
        return Boolean((issuer?.object as { spec?: { acme?: unknown } } | undefined)?.spec?.acme);
      };
      const publicOnes = inventory.ofKind('cert-manager.io', 'Certificate').filter(({ object }) => {
        const spec = (object as ICertificate).spec;
        return spec !== undefined && isAcme(spec.issuerRef, object.metadata?.namespace ?? '');
      });
      if (publicOnes.length <= max) return;
      const names = new Map<string, number>();
      for (const { object } of publicOnes) {
        const key = [...((object as ICertificate).spec?.dnsNames ?? [])].sort().join(',');
        names.set(key, (names.get(key) ?? 0) + 1);
      }
      const duplicates = [...names.entries()].filter(([, count]) => count > 1);
      report({
        component: '_environment',
        message:
          `the environment requests ${publicOnes.length} public certificates (more than ${max}): ` +
          publicOnes.map(({ object }) => `${object.metadata?.namespace}/${object.metadata?.name}`).join(', ') +
          (duplicates.length > 0
            ? `; the same names are requested more than once for ${duplicates.map(([n, c]) => `${n} (${c}×)`).join(', ')}`
            : '') +
          ". Routes share their domain's wildcard unless they opt out; prefer an edge that serves one wildcard from its own namespace (Traefik, Contour, Gateway API)",
      });
    },
  };
}
