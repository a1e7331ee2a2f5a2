import { RELEASE_NAME as CERT_MANAGER_RELEASE } from '@platform/cert-manager';
import { applyPatch, type BuildContext, type Patch, restrictedContainerSecurityContext } from '@platform/core';
import { STEP_ISSUER_IMAGE } from './chart.js';
import type { ResourceRequirements, StepCaConfig } from './config.js';

/**
 * The subset of the step-issuer 1.11.0 chart values this package sets (chart `values.yaml`). The chart's security
 * contexts are not restricted-compliant (only `runAsUser: 1000`), so both are set here; it runs under the
 * namespace's `default` ServiceAccount unless told to create its own, which the RBAC then binds.
 */
export interface StepIssuerValues {
  replicaCount: number;
  /** `<mirror>/cr.step.sm/smallstep/step-issuer` behind a registry mirror; set only with a mirror. */
  image?: { repository: string };
  resources: ResourceRequirements;
  serviceAccount: { create: true };
  podSecurityContext: {
    runAsNonRoot: true;
    runAsUser: number;
    runAsGroup: number;
    seccompProfile: { type: 'RuntimeDefault' };
  };
  securityContext: ReturnType<typeof restrictedContainerSecurityContext>;
  /** cert-manager's controller ServiceAccount, which the chart lets approve step-issuer's requests. */
  certManager: { serviceAccount: { name: string; namespace: string } };
  /** The StepClusterIssuer is rendered by this package, typed, not by the chart. */
  stepClusterIssuer: { create: false };
  stepIssuer: { create: false };
}

/** The step-issuer chart values, with `extraValues` deep-merged last. */
export function stepIssuerValues({ config, environment, peers }: BuildContext<StepCaConfig>): StepIssuerValues {
  const mirror = environment.settings.imageRegistryMirror?.replace(/\/+$/, '');
  const user = 1000;
  const values: StepIssuerValues = {
    replicaCount: config.stepIssuerReplicas,
    ...(mirror ? { image: { repository: `${mirror}/${STEP_ISSUER_IMAGE}` } } : {}),
    resources: config.resources.stepIssuer,
    serviceAccount: { create: true },
    podSecurityContext: {
      runAsNonRoot: true,
      runAsUser: user,
      runAsGroup: user,
      seccompProfile: { type: 'RuntimeDefault' },
    },
    securityContext: restrictedContainerSecurityContext({ runAsUser: user, runAsGroup: user }),
    // The chart names cert-manager's controller ServiceAccount after its release.
    certManager: {
      serviceAccount: {
        name: CERT_MANAGER_RELEASE,
        namespace: peers.namespaceOf(config.certManagerComponent) ?? config.certManagerComponent,
      },
    },
    stepClusterIssuer: { create: false },
    stepIssuer: { create: false },
  };
  return applyPatch<StepIssuerValues>(values, config.extraValues as Patch<StepIssuerValues>);
}
