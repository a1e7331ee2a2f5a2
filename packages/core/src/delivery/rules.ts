import { apiGroup } from '../model/objects.js';
import type { PolicyRule } from '../model/policy.js';
import { groupKindKey } from '../registry/kinds.js';
import { apiProvisions, isBuiltInApi } from './api-availability.js';
import { chartValuesRule } from './chart-values.js';
import { type FirstSyncPlanOptions, firstSyncPlan } from './first-sync-plan.js';

/**
 * Every object's API exists when its Application syncs: built into Kubernetes, served by a CRD the same
 * Application installs (the engine applies CRDs first), by one of an earlier sync step, or by the cluster.
 */
const apiAvailability: PolicyRule = {
  id: 'delivery.api-availability',
  severity: 'error',
  rationale:
    'An object whose CRD is installed later (or never) fails its sync with "no matches for kind", and every later step waits behind it.',
  check(rendered, report) {
    const stepOf = new Map(rendered.steps.flatMap((step) => step.components.map((name) => [name, step] as const)));
    const provisions = apiProvisions(rendered.components);
    const cluster = new Set((rendered.environment.clusterApis ?? []).map(groupKindKey));
    for (const component of rendered.components) {
      const step = stepOf.get(component.name);
      for (const { object } of component.objects) {
        if (isBuiltInApi(object)) continue;
        const key = groupKindKey({ group: apiGroup(object), kind: object.kind });
        if (cluster.has(key)) continue;
        const providers = provisions.get(key) ?? [];
        const inTime = providers.some(
          (p) => p.component === component.name || (stepOf.get(p.component)?.wave ?? Infinity) < (step?.wave ?? 0),
        );
        if (inTime) continue;
        const where =
          providers.length === 0
            ? 'no component of the environment installs its CRD'
            : `its CRD comes from ${providers.map((p) => `${p.component} (${p.via}, sync step ${stepOf.get(p.component)?.wave})`).join(', ')}, not before this component's sync step ${step?.wave}`;
        report({
          component: component.name,
          object,
          path: 'apiVersion',
          message: `${object.apiVersion} ${object.kind} is not served when this component syncs: ${where}; order the component after the CRD's installer (.after()) or move it to a later tier`,
        });
      }
    }
  },
};

const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * No stage of the first sync (one engine stage, e.g. an Argo CD sync wave, of the components of one sync step)
 * starts more than `delivery.maxFirstSyncShare` (default 0.6) of the environment's pods, so that a new cluster
 * comes up in stages. Exact for a step of one component; for several, their objects of the same stage count
 * as one stage (an Application can reach a later wave while another is still in an earlier one). A chart
 * component's pods count in the waves its chart puts them in, as the component declares them
 * (`ChartInstall.firstSync`), so the rule covers the waves within a chart too.
 */
export function firstSyncShareRule(options: FirstSyncPlanOptions = {}): PolicyRule {
  return {
    id: 'delivery.first-sync-share',
    severity: 'error',
    rationale:
      'A first sync that starts most pods at once overwhelms the scheduler, image pulls and the stores everything connects to.',
    check(rendered, report) {
      const plan = firstSyncPlan(rendered, options);
      if (plan.totalPods === 0) return;
      for (const step of plan.steps) {
        for (const stage of step.stages) {
          if (stage.share <= plan.maxShare) continue;
          report({
            component: '_environment',
            path: 'delivery.maxFirstSyncShare',
            message: `sync step ${step.wave} (${step.tier}, level ${step.level}), stage ${stage.stage} (${[...new Set(stage.workloads.map((w) => w.component))].sort().join(', ')}) starts ${stage.pods} of the environment's ${plan.totalPods} pods (${percent(stage.share)}), more than delivery.maxFirstSyncShare (${percent(plan.maxShare)}); order some of these components after others (.after()), or spread their workloads over first-sync stages, so that the first sync brings them up in stages`,
          });
        }
      }
    },
  };
}

/** The engine-neutral delivery checks. */
export const DELIVERY_RULES: readonly PolicyRule[] = [apiAvailability, chartValuesRule, firstSyncShareRule()];
