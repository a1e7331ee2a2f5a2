// The SRE Grafana queries both metrics backends: its own Mimir, and staging's Prometheus history through Thanos.
import type { IConfigMap, IDeployment, INetworkPolicy, IService, RenderedEnvironment } from '@platform/core';
import { parseYaml } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import staging from '../staging/index.js';
import sre from './index.js';

function objstoreBucket(environment: RenderedEnvironment, component: string): string {
  const found = environment.objects.find(
    (o) => o.component === component && o.object.metadata?.name === 'thanos-objstore',
  );
  if (!found) throw new Error(`no thanos-objstore ConfigMap in ${component}`);
  return (parseYaml((found.object as IConfigMap).data!['objstore.yaml']!) as { config: { bucket: string } }).config
    .bucket;
}

describe("the SRE environment's global metrics view", () => {
  it("serves the bucket staging's Prometheus sidecars ship to, without compacting it", async () => {
    const [s, st] = await Promise.all([sre.render(), staging.render()]);
    expect(objstoreBucket(s, 'thanos')).toBe(objstoreBucket(st, 'prometheus'));
    expect(objstoreBucket(st, 'thanos')).toBe(objstoreBucket(st, 'prometheus'));
    // Exactly one compactor per bucket: staging's.
    expect(
      s.objects
        .filter((o) => o.component === 'thanos' && o.object.kind === 'StatefulSet')
        .map((o) => o.object.metadata!.name),
    ).toEqual(['thanos-store']);
    expect(st.objects.some((o) => o.component === 'thanos' && o.object.metadata?.name === 'thanos-compact')).toBe(true);
  });

  it('gives Grafana two Prometheus datasources: Mimir and the global Query Frontend, with the egress to reach it', async () => {
    const s = await sre.render();
    const datasources = s.objects.find(
      (o) => o.component === 'grafana' && o.object.metadata?.name === 'grafana-datasources',
    )!.object as IConfigMap;
    const urls = Object.values(datasources.data!)
      .flatMap((file) => (parseYaml(file) as { datasources: Array<{ type: string; url: string }> }).datasources)
      .filter((d) => d.type === 'prometheus')
      .map((d) => d.url);
    expect(urls).toEqual([
      'http://query-frontend.mimir.svc.cluster.local:8080/prometheus',
      'http://thanos-query-frontend.thanos.svc.cluster.local:10902',
    ]);
    const frontend = s.objects.find(
      (o) =>
        o.component === 'thanos' && o.object.kind === 'Service' && o.object.metadata?.name === 'thanos-query-frontend',
    );
    expect((frontend!.object as IService).spec!.ports!.map((p) => p.port)).toContain(10902);
    const egress = s.objects.find(
      (o) => o.component === 'grafana' && o.object.metadata?.name === 'allow-to-thanos-global',
    )!.object as INetworkPolicy;
    expect(egress.spec!.egress![0]!.ports).toEqual([{ port: 10902, protocol: 'TCP' }]);
    // Grafana reads provisioning files at start-up: the global view's file is part of what rolls its pods.
    const grafana = s.objects.find((o) => o.component === 'grafana' && o.object.kind === 'Deployment')!
      .object as IDeployment;
    expect(grafana.spec!.template.metadata!.annotations!['checksum/global-view']).toMatch(/^[0-9a-f]+$/);
  });
});
