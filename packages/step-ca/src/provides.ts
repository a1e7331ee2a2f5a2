import { type ComponentContext, formatDuration, type Provided } from '@platform/core';
import { type DeclaredCertificate, goSeconds } from '@platform/pki';
import type { StepCaConfig } from './config.js';
import { stepCaDashboard } from './dashboard.js';
import { stepIssuerRef } from './issuer.js';

/** Names of step-ca's certificates in the calendar. */
export const ROOT_NAME = 'step-ca root';
export const INTERMEDIATE_NAME = 'step-ca intermediate';

/**
 * What step-ca publishes: its root as a trust anchor (for the trust bundle, with the StepClusterIssuer that
 * signs under it), the lifetimes of the certificates cert-manager does not manage (the offline root, the
 * intermediate, the ACME leaves), and its dashboard.
 */
export function provided(context: ComponentContext<StepCaConfig>): Provided {
  const { name, namespace, config } = context;
  const runbook = 'README.md#rotating-the-intermediate';
  const lifetimes: DeclaredCertificate[] = [
    {
      component: name,
      namespace,
      name: ROOT_NAME,
      role: 'root',
      duration: config.root.duration,
      renewBefore: config.root.renewBefore,
      rotation: 'manual',
      runbook: 'README.md#rotating-the-root',
    },
    {
      component: name,
      namespace,
      name: INTERMEDIATE_NAME,
      role: 'intermediate',
      duration: config.intermediate.duration,
      renewBefore: config.intermediate.renewBefore,
      rotation: 'manual',
      issuer: ROOT_NAME,
      runbook,
    },
  ];
  if (config.acme.enabled) {
    lifetimes.push({
      component: name,
      namespace,
      name: `step-ca ACME leaves (provisioner ${config.acme.name})`,
      role: 'leaf',
      duration: config.acme.claims.defaultTLSCertDuration,
      // ACME clients (cert-manager, Caddy, Traefik) renew when a third of the lifetime is left.
      renewBefore: formatDuration((goSeconds(config.acme.claims.defaultTLSCertDuration) ?? 0) / 3),
      rotation: 'automatic',
      issuer: INTERMEDIATE_NAME,
    });
  }
  return {
    trustAnchor: {
      component: name,
      namespace,
      name: ROOT_NAME,
      certificate: config.root.certificate.trim(),
      issuers: [stepIssuerRef(config)],
    },
    certificateLifetime: lifetimes,
    dashboards: {
      component: name,
      namespace,
      folder: 'PKI',
      dashboards: { 'step-ca.json': stepCaDashboard(namespace) },
    },
  };
}
