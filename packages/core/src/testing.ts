/**
 * @platform/core/testing: what tests of component libraries share: a small valid environment to render in,
 * render failures as problems, views of rendered objects, and fake peers that stand in for other components.
 */
import { defineComponent, type AnyComponent, type BuildContext } from './component.js';
import type { IApplicationSet, IContainer, IPodSpec } from './kinds.js';
import { defineEnvironment, type Environment, type EnvironmentSettings, type EnvironmentSpec } from './environment.js';
import type { Provided } from './endpoints.js';
import { isPlatformError, type PlatformError, type Problem } from './errors.js';
import type { KubeObject } from './objects.js';
import { renderEnvironment, type RenderedEnvironment } from './render.js';
import { resolveSettings } from './settings.js';

/** Parses YAML the renderer wrote (a config file, a rendered object), to compare it as data. */
export { load as parseYaml } from 'js-yaml';

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
    ...overrides,
    components,
  });
}

/** Renders components in a test environment and returns each component's objects by name, validated. */
export async function renderForTest(components: AnyComponent[], overrides: Partial<EnvironmentSpec> = {}): Promise<{ rendered: RenderedEnvironment; objects: (component: string) => Record<string, KubeObject> }> {
  const rendered = await renderEnvironment(testEnvironment(components, overrides));
  return {
    rendered,
    objects: (component) => Object.fromEntries(rendered.objects.filter((o) => o.component === component).map((o) => [o.key, o.object])),
  };
}

/**
 * A build context like the renderer's, for testing a library's pure builders directly: component `name` in the
 * namespace of the same name, in the test environment (its settings with `settings` on top), without peers.
 */
