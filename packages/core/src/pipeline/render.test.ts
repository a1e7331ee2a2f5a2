import { describe, expect, it } from 'vitest';
import { web } from '../fixtures.test-helpers.js';
import type { IApplication, IApplicationSet, IAppProject, IConfigMap } from '../index.js';
import { defineComponent } from '../index.js';
import { renderForTest } from '../testing/index.js';

const operator = defineComponent({
  name: 'operator',
  tier: 'operators',
  defaults: {},
  helm: () => ({
    repoURL: 'https://charts.example.com',
    chart: 'operator',
    version: '1.2.3',
    values: { replicaCount: 2 },
    facts: {
      valuePaths: ['replicaCount'],
      crds: [],
      clusterKinds: [{ group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition' }],
    },
  }),
  sync: () => ({
    serverSideApply: true,
    ignoreDifferences: [
      {
        group: 'admissionregistration.k8s.io',
        kind: 'ValidatingWebhookConfiguration',
        jqPathExpressions: ['.webhooks[]?.clientConfig.caBundle'],
      },
    ],
  }),
  build: () => ({}),
});

const big = defineComponent({
  name: 'big',
  tier: 'platform',
  defaults: {},
  build: (context) => ({
    huge_configmap: {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'huge', namespace: context.namespace },
      data: { 'rules.yaml': 'x'.repeat(300_000) },
    } as IConfigMap,
  }),
});

function delivery(objects: Array<{ component: string; object: { kind: string } }>) {
  return objects.filter((o) => o.component === '_argocd').map((o) => o.object);
}

describe('rendering an environment', () => {
  it('is deterministic: the same input gives byte-identical files', async () => {
    const first = await renderForTest([web(), operator(), web().named('web2').after('web')]);
    const second = await renderForTest([web().named('web2').after('web'), web(), operator()]);
    expect([...first.rendered.files.entries()]).toEqual([...second.rendered.files.entries()]);
    expect([...first.rendered.files.keys()]).toContain('web/deployment-web.yaml');
    expect([...first.rendered.files.keys()]).toContain('_argocd/applicationset-test-workloads-2.yaml');
  });

  it('generates one ApplicationSet per sync step and one Application per component, ordered by waves', async () => {
    const { rendered } = await renderForTest([web(), operator(), web().named('web2').after('web')]);
    const sets = delivery(rendered.objects).filter((o) => o.kind === 'ApplicationSet') as IApplicationSet[];
    expect(
      sets.map((s) => [
        s.metadata!.name,
        s.metadata!.annotations!['argocd.argoproj.io/sync-wave'],
        s.spec!.generators![0]!.list!.elements!.map((e) => (e as { component: string }).component),
      ]),
    ).toEqual([
      ['test-operators-1', '1', ['operator']],
      ['test-workloads-1', '2', ['web']],
      ['test-workloads-2', '3', ['web2']],
    ]);
    const template = sets[0]!.spec!.template!;
    expect(template.metadata.name).toBe('test-{{.component}}');
    expect(template.spec.syncPolicy!.automated).toEqual({ prune: true, selfHeal: true, allowEmpty: false });
    expect(template.spec.syncPolicy!.retry).toEqual({
      limit: 10,
      refresh: true,
      backoff: { duration: '10s', factor: 2, maxDuration: '5m' },
    });
    expect(sets[0]!.spec!.syncPolicy).toEqual({ preserveResourcesOnDeletion: true, applicationsSync: 'sync' });
  });

  it('installs a chart component from its pinned chart plus its rendered folder, with its sync settings', async () => {
    const { rendered } = await renderForTest([operator()]);
    const set = delivery(rendered.objects).find((o) => o.kind === 'ApplicationSet') as IApplicationSet;
    const element = set.spec!.generators![0]!.list!.elements![0] as {
      sources: object[];
      syncOptions: string[];
      ignoreDifferences: object[];
    };
    expect(element.sources).toEqual([
      {
        repoURL: 'https://charts.example.com',
        chart: 'operator',
        targetRevision: '1.2.3',
        helm: { releaseName: 'operator', valuesObject: { replicaCount: 2 }, skipCrds: false },
      },
      {
        repoURL: 'https://git.example.com/platform.git',
        targetRevision: 'refs/heads/main',
        path: 'rendered/test/operator',
        directory: { recurse: false },
      },
    ]);
    expect(element.syncOptions).toContain('ServerSideApply=true');
    expect(element.syncOptions).toContain('RespectIgnoreDifferences=true');
    expect(element.ignoreDifferences).toHaveLength(1);
  });

  it('restricts the AppProject to the rendered repo, chart repos, component namespaces and the cluster-scoped kinds in use', async () => {
    const { rendered } = await renderForTest([web(), operator()]);
    const project = delivery(rendered.objects).find(
      (o) => o.kind === 'AppProject' && (o as IAppProject).metadata!.name === 'platform-test',
    ) as IAppProject;
    expect(project.spec!.sourceRepos).toEqual(['https://charts.example.com', 'https://git.example.com/platform.git']);
    expect(project.spec!.destinations).toEqual([
      { server: 'https://kubernetes.default.svc', namespace: 'operator' },
      { server: 'https://kubernetes.default.svc', namespace: 'web' },
    ]);
    expect(project.spec!.clusterResourceWhitelist).toEqual([
      { group: '', kind: 'Namespace' },
      { group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition' },
    ]);
  });

  it('renders a self-managing root Application that syncs the delivery folder', async () => {
    const { rendered } = await renderForTest([web()]);
    const root = delivery(rendered.objects).find((o) => o.kind === 'Application') as IApplication;
    expect(root.spec!.source!.path).toBe('rendered/test/_argocd');
    expect(root.spec!.source!.directory!.recurse).toBe(true);
    expect(root.spec!.syncPolicy!.syncOptions ?? []).not.toContain('ServerSideApply=true');
  });

  it('applies objects too large for the last-applied annotation server-side', async () => {
    const { objects } = await renderForTest([big()]);
    expect(objects('big').huge_configmap!.metadata!.annotations).toEqual({
      'argocd.argoproj.io/sync-options': 'ServerSideApply=true',
    });
  });
});
