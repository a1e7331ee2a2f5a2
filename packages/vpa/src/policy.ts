import { apiGroup, type PolicyRule } from '@platform/core';
import type { IVerticalPodAutoscaler } from './kinds.js';

/** Update modes that change running pods by themselves: evicting them (`Recreate`, `Auto`) or resizing them in place. */
export const ACTIVE_UPDATE_MODES = ['Recreate', 'Auto', 'InPlaceOrRecreate', 'InPlace'] as const;

/**
 * `vpa.active-update-mode`: a warning for every VerticalPodAutoscaler that restarts or resizes pods on its own,
 * including one without `updatePolicy.updateMode`, whose mode is the CRD's default `Recreate` (the v1.7.1 CRD
 * documents "The default is 'Recreate'"). The platform applies recommendations in git ("recommend mode only:
 * no surprise restarts"); a workload that lets the VPA act says why with a waiver on its VPA
 * (`waiverAnnotations({ 'vpa.active-update-mode': '<why>' })` through an override of `<part>_vpa`).
 */
export const activeUpdateModeRule: PolicyRule = {
  id: 'vpa.active-update-mode',
  severity: 'warn',
  rationale: 'A VPA that evicts or resizes pods by itself restarts workloads at times nobody chose.',
  check(rendered, report) {
    for (const { component, object } of rendered.objects) {
      if (object.kind !== 'VerticalPodAutoscaler' || apiGroup(object) !== 'autoscaling.k8s.io') continue;
      const mode = (object as IVerticalPodAutoscaler).spec?.updatePolicy?.updateMode;
      if (mode !== undefined && !(ACTIVE_UPDATE_MODES as readonly string[]).includes(mode)) continue;
      const target = (object as IVerticalPodAutoscaler).spec?.targetRef;
      report({
        component,
        object,
        path: 'spec.updatePolicy.updateMode',
        message: `VerticalPodAutoscaler "${object.metadata?.name}" ${mode === undefined ? 'has no update mode, so it runs in the default "Recreate"' : `runs in "${mode}"`} and ${mode?.startsWith('InPlace') ? 'resizes' : 'evicts'} ${target ? `${target.kind} "${target.name}"` : 'its target'}'s pods whenever their requests drift from the recommendation; use "Off" and apply recommendations in git, or waive with the reason`,
      });
    }
  },
};
