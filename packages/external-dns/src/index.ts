/**
 * @platform/external-dns: external-dns from its pinned upstream chart, keeping the DNS records of every route the
 * environment's edge serves: providers as typed configuration (Route53 with IRSA or Pod Identity, Cloudflare and
 * RFC 2136 with credentials from External Secrets), domain filters, a TXT-registry owner per environment, `sync`
 * or `upsert-only`, and the sources of whatever edge the environment has.
 */
import { type BuildContext, type ComponentContext, defineComponent, PlatformError } from '@platform/core';
import { EXTERNAL_SECRETS_KINDS } from '@platform/external-secrets';
import { alerts } from './alerts.js';
import { CHART, RELEASE_NAME } from './chart.js';
import { checkConfig } from './check.js';
import { defaults, type ExternalDnsConfig } from './config.js';
import { credentialExternalSecret } from './credentials.js';
import { networkAccess } from './network.js';
import { chartValues } from './values.js';

export { APP_VERSION, CHART, POD_LABELS, RELEASE_NAME } from './chart.js';
export type { ExternalDnsConfig, ResourceRequirements } from './config.js';
export { defaults, RUNBOOK_URL } from './config.js';
export { type ProviderCredential, providerCredential } from './credentials.js';
export type { DnsProviderConfig, StoredSecret, TsigAlgorithm } from './providers.js';
export type { ExternalDnsValues } from './values.js';

/** The sources external-dns watches: the edge controllers' and the configured extra ones. */
function sourcesOf({ config, peers, name }: BuildContext<ExternalDnsConfig>): string[] {
  const sources = [
    ...new Set([...peers.all('edgeController').flatMap((edge) => edge.dnsSources), ...config.extraSources]),
  ].sort();
  if (sources.length === 0)
    throw new PlatformError({
      component: name,
      message:
        'external-dns has nothing to watch: the environment has no edge controller (edgeController) and extraSources is empty',
    });
  return sources;
}

function domainsOf({ config, environment }: ComponentContext<ExternalDnsConfig>): string[] {
  return config.domains.length > 0 ? [...config.domains] : [environment.settings.baseDomain];
}

/**
 * external-dns (tier `platform`, namespace `external-dns`). Provides `dnsProvider`: its domains and sources.
 *
 * ```ts
 * externalDns({ provider: { type: 'route53', region: 'eu-west-1', auth: { type: 'irsa', roleArn } }, policy: 'sync' })
 * ```
 */
export const externalDns = defineComponent({
  name: 'external-dns',
  tier: 'platform',
  defaults,
  check: checkConfig,
  provides: (context) => ({
    // `provides` cannot read peers: the edge's sources are added by following the edge (`followsEdge`).
    dnsProvider: {
      component: context.name,
      namespace: context.namespace,
      domains: domainsOf(context),
      sources: [...context.config.extraSources],
      followsEdge: true,
    },
  }),
  build: (context) => {
    const credential = credentialExternalSecret(context);
    return {
      ...(credential ? { credentials_externalsecret: credential } : {}),
      ...(context.environment.settings.serviceMonitors ? { alerts_prometheusrule: alerts(context) } : {}),
    };
  },
  helm: (context) => ({ ...CHART, releaseName: RELEASE_NAME, values: chartValues(context, sourcesOf(context)) }),
  network: networkAccess,
  kinds: EXTERNAL_SECRETS_KINDS,
});
