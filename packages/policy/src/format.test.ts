import { describe, expect, it } from 'vitest';
import { runPolicies } from './engine.js';
import { formatJson, formatTable } from './format.js';
import type { PolicyReport } from './report.js';
import { leafCertificate, render, web } from './test/fixtures.js';
import { waiverAnnotation } from './waivers.js';

const certificate = leafCertificate('api');

async function sampleReport(): Promise<PolicyReport> {
  const agent = web()
    .named('agent')
    .override({
      web_deployment: {
        spec: {
          template: {
            metadata: {
              annotations: { [waiverAnnotation('pod-security.host-path')]: 'reads container logs from the node' },
            },
            spec: { volumes: [{ name: 'varlog', hostPath: { path: '/var/log' } }] },
          },
        },
      },
    });
  const api = web()
    .named('api')
    .addObjects({ api_certificate: certificate })
    .override({
      web_deployment: {
        spec: {
          template: { spec: { containers: [{ name: 'web', livenessProbe: null, resources: { limits: null } }] } },
        },
      },
    });
  return runPolicies(await render([agent, api]), { severities: { 'probes.liveness': 'warn' } });
}

describe('formatTable', () => {
  it('groups findings by component, then lists waivers with their reasons, then totals', async () => {
    expect(formatTable(await sampleReport())).toBe(
      [
        'Policy check of environment "test"',
        '',
        '_environment',
        '  error  certificates.expiry-alert  (environment)',
        '         the environment renders 1 Certificate but no PrometheusRule whose expression uses certmanager_certificate_expiration_timestamp_seconds',
        '',
        'api',
        '  warn   probes.liveness            Deployment/api/web',
        '         at spec.template.spec.containers[name=web].livenessProbe',
        '         container "web" has no liveness probe',
        '  error  resources.memory-limit     Deployment/api/web',
        '         at spec.template.spec.containers[name=web].resources.limits.memory',
        '         container "web" has no memory limit',
        '',
        'Waivers',
        '  agent',
        '    error  pod-security.host-path     Deployment/agent/web',
        '           at spec.template.spec.volumes[name=varlog].hostPath',
        '           volume "varlog" mounts the node\'s /var/log',
        '           reason: reads container logs from the node',
        '           waived by spec.template.metadata.annotations["policy.platform.dev/waive.pod-security.host-path"]',
        '',
        'test: 2 errors, 1 warning, 1 waived',
        '',
      ].join('\n'),
    );
  });

  it('says so when there is nothing to report', async () => {
    expect(formatTable(runPolicies(await render([web()])))).toBe(
      'Policy check of environment "test"\n\nNo findings.\n\nWaivers\n  none\n\ntest: 0 errors, 0 warnings, 0 waived\n',
    );
  });
});

describe('formatJson', () => {
  it('writes every field of every finding in a fixed order', async () => {
    const json = formatJson(await sampleReport());
    expect(json.endsWith('}\n')).toBe(true);
    const document = JSON.parse(json);
    expect(Object.keys(document)).toEqual(['environment', 'errors', 'warnings', 'findings', 'waived']);
    expect(document).toMatchObject({ environment: 'test', errors: 2, warnings: 1 });
    expect(document.findings[0]).toEqual({
      rule: 'certificates.expiry-alert',
      severity: 'error',
      environment: 'test',
      component: '_environment',
      object: null,
      path: null,
      message:
        'the environment renders 1 Certificate but no PrometheusRule whose expression uses certmanager_certificate_expiration_timestamp_seconds',
    });
    expect(Object.keys(document.findings[1])).toEqual([
      'rule',
      'severity',
      'environment',
      'component',
      'object',
      'path',
      'message',
    ]);
    expect(document.waived).toEqual([
      {
        rule: 'pod-security.host-path',
        severity: 'error',
        environment: 'test',
        component: 'agent',
        object: 'Deployment/agent/web',
        path: 'spec.template.spec.volumes[name=varlog].hostPath',
        message: 'volume "varlog" mounts the node\'s /var/log',
        reason: 'reads container logs from the node',
        waiver: 'spec.template.metadata.annotations["policy.platform.dev/waive.pod-security.host-path"]',
      },
    ]);
  });

  it('is the same for the same render', async () => {
    expect(formatJson(await sampleReport())).toBe(formatJson(await sampleReport()));
  });
});
