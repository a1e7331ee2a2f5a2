import { ROOT_CA_NAME } from '@platform/cert-manager';
import { type BuildContext, PlatformError, stageAnnotations, standardLabels } from '@platform/core';
import type { TrustManagerConfig } from './config.js';
import type { IBundle } from './kinds/bundle.generated.js';

/** Key of cert-manager's CA Secrets that holds the CA certificate. */
const CA_KEY = 'ca.crt';

/*
 * The chart's validating webhook (failurePolicy Fail) admits Bundles; it must be up first, so the Bundle waits
 * for the chart (stage 0) in stage 1.
 */
const BUNDLE_STAGE = 1;

type BundleSource = IBundle['spec']['sources'][number];

/**
 * The platform's trust bundle: cert-manager's root (its Secret in the trust namespace), every root the
 * environment's components publish as `trustAnchor`, extra roots and, when asked, the public ones, written as a
 * ConfigMap with a fixed key into every namespace that carries the bundle's label.
 */
export function trustBundleObject({ name, config, peers }: BuildContext<TrustManagerConfig>): IBundle {
  const { bundle } = config;
  const sources: BundleSource[] = [];
  if (bundle.certManagerRoot) {
    if (peers.namespaceOf(config.certManagerComponent) === undefined)
      throw new PlatformError({
        path: 'bundle.certManagerRoot',
        message: `the bundle includes cert-manager's root, but the environment has no component "${config.certManagerComponent}" (set certManagerComponent, or bundle.certManagerRoot: false)`,
      });
    sources.push({ secret: { name: ROOT_CA_NAME, key: CA_KEY } });
  }
  if (bundle.trustAnchors)
    for (const anchor of peers.all('trustAnchor')) sources.push({ inLine: anchor.certificate.trim() });
  for (const pem of bundle.extraCertificates) sources.push({ inLine: pem.trim() });
  if (bundle.publicRoots) sources.push({ useDefaultCAs: true });
  if (sources.length === 0)
    throw new PlatformError({
      path: 'bundle',
      message: 'the bundle has no roots: enable certManagerRoot, trustAnchors or publicRoots, or add extraCertificates',
    });
  return {
    apiVersion: 'trust.cert-manager.io/v1alpha1',
    kind: 'Bundle',
    metadata: {
      name: bundle.name,
      labels: standardLabels(name, 'bundle'),
      annotations: stageAnnotations(BUNDLE_STAGE),
    },
    spec: {
      sources,
      target: {
        configMap: { key: bundle.key },
        namespaceSelector: { matchLabels: { [bundle.namespaceLabel.key]: bundle.namespaceLabel.value } },
      },
    },
  };
}
