/**
 * @platform/core/testing: what tests of component libraries share: a small valid environment to render in,
 * render failures as problems, views of rendered objects, and fake peers that stand in for other components.
 */
import { defineComponent, type AnyComponent, type BuildContext } from './component.js';
import type { IApplicationSet, IContainer, INetworkPolicy, IPodSpec, IService } from './kinds.js';
import { defineEnvironment, type Environment, type EnvironmentSettings, type EnvironmentSpec } from './environment.js';
import type { PodSelector, Provided } from './endpoints.js';
import { isPlatformError, type PlatformError, type Problem } from './errors.js';
import { selectorLabels, standardLabels } from './labels.js';
import type { IngressRule, NetworkAccess } from './network.js';
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

/** The pods behind a fake store's Service: the selector a real library's workload helper gives that Service. */
export function fakeStorePods(component: string, service: string): PodSelector {
  return selectorLabels(component, service);
}

/**
 * One Service of a fake store and who may use it: the fakes render the Service (selecting
 * {@link fakeStorePods}) and an ingress rule admitting `consumer` on exactly those pods and ports, as the real
 * store libraries do, so consumer tests can check both sides of each connection.
 */
interface FakeService {
  service: string;
  ports: number[];
  consumer: 'alloy' | 'grafana';
  rule: string;
}

function fakeStoreParts(context: Pick<BuildContext<unknown>, 'name' | 'namespace'>, services: FakeService[]): { objects: Record<string, IService>; network: NetworkAccess } {
  const objects: Record<string, IService> = {};
  for (const { service, ports } of services) {
    objects[`${service.replace(/-/g, '_')}_service`] = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: service, namespace: context.namespace, labels: standardLabels(context.name, service) },
      spec: { selector: fakeStorePods(context.name, service), ports: ports.map((port) => ({ name: `port-${port}`, port, targetPort: port, protocol: 'TCP' })) },
    };
  }
  const ingress: IngressRule[] = services.map(({ service, ports, consumer, rule }) => ({ name: rule, from: [{ component: consumer }], ports, podLabels: fakeStorePods(context.name, service) }));
  return { objects, network: { ingress } };
}

const fakeMimirServices = (alertmanager: boolean): FakeService[] => [
  { service: 'distributor', ports: [8080], consumer: 'alloy', rule: 'remote-write' },
  { service: 'query-frontend', ports: [8080], consumer: 'grafana', rule: 'query' },
  ...(alertmanager ? [{ service: 'alertmanager', ports: [8080], consumer: 'grafana' as const, rule: 'alertmanager-api' }] : []),
];

/**
 * A component (`fake-mimir`) that publishes a metrics store, with an Alertmanager when asked, and renders the
 * Services its addresses name plus the ingress policies that admit Alloy (remote write) and Grafana (queries).
 */
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
      pods: {
        remoteWriteUrl: fakeStorePods(ctx.name, 'distributor'),
        queryUrl: fakeStorePods(ctx.name, 'query-frontend'),
        ...(ctx.config.alertmanager ? { alertmanagerUrl: fakeStorePods(ctx.name, 'alertmanager') } : {}),
      },
    },
  }),
  build: (ctx) => fakeStoreParts(ctx, fakeMimirServices(ctx.config.alertmanager)).objects,
  network: (ctx) => fakeStoreParts(ctx, fakeMimirServices(ctx.config.alertmanager)).network,
});

const FAKE_LOKI_SERVICES: FakeService[] = [
  { service: 'write', ports: [3100], consumer: 'alloy', rule: 'push' },
  { service: 'read', ports: [3100], consumer: 'grafana', rule: 'query' },
];

/** A component (`fake-loki`) that publishes a log store, with its Services and the ingress policies for Alloy and Grafana. */
export const fakeLogsStore = defineComponent({
  name: 'fake-loki',
  tier: 'platform',
  defaults: { multiTenant: true },
  provides: (ctx) => ({
    logsStore: {
      component: ctx.name,
      namespace: ctx.namespace,
      pushUrl: FAKE_STORES.pushUrl,
      queryUrl: FAKE_STORES.logsQueryUrl,
      multiTenant: ctx.config.multiTenant,
      pods: { pushUrl: fakeStorePods(ctx.name, 'write'), queryUrl: fakeStorePods(ctx.name, 'read') },
    },
  }),
  build: (ctx) => fakeStoreParts(ctx, FAKE_LOKI_SERVICES).objects,
  network: (ctx) => fakeStoreParts(ctx, FAKE_LOKI_SERVICES).network,
});

const FAKE_TEMPO_SERVICES: FakeService[] = [
  { service: 'distributor', ports: [4317, 4318], consumer: 'alloy', rule: 'otlp' },
  { service: 'query-frontend', ports: [3200], consumer: 'grafana', rule: 'query' },
];

/** A component (`fake-tempo`) that publishes a trace store, with its Services and the ingress policies for Alloy and Grafana. */
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
      pods: {
        otlpGrpcAddress: fakeStorePods(ctx.name, 'distributor'),
        otlpHttpUrl: fakeStorePods(ctx.name, 'distributor'),
        queryUrl: fakeStorePods(ctx.name, 'query-frontend'),
      },
    },
  }),
  build: (ctx) => fakeStoreParts(ctx, FAKE_TEMPO_SERVICES).objects,
  network: (ctx) => fakeStoreParts(ctx, FAKE_TEMPO_SERVICES).network,
});

type MatchLabelsSelector = { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } | undefined;

