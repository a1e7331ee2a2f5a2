import type { ResourceRequirements, RouteAuth } from '@platform/core';

/** Configuration of the `goldilocks` component of `@platform/vpa`. Every field has a documented default. */
export interface GoldilocksConfig {
  /** Dashboard replicas (stateless; a PodDisruptionBudget keeps one up). Default 2. */
  replicas: number;
  /** Dashboard container resources. Default 25m / 128Mi (limit 256Mi). */
  resources: ResourceRequirements;
  /** Containers left out of the recommendations (sidecars). Default `linkerd-proxy,istio-proxy` (the chart's). */
  excludeContainers: string[];
  /**
   * Expose the dashboard through the environment's edge, internal only. Goldilocks has no authentication of
   * its own, so a route needs `auth` (basic or forward; host default `goldilocks` under the base domain). Default none (reach it with `kubectl port-forward svc/goldilocks-dashboard`).
   */
  route: { enabled: boolean; host: string; auth?: RouteAuth };
  /** Chart values deep-merged over the ones this package sets (escape hatch; lists replace). Default none. */
  extraValues: Record<string, unknown>;
}

export const goldilocksDefaults: GoldilocksConfig = {
  replicas: 2,
  resources: { requests: { cpu: '25m', memory: '128Mi' }, limits: { cpu: undefined, memory: '256Mi' } },
  excludeContainers: ['linkerd-proxy', 'istio-proxy'],
  route: { enabled: false, host: 'goldilocks', auth: undefined },
  extraValues: {},
};
