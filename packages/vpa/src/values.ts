import { applyPatch, type BuildContext, mirroredImage, type Patch } from '@platform/core';
import type { ResourceRequirements, VpaConfig } from './config.js';

/** The container security context every part gets: what Pod Security "restricted" requires (the chart sets none). */
const RESTRICTED_CONTAINER = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ['ALL'] },
};

interface PartValues {
  enabled: boolean;
  replicas: number;
  resources: ResourceRequirements;
  image?: { repository: string };
}

/**
 * The subset of the vertical-pod-autoscaler 0.11.0 chart values this package sets (chart `values.yaml`). The
 * chart's pod security context is non-root (65534) without a seccomp profile and its containers have none, so
 * both are set to what Pod Security "restricted" requires.
 */
export interface VpaValues {
  fullnameOverride: string;
  podSecurityContext: { runAsNonRoot: true; runAsUser: number; seccompProfile: { type: 'RuntimeDefault' } };
  containerSecurityContext: typeof RESTRICTED_CONTAINER;
  recommender: PartValues;
  updater: PartValues;
  admissionController: PartValues & {
    certGen: { enabled: boolean };
    certManager: { enabled: boolean; issuerRef?: { name: string; kind: string; group: string } };
  };
}

const IMAGES = {
  recommender: 'registry.k8s.io/autoscaling/vpa-recommender',
  updater: 'registry.k8s.io/autoscaling/vpa-updater',
  admissionController: 'registry.k8s.io/autoscaling/vpa-admission-controller',
} as const;

/** The chart values of a VPA instance, with `extraValues` deep-merged last. */
export function chartValues({ config, environment, peers }: BuildContext<VpaConfig>): VpaValues {
  const mirror = environment.settings.imageRegistryMirror;
  const part = (
    name: keyof typeof IMAGES,
    enabled: boolean,
    replicas: number,
    resources: ResourceRequirements,
  ): PartValues => ({
    enabled,
    replicas,
    resources,
    ...(mirror ? { image: { repository: mirroredImage(IMAGES[name], mirror) } } : {}),
  });
  const admission = config.admissionController;
  const issuer = admission.enabled
    ? peers.require('certificateIssuer', "the VPA admission controller's webhook certificate").issuerRef
    : undefined;
  const values: VpaValues = {
    fullnameOverride: 'vpa',
    podSecurityContext: { runAsNonRoot: true, runAsUser: 65534, seccompProfile: { type: 'RuntimeDefault' } },
    containerSecurityContext: RESTRICTED_CONTAINER,
    recommender: part('recommender', true, config.recommender.replicas, config.recommender.resources),
    updater: part('updater', config.updater.enabled, config.updater.replicas, config.updater.resources),
    admissionController: {
      ...part('admissionController', admission.enabled, admission.replicas, admission.resources),
      // cert-manager instead of the chart's certgen Jobs: one certificate authority for the platform, rotated.
      certGen: { enabled: false },
      certManager: { enabled: admission.enabled, ...(issuer ? { issuerRef: { ...issuer } } : {}) },
    },
  };
  return applyPatch<VpaValues>(values, config.extraValues as Patch<VpaValues>);
}
