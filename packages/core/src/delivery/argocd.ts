import type { BuiltComponent, IgnoreDifference } from '../component.js';
import type { Environment } from '../environment.js';
import type { IAppProject, IApplication, IApplicationSet } from '../kinds.js';
import { standardLabels } from '../labels.js';
import { apiGroup, isNamespaced, type KubeObject } from '../objects.js';
import type { SyncStep } from '../ordering.js';

/** Folder (inside `rendered/<env>/`) of the Argo CD objects that deliver the environment. */
export const DELIVERY_FOLDER = '_argocd';

/** The sync-wave annotation Argo CD orders resources of one Application by. */
export const SYNC_WAVE = 'argocd.argoproj.io/sync-wave';
/** Per-resource sync options (e.g. `ServerSideApply=true`). */
export const SYNC_OPTIONS = 'argocd.argoproj.io/sync-options';

/** Sync options every generated Application gets. */
const BASE_SYNC_OPTIONS = ['ApplyOutOfSyncOnly=true', 'PruneLast=true', 'PrunePropagationPolicy=foreground'];

function repoPath(environment: Environment, ...parts: string[]): string {
  return [environment.repo.basePath, 'rendered', environment.name, ...parts].filter((p) => p && p.length > 0).join('/');
}

export function argocdNamespace(environment: Environment): string {
  return environment.delivery?.argocdNamespace ?? 'argocd';
}

export function projectName(environment: Environment): string {
  return `platform-${environment.name}`;
}

function rootProjectName(environment: Environment): string {
  return `platform-${environment.name}-root`;
}

/** Name of the ApplicationSet of one sync step: `prod-platform-1`. */
export function applicationSetName(environment: Environment, step: SyncStep): string {
  return `${environment.name}-${step.tier}-${step.level}`;
}

/** Name of a component's generated Application: `prod-mimir`. */
export function applicationName(environment: Environment, component: string): string {
  return `${environment.name}-${component}`;
}

