/**
 * The SRE cluster's public push endpoints. Written here once: the SRE environment serves them (Ingress hosts
 * and paths) and production's Alloy ships to them, so that when production's own stack is down the SRE team
 * still sees what happened.
 */
export const sreBaseDomain = 'sre.example.com';

/** Prometheus remote-write URL of the SRE Mimir. */
export const sreMetricsPushUrl = `https://mimir-push.${sreBaseDomain}/api/v1/push`;

/** Loki push URL of the SRE Loki. */
export const sreLogsPushUrl = `https://loki-push.${sreBaseDomain}/loki/api/v1/push`;

/** Tenant other clusters write to in the SRE stores; series and streams keep their `cluster` label. */
export const sreTenant = 'sre';

/** Name of the Secret (in each shipping cluster's alloy namespace, and in the SRE ingress namespaces) holding the push credentials. */
export const srePushCredentialsSecret = 'sre-push-credentials';
