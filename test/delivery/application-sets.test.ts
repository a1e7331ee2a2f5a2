/**
 * The committed ApplicationSets of every environment, executed by Go's text/template and sprig as Argo CD
 * v3.4.4's ApplicationSet controller executes them (test/engines/appset): each generates exactly one
 * Application per component folder, and every generated Application is valid against the Application schema.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARGOCD_KINDS, type IApplicationSet, KindRegistry, validateObject } from '@platform/core';
import { parseYaml } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { generateApplications } from '../engines/appset.js';

const root = join(import.meta.dirname, '..', '..');
// The environments Argo CD delivers (a Flux environment has _flux/ instead; test/flux-environment.test.ts).
const environments = readdirSync(join(root, 'rendered'))
  .filter((name) => !name.startsWith('.') && existsSync(join(root, 'rendered', name, '_argocd')))
  .sort();

function applicationSets(environment: string): IApplicationSet[] {
  const folder = join(root, 'rendered', environment, '_argocd');
  return readdirSync(folder)
    .filter((f) => f.startsWith('applicationset-'))
    .sort()
    .map((f) => parseYaml(readFileSync(join(folder, f), 'utf8')) as IApplicationSet);
}

function componentFolders(environment: string): string[] {
  return readdirSync(join(root, 'rendered', environment), { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('_') && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
}

describe.each(environments)('rendered/%s', (environment) => {
  it("generates exactly one valid Application per component folder under Argo CD's template rules", async () => {
    const results = await generateApplications(applicationSets(environment));
    for (const result of results)
      expect({ set: result.name, error: result.error }).toEqual({ set: result.name, error: undefined });
    const applications = results.flatMap((r) => r.applications);
    expect(applications.map((a) => a.metadata.name).sort()).toEqual(
      componentFolders(environment).map((c) => `${environment}-${c}`),
    );
    const registry = new KindRegistry().register(ARGOCD_KINDS, 'test');
    for (const application of applications) {
      expect(await validateObject(application, registry)).toEqual([]);
      const sources = (application.spec.sources as Array<{ path?: string }>).filter((s) => s.path);
      expect(sources.map((s) => s.path)).toEqual([
        `rendered/${environment}/${application.metadata.name.slice(environment.length + 1)}`,
      ]);
    }
  });
});

describe('a template that reads a key an element lacks', () => {
  it('makes Argo CD generate no Application of the whole ApplicationSet, with its error text', async () => {
    const [set] = applicationSets('dev').filter((s) => (s.spec.generators[0]!.list!.elements ?? []).length > 1);
    const broken = structuredClone(set!);
    delete (broken.spec.generators[0]!.list!.elements![1] as Record<string, unknown>).ignoreDifferences;
    const [result] = await generateApplications([broken]);
    expect(result!.applications).toEqual([]);
    expect(result!.error).toMatch(
      /^error replacing values in templatePatch: failed to execute go template .*map has no entry for key "ignoreDifferences"/s,
    );
  });
});
