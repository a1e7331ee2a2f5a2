import { replace } from '@platform/core';
import { describe, expect, it } from 'vitest';
import { webFinding as finding, findingsOf, render, web, webWithPod } from '../test/fixtures.js';

describe('resource rules', () => {
  it('pass containers with CPU and memory requests and a memory limit', async () => {
    const rendered = await render([web()]);
    expect(findingsOf(rendered, 'resources.requests')).toEqual([]);
    expect(findingsOf(rendered, 'resources.memory-limit')).toEqual([]);
  });

  it('resources.requests: a missing request is reported per resource; a limit stands in for its request', async () => {
    const rendered = await render([
      webWithPod({
        containers: [{ name: 'web', resources: replace({ limits: { cpu: '1', memory: '128Mi' } }) }],
        initContainers: [{ name: 'init', image: 'busybox:1.37.0', resources: { limits: { memory: '32Mi' } } }],
      }),
    ]);
    expect(findingsOf(rendered, 'resources.requests')).toEqual([
      finding(
        'resources.requests',
        'spec.template.spec.initContainers[name=init].resources.requests.cpu',
        'init container "init" has no CPU request',
      ),
    ]);
  });

  it('resources.memory-limit: init containers count', async () => {
    const rendered = await render([
      webWithPod({
        containers: [{ name: 'web', resources: { limits: null } }],
        initContainers: [
          { name: 'init', image: 'busybox:1.37.0', resources: { requests: { cpu: '10m', memory: '32Mi' } } },
        ],
      }),
    ]);
    expect(findingsOf(rendered, 'resources.memory-limit')).toEqual([
      finding(
        'resources.memory-limit',
        'spec.template.spec.containers[name=web].resources.limits.memory',
        'container "web" has no memory limit',
      ),
      finding(
        'resources.memory-limit',
        'spec.template.spec.initContainers[name=init].resources.limits.memory',
        'init container "init" has no memory limit',
      ),
    ]);
    expect(findingsOf(rendered, 'resources.requests')).toEqual([]);
  });
});
