import { certificate, type ICertificate } from '@platform/cert-manager';
import type { CertificateOwner, EdgePlan, PlannedCertificate } from './edge-plan.js';
import type { EdgeIssuer } from './issuer.js';

/** The object key of a planned certificate: `wildcard_prod_example_com_certificate`, `grafana_ui_certificate`. */
export function certificateKey(planned: PlannedCertificate): string {
  const stem = planned.purpose === 'wildcard' ? planned.name : planned.routes[0]!.replace('/', '-');
  return `${stem.replace(/[^a-z0-9]+/g, '_')}${planned.renderedBy === 'routes' && planned.purpose === 'wildcard' ? `_${planned.namespace.replace(/-/g, '_')}` : ''}_certificate`;
}

/**
 * The cert-manager Certificates one side of the edge renders (`controller` or `routes`), with the lifetimes of
 * `certificate()` (90 days, renewed 30 days before expiry) and the edge's issuer. The routes they serve are
 * recorded in an annotation, so that `kubectl get certificate -o yaml` says why a certificate exists.
 */
export function edgeCertificates(
  plan: EdgePlan,
  owner: CertificateOwner,
  issuer: EdgeIssuer,
  component: string,
): Record<string, ICertificate> {
  const result: Record<string, ICertificate> = {};
  for (const planned of plan.certificates) {
    if (planned.renderedBy !== owner) continue;
    const object = certificate({
      name: planned.name,
      namespace: planned.namespace,
      secretName: planned.secretName,
      dnsNames: planned.dnsNames,
      issuerRef: issuer.issuerRef,
      component,
    });
    object.metadata!.annotations = {
      'platform.dev/routes': planned.routes.join(','),
      ...(planned.reason ? { 'platform.dev/own-certificate-reason': planned.reason } : {}),
    };
    result[certificateKey(planned)] = object;
  }
  return result;
}
