import type { RenderedEnvironment } from '@platform/core';
import { describe, expect, it } from 'vitest';
import dev from '../environments/dev/index.js';
import { postgresDashboards } from '../packages/cloudnative-pg/src/dashboards.js';
import { contourDashboard } from '../packages/contour/src/dashboard.js';
import { DASHBOARD_SCHEMA_VERSION } from '../packages/dashboards/src/schema.js';
import { dashboardTypeErrors } from '../packages/dashboards/src/schema-check.test-helpers.js';
import { harborDashboards } from '../packages/harbor/src/dashboards.js';
import { karpenterDashboards } from '../packages/karpenter/src/dashboards.js';
import { kedaDashboards } from '../packages/keda/src/dashboards.js';
import { kyvernoDashboards } from '../packages/kyverno/src/dashboards.js';
import { lokiDashboards } from '../packages/loki/src/dashboards.js';
import { longhornDashboards } from '../packages/longhorn/src/dashboards.js';
import { mimirDashboards } from '../packages/mimir/src/dashboards.js';
import { openBaoDashboards } from '../packages/openbao/src/dashboards.js';
import { prometheusDashboards } from '../packages/prometheus/src/dashboards.js';
import { stepCaDashboard } from '../packages/step-ca/src/dashboard.js';
import { tempoDashboards } from '../packages/tempo/src/dashboards.js';
import { thanosDashboards } from '../packages/thanos/src/dashboards.js';
import { traefikDashboard } from '../packages/traefik/src/dashboard.js';
import { valkeyDashboards } from '../packages/valkey/src/dashboards.js';
import { veleroDashboards } from '../packages/velero/src/dashboards.js';

/** The part of a component context the libraries' dashboard builders read. */
// biome-ignore lint/suspicious/noExplicitAny: each library types its own config; the builders read only these.
const context = (name: string): any => ({ name, namespace: name, config: {}, environment: {} });

/** Every library's dashboards, as the `dashboards` capability publishes them. */
function libraryDashboards(): Array<{ name: string; json: unknown }> {
  const sets = [
    postgresDashboards('app-db', 'apps', 'app-db'),
    harborDashboards(context('harbor')),
    karpenterDashboards(context('karpenter')),
    kedaDashboards(context('keda')),
    kyvernoDashboards(context('kyverno')),
    lokiDashboards('loki', 'loki'),
    longhornDashboards(context('longhorn')),
    mimirDashboards(context('mimir')),
    openBaoDashboards(context('openbao')),
    prometheusDashboards(context('prometheus')),
    tempoDashboards('tempo', 'tempo', 'microservices'),
    tempoDashboards('tempo', 'tempo', 'monolithic'),
    thanosDashboards(context('thanos')),
    valkeyDashboards(context('valkey')),
    veleroDashboards(context('velero')),
  ];
  return [
    ...sets.flatMap((set) =>
      Object.entries(set.dashboards).map(([file, json]) => ({ name: `${set.component}/${file}`, json })),
    ),
    { name: 'contour', json: contourDashboard('contour') },
    { name: 'step-ca', json: stepCaDashboard('step-ca') },
    { name: 'traefik', json: traefikDashboard('traefik') },
  ];
}

/** The dashboards dev renders into Grafana's ConfigMaps, the platform's own included. */
async function renderedDashboards(): Promise<Array<{ name: string; json: unknown }>> {
  const rendered = (await (
    dev as unknown as { render(): Promise<RenderedEnvironment> }
  ).render()) as RenderedEnvironment;
  return rendered.objects.flatMap(({ object }) =>
    object.kind === 'ConfigMap'
      ? Object.entries((object as { data?: Record<string, string> }).data ?? {})
          .filter(([file]) => file.endsWith('.json'))
          .map(([file, text]) => ({ name: `dev ${object.metadata?.name}/${file}`, json: JSON.parse(text) }))
      : [],
  );
}

describe('every dashboard', () => {
  it("of every library and of dev is a Grafana dashboard JSON model of the SDK's schema version", async () => {
    const documents = [...libraryDashboards(), ...(await renderedDashboards())];
    expect(documents.length).toBeGreaterThanOrEqual(25);
    for (const { name, json } of documents)
      expect((json as { schemaVersion: number }).schemaVersion, name).toBe(DASHBOARD_SCHEMA_VERSION);
    expect(dashboardTypeErrors(documents)).toEqual([]);
    const uids = documents.filter((d) => !d.name.startsWith('dev ')).map((d) => (d.json as { uid: string }).uid);
    for (const uid of uids) expect(uid.length, uid).toBeLessThanOrEqual(40);
  });

  it('has a data source variable, and a cluster variable unless it opts out', () => {
    for (const { name, json } of libraryDashboards()) {
      const variables = (json as { templating: { list: Array<{ name: string }> } }).templating.list.map((v) => v.name);
      expect(variables, name).toContain('datasource');
      expect(variables, name).toContain('cluster');
    }
  });
});
