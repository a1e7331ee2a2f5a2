import { apiGroup } from '../model/objects.js';
import type { PolicyRule } from '../model/policy.js';
import { groupKindKey } from '../registry/kinds.js';
import { apiProvisions, isBuiltInApi } from './api-availability.js';
import { chartValuesRule } from './chart-values.js';

/**
 * Every object's API exists when its Application syncs: built into Kubernetes, served by a CRD the same
 * Application installs (the engine applies CRDs first), by one of an earlier sync step, or by the cluster.
 */
const apiAvailability: PolicyRule = {
  id: 'delivery.api-availability',
  severity: 'error',
  rationale: 'An object whose CRD is installed later (or never) fails its sync with "no matches for kind", and every later step waits behind it.',
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
        const inTime = providers.some((p) => p.component === component.name || (stepOf.get(p.component)?.wave ?? Infinity) < (step?.wave ?? 0));
        if (inTime) continue;
        const where = providers.length === 0
          ? 'no component of the environment installs its CRD'
          : `its CRD comes from ${providers.map((p) => `${p.component} (${p.via}, sync step ${stepOf.get(p.component)?.wave})`).join(', ')}, not before this component's sync step ${step?.wave}`;
        report({ component: component.name, object, path: 'apiVersion', message: `${object.apiVersion} ${object.kind} is not served when this component syncs: ${where}; order the component after the CRD's installer (.after()) or move it to a later tier` });
      }
    }
  },
};

/** The engine-neutral delivery checks. */
export const DELIVERY_RULES: readonly PolicyRule[] = [apiAvailability, chartValuesRule];
