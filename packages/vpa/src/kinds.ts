import type { KindDefinition } from '@platform/core';
import { VERTICAL_POD_AUTOSCALER_KIND } from './kinds/vertical-pod-autoscaler.generated.js';

export type { IVerticalPodAutoscaler } from './kinds/vertical-pod-autoscaler.generated.js';

/** The VPA kinds the platform renders (every helper-built workload's `<part>_vpa`), validated against the chart's CRD. */
export const VPA_KINDS: readonly KindDefinition[] = [VERTICAL_POD_AUTOSCALER_KIND];
