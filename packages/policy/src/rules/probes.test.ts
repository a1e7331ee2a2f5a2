import type { IJob } from '@platform/core';
import { describe, expect, it } from 'vitest';
import { webFinding as finding, findingsOf, render, webWithContainer, webWithPod } from '../test/fixtures.js';

const job: IJob = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'migrate' },
  spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'migrate', image: 'busybox:1.37.0' }] } } },
};

describe('probe rules', () => {
  it('pass long-running containers with both probes, and ignore init containers and Jobs', async () => {
    const rendered = await render([
      webWithPod({ initContainers: [{ name: 'init', image: 'busybox:1.37.0' }] }).addObjects({ migrate_job: job }),
    ]);
    expect(findingsOf(rendered, 'probes.readiness')).toEqual([]);
    expect(findingsOf(rendered, 'probes.liveness')).toEqual([]);
  });

  it('probes.readiness and probes.liveness: report each missing probe', async () => {
    const rendered = await render([webWithContainer({ readinessProbe: null, livenessProbe: null })]);
    expect(findingsOf(rendered, 'probes.readiness')).toEqual([
      finding(
        'probes.readiness',
        'spec.template.spec.containers[name=web].readinessProbe',
        'container "web" has no readiness probe',
      ),
    ]);
    expect(findingsOf(rendered, 'probes.liveness')).toEqual([
      finding(
        'probes.liveness',
        'spec.template.spec.containers[name=web].livenessProbe',
        'container "web" has no liveness probe',
      ),
    ]);
  });
});
