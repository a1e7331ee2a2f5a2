import {
  defineComponent,
  deployment,
  egressToEndpoints,
  endpointTarget,
  namedWorkloadObjects,
  selectorLabels,
} from '@platform/core';
import { renderForTest } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { compareModels } from './compare.js';
import { graphModel } from './model.js';
import { graphPage } from './page.js';

const api = defineComponent({
  name: 'api',
  tier: 'platform',
  defaults: { replicas: 2, image: 'nginxinc/nginx-unprivileged:1.27.3' },
  provides: ({ name, namespace }) => ({
    metricsStore: {
      component: name,
      namespace,
      remoteWriteUrl: `http://api.${namespace}.svc.cluster.local:8080/push`,
      queryUrl: `http://api.${namespace}.svc.cluster.local:8080/q`,
      multiTenant: false,
      pods: { remoteWriteUrl: selectorLabels(name, 'api'), queryUrl: selectorLabels(name, 'api') },
    },
  }),
  network: () => ({ ingress: [{ name: 'clients', from: [{ component: 'web' }], ports: [8080] }] }),
  build: (ctx) =>
    namedWorkloadObjects(
      'api',
      'deployment',
      deployment(ctx, {
        name: 'api',
        replicas: ctx.config.replicas,
        containers: [
          {
            name: 'api',
            image: ctx.config.image,
            ports: [{ name: 'http', containerPort: 8080 }],
            resources: { requests: { cpu: '10m', memory: '32Mi' }, limits: { memory: '64Mi' } },
          },
        ],
      }),
    ),
});

const web = defineComponent({
  name: 'web',
  tier: 'workloads',
  defaults: { replicas: 1 },
  network: ({ peers }) => ({
    egress: egressToEndpoints([endpointTarget(peers.require('metricsStore', 'test'), 'queryUrl')]),
  }),
  build: (ctx) =>
    namedWorkloadObjects(
      'web',
      'deployment',
      deployment(ctx, {
        name: 'web',
        replicas: ctx.config.replicas,
        containers: [
          {
            name: 'web',
            image: 'nginxinc/nginx-unprivileged:1.27.3',
            resources: { requests: { cpu: '10m', memory: '32Mi' }, limits: { memory: '64Mi' } },
          },
        ],
      }),
    ),
});

describe('graph model', () => {
  it('has every component by sync step, with dependency and wiring edges derived from the render', async () => {
    const { rendered } = await renderForTest([api(), web().after('api')]);
    const model = graphModel(rendered, {
      libraries: { api: { name: '@platform/api', version: '1.2.0', source: 'published' } },
    });
    expect(model.nodes.map((n) => [n.id, n.step, n.tier, n.pods])).toEqual([
      ['api', 1, 'platform', 2],
      ['web', 2, 'workloads', 1],
    ]);
    expect(model.edges.map((e) => [e.type, e.from, e.to, e.ports])).toEqual([
      ['dependency', 'api', 'web', undefined],
      ['wiring', 'web', 'api', [8080]],
    ]);
    expect(model.nodes[0]!.library).toEqual({ name: '@platform/api', version: '1.2.0', source: 'published' });
    expect(model.steps.map((s) => [s.wave, s.pods])).toEqual([
      [1, 2],
      [2, 1],
    ]);
  });

  it('marks what a change adds, removes and modifies', async () => {
    const { rendered: before } = await renderForTest([api(), web().after('api')]);
    const { rendered: after } = await renderForTest([api({ replicas: 3 })]);
    const diff = compareModels(graphModel(before), graphModel(after), 'main');
    expect(diff.nodes).toEqual({ api: 'changed', web: 'removed' });
    expect(diff.objects['api/deployment-api.yaml']).toBe('changed');
    expect(diff.reasons.api).toEqual(['pods 2 → 3', '2 objects added, removed or changed']);
    expect(Object.values(diff.edges)).toEqual(['removed', 'removed']);
  });

  it('is one deterministic page with the model inline', async () => {
    const { rendered } = await renderForTest([api(), web().after('api')]);
    const first = await graphPage(graphModel(rendered));
    expect(await graphPage(graphModel(rendered))).toBe(first);
    expect(first).toContain('data-component="api"');
    expect(first).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\/(?!www\.w3\.org)/);
  });
});
