import type { IgnoreDifference, SyncSettings } from '@platform/core';
import { ISTIO_NAMESPACE } from './chart.js';

const WEBHOOKS = 'admissionregistration.k8s.io';
const CA_BUNDLE = '.webhooks[]?.clientConfig.caBundle';
const FAILURE_POLICY = '.webhooks[]?.failurePolicy';

/**
 * istio-base is all CRDs (DestinationRule's alone is ~160 kB), applied server-side. istiod patches its CA into
 * the `istiod-default-validator` webhook and flips its failurePolicy from the rendered `Ignore` to `Fail` once
 * ready (the base chart renders `Ignore` under `helm template`); Argo CD must neither report nor revert either.
 */
export function baseSync(): SyncSettings {
  return {
    serverSideApply: true,
    ignoreDifferences: [
      {
        group: WEBHOOKS,
        kind: 'ValidatingWebhookConfiguration',
        name: 'istiod-default-validator',
        jqPathExpressions: [CA_BUNDLE, FAILURE_POLICY],
      },
    ],
  };
}

/** The names istiod's chart gives its webhook configurations in a namespace. */
function istiodWebhookNames(namespace: string): { validator: string; injector: string } {
  return {
    validator: `istio-validator-${namespace}`,
    injector: namespace === ISTIO_NAMESPACE ? 'istio-sidecar-injector' : `istio-sidecar-injector-${namespace}`,
  };
}

/**
 * istiod patches its CA into its own webhook configurations at run time. The revision validator is rendered with
 * `failurePolicy: Fail` already (see the values); its failurePolicy is ignored too, as istiod owns that field.
 */
export function istiodSync(namespace: string): SyncSettings {
  const names = istiodWebhookNames(namespace);
  const ignoreDifferences: IgnoreDifference[] = [
    {
      group: WEBHOOKS,
      kind: 'ValidatingWebhookConfiguration',
      name: names.validator,
      jqPathExpressions: [CA_BUNDLE, FAILURE_POLICY],
    },
    { group: WEBHOOKS, kind: 'MutatingWebhookConfiguration', name: names.injector, jqPathExpressions: [CA_BUNDLE] },
  ];
  return { ignoreDifferences };
}
