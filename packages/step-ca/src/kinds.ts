import type { KindDefinition } from '@platform/core';
import { EXTERNAL_SECRETS_KINDS } from '@platform/external-secrets';
import { STEP_CLUSTER_ISSUER_KIND } from './kinds/step-cluster-issuer.generated.js';

export type { IStepClusterIssuer } from './kinds/step-cluster-issuer.generated.js';

/** The CRD kinds this library renders: StepClusterIssuer (step-issuer v0.12.0's CRD) and External Secrets'. */
export const STEP_CA_KINDS: readonly KindDefinition[] = [
  STEP_CLUSTER_ISSUER_KIND,
  ...EXTERNAL_SECRETS_KINDS.filter((k) => k.kind === 'ExternalSecret'),
];
