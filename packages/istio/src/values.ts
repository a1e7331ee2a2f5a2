import { applyPatch, type BuildContext, mirroredImage, type Patch } from '@platform/core';
import { DEFAULT_HUB } from './chart.js';
import type {
  AccessLogEncoding,
  IstioBaseConfig,
  IstiodConfig,
  OutboundTrafficPolicy,
  ResourceRequirements,
} from './config.js';

/** The subset of the `base` chart (1.30.3) values this package sets. */
export interface BaseValues {
  global: {
    /** Namespace of istiod, which the default-revision validating webhook calls. */
    istioNamespace: string;
  };
  /** Revision the `istiod-default-validator` webhook points at; `default` is the unrevisioned istiod. */
  defaultRevision: string;
}

/**
 * The subset of the `istiod` chart (1.30.3) values this package sets. istiod's container is restricted-compliant
 * in the chart (non-root, read-only root file system, no privilege escalation, all capabilities dropped);
 * the seccomp profile is the one thing the chart leaves empty, and Pod Security "restricted" requires it.
 */
export interface IstiodValues {
  /** HorizontalPodAutoscaler on; `replicaCount` is then not set on the Deployment. */
  autoscaleEnabled: boolean;
  autoscaleMin: number;
  autoscaleMax: number;
  /** Replicas when autoscaling is off. */
  replicaCount: number;
  /** istiod container resources. */
  resources: ResourceRequirements;
  /** istiod container seccomp profile (`RuntimeDefault`). */
  seccompProfile: { type: 'RuntimeDefault' };
  /** The PodDisruptionBudget's floor; the chart renders it only with more than one replica. */
  pdb: { minAvailable: number };
  /** Mesh configuration (Istio MeshConfig API). */
  meshConfig: {
    accessLogFile: string;
    accessLogEncoding: AccessLogEncoding;
    outboundTrafficPolicy: { mode: OutboundTrafficPolicy };
    defaultConfig: { holdApplicationUntilProxyStarts: boolean };
  };
  /**
   * Render the revision validating webhook with `failurePolicy: Fail` instead of `Ignore` (which istiod flips to
   * `Fail` once ready): the chart's documented setting for tools that render with `helm template`, such as Argo CD.
   */
  base: { validationFailurePolicy: 'Fail' };
  /**
   * Set when Istio is the environment's mesh (`settings.mesh: 'istio'`): the injector rewrites HTTP, TCP and gRPC
   * probes to the sidecar agent's port, so the kubelet's plain-text probes keep working under STRICT mTLS (the
   * chart's default, istio-discovery `values.yaml:149`, written out so that it cannot silently change).
   */
  sidecarInjectorWebhook?: { rewriteAppHTTPProbe: true };
  global: {
    istioNamespace: string;
    /** Image registry path, set only behind a registry mirror. */
    hub?: string;
    defaultPodDisruptionBudget: { enabled: boolean };
    logAsJson: boolean;
    proxy: {
      /** Sidecar resources. */
      resources: ResourceRequirements;
      /** Must match the cluster's DNS domain in every Istio chart. */
      clusterDomain: string;
    };
  };
}

/** Values of the `base` chart, with `extraValues` deep-merged last. */
export function baseValues({ namespace, config }: BuildContext<IstioBaseConfig>): BaseValues {
  const values: BaseValues = { global: { istioNamespace: namespace }, defaultRevision: 'default' };
  return applyPatch<BaseValues>(values, config.extraValues as Patch<BaseValues>);
}

/** Values of the `istiod` chart, with `extraValues` deep-merged last. */
export function istiodValues({ namespace, config, environment }: BuildContext<IstiodConfig>): IstiodValues {
  const mirror = environment.settings.imageRegistryMirror;
  const values: IstiodValues = {
    autoscaleEnabled: config.autoscale.enabled,
    autoscaleMin: config.autoscale.min,
    autoscaleMax: config.autoscale.max,
    replicaCount: config.replicas,
    resources: config.resources,
    seccompProfile: { type: 'RuntimeDefault' },
    pdb: { minAvailable: 1 },
    meshConfig: {
      accessLogFile: config.mesh.accessLogFile,
      accessLogEncoding: config.mesh.accessLogEncoding,
      outboundTrafficPolicy: { mode: config.mesh.outboundTrafficPolicy },
      defaultConfig: { holdApplicationUntilProxyStarts: config.mesh.holdApplicationUntilProxyStarts },
    },
    base: { validationFailurePolicy: 'Fail' },
    ...(environment.settings.mesh === 'istio'
      ? { sidecarInjectorWebhook: { rewriteAppHTTPProbe: true as const } }
      : {}),
    global: {
      istioNamespace: namespace,
      ...(mirror ? { hub: mirroredImage(DEFAULT_HUB, mirror) } : {}),
      defaultPodDisruptionBudget: { enabled: config.podDisruptionBudget },
      logAsJson: config.logAsJson,
      proxy: { resources: config.proxyResources, clusterDomain: environment.settings.clusterDomain },
    },
  };
  return applyPatch<IstiodValues>(values, config.extraValues as Patch<IstiodValues>);
}
