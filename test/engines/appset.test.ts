import { describe, expect, it } from 'vitest';
import { generateApplications, type Result } from './appset.js';

/** A minimal ApplicationSet with a list generator, as our renderer writes them (goTemplate, missingkey=error). */
function appSet(elements: object[], template: object, extra: Record<string, unknown> = {}): object {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'ApplicationSet',
    metadata: { name: 'demo', namespace: 'argocd' },
    spec: {
      goTemplate: true,
      goTemplateOptions: ['missingkey=error'],
      generators: [{ list: { elements } }],
      syncPolicy: { preserveResourcesOnDeletion: true },
      template,
      ...extra,
    },
  };
}

/** Runs one ApplicationSet; the executor answers with one result per ApplicationSet. */
async function generateOne(appset: object): Promise<Result> {
  const results = await generateApplications([appset]);
  expect(results).toHaveLength(1);
  return results[0]!;
}

const template = {
  metadata: { name: 'prod-{{.component}}', labels: { 'platform.dev/component': '{{.component}}' } },
  spec: {
    project: 'platform-prod',
    destination: { server: 'https://kubernetes.default.svc', namespace: '{{.component}}' },
    sources: [
      { repoURL: 'https://git.example.com/p.git', path: 'rendered/prod/{{.component}}', targetRevision: 'main' },
    ],
    syncPolicy: { syncOptions: ['ServerSideApply=true'] },
  },
};

