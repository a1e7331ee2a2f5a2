import { renderForTest } from '@platform/core/testing';
import {
  FAKE_STORES as FAKE,
  fakeLogsStore as fakeLoki,
  fakeMetricsStore as fakeMimir,
  fakeTracesStore as fakeTempo,
} from '@platform/test-fakes';
import { describe, expect, it } from 'vitest';
import { grafana } from './index.js';
import { datasourcesOf } from './objects.test-helpers.js';

describe('grafana datasources', () => {
  it('are the stores of the environment, at the URLs they publish, with the tenant header', async () => {
    const { objects } = await renderForTest([fakeMimir({ alertmanager: true }), fakeLoki(), fakeTempo(), grafana()]);
    const list = datasourcesOf(objects('grafana'));
    expect(list.map((d) => [d.uid, d.type, d.url, d.isDefault])).toEqual([
      ['fake-mimir-metrics', 'prometheus', FAKE.metricsQueryUrl, true],
      ['fake-mimir-alertmanager', 'alertmanager', FAKE.alertmanagerUrl, false],
      ['fake-loki-logs', 'loki', FAKE.logsQueryUrl, false],
      ['fake-tempo-traces', 'tempo', FAKE.tracesQueryUrl, false],
    ]);
    for (const datasource of list) {
      expect(datasource.jsonData.httpHeaderName1).toBe('X-Scope-OrgID');
      // The environment's tenant, by default its name.
      expect(datasource.secureJsonData).toEqual({ httpHeaderValue1: 'test' });
      expect(datasource.editable).toBe(false);
    }
  });

  it('send no tenant header to single-tenant stores', async () => {
    const { objects } = await renderForTest([fakeMimir({ multiTenant: false }), grafana()], {
      settings: {
        baseDomain: 'x.example.com',
        objectStorage: { endpoint: 's3.example.com', region: 'r', bucketPrefix: 'b' },
        tenant: 'acme',
      },
    });
    const [metrics] = datasourcesOf(objects('grafana'));
    expect(metrics!.jsonData.httpHeaderName1).toBeUndefined();
    expect(metrics!.secureJsonData).toBeUndefined();
  });

  it('link traces, logs and metrics to each other when the stores exist', async () => {
    const { objects } = await renderForTest([fakeMimir(), fakeLoki(), fakeTempo(), grafana()]);
    const byType = Object.fromEntries(datasourcesOf(objects('grafana')).map((d) => [d.type, d]));
    expect(byType.tempo!.jsonData.tracesToLogsV2).toMatchObject({
      datasourceUid: 'fake-loki-logs',
      filterByTraceID: true,
    });
    expect(byType.tempo!.jsonData.serviceMap).toEqual({ datasourceUid: 'fake-mimir-metrics' });
    expect(byType.loki!.jsonData.derivedFields).toEqual([
      expect.objectContaining({ name: 'TraceID', datasourceUid: 'fake-tempo-traces', url: '$${__value.raw}' }),
    ]);
    expect(byType.prometheus!.jsonData.exemplarTraceIdDestinations).toEqual([
      { name: 'trace_id', datasourceUid: 'fake-tempo-traces' },
    ]);
  });

  it('have no links to stores that are absent', async () => {
    const { objects } = await renderForTest([fakeMimir(), fakeLoki(), grafana()]);
    const list = datasourcesOf(objects('grafana'));
    expect(list.map((d) => d.type)).toEqual(['prometheus', 'loki']);
    expect(list[0]!.jsonData.exemplarTraceIdDestinations).toBeUndefined();
    expect(list[1]!.jsonData.derivedFields).toBeUndefined();
  });

  it('fail to render with a clear message when a required store is missing', async () => {
    await expect(renderForTest([fakeLoki(), grafana()])).rejects.toThrow(
      'test › grafana: needs a component that provides "metricsStore" (Grafana shows its metrics as a Prometheus datasource; to run without one, remove "metricsStore" from grafana\'s require), and the environment has none',
    );
    await expect(renderForTest([fakeMimir(), grafana({ require: ['metricsStore', 'tracesStore'] })])).rejects.toThrow(
      'needs a component that provides "tracesStore"',
    );
    const { objects } = await renderForTest([grafana({ require: [] })]);
    expect(datasourcesOf(objects('grafana'))).toEqual([]);
  });
});
