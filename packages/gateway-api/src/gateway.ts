import { standardLabels } from '@platform/core';
import { domainSlug, type EdgePlan, type PlannedCertificate } from '@platform/edge';
import type { GatewayConfig } from './config.js';
import type { IGateway } from './kinds.js';

/** The HTTP listener: only the redirect to HTTPS and cert-manager's HTTP-01 solvers attach to it. */
export const HTTP_LISTENER = 'http';

/** The HTTPS listener that serves a certificate: `https-<domain>` for a wildcard, `https-<route>` for a route's own. */
export function httpsListener(certificate: PlannedCertificate): string {
  return certificate.purpose === 'wildcard'
    ? `https-${domainSlug(certificate.dnsNames[0]!.replace(/^\*\./, ''))}`
    : `https-${certificate.name}`;
}

/**
 * The environment's Gateway: an HTTP listener, and one HTTPS listener per certificate of the plan (a wildcard
 * listener `*.<domain>` per domain, an exact one per route that has its own), terminating TLS with the
 * certificate's Secret in the Gateway's namespace. Routes may attach from the namespaces that have routes
 * (and the Gateway's own, for the redirect and the HTTP-01 solvers), selected by name.
 */
export function gatewayObject(config: GatewayConfig, namespace: string, component: string, plan: EdgePlan): IGateway {
  const namespaces = [...new Set([namespace, ...plan.routes.map((r) => r.route.namespace)])].sort();
  const allowedRoutes = {
    namespaces: {
      from: 'Selector' as const,
      selector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: namespaces }] },
    },
  };
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name: config.name, namespace, labels: standardLabels(component, 'gateway') },
    spec: {
      gatewayClassName: config.className,
      listeners: [
        { name: HTTP_LISTENER, port: config.listenerPorts.http, protocol: 'HTTP', allowedRoutes },
        ...plan.certificates.map((certificate) => ({
          name: httpsListener(certificate),
          port: config.listenerPorts.https,
          protocol: 'HTTPS',
          hostname: certificate.dnsNames[0]!,
          tls: { mode: 'Terminate' as const, certificateRefs: [{ kind: 'Secret', name: certificate.secretName }] },
          allowedRoutes,
        })),
      ],
    },
  };
}
