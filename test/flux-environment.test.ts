/**
 * lab is delivered by Flux. The same environment delivered by Argo CD renders the same component folders, apart
 * from the engines' own annotations, and Flux's dependsOn order is Argo CD's sync-step order.
 */
import type { IKustomization, KubeObject, RenderedEnvironment } from '@platform/core';
import { serialize } from '@platform/core';
import { parseYaml as parse } from '@platform/core/testing';
import { runPolicies } from '@platform/policy';
import { describe, expect, it } from 'vitest';
import lab from '../environments/lab/index.js';

const flux = lab.render();
const argo = { ...lab, delivery: { ...lab.delivery, engine: 'argocd' as const } }.render();

const componentFiles = (r: RenderedEnvironment) => new Map([...r.files].filter(([path]) => !path.startsWith('_')));

/** A file as the renderer writes it, without Argo CD's annotations (sync options, sync waves). */
function withoutArgoCd(yaml: string): string {
  const object = parse(yaml) as KubeObject;
  const annotations = Object.entries(object.metadata?.annotations ?? {}).filter(
    ([key]) => !key.startsWith('argocd.argoproj.io/'),
  );
  if (annotations.length > 0) object.metadata!.annotations = Object.fromEntries(annotations);
  else delete object.metadata!.annotations;
  return serialize(object);
}

describe('lab on Flux', () => {
  it('is delivered by Flux: a GitRepository, Kustomizations and HelmReleases, no Argo CD object', async () => {
    const rendered = await flux;
    expect(rendered.delivery.engine).toBe('flux');
    const kinds = new Set(rendered.objects.map((o) => o.object.kind));
    expect(kinds).toContain('Kustomization');
    expect(kinds).toContain('HelmRelease');
    expect([...kinds].filter((k) => k === 'Application' || k === 'ApplicationSet' || k === 'AppProject')).toEqual([]);
    expect(runPolicies(rendered).findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('renders every component folder byte-identical to the Argo CD render, apart from the engines annotations', async () => {
    expect((await argo).delivery.engine).toBe('argocd');
    const [f, a] = [componentFiles(await flux), componentFiles(await argo)];
    expect([...a.values()].some((yaml) => yaml.includes('argocd.argoproj.io/'))).toBe(true);
    expect([...f.keys()]).toEqual([...a.keys()]);
    for (const [path, yaml] of f) expect(yaml, path).toBe(withoutArgoCd(a.get(path)!));
  });

  it("orders each component's Kustomization after those of the components Argo CD syncs in earlier steps", async () => {
    const rendered = await flux;
    const argoSteps = (await argo).steps;
    const stepOf = new Map(argoSteps.flatMap((step, index) => step.components.map((c) => [c, index] as const)));
    const kustomizations = rendered.objects
      .map((o) => o.object)
      .filter((o): o is IKustomization => o.kind === 'Kustomization');
    const component = (k: IKustomization) => k.metadata!.labels?.['platform.dev/component'];
    let checked = 0;
    for (const k of kustomizations) {
      const name = component(k);
      if (!name) continue;
      for (const dependency of k.spec!.dependsOn ?? []) {
        const other = kustomizations.find((o) => o.metadata!.name === dependency.name);
        expect(other, `${k.metadata!.name} depends on ${dependency.name}`).toBeDefined();
        const otherName = component(other!);
        if (otherName && otherName !== name) expect(stepOf.get(otherName)!).toBeLessThan(stepOf.get(name)!);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });
});