export function testBuildContext<C>(name: string, config: C, settings: Partial<EnvironmentSettings> = {}): BuildContext<C> {
  const environment = testEnvironment([]);
  return {
    name,
    namespace: name,
    config,
    environment: {
      name: environment.name,
      cluster: environment.cluster,
      settings: resolveSettings(environment.name, { ...environment.settings, ...settings }),
      argocdNamespace: 'argocd',
    },
    peers: {
      all: () => [],
      find: () => undefined,
      require: (capability) => { throw new Error(`no peers in a test build context (asked for "${capability}")`); },
      namespaceOf: () => undefined,
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
export async function renderProblems(components: AnyComponent[], overrides: Partial<EnvironmentSpec> = {}): Promise<Problem[]> {
  return (await renderFailure(components, overrides)).problems;
}

/** The message of a render that must fail: its problems, one per line, each with its location. */
export async function renderError(components: AnyComponent[], overrides: Partial<EnvironmentSpec> = {}): Promise<string> {
  return (await renderFailure(components, overrides)).message;
}

/** A component that renders nothing and provides `provides`: it makes a peer such as `alloy` or `grafana` present. */
export function stubComponent(name: string, provides: Provided = {}): AnyComponent {
  return defineComponent({ name, tier: 'platform', defaults: {}, provides: () => provides, build: () => ({}) })();
}

/** The pod spec of a Deployment, StatefulSet or DaemonSet. */
export function podSpec(object: KubeObject | undefined): IPodSpec {
  const spec = (object as { spec?: { template?: { spec?: IPodSpec } } } | undefined)?.spec?.template?.spec;
  if (!spec) throw new Error(`no pod spec in ${object?.kind}/${object?.metadata?.name}`);
  return spec;
}

/** A container of a workload by name; by default the one named like the workload. */
export function container(object: KubeObject | undefined, name?: string): IContainer {
  const wanted = name ?? object?.metadata?.name;
  const found = podSpec(object).containers.find((c) => c.name === wanted);
  if (!found) throw new Error(`no container ${wanted} in ${object?.kind}/${object?.metadata?.name}`);
  return found;
}

/** Keys of the objects of a given kind, sorted. */
export function keysOfKind(objects: Record<string, KubeObject>, kind: string): string[] {
  return Object.keys(objects).filter((key) => objects[key]!.kind === kind).sort();
}

/** Object counts by kind. */
export function countByKind(objects: Record<string, KubeObject>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const object of Object.values(objects)) counts[object.kind] = (counts[object.kind] ?? 0) + 1;
  return counts;
}

/** A file of a rendered ConfigMap. */
export function configMapFile(object: KubeObject | undefined, key: string): string {
  const data = (object as { data?: Record<string, string> } | undefined)?.data?.[key];
  if (data === undefined) throw new Error(`no ${key} in ${object?.kind}/${object?.metadata?.name}`);
  return data;
}

/**
 * The top-level blocks of a serialised YAML file by key, each as `serialize({ [key]: value })` writes it, so a
 * test can compare one section exactly: `expect(yamlBlocks(yaml).memberlist).toBe(serialize({ memberlist: {...} }))`.
 */
export function yamlBlocks(yaml: string): Record<string, string> {
  const result: Record<string, string> = {};
  let current: string | undefined;
  for (const line of yaml.split('\n')) {
    if (line === '') continue;
    if (!line.startsWith(' ') && !line.startsWith('-')) current = line.slice(0, line.indexOf(':'));
    result[current!] = `${result[current!] ?? ''}${line}\n`;
  }
  return result;
}

/** What the delivery ApplicationSets pass per component to the Application template. */
export interface ApplicationSetElement {
  component: string;
  namespace: string;
  tier: string;
  wave: string;
  path: string;
  sources: Array<{
    repoURL: string;
    chart?: string;
    targetRevision: string;
    path?: string;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    helm?: { releaseName: string; valuesObject: Record<string, any> };
  }>;
  syncOptions: string[];
  ignoreDifferences?: Array<{ group: string; kind: string; name: string; jqPathExpressions: string[] }>;
}

/** The delivery objects (`_argocd`) of a kind. */
export function deliveryObjects<T extends KubeObject>(rendered: RenderedEnvironment, kind: string): T[] {
  return rendered.objects.filter((o) => o.component === '_argocd' && o.object.kind === kind).map((o) => o.object as T);
}

/** The ApplicationSet list element that generates a component's Application: its chart and rendered sources, sync options. */
export function applicationSetElement(rendered: RenderedEnvironment, component: string): ApplicationSetElement {
  const elements = deliveryObjects<IApplicationSet>(rendered, 'ApplicationSet')
    .flatMap((set) => (set.spec.generators[0]!.list!.elements ?? []) as unknown as ApplicationSetElement[]);
  const found = elements.find((e) => e.component === component);
  if (!found) throw new Error(`no ApplicationSet element for ${component}`);
  return found;
}

/** The endpoints the fake stores publish, so tests can compare what a consumer uses with what was provided. */
export const FAKE_STORES = {
  remoteWriteUrl: 'http://distributor.fake-mimir.svc.cluster.local:8080/api/v1/push',
  metricsQueryUrl: 'http://query-frontend.fake-mimir.svc.cluster.local:8080/prometheus',
  alertmanagerUrl: 'http://alertmanager.fake-mimir.svc.cluster.local:8080/alertmanager',
  pushUrl: 'http://write.fake-loki.svc.cluster.local:3100/loki/api/v1/push',
  logsQueryUrl: 'http://read.fake-loki.svc.cluster.local:3100',
  otlpGrpcAddress: 'distributor.fake-tempo.svc.cluster.local:4317',
  otlpHttpUrl: 'http://distributor.fake-tempo.svc.cluster.local:4318',
  tracesQueryUrl: 'http://query-frontend.fake-tempo.svc.cluster.local:3200',
} as const;

/** A component (`fake-mimir`) that only publishes a metrics store, with an Alertmanager when asked. */
export const fakeMetricsStore = defineComponent({
  name: 'fake-mimir',
  tier: 'platform',
  defaults: { multiTenant: true, alertmanager: false },
  provides: (ctx) => ({
    metricsStore: {
      component: ctx.name,
      namespace: ctx.namespace,
      remoteWriteUrl: FAKE_STORES.remoteWriteUrl,
      queryUrl: FAKE_STORES.metricsQueryUrl,
      ...(ctx.config.alertmanager ? { alertmanagerUrl: FAKE_STORES.alertmanagerUrl } : {}),
      multiTenant: ctx.config.multiTenant,
    },
  }),
  build: () => ({}),
});

/** A component (`fake-loki`) that only publishes a log store. */
export const fakeLogsStore = defineComponent({
  name: 'fake-loki',
  tier: 'platform',
  defaults: { multiTenant: true },
  provides: (ctx) => ({
    logsStore: { component: ctx.name, namespace: ctx.namespace, pushUrl: FAKE_STORES.pushUrl, queryUrl: FAKE_STORES.logsQueryUrl, multiTenant: ctx.config.multiTenant },
  }),
  build: () => ({}),
});

/** A component (`fake-tempo`) that only publishes a trace store. */
export const fakeTracesStore = defineComponent({
  name: 'fake-tempo',
  tier: 'platform',
  defaults: { multiTenant: true },
  provides: (ctx) => ({
    tracesStore: {
      component: ctx.name,
      namespace: ctx.namespace,
      otlpGrpcAddress: FAKE_STORES.otlpGrpcAddress,
      otlpHttpUrl: FAKE_STORES.otlpHttpUrl,
      queryUrl: FAKE_STORES.tracesQueryUrl,
      multiTenant: ctx.config.multiTenant,
    },
  }),
  build: () => ({}),
});
