import type { AnyComponent, BuiltComponent, EnvironmentView, Peers } from './component.js';
import { TIERS } from './component.js';
import { ConfigChecks } from './config.js';
import {
  APPLICATIONSET_HEALTH_LUA, DELIVERY_FOLDER, SYNC_OPTIONS, SYNC_WAVE, appProject, applicationSets, argocdNamespace, bootstrapObjects,
  needsServerSideApply,
} from './delivery/argocd.js';
import type { Capabilities, CapabilityName, Provided } from './endpoints.js';
import type { Environment } from './environment.js';
import { PlatformError, type Problem } from './errors.js';
import type { MixinContext } from './mixins.js';
import { isNamespaced, type KubeObject } from './objects.js';
import { syncSteps, type SyncStep } from './ordering.js';
import { clone } from './patch.js';
import { serialize } from './serialize.js';
import { resolveSettings } from './settings.js';
import { validateObject } from './validate.js';

/** One rendered object and where it is written. */
export interface RenderedObject {
  /** Component name, or `_argocd` for delivery objects. */
  component: string;
  /** The object's name in its component (`distributor_deployment`). */
  key: string;
  object: KubeObject;
  /** Path relative to `rendered/<env>/`, e.g. `mimir/deployment-distributor.yaml`. */
  path: string;
  /** The YAML written for it. */
  yaml: string;
}

/** The complete, validated output of one environment. */
export interface RenderedEnvironment {
  environment: Environment;
  view: EnvironmentView;
  components: BuiltComponent[];
  steps: SyncStep[];
  objects: RenderedObject[];
  /** Every file of `rendered/<env>/`, by relative path, sorted. */
  files: Map<string, string>;
}

