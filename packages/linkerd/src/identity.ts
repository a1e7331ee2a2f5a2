import { certificate, type ICertificate } from '@platform/cert-manager';
import { type BuildContext, PlatformError, stageAnnotations } from '@platform/core';
import type { LinkerdConfig } from './config.js';

/** The Secret the identity controller reads its issuer from (`templates/identity.yaml`, `linkerd-identity-issuer`). */
export const IDENTITY_ISSUER = 'linkerd-identity-issuer';

/*
 * The chart's pods mount these Secrets: issued in stage -1, before the chart (stage 0), so identity and the
 * webhooks start with their credentials; Argo CD's Certificate health waits until each is Ready.
 */
const CREDENTIALS_STAGE = -1;

/**
 * The identity issuer: an intermediate CA signed by the issuing trust anchor's ClusterIssuer, named
 * `identity.<namespace>.<trust domain>` as the identity controller requires (`controller/cmd/identity/main.go:125`),
 * ECDSA P-256, in the `kubernetes.io/tls` Secret the chart reads with `identity.issuer.scheme: kubernetes.io/tls`
 * (`tls.crt`/`tls.key`, `main.go:84-90`). cert-manager renews it `renewBefore` ahead with a new key; the identity
 * controller watches the Secret's files and switches to the new issuer without a restart (`main.go:130-136`,
 * `pkg/identity/service.go:106-117`, event `IssuerUpdated`), and the proxies' 24h certificates follow.
 */
export function identityIssuer({ name, namespace, config, environment }: BuildContext<LinkerdConfig>): ICertificate {
  if (!config.trustAnchors.some((anchor) => anchor.name === config.issuingAnchor))
    throw new PlatformError({
      path: 'issuingAnchor',
      message: `no trust anchor is named "${config.issuingAnchor}"; anchors: ${config.trustAnchors.map((a) => a.name).join(', ')}`,
    });
  const identityName = `identity.${namespace}.${environment.settings.clusterDomain}`;
  const issuer = certificate({
    name: IDENTITY_ISSUER,
    namespace,
    component: name,
    commonName: identityName,
    dnsNames: [identityName],
    isCA: true,
    duration: config.identityIssuer.duration,
    renewBefore: config.identityIssuer.renewBefore,
    usages: ['cert sign', 'crl sign', 'server auth', 'client auth'],
    privateKey: { algorithm: 'ECDSA', size: 256, rotationPolicy: 'Always' },
  });
  issuer.spec!.issuerRef = { name: config.issuingAnchor, kind: 'ClusterIssuer', group: 'cert-manager.io' };
  issuer.metadata!.annotations = stageAnnotations(CREDENTIALS_STAGE);
  return issuer;
}

/** A webhook's Service and the Secret the chart mounts when `<webhook>.externalSecret` is set. */
export const WEBHOOKS = [
  {
    key: 'proxy_injector',
    service: 'linkerd-proxy-injector',
    secret: 'linkerd-proxy-injector-k8s-tls',
    values: 'proxyInjector',
  },
  {
    key: 'sp_validator',
    service: 'linkerd-sp-validator',
    secret: 'linkerd-sp-validator-k8s-tls',
    values: 'profileValidator',
  },
  {
    key: 'policy_validator',
    service: 'linkerd-policy-validator',
    secret: 'linkerd-policy-validator-k8s-tls',
    values: 'policyValidator',
  },
] as const;

/**
 * Serving certificates of the proxy injector and the two validators, from the platform CA. Without them the chart
 * generates a new CA on every render (`genSelfSignedCert`, `templates/proxy-injector-rbac.yaml:59-78`), which Argo CD would
 * re-apply on every sync; with `externalSecret: true` and `injectCaFrom` the webhooks read these Secrets and
 * cert-manager's cainjector writes the CA into the webhook configurations.
 */
export function webhookCertificates(context: BuildContext<LinkerdConfig>): Record<string, ICertificate> {
  return servingCertificates(
    context,
    WEBHOOKS,
    context.config.webhookCertificates,
    "Linkerd's webhooks serve certificates from the platform CA",
  );
}

/** A Service's serving certificate that a Linkerd chart mounts from `secret` instead of generating a CA per render. */
export interface ServedCertificate {
  key: string;
  service: string;
  secret: string;
}

/**
 * Serving certificates from the platform CA for Services a Linkerd chart would otherwise sign with a CA it
 * generates on every render, issued before the chart's pods start (`CREDENTIALS_STAGE`).
 */
export function servingCertificates(
  { name, namespace, peers }: Pick<BuildContext<unknown>, 'name' | 'namespace' | 'peers'>,
  services: readonly ServedCertificate[],
  lifetime: { duration: string; renewBefore: string },
  why: string,
): Record<string, ICertificate> {
  const issuerRef = peers.require('certificateIssuer', why).issuerRef;
  return Object.fromEntries(
    services.map((served) => {
      const cert = certificate({
        name: served.service,
        namespace,
        component: name,
        secretName: served.secret,
        dnsNames: [`${served.service}.${namespace}.svc`],
        duration: lifetime.duration,
        renewBefore: lifetime.renewBefore,
        usages: ['server auth'],
        issuerRef,
      });
      cert.metadata!.annotations = stageAnnotations(CREDENTIALS_STAGE);
      return [`${served.key}_certificate`, cert];
    }),
  );
}
