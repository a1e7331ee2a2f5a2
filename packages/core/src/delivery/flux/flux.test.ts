import { describe, expect, it } from 'vitest';
import { web } from '../../fixtures.test-helpers.js';
import {
  defineComponent,
  type IApplicationSet,
  type IHelmRelease,
  type IKustomization,
  type KubeObject,
  type RenderedEnvironment,
  serialize,
} from '../../index.js';
import { deliveryObjects, parseYaml, renderForTest } from '../../testing/index.js';

const operator = defineComponent({
  name: 'operator',
  tier: 'operators',
  defaults: {},
  helm: () => ({
    repoURL: 'https://charts.example.com',
    chart: 'operator',
    version: '1.2.3',
    values: { replicaCount: 2, webhook: { enabled: true } },
    facts: { valuePaths: ['replicaCount', 'webhook.enabled'], crds: [], clusterKinds: [] },
  }),
  sync: () => ({ serverSideApply: true }),
  build: ({ namespace }) => ({
    settings_configmap: {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'settings', namespace, annotations: { 'platform.dev/sync-stage': '1' } },
      data: { a: 'b' },
    } as KubeObject,
  }),
});

const components = () => [operator(), web(), web().named('web2').after('web')];
const flux = { delivery: { engine: 'flux' as const } };

function fluxObjects<T extends KubeObject>(rendered: RenderedEnvironment, kind: string): T[] {
  return rendered.objects
    .filter((o) => o.component.startsWith('_flux') && o.object.kind === kind)
    .map((o) => o.object as T);
}

