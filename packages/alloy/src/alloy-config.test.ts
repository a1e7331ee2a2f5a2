import { FAKE_STORES as FAKE, fakeLogs, fakeMetrics, fakeTraces } from '@platform/test-fakes';
import { describe, expect, it } from 'vitest';
import { type AlloyConfigInput, generateAlloyConfig } from './alloy-config.js';
import { type AlloyConfig, defaults } from './config.js';

const metrics = fakeMetrics({ component: 'mimir' });
const logs = fakeLogs({ component: 'loki' });
const traces = fakeTraces({ component: 'tempo' });

function generate(
  stores: Partial<AlloyConfigInput['stores']>,
  config: Partial<AlloyConfig> = {},
  serviceMonitors = true,
) {
  return generateAlloyConfig({
    config: { ...defaults, ...config },
    cluster: 'prod-eu1',
    tenant: 'acme',
    serviceMonitors,
    stores: { metrics: [], logs: [], traces: [], ...stores },
  });
}

/** The text of one top-level component, from its header to its closing brace. */
function component(text: string, id: string): string {
  const [name, label] = [id.slice(0, id.lastIndexOf('.')), id.slice(id.lastIndexOf('.') + 1)];
  const start = text.indexOf(`${name} "${label}" {`);
  if (start < 0) throw new Error(`no component ${id} in:\n${text}`);
  return text.slice(start, text.indexOf('\n}\n', start) + 3);
}

