import type { KindDefinition } from '@platform/core';
import { BUNDLE_KIND } from './kinds/bundle.generated.js';

export type { IBundle } from './kinds/bundle.generated.js';

/** The CRD kinds this library renders, with schemas generated from trust-manager v0.24.0's CRDs. */
export const TRUST_MANAGER_KINDS: readonly KindDefinition[] = [BUNDLE_KIND];