function matches(selector: MatchLabelsSelector, labels: Record<string, string>): boolean {
  if (selector?.matchExpressions?.length) throw new Error('connectionProblems judges matchLabels selectors only');
  return Object.entries(selector?.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
}

/**
 * Why pods of `component` could not connect to `address` (an in-cluster URL or `host:port` naming a rendered
 * Service), judged from the rendered NetworkPolicies of both namespaces; empty when the client's egress and the
 * server namespace's ingress both allow it. The client's pods are its rendered pod templates (only `workload`'s,
 * if given); the server's pods are judged by the Service's selector (a policy that selects those labels selects
 * every pod of the Service), so a fake store needs to render only the Service. Egress to IP blocks (`any`) counts
 * as allowed; matchExpressions are not supported.
 */
export function connectionProblems(rendered: RenderedEnvironment, component: string, address: string, workload?: string): string[] {
  const parsed = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([a-z0-9-]+)\.([a-z0-9-]+)\.svc(?:\.[a-z0-9.-]+)?:(\d+)/.exec(address);
  if (!parsed) return [`"${address}" is not an in-cluster address with a port`];
  const [, serviceName, namespace, portText] = parsed as unknown as [string, string, string, string];
  const objects = rendered.objects.map((o) => ({ component: o.component, object: o.object }));
  const service = objects.find((o) => o.object.kind === 'Service' && o.object.metadata?.name === serviceName && o.object.metadata?.namespace === namespace)?.object as IService | undefined;
  if (!service?.spec?.selector) return [`no rendered Service ${namespace}/${serviceName} with a selector`];
  const servicePort = service.spec.ports?.find((p) => p.port === Number(portText));
  if (!servicePort) return [`Service ${namespace}/${serviceName} has no port ${portText}`];
  const serverPods = service.spec.selector;
  const podTemplates = (ns: string) => objects
    .filter((o) => o.object.metadata?.namespace === ns && ['Deployment', 'StatefulSet', 'DaemonSet'].includes(o.object.kind))
    .map((o) => ({ name: o.object.metadata!.name!, spec: podSpec(o.object), labels: (o.object as unknown as { spec: { template: { metadata?: { labels?: Record<string, string> } } } }).spec.template.metadata?.labels ?? {} }));
  // The Service's target as a number and as a container port name, whichever the policies name.
  const containerPorts = podTemplates(namespace).filter((t) => Object.entries(serverPods).every(([k, v]) => t.labels[k] === v)).flatMap((t) => t.spec.containers.flatMap((c) => c.ports ?? []));
  const target = servicePort.targetPort ?? servicePort.port;
  const targetNumber = typeof target === 'number' ? target : containerPorts.find((p) => p.name === target)?.containerPort;
  const targetName = typeof target === 'string' ? target : containerPorts.find((p) => p.containerPort === target)?.name;
  const covers = (ports: Array<{ port?: number | string; protocol?: string }> | undefined) =>
    !ports || ports.length === 0 || ports.some((p) => (p.protocol ?? 'TCP') === (servicePort.protocol ?? 'TCP') && (p.port === undefined || p.port === targetNumber || p.port === targetName));
  const policies = (ns: string) => objects.filter((o) => o.object.kind === 'NetworkPolicy' && o.object.metadata?.namespace === ns).map((o) => o.object as INetworkPolicy);

  const clientNamespace = objects.find((o) => o.component === component)?.object.metadata?.namespace ?? component;
  const clients = podTemplates(clientNamespace).filter((t) => workload === undefined || t.name === workload);
  if (clients.length === 0) return [`component "${component}" renders no pods${workload ? ` named ${workload}` : ''}`];
  const namespaceLabels = (ns: string) => ({ 'kubernetes.io/metadata.name': ns });
  const problems: string[] = [];
  for (const client of clients) {
    const egress = policies(clientNamespace).some((policy) => (policy.spec?.policyTypes ?? []).includes('Egress') && matches(policy.spec?.podSelector, client.labels)
      && (policy.spec?.egress ?? []).some((rule) => covers(rule.ports) && (!rule.to || rule.to.length === 0 || rule.to.some((peer) => peer.ipBlock !== undefined
        || (peer.namespaceSelector !== undefined && matches(peer.namespaceSelector, namespaceLabels(namespace)) && matches(peer.podSelector, serverPods))
        || (peer.namespaceSelector === undefined && namespace === clientNamespace && matches(peer.podSelector, serverPods))))));
    if (!egress) problems.push(`no NetworkPolicy in ${clientNamespace} lets ${client.name} connect to ${namespace}/${serviceName}:${servicePort.port}`);
    const ingress = policies(namespace).some((policy) => (policy.spec?.policyTypes ?? ['Ingress']).includes('Ingress') && matches(policy.spec?.podSelector, serverPods)
      && (policy.spec?.ingress ?? []).some((rule) => covers(rule.ports) && (!rule.from || rule.from.length === 0 || rule.from.some((peer) =>
        (peer.namespaceSelector !== undefined && matches(peer.namespaceSelector, namespaceLabels(clientNamespace)) && matches(peer.podSelector, client.labels))
        || (peer.namespaceSelector === undefined && peer.ipBlock === undefined && namespace === clientNamespace && matches(peer.podSelector, client.labels))))));
    if (!ingress) problems.push(`no NetworkPolicy in ${namespace} admits ${clientNamespace}/${client.name} to ${serviceName}:${servicePort.port}`);
  }
  return problems;
}
