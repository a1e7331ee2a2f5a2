import type { SyncSettings } from '@platform/core';
import { WEBHOOK_CONFIGURATIONS } from './chart.js';

/**
 * The whole Application is applied server-side: the chart's CRDs come from the chart, so the renderer cannot
 * mark them one by one, and SecretStore and ClusterSecretStore are about 690 kB each, far over the 256 KiB
 * annotation client-side apply needs. The cert-controller writes the webhook's CA bundle into both
 * ValidatingWebhookConfigurations after every sync; Argo CD must neither report nor revert it. (It would
 * also patch CRD conversion webhooks, but the 2.9.0 CRDs have none: conversion is off since v1alpha1 went.)
 */
export function syncSettings(): SyncSettings {
  return {
    serverSideApply: true,
    ignoreDifferences: WEBHOOK_CONFIGURATIONS.map((name) => ({
      group: 'admissionregistration.k8s.io',
      kind: 'ValidatingWebhookConfiguration',
      name,
      jqPathExpressions: ['.webhooks[]?.clientConfig.caBundle'],
    })),
  };
}
