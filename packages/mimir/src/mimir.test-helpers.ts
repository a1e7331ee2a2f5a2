import {
  defineComponent, gossipRing, mergeConfig, PlatformError, resolveSettings, type BuildContext, type DeepPartial, type EnvironmentSettings,
  type EnvironmentSpec, type IContainer, type KubeObject, type Peers, type Problem,
} from '@platform/core';
import { renderForTest, testEnvironment } from '@platform/core/testing';
import { defaults, type MimirConfig } from './config.js';
import { mimirConfigDocument, mimirYaml } from './config-file.js';
import { mimir } from './index.js';
import type { MimirYaml } from './mimir-yaml.js';

/** The settings of `@platform/core/testing`'s test environment. */
export const TEST_SETTINGS: EnvironmentSettings = testEnvironment([]).settings;

/** Renders `mimir(config)` in the test environment and returns its objects by name. */
export async function renderMimir(config: DeepPartial<MimirConfig> = {}, overrides: Partial<EnvironmentSpec> = {}): Promise<Record<string, KubeObject>> {
  const { objects } = await renderForTest([mimir(config)], overrides);
  return objects('mimir');
}

/** The problems of a render that must fail. */
export async function renderProblems(config: DeepPartial<MimirConfig>): Promise<Problem[]> {
  try {
    await renderForTest([mimir(config)]);
  } catch (error) {
    if (error instanceof PlatformError) return error.problems;
    throw error;
  }
  throw new Error('the render succeeded');
}

/** A build context like the renderer's, for testing the pure builders directly. */
export function buildContext(config: DeepPartial<MimirConfig> = {}, settings: Partial<EnvironmentSettings> = {}): BuildContext<MimirConfig> {
  const peers: Peers = { all: () => [], find: () => undefined, require: () => { throw new Error('no peers in tests'); }, namespaceOf: () => undefined };
  return {
    name: 'mimir',
    namespace: 'mimir',
    config: mergeConfig<MimirConfig>(defaults, config),
    environment: { name: 'test', cluster: { name: 'test', server: 'https://kubernetes.default.svc' }, settings: resolveSettings('test', { ...TEST_SETTINGS, ...settings }), argocdNamespace: 'argocd' },
    peers,
  };
}

/** The Mimir configuration file as an object, for a configuration. */
export function configFile(config: DeepPartial<MimirConfig> = {}, settings: Partial<EnvironmentSettings> = {}): MimirYaml {
  const context = buildContext(config, settings);
  return mimirYaml(context, gossipRing(context.name, context.namespace, context.environment.settings));
}

/** `mimir.yaml` with `extraConfig` merged, as an object. */
export function configDocument(config: DeepPartial<MimirConfig> = {}): Record<string, unknown> {
  const context = buildContext(config);
  return mimirConfigDocument(context, gossipRing(context.name, context.namespace, context.environment.settings));
}

interface PodTemplated {
  spec: { replicas?: number; template: { metadata: { labels: Record<string, string>; annotations?: Record<string, string> }; spec: { containers: IContainer[]; volumes?: Array<{ name: string; emptyDir?: object; configMap?: { name: string } }>; [key: string]: unknown } }; [key: string]: unknown };
}

/** An object viewed as a workload with a pod template. */
export function workload(object: KubeObject | undefined): KubeObject & PodTemplated {
  if (!object) throw new Error('no such object');
  return object as KubeObject & PodTemplated;
}

/** A container of a workload by name. */
export function container(object: KubeObject | undefined, name: string): IContainer {
  const found = workload(object).spec.template.spec.containers.find((c) => c.name === name);
  if (!found) throw new Error(`no container ${name}`);
  return found;
}

/** A component that provides nothing, to make peers such as `alloy` and `grafana` present in an environment. */
export const stubComponent = (name: string) => defineComponent({ name, tier: 'platform', defaults: {}, build: () => ({}) })();

/** Reads a rendered object through the shape a test expects of it. */
export function view<T>(object: unknown): T {
  return object as T;
}