describe('generateAlloyConfig', () => {
  it('writes metrics and logs to exactly the stores present, with the tenant header', () => {
    const out = generate({ metrics: [metrics], logs: [logs] });
    expect(component(out.text, 'prometheus.remote_write.mimir')).toContain(`url     = "${FAKE.remoteWriteUrl}"`);
    expect(component(out.text, 'prometheus.remote_write.mimir')).toContain('"X-Scope-OrgID" = "acme"');
    expect(component(out.text, 'prometheus.remote_write.mimir')).toContain('cluster = "prod-eu1"');
    expect(component(out.text, 'loki.write.loki')).toContain(`url       = "${FAKE.pushUrl}"`);
    expect(component(out.text, 'loki.write.loki')).toContain('tenant_id = "acme"');
    expect(
      out.components.filter((id) => id.startsWith('prometheus.remote_write.') || id.startsWith('loki.write.')),
    ).toEqual(['prometheus.remote_write.mimir', 'loki.write.loki']);
  });

  it('sends no tenant to single-tenant stores', () => {
    const out = generate({ metrics: [{ ...metrics, multiTenant: false }], logs: [{ ...logs, multiTenant: false }] });
    expect(out.text).not.toContain('X-Scope-OrgID');
    expect(out.text).not.toContain('tenant_id');
  });

  it('has no tracing block when there is no trace store', () => {
    const out = generate({ metrics: [metrics], logs: [logs] });
    expect(out.components).not.toContain('otelcol.exporter.otlp.tempo');
    expect(out.text).not.toContain('otelcol.exporter.otlp ');
    expect(out.text).not.toMatch(/traces\s*=/);
    // OTLP metrics and logs are still accepted and converted into the stores present.
    expect(component(out.text, 'otelcol.receiver.otlp.default')).toContain(
      'metrics = [otelcol.processor.batch.otlp.input]',
    );
    expect(component(out.text, 'otelcol.exporter.prometheus.otlp')).toContain(
      'forward_to = [prometheus.remote_write.mimir.receiver]',
    );
  });

  it('forwards OTLP traces to the trace store with the tenant header', () => {
    const out = generate({ metrics: [metrics], logs: [logs], traces: [traces] });
    const exporter = component(out.text, 'otelcol.exporter.otlp.tempo');
    expect(exporter).toContain(`endpoint = "${FAKE.otlpGrpcAddress}"`);
    expect(exporter).toContain('"X-Scope-OrgID" = "acme"');
    expect(exporter).toContain('insecure = true');
    expect(component(out.text, 'otelcol.processor.batch.otlp')).toContain(
      'traces  = [otelcol.exporter.otlp.tempo.input]',
    );
    expect(component(out.text, 'otelcol.receiver.otlp.default')).toContain('endpoint = "0.0.0.0:4317"');
    expect(component(out.text, 'otelcol.receiver.otlp.default')).toContain('endpoint = "0.0.0.0:4318"');
    expect(out.otlp).toBe(true);
  });

  it('adds the extra SRE targets with credentials read from mounted Secrets', () => {
    const out = generate(
      { metrics: [metrics], logs: [logs] },
      {
        extraMetricsTargets: [
          {
            name: 'sre',
            url: 'https://mimir.sre.example.com/api/v1/push',
            tenant: 'cluster-prod',
            basicAuth: { username: 'prod', passwordSecret: { name: 'sre-metrics', key: 'password' } },
          },
        ],
        extraLogsTargets: [
          {
            name: 'sre',
            url: 'https://loki.sre.example.com/loki/api/v1/push',
            bearerTokenSecret: { name: 'sre-logs', key: 'token' },
            headers: { 'X-Source': 'prod' },
          },
        ],
      },
    );
    const remoteWrite = component(out.text, 'prometheus.remote_write.extra_sre');
    expect(remoteWrite).toContain('url     = "https://mimir.sre.example.com/api/v1/push"');
    expect(remoteWrite).toContain('"X-Scope-OrgID" = "cluster-prod"');
    expect(remoteWrite).toContain('username = "prod"');
    expect(remoteWrite).toContain('password = local.file.metrics_extra_sre_password.content');
    expect(component(out.text, 'local.file.metrics_extra_sre_password')).toContain(
      'filename  = "/etc/alloy/secrets/sre-metrics/password"',
    );
    const lokiWrite = component(out.text, 'loki.write.extra_sre');
    expect(lokiWrite).toContain('bearer_token = local.file.logs_extra_sre_token.content');
    expect(lokiWrite).toContain('"X-Source" = "prod"');
    expect(component(out.text, 'local.file.logs_extra_sre_token')).toContain('is_secret = true');
    // Every scrape and log pipeline fans out to the store and the extra target.
    expect(component(out.text, 'prometheus.scrape.kubelet')).toContain(
      'forward_to        = [prometheus.remote_write.mimir.receiver, prometheus.remote_write.extra_sre.receiver]',
    );
    expect(component(out.text, 'loki.process.pod_logs')).toContain(
      'forward_to = [loki.write.loki.receiver, loki.write.extra_sre.receiver]',
    );
  });

  it('keeps the credentials of a metrics and a logs target with the same name apart', () => {
    const auth = { username: 'prod', passwordSecret: { name: 'sre-push', key: 'password' } };
    const out = generate(
      { metrics: [metrics], logs: [logs] },
      {
        extraMetricsTargets: [{ name: 'sre', url: 'https://mimir.sre.example.com/api/v1/push', basicAuth: auth }],
        extraLogsTargets: [{ name: 'sre', url: 'https://loki.sre.example.com/loki/api/v1/push', basicAuth: auth }],
      },
    );
    expect(component(out.text, 'prometheus.remote_write.extra_sre')).toContain(
      'password = local.file.metrics_extra_sre_password.content',
    );
    expect(component(out.text, 'loki.write.extra_sre')).toContain(
      'password = local.file.logs_extra_sre_password.content',
    );
  });

  it('tails pod log files of this node only and reads the journal', () => {
    const out = generate({ logs: [logs] });
    expect(component(out.text, 'discovery.kubernetes.pods')).toContain(
      'field = "spec.nodeName=" + sys.env("K8S_NODE_NAME")',
    );
    expect(component(out.text, 'discovery.relabel.pod_logs')).toContain('replacement   = "/var/log/pods/*$1/*.log"');
    expect(component(out.text, 'loki.source.file.pod_logs')).toContain('forward_to = [loki.process.pod_logs.receiver]');
    expect(component(out.text, 'loki.source.journal.node')).toContain('relabel_rules = loki.relabel.journal.rules');
    expect(out.podLogs).toBe(true);
    expect(out.journal).toBe(true);
    // Without a metrics store, nothing scrapes.
    expect(out.components.some((id) => id.startsWith('prometheus.'))).toBe(false);
  });

  it('scrapes the local kubelet and cAdvisor with the ServiceAccount token', () => {
    const out = generate(
      { metrics: [metrics] },
      { metrics: { ...defaults.metrics, kubeletInsecureSkipVerify: false } },
    );
    const kubelet = component(out.text, 'prometheus.scrape.kubelet');
    expect(kubelet).toContain('scheme            = "https"');
    expect(kubelet).toContain('bearer_token_file = "/var/run/secrets/kubernetes.io/serviceaccount/token"');
    expect(kubelet).toContain('insecure_skip_verify = false');
    expect(component(out.text, 'prometheus.scrape.cadvisor')).toContain('metrics_path      = "/metrics/cadvisor"');
    expect(component(out.text, 'discovery.kubernetes.node')).toContain(
      'field = "metadata.name=" + sys.env("K8S_NODE_NAME")',
    );
  });

  it('shares ServiceMonitor and PodMonitor targets across the Alloy cluster only when the environment renders monitors', () => {
    const withMonitors = generate({ metrics: [metrics] });
    expect(withMonitors.clustering).toBe(true);
    expect(component(withMonitors.text, 'prometheus.operator.servicemonitors.cluster')).toContain(
      'kubernetes_role = "endpointslice"',
    );
    expect(component(withMonitors.text, 'prometheus.operator.podmonitors.cluster')).toContain('enabled = true');
    const without = generate({ metrics: [metrics] }, {}, false);
    expect(without.clustering).toBe(false);
    expect(without.components.some((id) => id.startsWith('prometheus.operator.'))).toBe(false);
  });

  it('turns pipelines off as configured', () => {
    const out = generate(
      { metrics: [metrics], logs: [logs] },
      {
        logs: { pods: false, journal: false },
        metrics: { ...defaults.metrics, kubelet: false, cadvisor: false, annotatedPods: false },
        otlp: { enabled: false, allowedNamespaces: [] },
      },
      false,
    );
    expect(out.components).toEqual(['prometheus.remote_write.mimir', 'loki.write.loki']);
    expect(out.otlp).toBe(false);
  });

  it('is deterministic', () => {
    const a = generate(
      { metrics: [metrics], logs: [logs], traces: [traces] },
      { externalLabels: { region: 'eu', team: 'sre' } },
    );
    const b = generate(
      { metrics: [metrics], logs: [logs], traces: [traces] },
      { externalLabels: { team: 'sre', region: 'eu' } },
    );
    expect(a.text).toBe(b.text);
  });
});
