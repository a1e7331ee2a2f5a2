import type { IConfigMap } from '@platform/core';
import { renderForTest } from '@platform/core/testing';
import { fakeLogsStore as fakeLoki, fakeMetricsStore as fakeMimir } from '@platform/test-fakes';
import { describe, expect, it } from 'vitest';
import { CONFIGMAP_BUDGET } from './dashboards.js';
import { fakeDashboards } from './fakes.test-helpers.js';
import { grafana } from './index.js';
import { podOf } from './objects.test-helpers.js';
import { readProvisioningFile } from './provisioning-file.js';

describe('grafana dashboards', () => {
  const dashboards = {
    'writes.json': { uid: 'writes', title: 'Writes', panels: [{ type: 'timeseries', id: 1 }] },
    'reads.json': { title: 'Reads', uid: 'reads' },
  };

  it('become a ConfigMap per component, a folder per component and a mount', async () => {
    const { objects } = await renderForTest([
      fakeMimir(),
      fakeDashboards({ dashboards }),
      grafana({ dashboards: { files: { 'home.json': { uid: 'home', title: 'Home' } } } }),
    ]);
    const rendered = objects('grafana');
    const configMap = rendered.dashboards_fake_app_configmap as IConfigMap;
    expect(configMap.metadata!.name).toBe('grafana-dashboards-fake-app');
    // Keys sorted at every depth, whatever order the dashboard was built in.
    expect(configMap.data).toEqual({
      'reads.json': '{"title":"Reads","uid":"reads"}',
      'writes.json': '{"panels":[{"id":1,"type":"timeseries"}],"title":"Writes","uid":"writes"}',
    });
    // Grafana's own folder: the environment's dashboards beside the platform's.
    const own = (rendered.dashboards_grafana_configmap as IConfigMap).data!;
    expect(Object.keys(own)).toEqual([
      'home.json',
      'platform-argocd-applications.json',
      'platform-certificates.json',
      'platform-components.json',
      'platform-kubernetes-resources.json',
    ]);
    expect(own['home.json']).toBe('{"title":"Home","uid":"home"}');
    expect(JSON.parse(own['platform-kubernetes-resources.json']!)).toMatchObject({
      uid: 'platform-kubernetes-resources',
      schemaVersion: 42,
    });
    const providers = readProvisioningFile<{ providers: Array<Record<string, unknown>> }>(
      (rendered.dashboard_providers_configmap as IConfigMap).data!['providers.yaml']!,
    );
    expect(
      providers.providers.map((p) => [p.name, p.folder, p.folderUid, (p.options as { path: string }).path]),
    ).toEqual([
      ['fake-app', 'Fake App', 'fake-app', '/var/lib/grafana-dashboards/fake-app'],
      ['grafana', 'Platform', 'grafana', '/var/lib/grafana-dashboards/grafana'],
    ]);
    const pod = podOf(rendered);
    expect(pod.volumes).toContainEqual({
      name: 'dashboards-fake-app',
      projected: { sources: [{ configMap: { name: 'grafana-dashboards-fake-app' } }] },
    });
    expect(pod.containers[0]!.volumeMounts).toContainEqual({
      name: 'dashboards-fake-app',
      mountPath: '/var/lib/grafana-dashboards/fake-app',
      readOnly: true,
    });
  });

  it('are split over several ConfigMaps of one volume when they do not fit in one', async () => {
    const big = (n: number) => ({ uid: `big-${n}`, description: 'x'.repeat(Math.floor(CONFIGMAP_BUDGET / 2.5)) });
    const { objects } = await renderForTest([
      fakeMimir(),
      fakeDashboards({ dashboards: { 'a.json': big(1), 'b.json': big(2), 'c.json': big(3) } }),
      grafana(),
    ]);
    const rendered = objects('grafana');
    expect(Object.keys((rendered.dashboards_fake_app_1_configmap as IConfigMap).data!)).toEqual(['a.json', 'b.json']);
    expect(Object.keys((rendered.dashboards_fake_app_2_configmap as IConfigMap).data!)).toEqual(['c.json']);
    expect(podOf(rendered).volumes).toContainEqual({
      name: 'dashboards-fake-app',
      projected: {
        sources: [
          { configMap: { name: 'grafana-dashboards-fake-app-1' } },
          { configMap: { name: 'grafana-dashboards-fake-app-2' } },
        ],
      },
    });
  });

  it('reject file names Grafana would not load', async () => {
    await expect(
      renderForTest([fakeMimir(), fakeDashboards({ dashboards: { 'writes.yaml': {} } }), grafana()]),
    ).rejects.toThrow('dashboard file names must end in .json');
  });
  it('renders the same bytes for the same environment, whatever order dashboards were built in', async () => {
    const a = await renderForTest([
      fakeMimir(),
      fakeLoki(),
      fakeDashboards({ dashboards: { 'x.json': { b: 1, a: { d: 2, c: 3 } } } }),
      grafana(),
    ]);
    const b = await renderForTest([
      fakeMimir(),
      fakeLoki(),
      fakeDashboards({ dashboards: { 'x.json': { a: { c: 3, d: 2 }, b: 1 } } }),
      grafana(),
    ]);
    const files = (r: typeof a) => [...r.rendered.files].filter(([path]) => path.startsWith('grafana/'));
    expect(files(b)).toEqual(files(a));
  });
});
