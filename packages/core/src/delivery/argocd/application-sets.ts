import { standardLabels } from '../../k8s/labels.js';
import type { Environment } from '../../model/environment.js';
import type { BuiltComponent, SyncStep } from '../../model/rendered.js';
import type { IgnoreDifference } from '../../model/sync.js';
import type { IApplicationSet } from './kinds.js';
import { applicationSetName, argocdNamespace, projectName, repoPath, SYNC_WAVE } from './names.js';

/** Sync options every generated Application gets. */
const BASE_SYNC_OPTIONS = ['ApplyOutOfSyncOnly=true', 'PruneLast=true', 'PrunePropagationPolicy=foreground'];

/** The Argo CD sources of one component: its rendered folder, and its upstream chart first if it has one. */
function sourcesOf(environment: Environment, component: BuiltComponent): object[] {
  const folder = {
    repoURL: environment.repo.url,
    targetRevision: environment.repo.revision,
    path: repoPath(environment, component.name),
    directory: { recurse: false },
  };
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
  const options = [
    ...BASE_SYNC_OPTIONS,
    ...(environment.delivery?.argocd?.syncOptions ?? []),
    ...(component.sync.syncOptions ?? []),
  ];
  if (component.sync.serverSideApply) options.push('ServerSideApply=true');
  if ((component.sync.ignoreDifferences ?? []).length > 0) options.push('RespectIgnoreDifferences=true');
  return [...new Set(options)];
}

/**
 * The template patch that sets what varies per component and is not a string (sources, sync options,
 * ignoreDifferences). The values come from the list generator's elements as data and pass through `toJson`,
 * so nothing in them is ever interpreted as a template. Every element carries every key the template and the
 * patch read (`ignoreDifferences: []` included): with `missingkey=error` a key an element lacks fails the
 * whole ApplicationSet, `{{ if .x }}` included (text/template evaluates the pipeline first).
 */
const TEMPLATE_PATCH = [
  'spec:',
  '  sources: {{ toJson .sources }}',
  '  syncPolicy:',
  '    syncOptions: {{ toJson .syncOptions }}',
  '  ignoreDifferences: {{ toJson .ignoreDifferences }}',
  '',
].join('\n');

/**
 * One ApplicationSet per sync step. Each generates one Application per component of the step from a list
 * generator (no git or cluster lookups, so a transient outage can never make it generate nothing). Generated
 * Applications sync automatically with prune, self-heal and retry with backoff.
 */
export function applicationSets(
  environment: Environment,
  steps: SyncStep[],
  components: BuiltComponent[],
): IApplicationSet[] {
  const byName = new Map(components.map((c) => [c.name, c]));
  const namespace = argocdNamespace(environment);
  return steps.map(
    (step): IApplicationSet => ({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'ApplicationSet',
      metadata: {
        name: applicationSetName(environment, step),
        namespace,
        labels: {
          ...standardLabels('argo-cd', 'delivery'),
          'platform.dev/environment': environment.name,
          'platform.dev/tier': step.tier,
        },
        annotations: { [SYNC_WAVE]: String(step.wave) },
      },
      spec: {
        goTemplate: true,
        goTemplateOptions: ['missingkey=error'],
        syncPolicy: { preserveResourcesOnDeletion: true, applicationsSync: 'sync' },
        ignoreApplicationDifferences: [{ jsonPointers: ['/spec/syncPolicy/automated'] }],
        generators: [
          {
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
                  ignoreDifferences,
                };
              }),
            },
          },
        ],
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
    }),
  );
}
