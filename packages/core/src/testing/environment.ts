import type { Provided } from '../model/capabilities.js';
import { type AnyComponent, defineComponent } from '../model/component.js';
import type { BuildContext } from '../model/definition.js';
import type { Environment, EnvironmentSpec } from '../model/environment.js';
import { isPlatformError, type PlatformError, type Problem } from '../model/errors.js';
import type { KubeObject } from '../model/objects.js';
import type { RenderedEnvironment } from '../model/rendered.js';
import { type EnvironmentSettings, resolveSettings } from '../model/settings.js';
import { defineEnvironment, renderEnvironment } from '../pipeline/render.js';
import { resolveComponent } from '../pipeline/resolve.js';

/** A small, valid environment for tests of component libraries. */
export function testEnvironment(components: AnyComponent[], overrides: Partial<EnvironmentSpec> = {}): Environment {
  return defineEnvironment({
    name: 'test',
    cluster: { name: 'test', server: 'https://kubernetes.default.svc' },
    repo: { url: 'https://git.example.com/platform.git', revision: 'refs/heads/main' },
    settings: {
      baseDomain: 'test.example.com',
      objectStorage: { endpoint: 's3.eu-west-1.amazonaws.com', region: 'eu-west-1', bucketPrefix: 'acme-test' },
      metricsScraperNamespaces: ['alloy'],
    },
    // The test cluster serves prometheus-operator's APIs, so that libraries' ServiceMonitors and alerts render
    // without a CRD component in every test.
    clusterApis: ['ServiceMonitor', 'PodMonitor', 'PrometheusRule'].map((kind) => ({
      group: 'monitoring.coreos.com',
      kind,
    })),
    ...overrides,
    components,
  });
}

/** Renders components in a test environment and returns each component's objects by name, validated. */
export async function renderForTest(
  components: AnyComponent[],
  overrides: Partial<EnvironmentSpec> = {},
): Promise<{ rendered: RenderedEnvironment; objects: (component: string) => Record<string, KubeObject> }> {
  const rendered = await renderEnvironment(testEnvironment(components, overrides));
  return {
    rendered,
    objects: (component) =>
      Object.fromEntries(rendered.objects.filter((o) => o.component === component).map((o) => [o.key, o.object])),
  };
}

/**
 * A build context like the renderer's, for testing a library's pure builders directly: component `name` in the
 * namespace of the same name, in the test environment (its settings with `settings` on top), without peers.
 */
export function testBuildContext<C>(
  name: string,
  config: C,
  settings: Partial<EnvironmentSettings> = {},
): BuildContext<C> {
  const environment = testEnvironment([]);
  return {
    name,
    namespace: name,
    config,
    environment: {
      name: environment.name,
      cluster: environment.cluster,
      settings: resolveSettings(environment.name, { ...environment.settings, ...settings }),
      deliveryNamespace: 'argocd',
    },
    peers: {
      all: () => [],
      find: () => undefined,
      require: (capability: string) => {
        throw new Error(`no peers in a test build context (asked for "${capability}")`);
      },
      choose: (capability: string) => {
        throw new Error(`no peers in a test build context (asked for "${capability}")`);
      },
      namespaceOf: () => undefined,
      routes: () => [],
    },
  };
}

async function renderFailure(components: AnyComponent[], overrides: Partial<EnvironmentSpec>): Promise<PlatformError> {
  try {
    await renderForTest(components, overrides);
  } catch (error) {
    if (isPlatformError(error)) return error;
    throw error;
  }
  throw new Error('expected the render to fail, and it succeeded');
}

/** The problems of a render that must fail (a render that succeeds, or fails otherwise, fails the test). */
export async function renderProblems(
  components: AnyComponent[],
  overrides: Partial<EnvironmentSpec> = {},
): Promise<Problem[]> {
  return (await renderFailure(components, overrides)).problems;
}

/** The message of a render that must fail: its problems, one per line, each with its location. */
export async function renderError(
  components: AnyComponent[],
  overrides: Partial<EnvironmentSpec> = {},
): Promise<string> {
  return (await renderFailure(components, overrides)).message;
}

/** A component that renders nothing and provides `provides`: it makes a peer such as `alloy` or `grafana` present. */
export function stubComponent(name: string, provides: Provided = {}): AnyComponent {
  return defineComponent({ name, tier: 'platform', defaults: {}, provides: () => provides, build: () => ({}) })();
}

/** What a component provides in the test environment (its `provides`, with its configuration resolved and checked). */
export function providedBy(component: AnyComponent, overrides: Partial<EnvironmentSpec> = {}): Provided {
  const environment = testEnvironment([component], overrides);
  return resolveComponent(component, {
    name: environment.name,
    cluster: environment.cluster,
    settings: resolveSettings(environment.name, environment.settings),
    deliveryNamespace: 'argocd',
  }).provided;
}