describe('generateApplications (Argo CD v3.4.4 ApplicationSet controller, list generator)', () => {
  it('substitutes {{.component}} in every string field, map keys included', async () => {
    const result = await generateOne(
      appSet([{ component: 'mimir' }], {
        ...template,
        metadata: { ...template.metadata, annotations: { '{{.component}}/owner': 'team-{{.component}}' } },
      }),
    );
    expect(result.error).toBeUndefined();
    expect(result.applications).toHaveLength(1);
    const app = result.applications[0]!;
    expect(app.metadata).toEqual({
      name: 'prod-mimir',
      namespace: 'argocd',
      labels: { 'platform.dev/component': 'mimir' },
      annotations: { 'mimir/owner': 'team-mimir' },
    });
    expect(app.spec.destination).toEqual({ server: 'https://kubernetes.default.svc', namespace: 'mimir' });
    expect(app.spec.sources).toEqual([
      { repoURL: 'https://git.example.com/p.git', path: 'rendered/prod/mimir', targetRevision: 'main' },
    ]);
  });

  it('fails the whole ApplicationSet with Argo CD’s message when a template reads a key an element lacks', async () => {
    const patch =
      'spec:\n  {{- if .ignoreDifferences }}\n  ignoreDifferences: {{ toJson .ignoreDifferences }}\n  {{- end }}\n';
    const result = await generateOne(
      appSet(
        [
          { component: 'loki', ignoreDifferences: [{ kind: 'Secret', jsonPointers: ['/data'] }] },
          { component: 'mimir' },
        ],
        template,
        {
          templatePatch: patch,
        },
      ),
    );
    // template.go:83-85 wraps Render.Replace's error (utils.go:418-419), which wraps text/template's.
    expect(result.error).toBe(
      `error replacing values in templatePatch: failed to execute go template ${patch}: ` +
        'template: base:2:9: executing "base" at <.ignoreDifferences>: map has no entry for key "ignoreDifferences"',
    );
    expect(result.reason).toBe('RenderTemplateParamsError');
    // applicationset_controller.go:203-217: nothing is created, not even the element that rendered.
    expect(result.applications).toEqual([]);
  });

  it('reports the first failing string field of the template the same way', async () => {
    const result = await generateOne(
      appSet([{ component: 'mimir' }], {
        ...template,
        metadata: { ...template.metadata, name: 'prod-{{.component}}-{{.tier}}' },
      }),
    );
    expect(result.error).toBe(
      'failed to execute go template prod-{{.component}}-{{.tier}}: template: base:1:22: executing "base" at <.tier>: map has no entry for key "tier"',
    );
    expect(result.applications).toEqual([]);
  });

  it('lets index and hasKey read absent keys under missingkey=error', async () => {
    const result = await generateOne(
      appSet([{ component: 'mimir', tier: 'platform' }, { component: 'loki' }], {
        ...template,
        metadata: {
          name: 'prod-{{.component}}',
          labels: {
            tier: '{{ if hasKey . "tier" }}{{ .tier }}{{ else }}none{{ end }}',
            indexed: '{{ index . "tier" | default "unset" }}',
          },
        },
      }),
    );
    expect(result.error).toBeUndefined();
    expect(result.applications.map((a) => [a.metadata.name, a.metadata.labels])).toEqual([
      ['prod-loki', { tier: 'none', indexed: 'unset' }],
      ['prod-mimir', { tier: 'platform', indexed: 'platform' }],
    ]);
  });

  it('sets non-string fields from templatePatch with toJson of lists and objects', async () => {
    const patch = [
      'spec:',
      '  revisionHistoryLimit: {{ .history }}',
      '  syncPolicy:',
      '    automated: {{ toJson .automated }}',
      '    syncOptions: {{ toJson .syncOptions }}',
      '  ignoreDifferences: {{ toJson .ignoreDifferences }}',
    ].join('\n');
    const element = {
      component: 'mimir',
      history: 3,
      automated: { prune: true, selfHeal: false },
      syncOptions: ['PruneLast=true', 'ServerSideApply=true'],
      ignoreDifferences: [{ group: 'apps', kind: 'Deployment', jsonPointers: ['/spec/replicas'] }],
    };
    const result = await generateOne(appSet([element], template, { templatePatch: patch }));
    expect(result.error).toBeUndefined();
    const { spec } = result.applications[0]!;
    expect(spec.revisionHistoryLimit).toBe(3);
    expect(spec.syncPolicy).toEqual({
      automated: { prune: true, selfHeal: false },
      syncOptions: ['PruneLast=true', 'ServerSideApply=true'],
    });
    expect(spec.ignoreDifferences).toEqual([{ group: 'apps', kind: 'Deployment', jsonPointers: ['/spec/replicas'] }]);
  });

  it('replaces lists from the patch instead of merging them, merges objects, and keeps spec.project', async () => {
    const patch = [
      'spec:',
      '  project: someone-else',
      '  sources: [{"repoURL": "https://charts.example.com", "chart": "{{.component}}", "targetRevision": "1.0.0"}]',
      '  syncPolicy:',
      '    syncOptions: ["PruneLast=true"]',
    ].join('\n');
    const result = await generateOne(appSet([{ component: 'loki' }], template, { templatePatch: patch }));
    expect(result.error).toBeUndefined();
    const { spec } = result.applications[0]!;
    expect(spec.sources).toEqual([{ repoURL: 'https://charts.example.com', chart: 'loki', targetRevision: '1.0.0' }]);
    expect(spec.syncPolicy).toEqual({ syncOptions: ['PruneLast=true'] });
    expect(spec.destination).toEqual({ server: 'https://kubernetes.default.svc', namespace: 'loki' });
    expect(spec.project).toBe('platform-prod');
  });

  it('rejects a patch value of the wrong type with the decoding error', async () => {
    const result = await generateOne(
      appSet([{ component: 'loki' }], template, { templatePatch: 'spec:\n  revisionHistoryLimit: "{{.component}}"\n' }),
    );
    expect(result.error).toBe(
      'invalid templatePatch "{\\"spec\\":{\\"revisionHistoryLimit\\":\\"loki\\"}}": ' +
        'json: cannot unmarshal string into Go struct field ApplicationSpec.spec.revisionHistoryLimit of type int64',
    );
    expect(result.applications).toEqual([]);
  });

  it('adds the resources finalizer unless preserveResourcesOnDeletion, and defaults the project', async () => {
    const { project: _, ...specWithoutProject } = template.spec;
    const result = await generateOne(
      appSet([{ component: 'a' }], { ...template, spec: specWithoutProject }, { syncPolicy: undefined }),
    );
    expect(result.applications[0]!.metadata.finalizers).toEqual(['resources-finalizer.argocd.argoproj.io']);
    expect(result.applications[0]!.spec.project).toBe('default');
  });

  it('leaves out every Application whose name is duplicated and reports it', async () => {
    const result = await generateOne(appSet([{ component: 'a' }, { component: 'a' }, { component: 'b' }], template));
    expect(result.error).toBe('ApplicationSet demo contains applications with duplicate name: prod-a');
    expect(result.reason).toBe('ApplicationValidationError');
    expect(result.applications.map((a) => a.metadata.name)).toEqual(['prod-b']);
  });

  it('refuses generators it does not reproduce', async () => {
    const result = await generateOne({
      ...(appSet([], template) as { spec: Record<string, unknown> }),
      spec: { goTemplate: true, generators: [{ clusters: {} }], template },
    });
    expect(result.reason).toBe('UnsupportedByExecutor');
    expect(result.error).toMatch(/only the list generator is reproduced/);
  });
});
