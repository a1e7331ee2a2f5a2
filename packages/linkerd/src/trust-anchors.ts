import { certificate, type ICertificate, type IClusterIssuer, type IIssuer } from '@platform/cert-manager';
import { type BuildContext, PlatformError, stageAnnotations, standardLabels } from '@platform/core';
import type { IBundle } from '@platform/trust-manager';
import type { LinkerdTrustConfig, TrustAnchorConfig } from './config.js';

/** The ConfigMap (and Bundle) the control plane reads the trust anchors from (`pkg/healthcheck/healthcheck.go:1797`). */
export const TRUST_ROOTS = 'linkerd-identity-trust-roots';
/** Its key (`pkg/k8s/labels.go:418`, `ca-bundle.crt`). */
const TRUST_ROOTS_KEY = 'ca-bundle.crt';
/** The self-signed Issuer the anchors are made by. */
const SELF_SIGNED_ISSUER = 'linkerd-trust-anchor-selfsigned';

/* trust-manager's webhook (failurePolicy Fail) admits the Bundle; the anchors' Secrets exist by stage 1. */
const BUNDLE_STAGE = 1;

/** Object key of an anchor's objects: `linkerd-trust-anchor` → `linkerd_trust_anchor`. */
function anchorKey(anchor: Pick<TrustAnchorConfig, 'name'>): string {
  return anchor.name.replace(/-/g, '_');
}

/**
 * One trust anchor: a self-signed ECDSA P-256 root (Linkerd's identity needs ECDSA) and the ClusterIssuer that
 * signs with it. The key never rotates (`rotationPolicy: Never`): when cert-manager renews the anchor, `renewBefore`
 * ahead, the new certificate has the same subject and key, so every proxy still holding the old one verifies
 * the issuer the new one signs. Replacing the key is the runbook's manual rotation.
 */
function anchorObjects(
  anchor: TrustAnchorConfig,
  { name, namespace, environment }: BuildContext<LinkerdTrustConfig>,
): Record<string, ICertificate | IClusterIssuer> {
  const root = certificate({
    name: anchor.name,
    namespace,
    component: name,
    commonName: `${anchor.name}.linkerd.${environment.settings.clusterDomain}`,
    isCA: true,
    duration: anchor.duration,
    renewBefore: anchor.renewBefore,
    privateKey: { algorithm: 'ECDSA', size: 256, rotationPolicy: 'Never' },
  });
  root.spec!.issuerRef = { name: SELF_SIGNED_ISSUER, kind: 'Issuer', group: 'cert-manager.io' };
  const issuer: IClusterIssuer = {
    apiVersion: 'cert-manager.io/v1',
    kind: 'ClusterIssuer',
    metadata: { name: anchor.name, labels: standardLabels(name, 'trust-anchor') },
    spec: { ca: { secretName: anchor.name } },
  };
  return { [`${anchorKey(anchor)}_certificate`]: root, [`${anchorKey(anchor)}_clusterissuer`]: issuer };
}

/**
 * The anchors in cert-manager's namespace (trust-manager's trust namespace, the only one its Bundles read Secrets
 * from; ClusterIssuers read theirs from it too), and the Bundle that writes all of them into the control plane's
 * `linkerd-identity-trust-roots` ConfigMap, which the identity controller and the proxy injector read
 * (`controller/cmd/identity/main.go:68`, `controller/proxy-injector/webhook.go:48-52`) because the chart is told
 * `identity.externalCA: true` and renders none (linkerd-control-plane `templates/identity.yaml:23-38`).
 */
export function trustAnchorObjects(
  context: BuildContext<LinkerdTrustConfig>,
): Record<string, ICertificate | IClusterIssuer | IIssuer | IBundle> {
  const { name, namespace, config, peers } = context;
  const trustNamespace = peers.namespaceOf(config.certManagerComponent);
  if (trustNamespace !== namespace)
    throw new PlatformError({
      path: 'certManagerComponent',
      message:
        trustNamespace === undefined
          ? `the environment has no component "${config.certManagerComponent}" (cert-manager), whose namespace holds the trust anchors`
          : `the trust anchors must be in cert-manager's namespace "${trustNamespace}", not "${namespace}"`,
    });
  const selfSigned: IIssuer = {
    apiVersion: 'cert-manager.io/v1',
    kind: 'Issuer',
    metadata: { name: SELF_SIGNED_ISSUER, namespace, labels: standardLabels(name, 'trust-anchor') },
    spec: { selfSigned: {} },
  };
  const bundle: IBundle = {
    apiVersion: 'trust.cert-manager.io/v1alpha1',
    kind: 'Bundle',
    metadata: {
      name: TRUST_ROOTS,
      labels: standardLabels(name, 'trust-roots'),
      annotations: stageAnnotations(BUNDLE_STAGE),
    },
    spec: {
      sources: config.trustAnchors.map((anchor) => ({ secret: { name: anchor.name, key: 'tls.crt' } })),
      target: {
        configMap: { key: TRUST_ROOTS_KEY },
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': config.controlPlaneNamespace } },
      },
    },
  };
  return {
    selfsigned_issuer: selfSigned,
    ...Object.assign({}, ...config.trustAnchors.map((anchor) => anchorObjects(anchor, context))),
    trust_roots_bundle: bundle,
  };
}
