import { defineComponent, deployment, namedWorkloadObjects } from '@platform/core';
import { stubComponent } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { findingsOf, render } from '../test/fixtures.js';

/** A Deployment the workload helper scales on CPU (an HPA beside it). */
const api = defineComponent({
  name: 'api',
  tier: 'workloads',
  defaults: {},
  build: (context) =>
    namedWorkloadObjects(
      'api',
      'deployment',
      deployment(context, {
        name: 'api',
        autoscaling: { min: 2, max: 6 },
        containers: [
          {
            name: 'api',
            image: 'example/api:1.0.0',
            resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '64Mi' } },
          },
        ],
      }),
    ),
});
const metricsServer = stubComponent('metrics-server', {
  resourceMetrics: { component: 'metrics-server', namespace: 'metrics-server', apiService: 'v1beta1.metrics.k8s.io' },
});

describe('autoscaling.metrics-api', () => {
  it('fails an HPA on CPU when nothing serves the resource metrics API, naming the fix', async () => {
    const [finding, ...rest] = findingsOf(await render([api()]), 'autoscaling.metrics-api');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ component: 'api', object: 'HorizontalPodAutoscaler/api/api', severity: 'error' });
    expect(finding!.message).toContain('scales on cpu, but nothing serves the resource metrics API');
  });

  it('passes with a component providing resourceMetrics, or a managed APIService declared external', async () => {
    expect(findingsOf(await render([api(), metricsServer]), 'autoscaling.metrics-api')).toEqual([]);
    const external = await render([api()], { external: ['Namespace//argocd', 'APIService//v1beta1.metrics.k8s.io'] });
    expect(findingsOf(external, 'autoscaling.metrics-api')).toEqual([]);
  });
});