/** The Argo CD sources of one component: its rendered folder, and its upstream chart first if it has one. */
function sourcesOf(environment: Environment, component: BuiltComponent): object[] {
  const folder = { repoURL: environment.repo.url, targetRevision: environment.repo.revision, path: repoPath(environment, component.name), directory: { recurse: false } };
  if (!component.helm) return [folder];
  const { repoURL, chart, version, releaseName, values } = component.helm;
  const oci = repoURL.startsWith('oci://');
  return [
    {
      repoURL: oci ? repoURL.replace(/^oci:\/\//, '') : repoURL,
      chart,
      targetRevision: version,
      helm: { releaseName: releaseName ?? component.name, valuesObject: values, skipCrds: false },
    },
    folder,
  ];
}

function syncOptionsOf(environment: Environment, component: BuiltComponent): string[] {
  const options = [...BASE_SYNC_OPTIONS, ...(environment.delivery?.syncOptions ?? []), ...(component.sync.syncOptions ?? [])];
  if (component.sync.serverSideApply) options.push('ServerSideApply=true');
  if ((component.sync.ignoreDifferences ?? []).length > 0) options.push('RespectIgnoreDifferences=true');
  return [...new Set(options)];
}

/**
 * The template patch that sets what varies per component and is not a string (sources, sync options,
 * ignoreDifferences). The values come from the list generator's elements as data and pass through `toJson`,
 * so nothing in them is ever interpreted as a template.
 */
const TEMPLATE_PATCH = [
  'spec:',
  '  sources: {{ toJson .sources }}',
  '  syncPolicy:',
  '    syncOptions: {{ toJson .syncOptions }}',
  '  {{- if .ignoreDifferences }}',
  '  ignoreDifferences: {{ toJson .ignoreDifferences }}',
  '  {{- end }}',
  '',
].join('\n');

/**
 * One ApplicationSet per sync step. Each generates one Application per component of the step from a list
 * generator (no git or cluster lookups, so a transient outage can never make it generate nothing). Generated
 * Applications sync automatically with prune, self-heal and retry with backoff.
 */
export function applicationSets(environment: Environment, steps: SyncStep[], components: BuiltComponent[]): IApplicationSet[] {
  const byName = new Map(components.map((c) => [c.name, c]));
  const namespace = argocdNamespace(environment);
  return steps.map((step): IApplicationSet => ({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'ApplicationSet',
    metadata: {
      name: applicationSetName(environment, step),
      namespace,
      labels: { ...standardLabels('argo-cd', 'delivery'), 'platform.dev/environment': environment.name, 'platform.dev/tier': step.tier },
      annotations: { [SYNC_WAVE]: String(step.wave) },
    },
    spec: {
      goTemplate: true,
      goTemplateOptions: ['missingkey=error'],
      syncPolicy: { preserveResourcesOnDeletion: true, applicationsSync: 'sync' },
      ignoreApplicationDifferences: [{ jsonPointers: ['/spec/syncPolicy/automated'] }],
      generators: [{
        list: {
          elements: step.components.map((name) => {
            const component = byName.get(name)!;
            const ignoreDifferences: IgnoreDifference[] = component.sync.ignoreDifferences ?? [];
            return {
              component: name,
              namespace: component.namespace,
              tier: step.tier,
              wave: String(step.wave),
              path: repoPath(environment, name),
              sources: sourcesOf(environment, component),
              syncOptions: syncOptionsOf(environment, component),
              ...(ignoreDifferences.length > 0 ? { ignoreDifferences } : {}),
            };
          }),
        },
      }],
      template: {
        metadata: {
          name: `${environment.name}-{{.component}}`,
          labels: {
            'platform.dev/environment': environment.name,
            'platform.dev/component': '{{.component}}',
            'platform.dev/tier': '{{.tier}}',
            'platform.dev/wave': '{{.wave}}',
          },
          annotations: {
            'argocd.argoproj.io/manifest-generate-paths': '/{{.path}}',
            // Diff against what the API server would store (defaults, webhooks), not against the last apply.
            'argocd.argoproj.io/compare-options': 'ServerSideDiff=true',
          },
        },
        spec: {
          project: projectName(environment),
          destination: { server: environment.cluster.server, namespace: '{{.namespace}}' },
          sources: [],
          syncPolicy: {
            automated: { prune: true, selfHeal: true, allowEmpty: false },
            retry: { limit: 10, refresh: true, backoff: { duration: '10s', factor: 2, maxDuration: '5m' } },
          },
          revisionHistoryLimit: 10,
        },
      },
      templatePatch: TEMPLATE_PATCH,
    },
  }));
}

/** Cluster-scoped kinds that rendered objects and charts create, as AppProject allow-list entries. */
function clusterResources(components: BuiltComponent[], extra: Array<{ group: string; kind: string }>): Array<{ group: string; kind: string }> {
  const seen = new Map<string, { group: string; kind: string }>();
  const add = (group: string, kind: string) => seen.set(`${group}/${kind}`, { group, kind });
  add('', 'Namespace');
  for (const component of components) {
    for (const { object } of component.objects) if (!isNamespaced(object.kind)) add(apiGroup(object), object.kind);
  }
  for (const entry of extra) add(entry.group, entry.kind);
  return [...seen.values()].sort((a, b) => `${a.group}/${a.kind}`.localeCompare(`${b.group}/${b.kind}`));
}

/**
 * The AppProject of the environment's components: only the rendered repository and the pinned chart
 * repositories as sources, only the components' namespaces on the environment's cluster as destinations,
 * and only the cluster-scoped kinds the environment renders or its charts are declared to create.
 */
export function appProject(environment: Environment, components: BuiltComponent[], chartClusterResources: Array<{ group: string; kind: string }>): IAppProject {
  const chartRepos = components.filter((c) => c.helm).map((c) => c.helm!.repoURL.replace(/^oci:\/\//, ''));
  const namespaces = [...new Set(components.map((c) => c.namespace))].sort();
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: {
      name: projectName(environment),
      namespace: argocdNamespace(environment),
      labels: { ...standardLabels('argo-cd', 'delivery'), 'platform.dev/environment': environment.name },
      annotations: { [SYNC_WAVE]: '0' },
      finalizers: ['resources-finalizer.argocd.argoproj.io'],
    },
    spec: {
      description: `Platform components of the ${environment.name} environment, rendered by pnpm render ${environment.name}`,
      sourceRepos: [...new Set([environment.repo.url, ...chartRepos])].sort(),
      destinations: namespaces.map((namespace) => ({ server: environment.cluster.server, namespace })),
      clusterResourceWhitelist: clusterResources(components, chartClusterResources),
      orphanedResources: { warn: true },
      ...(environment.delivery?.syncWindows ? { syncWindows: environment.delivery.syncWindows.map((w) => ({ kind: w.kind, schedule: w.schedule, duration: w.duration, manualSync: w.manualSync ?? true, applications: ['*'] })) } : {}),
    },
  };
}

/**
 * The project and Application that bootstrap delivery: applied once by hand (`kubectl apply -f`), then the
 * root Application manages the AppProject and the ApplicationSets in `_argocd/`, syncing them wave by wave.
 * Argo CD's health check for ApplicationSets (set by @platform/argo-cd) reports an ApplicationSet healthy only
 * when all its Applications are, so the next step's ApplicationSet is created only after the previous
 * step is up.
 */
export function bootstrapObjects(environment: Environment): { project: IAppProject; root: IApplication } {
  const namespace = argocdNamespace(environment);
  const labels = { ...standardLabels('argo-cd', 'delivery'), 'platform.dev/environment': environment.name };
  return {
    project: {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'AppProject',
      metadata: { name: rootProjectName(environment), namespace, labels, annotations: { [SYNC_WAVE]: '-1' } },
      spec: {
        description: `Delivery objects of the ${environment.name} environment (ApplicationSets and their AppProject)`,
        sourceRepos: [environment.repo.url],
        destinations: [{ server: 'https://kubernetes.default.svc', namespace }],
        clusterResourceWhitelist: [],
        namespaceResourceWhitelist: [
          { group: 'argoproj.io', kind: 'ApplicationSet' },
          { group: 'argoproj.io', kind: 'AppProject' },
          { group: 'argoproj.io', kind: 'Application' },
        ],
      },
    },
    root: {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: `${environment.name}-root`, namespace, labels, finalizers: ['resources-finalizer.argocd.argoproj.io'] },
      spec: {
        project: rootProjectName(environment),
        source: { repoURL: environment.repo.url, targetRevision: environment.repo.revision, path: repoPath(environment, DELIVERY_FOLDER), directory: { recurse: true } },
        destination: { server: 'https://kubernetes.default.svc', namespace },
        syncPolicy: {
          automated: { prune: true, selfHeal: true },
          retry: { limit: -1, refresh: true, backoff: { duration: '30s', factor: 2, maxDuration: '10m' } },
        },
      },
    },
  };
}

/**
 * Argo CD health check (Lua) for ApplicationSets: healthy once every generated Application is healthy,
 * degraded when generation fails. Replaces the built-in check, which is healthy as soon as Applications
 * exist, so that the root Application's sync waves wait for a whole step to come up.
 */
export const APPLICATIONSET_HEALTH_LUA = [
  'hs = { status = "Progressing", message = "Waiting for the generated Applications" }',
  'if obj.status == nil then return hs end',
  'if obj.status.conditions ~= nil then',
  '  for _, condition in ipairs(obj.status.conditions) do',
  '    if condition.type == "ErrorOccurred" and condition.status == "True" then',
  '      hs.status = "Degraded"',
  '      hs.message = condition.message',
  '      return hs',
  '    end',
  '  end',
  'end',
  'if obj.status.resources == nil then return hs end',
  'local total, healthy = 0, 0',
  'for _, resource in ipairs(obj.status.resources) do',
  '  total = total + 1',
  '  if resource.health ~= nil and resource.health.status == "Healthy" then healthy = healthy + 1 end',
  'end',
  'hs.message = healthy .. "/" .. total .. " Applications healthy"',
  'if total > 0 and healthy == total then hs.status = "Healthy" end',
  'return hs',
  '',
].join('\n');

/** Whether an object must be applied server-side: CRDs, and anything whose last-applied annotation would not fit. */
export function needsServerSideApply(object: KubeObject, serializedBytes: number): boolean {
  return object.kind === 'CustomResourceDefinition' || serializedBytes > LAST_APPLIED_BUDGET;
}

/** Kubernetes caps all annotations of an object at 256 KiB; client-side apply copies the object into one. */
export const LAST_APPLIED_LIMIT = 262144;
/** Objects above this size are applied server-side, leaving room for the object's other annotations. */
export const LAST_APPLIED_BUDGET = 200_000;
