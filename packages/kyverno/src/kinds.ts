import type { KindDefinition } from '@platform/core';
import { MUTATING_POLICY_KIND } from './kinds/mutating-policy.generated.js';
import { VALIDATING_POLICY_KIND } from './kinds/validating-policy.generated.js';

export type { IMutatingPolicy } from './kinds/mutating-policy.generated.js';
export type { IValidatingPolicy } from './kinds/validating-policy.generated.js';

/** The Kyverno kinds this library renders: the policies.kyverno.io/v1 policies, generated from the v1.19.0 CRDs. */
export const KYVERNO_KINDS: readonly KindDefinition[] = [MUTATING_POLICY_KIND, VALIDATING_POLICY_KIND];
