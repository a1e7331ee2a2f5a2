import type { GroupKind } from '../model/definition.js';
import type { Environment } from '../model/environment.js';
import { PlatformError, type Problem } from '../model/errors.js';
import { apiGroup, type KubeObject, objectRef } from '../model/objects.js';
import type { BuiltComponent } from '../model/rendered.js';
import { BUILT_IN_GROUPS } from '../registry/builtin-kinds.js';
import { groupKindKey } from '../registry/kinds.js';
import { chartCondition } from './chart-conditions.js';

/** Where the CRD behind an API comes from. */
export interface ApiProvision {
  /** The component whose Application installs the CRD. */
  component: string;
  /** `CustomResourceDefinition/<name>` or `chart <chart>@<version>`. */
  via: string;
}

interface CrdSpec {
  group?: string;
  names?: { kind?: string };
}

/**
 * Every API (`group/Kind`) a CRD of the environment serves, with the components that install it: CRDs rendered
 * as objects, and the CRDs of each component's pinned chart (as its generated chart facts list them; a CRD
 * gated by a chart condition counts unless the condition, evaluated against the component's values and the
 * chart's defaults, is false).
 */
export function apiProvisions(components: readonly BuiltComponent[]): Map<string, ApiProvision[]> {
  const provisions = new Map<string, ApiProvision[]>();
  const add = (groupKind: GroupKind, provision: ApiProvision) => {
    const key = groupKindKey(groupKind);
    provisions.set(key, [...(provisions.get(key) ?? []), provision]);
  };
  for (const component of components) {
    for (const { object } of component.objects) {
      if (object.kind !== 'CustomResourceDefinition') continue;
      const spec = (object as { spec?: CrdSpec }).spec;
      if (spec?.group && spec.names?.kind)
        add({ group: spec.group, kind: spec.names.kind }, { component: component.name, via: objectRef(object) });
    }
    const chart = component.helm;
    for (const crd of chart?.facts?.crds ?? []) {
      if (crd.when !== undefined && chartCondition(crd.when, chart!.values, chart!.facts!.conditionDefaults) === false)
        continue;
      add(crd, { component: component.name, via: `chart ${chart!.chart}@${chart!.version}` });
    }
  }
  return provisions;
}

/** Whether an object's API is served by Kubernetes itself. */
export function isBuiltInApi(object: KubeObject): boolean {
  return BUILT_IN_GROUPS.has(apiGroup(object));
}

/**
 * Render-time half of API availability: every object of a CRD-backed API needs a component of the
 * environment that installs the CRD, or the API listed in the environment's `clusterApis`. (The order, that the
 * CRD comes first, is a delivery check of `pnpm check`.)
 */
export function assertApisProvided(environment: Environment, components: readonly BuiltComponent[]): void {
  const provisions = apiProvisions(components);
  const cluster = new Set((environment.clusterApis ?? []).map(groupKindKey));
  const problems: Problem[] = [];
  const reported = new Set<string>();
  for (const component of components) {
    for (const { object } of component.objects) {
      if (isBuiltInApi(object)) continue;
      const key = groupKindKey({ group: apiGroup(object), kind: object.kind });
      if (provisions.has(key) || cluster.has(key) || reported.has(`${component.name} ${key}`)) continue;
      reported.add(`${component.name} ${key}`);
      problems.push({
        environment: environment.name,
        component: component.name,
        object: objectRef(object),
        message: `renders ${object.kind} (${apiGroup(object)}), but no component of the environment installs its CRD, so the sync would fail with "no matches for kind ${object.kind}"; add the component that installs it${object.kind === 'ServiceMonitor' || object.kind === 'PrometheusRule' || object.kind === 'PodMonitor' ? ' (@platform/prometheus-operator-crds), or set settings.serviceMonitors: false' : ''}, or list { group: '${apiGroup(object)}', kind: '${object.kind}' } in the environment's clusterApis if the cluster already serves it`,
      });
    }
  }
  if (problems.length > 0) throw new PlatformError(problems);
}
