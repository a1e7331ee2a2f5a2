import { type BuildContext, type PublicCertificateIssuer, stageAnnotations, standardLabels } from '@platform/core';
import type { IClusterIssuer } from '../kinds.js';
import { type AcmeIssuersConfig, LETSENCRYPT_ISSUERS, LETSENCRYPT_SERVERS } from './config.js';
import { dns01Solver, http01Solver } from './solvers.js';

/** After the chart (stage 0, its webhook included), as the platform CA's issuers. */
const ISSUER_STAGE = 1;

/** The zones DNS-01 answers for: the configured ones, or the environment's base domain. */
function acmeZones(config: AcmeIssuersConfig, baseDomain: string): string[] {
  return config.dnsZones.length > 0 ? [...config.dnsZones] : [baseDomain];
}

/**
 * Let's Encrypt's staging and production ClusterIssuers, identical but for the server and the account key:
 * DNS-01 through the configured provider for its zones (wildcards included), HTTP-01 through the edge for the
 * rest. cert-manager generates each account key into the named Secret of its namespace.
 */
export function acmeClusterIssuers(
  context: Pick<BuildContext<unknown>, 'name' | 'environment'>,
  config: AcmeIssuersConfig,
): { letsencrypt_staging_clusterissuer: IClusterIssuer; letsencrypt_clusterissuer: IClusterIssuer } {
  const solvers = [
    ...(config.dns01 ? [dns01Solver(config.dns01, acmeZones(config, context.environment.settings.baseDomain))] : []),
    ...(config.http01 ? [http01Solver(config.http01)] : []),
  ];
  const issuer = (which: 'staging' | 'production'): IClusterIssuer => ({
    apiVersion: 'cert-manager.io/v1',
    kind: 'ClusterIssuer',
    metadata: {
      name: LETSENCRYPT_ISSUERS[which],
      labels: standardLabels(context.name, 'acme-issuer'),
      annotations: stageAnnotations(ISSUER_STAGE),
    },
    spec: {
      acme: {
        server: LETSENCRYPT_SERVERS[which],
        email: config.email,
        privateKeySecretRef: { name: `${LETSENCRYPT_ISSUERS[which]}-account-key` },
        solvers,
      },
    },
  });
  return { letsencrypt_staging_clusterissuer: issuer('staging'), letsencrypt_clusterissuer: issuer('production') };
}

/** The `publicCertificateIssuer` the environment's edge requests certificates from: the one `use` names. */
export function acmePublicIssuer(
  component: { name: string; namespace: string },
  config: AcmeIssuersConfig,
): PublicCertificateIssuer {
  return {
    component: component.name,
    namespace: component.namespace,
    issuerRef: { name: LETSENCRYPT_ISSUERS[config.use], kind: 'ClusterIssuer', group: 'cert-manager.io' },
    wildcards: config.dns01 !== undefined,
  };
}
