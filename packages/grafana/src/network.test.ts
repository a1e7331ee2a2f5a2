import type { INetworkPolicy } from '@platform/core';
import { connectionProblems, renderForTest } from '@platform/core/testing';
import {
  FAKE_STORES as FAKE,
  fakeLogsStore as fakeLoki,
  fakeMetricsStore as fakeMimir,
  fakeStorePods,
  fakeTracesStore as fakeTempo,
} from '@platform/test-fakes';
import { describe, expect, it } from 'vitest';
import { grafana } from './index.js';
import { datasourcesOf } from './objects.test-helpers.js';

describe('grafana network access', () => {
  it('may reach exactly the pods behind each datasource URL, on its port', async () => {
    const { objects } = await renderForTest([fakeMimir({ alertmanager: true }), fakeLoki(), fakeTempo(), grafana()]);
    const rendered = objects('grafana');
    const egress = (key: string) => (rendered[key] as INetworkPolicy).spec!.egress;
    const to = (namespace: string, service: string) => [
      {
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': namespace } },
        podSelector: { matchLabels: fakeStorePods(namespace, service) },
      },
    ];
    expect(egress('networkpolicy_allow_to_fake_mimir_query_frontend')).toEqual([
      { to: to('fake-mimir', 'query-frontend'), ports: [{ port: 8080, protocol: 'TCP' }] },
    ]);
    expect(egress('networkpolicy_allow_to_fake_mimir_alertmanager')).toEqual([
      { to: to('fake-mimir', 'alertmanager'), ports: [{ port: 8080, protocol: 'TCP' }] },
    ]);
    expect(egress('networkpolicy_allow_to_fake_loki_read')).toEqual([
      { to: to('fake-loki', 'read'), ports: [{ port: 3100, protocol: 'TCP' }] },
    ]);
    expect(egress('networkpolicy_allow_to_fake_tempo_query_frontend')).toEqual([
      { to: to('fake-tempo', 'query-frontend'), ports: [{ port: 3200, protocol: 'TCP' }] },
    ]);
    // Nothing else of the stores' namespaces: not their write paths.
    expect(
      Object.keys(rendered)
        .filter((key) => key.startsWith('networkpolicy_allow_to_'))
        .sort(),
    ).toEqual([
      'networkpolicy_allow_to_fake_loki_read',
      'networkpolicy_allow_to_fake_mimir_alertmanager',
      'networkpolicy_allow_to_fake_mimir_query_frontend',
      'networkpolicy_allow_to_fake_tempo_query_frontend',
    ]);
  });

  it("can connect to every datasource URL: its egress and the stores' ingress both allow it, for the Services the URLs name", async () => {
    const { rendered, objects } = await renderForTest([
      fakeMimir({ alertmanager: true }),
      fakeLoki(),
      fakeTempo(),
      grafana(),
    ]);
    const urls = datasourcesOf(objects('grafana')).map((d) => d.url);
    expect(urls).toEqual([FAKE.metricsQueryUrl, FAKE.alertmanagerUrl, FAKE.logsQueryUrl, FAKE.tracesQueryUrl]);
    for (const url of urls) expect(connectionProblems(rendered, 'grafana', url), url).toEqual([]);
    // The write paths are Alloy's: Grafana's egress does not open them, and the stores do not admit Grafana there.
    expect(connectionProblems(rendered, 'grafana', FAKE.remoteWriteUrl)).toEqual([
      'no NetworkPolicy in grafana lets grafana connect to fake-mimir/distributor:8080',
      'no NetworkPolicy in fake-mimir admits grafana/grafana to distributor:8080',
    ]);
  });
});
