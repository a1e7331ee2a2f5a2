/**
 * @platform/harbor: the Harbor registry from its upstream chart (installed by Argo CD with typed values), its
 * database on the environment's `postgres` provider and its cache on its `redis` provider (typed endpoints, not
 * the chart's internal ones), images on the environment's object storage, and proxy-cache projects for the public
 * registries the platform's images come from, configured through Harbor's API by a Job.
 */
import { type BuildContext, defineComponent } from '@platform/core';
import { alerts } from './alerts.js';
import { CHART, ENTRY_SERVICE, partLabels, RELEASE_NAME } from './chart.js';
import { checkConfig } from './check.js';
import { defaults, type HarborConfig } from './config.js';
import { harborDashboards } from './dashboards.js';
import { endpointProblems } from './endpoint-checks.js';
import { harborEndpoints } from './endpoints.js';
import { HARBOR_KINDS } from './kinds.js';
import { networkAccess } from './network.js';
import { proxyCacheJob } from './proxy-cache.js';
import { harborSecrets } from './secrets.js';
import { tokenCertificate } from './token-certificate.js';
import { chartValues } from './values.js';

export { CHART, ENTRY_SERVICE, RELEASE_NAME } from './chart.js';
export type { HarborConfig, PartConfig, ProxyCacheProject, ProxyRegistryType, ResourceRequirements } from './config.js';
export { defaults } from './config.js';
export { HARBOR_KINDS } from './kinds.js';
export { proxyCacheSpec } from './proxy-cache.js';
export { HARBOR_SECRET, S3_SECRET } from './secrets.js';
export { TOKEN_SECRET } from './token-certificate.js';

/** The endpoints Harbor uses, checked against what its chart can do. */
function endpoints(context: BuildContext<HarborConfig>) {
  const found = harborEndpoints(context);
  endpointProblems(context.config, found);
  return found;
}

/**
 * Harbor (tier `workloads`, namespace `harbor`), after its database, cache, secret store and certificate issuer.
 *
 * ```ts
 * harbor({ secretsKey: 'platform/selfhosted/harbor', database: { component: 'harbor-db' } })
 * ```
 */
export const harbor = defineComponent({
  name: 'harbor',
  tier: 'workloads',
  defaults,
  check: checkConfig,
  dependsOn: (context) => {
    const { database, redis } = harborEndpoints(context);
    const store = context.peers.require('secretStore', "Harbor's secrets are ExternalSecrets");
    const issuer = context.peers.require('certificateIssuer', "Harbor's token-signing certificate");
    return [...new Set([database.component, redis.component, store.component, issuer.component])].filter(
      (c) => c !== context.name,
    );
  },
  provides: (context) =>
    context.environment.settings.serviceMonitors ? { dashboards: harborDashboards(context) } : {},
  routes: ({ config }) => [
    {
      name: 'registry',
      host: config.host,
      backend: {
        service: ENTRY_SERVICE.name,
        port: ENTRY_SERVICE.port,
        targetPort: ENTRY_SERVICE.targetPort,
        pods: partLabels('nginx'),
      },
      // Image layers: the chart's own Ingress sets no limit (values.yaml `proxy-body-size: "0"`).
      maxBodySize: '10g',
    },
  ],
  build: (context) => {
    endpoints(context);
    return {
      ...harborSecrets(context),
      token_certificate: tokenCertificate(context),
      ...proxyCacheJob(context),
      ...(context.environment.settings.serviceMonitors ? { alerts_prometheusrule: alerts(context) } : {}),
    };
  },
  helm: (context) => ({ ...CHART, releaseName: RELEASE_NAME, values: chartValues(context, endpoints(context)) }),
  network: (context) => networkAccess(context, endpoints(context)),
  kinds: HARBOR_KINDS,
});