export { APPLICATIONSET_HEALTH_LUA };

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function checkEnvironment(environment: Environment): void {
  const checks = new ConfigChecks();
  checks.dnsLabel('name', environment.name);
  checks.dnsLabel('cluster.name', environment.cluster.name);
  checks.url('cluster.server', environment.cluster.server, { schemes: ['https'] });
  checks.require(environment.repo.url.length > 0, 'repo.url', 'the git repository Argo CD reads from is required');
  checks.require(environment.repo.revision.length > 0, 'repo.revision', 'a branch, tag or commit is required');
  checks.require(environment.settings.objectStorage.endpoint.length > 0 && !/^[a-z]+:\/\//.test(environment.settings.objectStorage.endpoint), 'settings.objectStorage.endpoint', `expected a host[:port] without scheme, got "${environment.settings.objectStorage.endpoint}"`);
  const share = environment.delivery?.maxFirstSyncShare;
  if (share !== undefined) checks.require(share > 0 && share <= 1, 'delivery.maxFirstSyncShare', `expected a share between 0 and 1, got ${share}`);
  const seen = new Set<string>();
  environment.components.forEach((component, index) => {
    checks.require(DNS_LABEL.test(component.name) && component.name.length <= 40, `components[${index}]`, `component name "${component.name}" must be a DNS label of at most 40 characters`);
    checks.require(!seen.has(component.name), `components[${index}]`, `two components are named "${component.name}"; rename one with .named("...")`);
    seen.add(component.name);
  });
  try {
    checks.done();
  } catch (error) {
    throw (error as PlatformError).within({ environment: environment.name });
  }
}

function peersOf(provided: Map<string, Provided>, namespaces: Map<string, string>, requester: string, environment: string): Peers {
  const all = <K extends CapabilityName>(capability: K): Capabilities[K][] => {
    const result: Capabilities[K][] = [];
    for (const [name, entry] of provided) {
      if (name === requester) continue;
      const value = entry[capability];
      if (value === undefined) continue;
      result.push(...((Array.isArray(value) ? value : [value]) as Capabilities[K][]));
    }
    return result;
  };
  return {
    all,
    find: (capability) => all(capability)[0],
    require: (capability, why) => {
      const found = all(capability)[0];
      if (!found) throw new PlatformError({ environment, component: requester, message: `needs a component that provides "${capability}" (${why}), and the environment has none` });
      return found;
    },
    namespaceOf: (component) => namespaces.get(component),
  };
}

/** Path of an object's file inside its component folder: `deployment-distributor.yaml`. */
function fileName(object: KubeObject, componentNamespace: string): string {
  const namespace = object.metadata?.namespace;
  const suffix = namespace && namespace !== componentNamespace ? `.${namespace}` : '';
  return `${object.kind.toLowerCase()}-${object.metadata?.name ?? 'unnamed'}${suffix}.yaml`;
}

function applyMixins(component: AnyComponent, built: BuiltComponent, environment: Environment): void {
  const mixins = [...component.mixins, ...(environment.mixins ?? [])];
  if (mixins.length === 0) return;
  built.objects = built.objects.map(({ key, object }) => {
    let current = clone(object);
    const context: MixinContext = { environment: environment.name, component: built.name, key };
    for (const mixin of mixins) current = mixin(current, context) ?? current;
    return { key, object: current };
  });
}

function finalizeObject(object: KubeObject, built: BuiltComponent): KubeObject {
  const result = clone(object);
  result.metadata = { ...result.metadata, name: result.metadata?.name ?? '' };
  if (isNamespaced(result.kind)) result.metadata.namespace ??= built.namespace;
  else delete result.metadata.namespace;
  return result;
}

/**
 * Renders an environment completely in memory: builds every component, applies overrides and mixins,
 * orders components into sync steps, adds the Argo CD objects, validates every object against its schema
 * and serialises each to YAML. Throws one PlatformError listing every problem found.
 */
export async function renderEnvironment(environment: Environment): Promise<RenderedEnvironment> {
  checkEnvironment(environment);
  const view: EnvironmentView = {
    name: environment.name,
    cluster: environment.cluster,
    settings: resolveSettings(environment.name, environment.settings),
    argocdNamespace: argocdNamespace(environment),
  };
  const problems: Problem[] = [];
  const locate = (error: unknown, component: string) => {
    if (error instanceof PlatformError) problems.push(...error.within({ environment: environment.name, component }).problems);
    else throw error;
  };

  const namespaces = new Map(environment.components.map((c) => [c.name, c.namespace]));
  const provided = new Map<string, Provided>();
  const failed = new Set<string>();
  for (const component of environment.components) {
    try {
      provided.set(component.name, component.provides(view));
    } catch (error) {
      failed.add(component.name);
      locate(error, component.name);
    }
  }

  const built: BuiltComponent[] = [];
  for (const component of environment.components) {
    if (failed.has(component.name)) continue;
    try {
      const result = component.build(view, peersOf(provided, namespaces, component.name, environment.name));
      applyMixins(component, result, environment);
      result.objects = result.objects.map(({ key, object }) => ({ key, object: finalizeObject(object, result) }));
      built.push(result);
    } catch (error) {
      locate(error, component.name);
    }
  }
  if (problems.length > 0) throw new PlatformError(problems);

  let steps: SyncStep[];
  try {
    steps = syncSteps(built.map((c) => ({ name: c.name, tier: c.tier, dependsOn: c.dependsOn })));
  } catch (error) {
    throw (error as PlatformError).within({ environment: environment.name });
  }

  const objects: RenderedObject[] = [];
  for (const component of [...built].sort((a, b) => a.name.localeCompare(b.name))) {
    for (const { key, object } of component.objects) {
      let yaml = serialize(object);
      if (needsServerSideApply(object, Buffer.byteLength(JSON.stringify(object)))) {
        const annotations = { ...object.metadata!.annotations };
        annotations[SYNC_OPTIONS] = [annotations[SYNC_OPTIONS], 'ServerSideApply=true'].filter(Boolean).join(',');
        if (object.kind === 'CustomResourceDefinition') annotations[SYNC_WAVE] ??= '-10';
        object.metadata = { ...object.metadata!, annotations };
        yaml = serialize(object);
      }
      objects.push({ component: component.name, key, object, path: `${component.name}/${fileName(object, component.namespace)}`, yaml });
    }
  }

  const bootstrap = bootstrapObjects(environment);
  const delivery: Array<[string, KubeObject]> = [
    ['bootstrap_project', bootstrap.project],
    ['bootstrap_root', bootstrap.root],
    ['appproject', appProject(environment, built, chartClusterResources(environment))],
    ...applicationSets(environment, steps, built).map((set, index): [string, KubeObject] => [`applicationset_${index + 1}`, set]),
  ];
  for (const [key, object] of delivery) {
    objects.push({ component: DELIVERY_FOLDER, key, object, path: `${DELIVERY_FOLDER}/${fileName(object, argocdNamespace(environment))}`, yaml: serialize(object) });
  }

  const paths = new Map<string, RenderedObject>();
  for (const rendered of objects) {
    const other = paths.get(rendered.path);
    if (other) problems.push({ environment: environment.name, component: rendered.component, object: `${rendered.object.kind}/${rendered.object.metadata?.name}`, message: `is rendered twice (as "${other.key}" and "${rendered.key}")` });
    paths.set(rendered.path, rendered);
  }

  const validations = await Promise.all(objects.map((rendered) => validateObject(rendered.object)));
  validations.forEach((found, index) => {
    const rendered = objects[index]!;
    for (const problem of found) problems.push({ environment: environment.name, component: rendered.component, ...problem });
  });
  if (problems.length > 0) throw new PlatformError(problems);

  const files = new Map([...paths.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([path, rendered]) => [path, rendered.yaml]));
  return { environment, view, components: built, steps, objects, files };
}

/** Cluster-scoped kinds the environment's charts create, declared by the chart components. */
function chartClusterResources(environment: Environment): Array<{ group: string; kind: string }> {
  return environment.components.flatMap((component) => component.clusterResources);
}

export { TIERS };
