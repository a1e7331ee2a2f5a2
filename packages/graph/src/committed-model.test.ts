import { describe, expect, it } from 'vitest';
import dev from '../../../environments/dev/index.js';
import { committedModel } from './committed-model.js';
import { compareModels } from './compare.js';
import { graphModel } from './model.js';

describe('committedModel()', () => {
  it("reads back from a render's files what graphModel knows of the render, except what files do not record", async () => {
    const rendered = await dev.render();
    const fresh = graphModel(rendered);
    const committed = committedModel('dev', rendered.files);
    const shape = (model: typeof fresh) =>
      model.nodes.map(({ id, step, tier, level, namespace, chart, objects, kinds, pods }) => ({
        id,
        step,
        tier,
        level,
        namespace,
        chart,
        objects,
        kinds,
        pods,
      }));
    expect(shape(committed)).toEqual(shape(fresh));
    expect(committed.edges).toEqual(fresh.edges.filter((edge) => edge.type === 'wiring'));
    expect(committed.edges.length).toBeGreaterThan(0);
    // The pods a chart starts are declared by its library (helm().firstSync), not written to any file: steps with a
    // chart component are compared without their pods.
    const charts = new Set(fresh.nodes.filter((n) => n.chart).map((n) => n.id));
    const step = (s: (typeof fresh.steps)[number]) => [
      s.wave,
      s.tier,
      s.components,
      s.components.some((c) => charts.has(c)) ? 'chart' : s.pods,
    ];
    expect(committed.steps.map(step)).toEqual(fresh.steps.map(step));
    expect(committed.unknown).toEqual(['dependencies', 'findings', 'libraries']);
  });

  it('compares with a fresh render without marking what the files cannot tell', async () => {
    const rendered = await dev.render();
    const same = compareModels(committedModel('dev', rendered.files), graphModel(rendered), 'main');
    expect(same.nodes).toEqual({});
    expect(same.edges).toEqual({});
    expect(same.objects).toEqual({});
    const files = new Map(rendered.files);
    files.delete('mimir/deployment-distributor.yaml');
    for (const path of [...files.keys()]) if (path.startsWith('loki/')) files.delete(path);
    const changed = compareModels(committedModel('dev', files), graphModel(rendered), 'main');
    expect(changed.nodes).toMatchObject({ mimir: 'changed', loki: 'added' });
    expect(changed.objects['mimir/deployment-distributor.yaml']).toBe('added');
    // Loki's dependency edges are new with it; every other dependency edge is not compared.
    const dependencyChanges = Object.keys(changed.edges).filter((id) => id.startsWith('dependency:'));
    expect(dependencyChanges.length).toBeGreaterThan(0);
    expect(dependencyChanges.every((id) => id.includes('loki'))).toBe(true);
  });
});
