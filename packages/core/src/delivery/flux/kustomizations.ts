import { standardLabels } from '../../k8s/labels.js';
import type { Environment } from '../../model/environment.js';
import type { BuiltComponent, SyncStep } from '../../model/rendered.js';
import type { IKustomization } from './kinds.js';
import {
  chartKustomizationName,
  FLUX_CHARTS_FOLDER,
  fluxNamespace,
  fluxPath,
  kustomizationName,
  rootName,
} from './names.js';

/** How often and how patiently Flux reconciles the platform's Kustomizations. */
const TIMING = { interval: '10m', retryInterval: '1m', timeout: '10m' } as const;

/** The names of the Kustomizations a component has: its chart's (if any), then its folder's. */
function unitsOf(component: BuiltComponent): string[] {
  return component.helm
    ? [chartKustomizationName(component.name), kustomizationName(component.name)]
    : [kustomizationName(component.name)];
}

function kustomization(
  environment: Environment,
  name: string,
  component: string,
  path: string,
  dependsOn: string[],
  step: SyncStep,
): IKustomization {
  return {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: {
      name,
      namespace: fluxNamespace(environment),
      labels: {
        ...standardLabels('flux', 'delivery'),
        'platform.dev/environment': environment.name,
        'platform.dev/component': component,
        'platform.dev/tier': step.tier,
        'platform.dev/wave': String(step.wave),
      },
    },
    spec: {
      ...TIMING,
      path,
      prune: true,
      // Ready only once every applied object is ready (kstatus), so that dependents wait for it
      // (kustomize-controller checkDependencies, internal/controller/kustomization_controller.go:558-630).
      wait: true,
      sourceRef: { kind: 'GitRepository', name: rootName(environment) },
      ...(dependsOn.length > 0
        ? { dependsOn: [...new Set(dependsOn)].sort().map((dependency) => ({ name: dependency })) }
        : {}),
    },
  };
}

/**
 * One Kustomization per component folder and one per chart, ordered like Argo CD's sync steps: every unit of a
 * step depends on every unit of the step before it, and a chart component's folder (its Namespace's labels, its
 * NetworkPolicies, the objects that use the chart's CRDs) waits for its chart, which creates the namespace.
 */
export function kustomizations(
  environment: Environment,
  steps: SyncStep[],
  components: BuiltComponent[],
): IKustomization[] {
  const byName = new Map(components.map((c) => [c.name, c]));
  const result: IKustomization[] = [];
  let previous: string[] = [];
  for (const step of steps) {
    const current: string[] = [];
    for (const name of step.components) {
      const component = byName.get(name)!;
      if (component.helm) {
        result.push(
          kustomization(
            environment,
            chartKustomizationName(name),
            name,
            fluxPath(environment, FLUX_CHARTS_FOLDER, name),
            previous,
            step,
          ),
        );
        result.push(
          kustomization(
            environment,
            kustomizationName(name),
            name,
            fluxPath(environment, name),
            [...previous, chartKustomizationName(name)],
            step,
          ),
        );
      } else {
        result.push(
          kustomization(environment, kustomizationName(name), name, fluxPath(environment, name), previous, step),
        );
      }
      current.push(...unitsOf(component));
    }
    previous = current;
  }
  return result;
}
