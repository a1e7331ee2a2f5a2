import type { KindDefinition } from '../../registry/kinds.js';
import { ALERT_KIND } from './kinds/alert.generated.js';
import { GIT_REPOSITORY_KIND } from './kinds/git-repository.generated.js';
import { HELM_RELEASE_KIND } from './kinds/helm-release.generated.js';
import { HELM_REPOSITORY_KIND } from './kinds/helm-repository.generated.js';
import { KUSTOMIZATION_KIND } from './kinds/kustomization.generated.js';
import { OCI_REPOSITORY_KIND } from './kinds/oci-repository.generated.js';
import { PROVIDER_KIND } from './kinds/provider.generated.js';

export type { IAlert } from './kinds/alert.generated.js';
export type { IGitRepository } from './kinds/git-repository.generated.js';
export type { IHelmRelease } from './kinds/helm-release.generated.js';
export type { IHelmRepository } from './kinds/helm-repository.generated.js';
export type { IKustomization } from './kinds/kustomization.generated.js';
export type { IOCIRepository } from './kinds/oci-repository.generated.js';
export type { IProvider } from './kinds/provider.generated.js';

/** Flux's kinds the delivery objects use, validated against the CRDs of Flux v2.9.4's controllers. */
export const FLUX_KINDS: readonly KindDefinition[] = [
  KUSTOMIZATION_KIND,
  HELM_RELEASE_KIND,
  GIT_REPOSITORY_KIND,
  HELM_REPOSITORY_KIND,
  OCI_REPOSITORY_KIND,
  PROVIDER_KIND,
  ALERT_KIND,
];
