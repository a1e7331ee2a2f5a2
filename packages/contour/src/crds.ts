import type { KubeObject } from '@platform/core';
import { CRDS } from './crds/contour.generated.js';

/**
 * Contour's five CRDs of v1.33.6 (`examples/contour/01-crds.yaml`: HTTPProxy, TLSCertificateDelegation,
 * ExtensionService, ContourConfiguration, ContourDeployment), rendered by the Contour component itself so that
 * the engine applies them before anything of their kinds.
 */
export function contourCrds(): Record<string, KubeObject> {
  return Object.fromEntries(
    CRDS.map((crd) => [`${crd.metadata!.name!.split('.')[0]}_customresourcedefinition`, structuredClone(crd)]),
  );
}
