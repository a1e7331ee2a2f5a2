import type { IDaemonSet, IServiceMonitor } from '@platform/core';
import { renderForTest } from '@platform/core/testing';
import { runPolicies } from '@platform/policy';
import { describe, expect, it } from 'vitest';
import { CLUSTER_APIS } from './fixtures.test-helpers.js';
import { nodeExporter } from './index.js';

describe('nodeExporter', () => {
  it('measures every node from the host namespaces, read-only and as nobody, its host access waived with reasons', async () => {
    const { objects, rendered } = await renderForTest([nodeExporter()], { clusterApis: CLUSTER_APIS });
    const set = objects('node-exporter').node_exporter_daemonset as IDaemonSet;
    const pod = set.spec!.template.spec!;
    expect(pod).toMatchObject({ hostNetwork: true, hostPID: true, tolerations: [{ operator: 'Exists' }] });
    expect(pod.volumes!.filter((v) => v.hostPath).map((v) => [v.name, v.hostPath!.path])).toEqual([
      ['proc', '/proc'],
      ['sys', '/sys'],
      ['root', '/'],
    ]);
    const container = pod.containers[0]!;
    expect(container.image).toBe('quay.io/prometheus/node-exporter:v1.12.1');
    const hostMounts = container.volumeMounts!.filter((m) => ['proc', 'sys', 'root'].includes(m.name));
    expect(hostMounts.map((m) => [m.mountPath, m.readOnly])).toEqual([
      ['/host/proc', true],
      ['/host/sys', true],
      ['/host/root', true],
    ]);
    expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true });
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 65534 });
    const report = runPolicies(rendered);
    expect(report.findings.filter((f) => f.component === 'node-exporter' && f.severity === 'error')).toEqual([]);
    const waived = new Set(report.waived.filter((w) => w.component === 'node-exporter').map((w) => w.rule));
    expect([...waived].sort()).toEqual(['pod-security.host-namespaces', 'pod-security.host-path']);
    for (const w of report.waived) expect(w.reason.length).toBeGreaterThan(20);
  });

  it('names each target by its node, so node alerts say which node', async () => {
    const { objects } = await renderForTest([nodeExporter()], { clusterApis: CLUSTER_APIS });
    const monitor = objects('node-exporter').node_exporter_servicemonitor as IServiceMonitor;
    expect(monitor.spec!.endpoints[0]!.relabelings).toEqual([
      { action: 'replace', sourceLabels: ['__meta_kubernetes_pod_node_name'], targetLabel: 'instance' },
    ]);
  });
});