describe('Flux delivery', () => {
  it('orders Kustomizations by dependsOn exactly as Argo CD orders its sync steps', async () => {
    const { rendered: argo } = await renderForTest(components());
    const { rendered } = await renderForTest(components(), flux);
    const kustomizations = fluxObjects<IKustomization>(rendered, 'Kustomization').filter(
      (k) => k.metadata!.name !== 'platform-test',
    );
    const depends = Object.fromEntries(
      kustomizations.map((k) => [k.metadata!.name, (k.spec!.dependsOn ?? []).map((d) => d.name)]),
    );
    expect(depends).toEqual({
      'operator-chart': [],
      operator: ['operator-chart'],
      web: ['operator', 'operator-chart'],
      web2: ['web'],
    });
    // The Argo CD render of the same environment: one ApplicationSet per step, in the same order.
    const steps = deliveryObjects<IApplicationSet>(argo, 'ApplicationSet').map((s) =>
      s.spec.generators[0]!.list!.elements!.map((e) => (e as { component: string }).component),
    );
    expect(steps).toEqual([['operator'], ['web'], ['web2']]);
    expect(argo.steps.map((s) => s.components)).toEqual(rendered.steps.map((s) => s.components));
  });

  it("installs a chart component from a HelmRepository and a HelmRelease with the values Argo CD's source carries", async () => {
    const { rendered: argo } = await renderForTest(components());
    const { rendered } = await renderForTest(components(), flux);
    const [release] = fluxObjects<IHelmRelease>(rendered, 'HelmRelease');
    const argoSource = (
      deliveryObjects<IApplicationSet>(argo, 'ApplicationSet')[0]!.spec.generators[0]!.list!.elements![0] as {
        sources: Array<{ helm?: { valuesObject: unknown } }>;
      }
    ).sources[0]!;
    expect(release!.spec!.values).toEqual(argoSource.helm!.valuesObject);
    expect(release!.spec).toMatchObject({
      releaseName: 'operator',
      targetNamespace: 'operator',
      chart: {
        spec: {
          chart: 'operator',
          version: '1.2.3',
          sourceRef: { kind: 'HelmRepository', name: 'charts-example-com', namespace: 'flux-system' },
        },
      },
      install: { crds: 'CreateReplace', createNamespace: true, remediation: { retries: 3 } },
      upgrade: { crds: 'CreateReplace', remediation: { retries: 3, remediateLastFailure: true } },
    });
    expect(fluxObjects(rendered, 'HelmRepository')[0]).toMatchObject({ spec: { url: 'https://charts.example.com' } });
    expect([...rendered.files.keys()].filter((f) => f.startsWith('_flux-charts/'))).toEqual([
      '_flux-charts/operator/helmrelease-operator.yaml',
    ]);
    expect(rendered.files.has('_flux/helmrepository-charts-example-com.yaml')).toBe(true);
  });

  it('fetches the charts of one repository through one HelmRepository', async () => {
    const { rendered } = await renderForTest([...components(), operator().named('operator2')], flux);
    expect(fluxObjects(rendered, 'HelmRelease').map((r) => r.metadata!.name)).toEqual(['operator', 'operator2']);
    expect(fluxObjects(rendered, 'HelmRepository').map((r) => r.metadata!.name)).toEqual(['charts-example-com']);
  });

  it("renders component folders byte-identical to the Argo CD render apart from Argo CD's own annotations", async () => {
    const { rendered: argo } = await renderForTest(components());
    const { rendered } = await renderForTest(components(), flux);
    const folders = (r: RenderedEnvironment) => new Map([...r.files].filter(([path]) => !path.startsWith('_')));
    // The Argo CD file with Argo CD's annotations taken out, serialised as the renderer serialises.
    const withoutArgo = (yaml: string) => {
      const object = parseYaml(yaml) as KubeObject;
      const annotations = Object.fromEntries(
        Object.entries(object.metadata?.annotations ?? {}).filter(([key]) => !key.startsWith('argocd.argoproj.io/')),
      );
      if (Object.keys(annotations).length > 0) object.metadata!.annotations = annotations;
      else delete object.metadata!.annotations;
      return serialize(object);
    };
    expect([...folders(rendered).keys()]).toEqual([...folders(argo).keys()]);
    for (const [path, yaml] of folders(rendered))
      expect({ path, yaml }).toEqual({ path, yaml: withoutArgo(folders(argo).get(path)!) });
    expect(rendered.files.get('operator/configmap-settings.yaml')).not.toContain('sync-stage');
  });

  it('prunes, and removing a component removes its Kustomization', async () => {
    const { rendered } = await renderForTest(components(), flux);
    for (const k of fluxObjects<IKustomization>(rendered, 'Kustomization')) expect(k.spec!.prune).toBe(true);
    const { rendered: fewer } = await renderForTest([operator(), web()], flux);
    expect(
      fluxObjects<IKustomization>(fewer, 'Kustomization')
        .map((k) => k.metadata!.name)
        .sort(),
    ).toEqual(['operator', 'operator-chart', 'platform-test', 'web']);
  });

  it('bootstraps from a GitRepository of the rendered output and a root Kustomization of _flux', async () => {
    const { rendered } = await renderForTest(components(), flux);
    const root = fluxObjects<IKustomization>(rendered, 'Kustomization').find(
      (k) => k.metadata!.name === 'platform-test',
    )!;
    expect(root.spec).toEqual({
      interval: '10m',
      path: './rendered/test/_flux',
      prune: true,
      sourceRef: { kind: 'GitRepository', name: 'platform-test' },
    });
    expect(fluxObjects(rendered, 'GitRepository')[0]).toMatchObject({
      spec: { url: 'https://git.example.com/platform.git', ref: { name: 'refs/heads/main' } },
    });
  });

  it('checks that dependsOn names existing Kustomizations and has no cycle', async () => {
    const { rendered } = await renderForTest(components(), flux);
    const rule = rendered.delivery.rules.find((r) => r.id === 'delivery.flux-dependencies')!;
    const findings: string[] = [];
    const broken = {
      ...rendered,
      objects: rendered.objects.map((o) => {
        if (o.object.kind !== 'Kustomization' || o.object.metadata?.name !== 'web2') return o;
        const object = structuredClone(o.object) as IKustomization;
        object.spec!.dependsOn = [{ name: 'wbe' }, { name: 'web2' }];
        return { ...o, object };
      }),
    };
    rule.check(broken, (f) => findings.push(`${f.path ?? ''}: ${f.message}`), {});
    expect(findings).toEqual([
      'spec.dependsOn[0].name: depends on Kustomization "wbe", which the environment does not render',
      ': Kustomizations depend on each other in a cycle: web2 → web2',
    ]);
    const clean: string[] = [];
    rule.check(rendered, (f) => clean.push(f.message), {});
    expect(clean).toEqual([]);
  });
});
