import { applyPatch, type BuildContext, type Patch, serviceHost, type TrustBundleMount } from '@platform/core';
import { APP_NAME, DEFAULT_IMAGE_REGISTRY, POD_LABELS, SERVICE_PORT, SERVING_PORT } from './chart.js';
import type { IstioCsrConfig, ResourceRequirements } from './config.js';

/** A topology spread constraint as the chart passes it through (`topologySpreadConstraints`). */
interface SpreadValues {
  maxSkew: number;
  topologyKey: string;
  whenUnsatisfiable: 'ScheduleAnyway';
  labelSelector: { matchLabels: Record<string, string> };
}

/**
 * The subset of the cert-manager-istio-csr v0.17.0 chart values this package sets (chart `values.yaml`). The
 * chart's container security context (non-root, RuntimeDefault seccomp, no privilege escalation, all capabilities
 * dropped, read-only root file system) satisfies Pod Security "restricted" and is left alone.
 */
export interface IstioCsrValues {
  replicaCount: number;
  resources: ResourceRequirements;
  podDisruptionBudget: { enabled: boolean; maxUnavailable?: number };
  topologySpreadConstraints: SpreadValues[];
  /** `<mirror>/quay.io` behind a registry mirror; set only with a mirror. */
  imageRegistry?: string;
  service: { port: number };
  /** The trust bundle's ConfigMap, mounted for `app.tls.rootCAFile`. */
  volumes: TrustBundleMount['volume'][];
  volumeMounts: TrustBundleMount['volumeMount'][];
  app: {
    logFormat: 'json';
    logLevel: number;
    metrics: { service: { enabled: true; servicemonitor: { enabled: boolean } } };
    /** Where istio-csr creates CertificateRequests, and the Issuer that signs them (the mesh CA). */
    certmanager: {
      namespace: string;
      preserveCertificateRequests: false;
      issuer: { enabled: true; name: string; kind: 'Issuer'; group: 'cert-manager.io' };
    };
    tls: {
      trustDomain: string;
      /** The roots istio-csr distributes as `istio-ca-root-cert` and trusts: the platform's bundle, not the issuer's chain. */
      rootCAFile: string;
      certificateDNSNames: string[];
      istiodCertificateEnable: true;
      istiodCertificateDuration: string;
      istiodCertificateRenewBefore: string;
    };
    server: { maxCertificateDuration: string; serving: { port: number } };
    istio: { namespace: string; revisions: string[] };
    /** Leases in istio-csr's own namespace rather than the chart default `istio-system`. */
    controller: { leaderElectionNamespace: string };
  };
}

/** The chart values for istio-csr, with `extraValues` deep-merged last. */
export function chartValues(
  { config, namespace, environment }: BuildContext<IstioCsrConfig>,
  trust: TrustBundleMount,
): IstioCsrValues {
  const mirror = environment.settings.imageRegistryMirror?.replace(/\/+$/, '');
  const spread = (topologyKey: string): SpreadValues => ({
    maxSkew: 1,
    topologyKey,
    whenUnsatisfiable: 'ScheduleAnyway',
    labelSelector: { matchLabels: { ...POD_LABELS } },
  });
  const values: IstioCsrValues = {
    replicaCount: config.replicas,
    resources: config.resources,
    podDisruptionBudget: config.podDisruptionBudget ? { enabled: true, maxUnavailable: 1 } : { enabled: false },
    topologySpreadConstraints:
      config.replicas > 1 ? [spread('topology.kubernetes.io/zone'), spread('kubernetes.io/hostname')] : [],
    ...(mirror ? { imageRegistry: `${mirror}/${DEFAULT_IMAGE_REGISTRY}` } : {}),
    service: { port: SERVICE_PORT },
    volumes: [trust.volume],
    volumeMounts: [trust.volumeMount],
    app: {
      logFormat: 'json',
      logLevel: config.logLevel === 'debug' ? 5 : 1,
      metrics: { service: { enabled: true, servicemonitor: { enabled: environment.settings.serviceMonitors } } },
      certmanager: {
        namespace: config.istioNamespace,
        preserveCertificateRequests: false,
        issuer: { enabled: true, name: config.meshCA.name, kind: 'Issuer', group: 'cert-manager.io' },
      },
      tls: {
        trustDomain: config.trustDomain,
        rootCAFile: trust.file,
        // The name the sidecars dial (`caAddress`), and its short forms.
        certificateDNSNames: [`${APP_NAME}.${namespace}.svc`, serviceHost(APP_NAME, namespace, environment.settings)],
        istiodCertificateEnable: true,
        istiodCertificateDuration: config.istiodCertificate.duration,
        istiodCertificateRenewBefore: config.istiodCertificate.renewBefore,
      },
      server: { maxCertificateDuration: config.maxWorkloadCertificateDuration, serving: { port: SERVING_PORT } },
      istio: { namespace: config.istioNamespace, revisions: config.revisions },
      controller: { leaderElectionNamespace: namespace },
    },
  };
  return applyPatch<IstioCsrValues>(values, config.extraValues as Patch<IstioCsrValues>);
}
