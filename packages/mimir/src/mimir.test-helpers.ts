import {
  type BuildContext,
  type DeepPartial,
  type EnvironmentSettings,
  type EnvironmentSpec,
  type IContainer,
  type KubeObject,
  mergeConfig,
  type Problem,
} from '@platform/core';
import { renderProblems as problemsOf, renderForTest, testBuildContext } from '@platform/core/testing';
import { gossipRing } from '@platform/grafana-databases';
import { defaults, type MimirConfig } from './config.js';
import { mimirConfigDocument, mimirYaml } from './config-file.js';
import { mimir } from './index.js';
import type { MimirYaml } from './mimir-yaml.js';

/** Renders `mimir(config)` in the test environment and returns its objects by name. */
export async function renderMimir(
  config: DeepPartial<MimirConfig> = {},
  overrides: Partial<EnvironmentSpec> = {},
): Promise<Record<string, KubeObject>> {
  const { objects } = await renderForTest([mimir(config)], overrides);
  return objects('mimir');
}

/** The problems of a render of `mimir(config)` that must fail. */
export function renderProblems(config: DeepPartial<MimirConfig>): Promise<Problem[]> {
  return problemsOf([mimir(config)]);
}

/** A build context like the renderer's, for testing the pure builders directly. */
function buildContext(
  config: DeepPartial<MimirConfig> = {},
  settings: Partial<EnvironmentSettings> = {},
): BuildContext<MimirConfig> {
  return testBuildContext('mimir', mergeConfig<MimirConfig>(defaults, config), settings);
}

/** The Mimir configuration file as an object, for a configuration. */
export function configFile(
  config: DeepPartial<MimirConfig> = {},
  settings: Partial<EnvironmentSettings> = {},
): MimirYaml {
  const context = buildContext(config, settings);
  return mimirYaml(context, gossipRing(context.name, context.namespace, context.environment.settings));
}

/** `mimir.yaml` with `extraConfig` merged, as an object. */
export function configDocument(config: DeepPartial<MimirConfig> = {}): Record<string, unknown> {
  const context = buildContext(config);
  return mimirConfigDocument(context, gossipRing(context.name, context.namespace, context.environment.settings));
}

interface PodTemplated {
  spec: {
    replicas?: number;
    template: {
      metadata: { labels: Record<string, string>; annotations?: Record<string, string> };
      spec: {
        containers: IContainer[];
        volumes?: Array<{ name: string; emptyDir?: object; configMap?: { name: string } }>;
        [key: string]: unknown;
      };
    };
    [key: string]: unknown;
  };
}

/** An object viewed as a workload with a pod template. */
export function workload(object: KubeObject | undefined): KubeObject & PodTemplated {
  if (!object) throw new Error('no such object');
  return object as KubeObject & PodTemplated;
}

/** Reads a rendered object through the shape a test expects of it. */
export function view<T>(object: unknown): T {
  return object as T;
}

/** Every Mimir workload by name, with its object name. */
export const MIMIR_WORKLOADS = {
  distributor: 'distributor_deployment',
  ingester: 'ingester_statefulset',
  querier: 'querier_deployment',
  'query-frontend': 'query_frontend_deployment',
  'query-scheduler': 'query_scheduler_deployment',
  'store-gateway': 'store_gateway_statefulset',
  compactor: 'compactor_statefulset',
  ruler: 'ruler_deployment',
  alertmanager: 'alertmanager_statefulset',
} as const;

/** The workloads that join the memberlist ring. */
export const RING_MEMBERS = [
  'distributor',
  'ingester',
  'querier',
  'store-gateway',
  'compactor',
  'ruler',
  'alertmanager',
];
