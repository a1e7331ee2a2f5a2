import { applyPatch, type BuildContext, type Patch } from '@platform/core';
import { DEFAULT_IMAGE_REGISTRY, POD_LABELS } from './chart.js';
import type { ResourceRequirements, TrustManagerConfig } from './config.js';

/** A topology spread constraint as the chart passes it through (`topologySpreadConstraints`). */
interface SpreadValues {
  maxSkew: number;
  topologyKey: string;
  whenUnsatisfiable: 'ScheduleAnyway';
  labelSelector: { matchLabels: Record<string, string> };
}

/**
 * The subset of the trust-manager v0.24.0 chart values this package sets (chart `values.yaml`). The chart's
 * container security contexts (non-root, RuntimeDefault seccomp, no privilege escalation, all capabilities
 * dropped, read-only root file system) satisfy Pod Security "restricted" and are left alone.
 */
export interface TrustManagerValues {
  /** The Bundle CRD with the release, kept when the release is deleted (deleting it deletes every Bundle). */
  crds: { enabled: boolean; keep: boolean };
  replicaCount: number;
  /** Controller resources. */
  resources: ResourceRequirements;
  podDisruptionBudget: { enabled: boolean; maxUnavailable?: number };
  topologySpreadConstraints: SpreadValues[];
  /** Registry of every image, `<mirror>/quay.io` behind a mirror; set only with a mirror. */
  imageRegistry?: string;
  /** The init container that copies Debian's public roots for `useDefaultCAs`; on only when the bundle uses them. */
  defaultPackage: { enabled: boolean; resources: ResourceRequirements };
  filterExpiredCertificates: { enabled: boolean };
  app: {
    logFormat: 'json';
    logLevel: number;
    /** Where trust-manager reads Bundle sources: cert-manager's namespace, which holds the root's Secret. */
    trust: { namespace: string };
    metrics: { service: { enabled: boolean; servicemonitor: { enabled: boolean } } };
    /** The webhook's serving certificate from cert-manager (the chart's default), with an explicit lifetime. */
    webhook: { tls: { helmCert: { enabled: false }; certificate: { duration: string } } };
  };
}

/** The chart values for a trust-manager instance, with `extraValues` deep-merged last. */
export function chartValues({ config, environment, peers }: BuildContext<TrustManagerConfig>): TrustManagerValues {
  const mirror = environment.settings.imageRegistryMirror?.replace(/\/+$/, '');
  const trustNamespace = peers.namespaceOf(config.certManagerComponent) ?? config.certManagerComponent;
  const spread = (topologyKey: string): SpreadValues => ({
    maxSkew: 1,
    topologyKey,
    whenUnsatisfiable: 'ScheduleAnyway',
    labelSelector: { matchLabels: { ...POD_LABELS } },
  });
  const values: TrustManagerValues = {
    crds: { enabled: true, keep: true },
    replicaCount: config.replicas,
    resources: config.resources.controller,
    podDisruptionBudget: config.podDisruptionBudget ? { enabled: true, maxUnavailable: 1 } : { enabled: false },
    topologySpreadConstraints:
      config.replicas > 1 ? [spread('topology.kubernetes.io/zone'), spread('kubernetes.io/hostname')] : [],
    ...(mirror ? { imageRegistry: `${mirror}/${DEFAULT_IMAGE_REGISTRY}` } : {}),
    defaultPackage: { enabled: config.bundle.publicRoots, resources: config.resources.defaultPackage },
    filterExpiredCertificates: { enabled: config.filterExpiredCertificates },
    app: {
      logFormat: 'json',
      logLevel: config.logLevel === 'debug' ? 5 : 1,
      trust: { namespace: trustNamespace },
      metrics: { service: { enabled: true, servicemonitor: { enabled: environment.settings.serviceMonitors } } },
      webhook: { tls: { helmCert: { enabled: false }, certificate: { duration: config.webhookCertificateDuration } } },
    },
  };
  return applyPatch<TrustManagerValues>(values, config.extraValues as Patch<TrustManagerValues>);
}
