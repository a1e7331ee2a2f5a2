import { hungProcessProbe, type IDaemonSet } from '@platform/core';
import { renderForTest } from '@platform/core/testing';
import { fakeLogsStore, fakeMetricsStore } from '@platform/test-fakes';
import { describe, expect, it } from 'vitest';
import { alloy } from './index.js';

describe('alloy probes', () => {
  it('is ready once its configuration loaded, and restarted only when its HTTP port stops accepting connections', async () => {
    const { objects } = await renderForTest([fakeMetricsStore(), fakeLogsStore(), alloy()]);
    const [container] = (objects('alloy').alloy_daemonset as IDaemonSet).spec!.template.spec!.containers;
    expect(container!.readinessProbe).toEqual({
      httpGet: { path: '/-/ready', port: 'http-metrics' },
      initialDelaySeconds: 10,
      timeoutSeconds: 1,
    });
    // Neither /-/healthy (component health, which a restart does not fix) nor /-/ready (false during the WAL replay of the initial load).
    expect(container!.livenessProbe).toEqual(hungProcessProbe('http-metrics'));
  });
});
