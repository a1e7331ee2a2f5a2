import {
  applyPatch,
  type BuildContext,
  type ConfigChecks,
  defineComponent,
  type IPodDisruptionBudget,
  mirroredImage,
  type Patch,
  standardLabels,
} from '@platform/core';
import {
  DASHBOARD_PODS,
  DASHBOARD_SERVICE,
  GOLDILOCKS_CHART,
  GOLDILOCKS_IMAGE,
  GOLDILOCKS_RELEASE,
} from './goldilocks-chart.js';
import { type GoldilocksConfig, goldilocksDefaults } from './goldilocks-config.js';

/**
 * The chart values: the dashboard only. Goldilocks' controller would create VPAs of its own for every workload
 * of labelled namespaces; the platform renders them (update mode `Off`, from the workload helpers), so the
 * controller stays off and the dashboard shows every VPA (`--show-all`) in every namespace (`--on-by-default`),
 * without calling Fairwinds' cost API (`--enable-cost=false`): flags of cmd/dashboard.go:41-44 at v4.14.1,
 * passed as `--<name>=<value>` by templates/dashboard-deployment.yaml. The chart's security contexts (non-root
 * 10324, no capabilities, read-only root, `RuntimeDefault` seccomp) satisfy Pod Security "restricted".
 */
function goldilocksValues({ config, environment }: BuildContext<GoldilocksConfig>): Record<string, unknown> {
  const mirror = environment.settings.imageRegistryMirror;
  const values = {
    ...(mirror
      ? { image: { repository: mirroredImage(GOLDILOCKS_IMAGE, mirror), pullPolicy: 'IfNotPresent' } }
      : { image: { pullPolicy: 'IfNotPresent' } }),
    controller: { enabled: false },
    vpa: { enabled: false },
    dashboard: {
      enabled: true,
      replicaCount: config.replicas,
      resources: config.resources,
      excludeContainers: config.excludeContainers.join(','),
      flags: { 'on-by-default': 'true', 'show-all': 'true', 'enable-cost': 'false' },
      topologySpreadConstraints: (['topology.kubernetes.io/zone', 'kubernetes.io/hostname'] as const).map(
        (topologyKey) => ({
          maxSkew: 1,
          topologyKey,
          whenUnsatisfiable: 'ScheduleAnyway',
          labelSelector: { matchLabels: { ...DASHBOARD_PODS } },
        }),
      ),
    },
  };
  return applyPatch<Record<string, unknown>>(values, config.extraValues as Patch<Record<string, unknown>>);
}

/** The chart renders no PodDisruptionBudget for the dashboard; this one keeps a replica through node drains. */
function dashboardPdb(context: BuildContext<GoldilocksConfig>): IPodDisruptionBudget {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: {
      name: DASHBOARD_SERVICE.name,
      namespace: context.namespace,
      labels: standardLabels(context.name, 'dashboard'),
    },
    spec: { maxUnavailable: 1, selector: { matchLabels: { ...DASHBOARD_PODS } } },
  };
}

function checkGoldilocks(config: GoldilocksConfig, checks: ConfigChecks): void {
  checks.integer('replicas', config.replicas, { min: 1 });
  checks.resources('resources', config.resources);
  if (config.route.enabled)
    checks.require(
      config.route.auth !== undefined && config.route.auth.type !== 'none',
      'route.auth',
      'Goldilocks has no authentication of its own; a route needs basic or forward auth at the edge',
    );
}

/**
 * Goldilocks' dashboard (tier `platform`, namespace `goldilocks`), after the VPA, showing the recommendations
 * of every VerticalPodAutoscaler of the cluster.
 *
 * ```ts
 * goldilocks({ route: { enabled: true, auth: { type: 'forward', url: 'http://oauth2-proxy.auth.svc/oauth2/auth' } } })
 * ```
 */
export const goldilocks = defineComponent({
  name: 'goldilocks',
  tier: 'platform',
  defaults: goldilocksDefaults,
  check: checkGoldilocks,
  dependsOn: ({ peers }) => {
    const vpa = peers.find('verticalScaling');
    return vpa ? [vpa.component] : [];
  },
  build: (context) => ({ ...(context.config.replicas > 1 ? { dashboard_pdb: dashboardPdb(context) } : {}) }),
  routes: ({ config }) =>
    config.route.enabled
      ? [
          {
            name: 'dashboard',
            host: config.route.host,
            audience: 'internal' as const,
            auth: config.route.auth,
            backend: {
              service: DASHBOARD_SERVICE.name,
              port: DASHBOARD_SERVICE.port,
              targetPort: DASHBOARD_SERVICE.targetPort,
              pods: { ...DASHBOARD_PODS },
            },
          },
        ]
      : [],
  helm: (context) => ({ ...GOLDILOCKS_CHART, releaseName: GOLDILOCKS_RELEASE, values: goldilocksValues(context) }),
  network: () => ({ egress: [{ name: 'api-server', to: 'apiServer', podLabels: { ...DASHBOARD_PODS } }] }),
});
