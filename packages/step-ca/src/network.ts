import type { BuildContext, EgressRule, NetworkAccess } from '@platform/core';
import { STEP_ISSUER_POD_LABELS } from './chart.js';
import type { StepCaConfig } from './config.js';
import { HTTPS_PORT, serverPods } from './layout.js';

/**
 * Traffic beyond the namespace (step-issuer talks to step-ca inside it): ACME clients reach step-ca's port;
 * step-ca validates ACME challenges by connecting to the client's name on 80 (`http-01`) or 443 (`tls-alpn-01`),
 * which may be anywhere; `dns-01` needs only DNS, which every namespace has. step-issuer reads Secrets and
 * CertificateRequests through the API server.
 */
export function networkAccess(context: BuildContext<StepCaConfig>): NetworkAccess {
  const { acme } = context.config;
  const validationPorts = acme.enabled
    ? [...(acme.challenges.includes('http-01') ? [80] : []), ...(acme.challenges.includes('tls-alpn-01') ? [443] : [])]
    : [];
  const egress: EgressRule[] = [{ name: 'api-server', to: 'apiServer', podLabels: { ...STEP_ISSUER_POD_LABELS } }];
  if (validationPorts.length > 0)
    egress.push({ name: 'acme-validation', to: 'any', ports: validationPorts, podLabels: serverPods(context) });
  return {
    ingress:
      acme.enabled && acme.clients.length > 0
        ? [{ name: 'acme-clients', from: acme.clients, ports: [HTTPS_PORT], podLabels: serverPods(context) }]
        : [],
    egress,
  };
}
