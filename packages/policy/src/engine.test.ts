import { defineComponent, PlatformError, type PolicyRule } from '@platform/core';
import { describe, expect, it } from 'vitest';
import { runPolicies } from './engine.js';
import { render, web, webFinding } from './test/fixtures.js';
import { waiverAnnotation } from './waivers.js';

const HOST_PATH = 'pod-security.host-path';
const hostPathMessage = 'volume "varlog" mounts the node\'s /var/log';
const hostPathFinding = webFinding(HOST_PATH, 'spec.template.spec.volumes[name=varlog].hostPath', hostPathMessage);

/** The web fixture with a hostPath volume, and the given annotations on the Deployment and on its pod template. */
function withHostPath(annotations: { workload?: Record<string, string>; template?: Record<string, string> } = {}) {
  return web().override({
    web_deployment: {
      metadata: annotations.workload ? { annotations: annotations.workload } : {},
      spec: {
        template: {
          metadata: annotations.template ? { annotations: annotations.template } : {},
          spec: { volumes: [{ name: 'varlog', hostPath: { path: '/var/log' } }] },
        },
      },
    },
  });
}

/** Requires a `team` label on every Deployment. */
const teamLabel: PolicyRule = {
  id: 'acme.team-label',
  severity: 'warn',
  rationale: 'Alerts are routed by team.',
  check(environment, report) {
    for (const { component, object } of environment.objects) {
      if (object.kind === 'Deployment' && !object.metadata?.labels?.team)
        report({
          component,
          object,
          path: 'metadata.labels.team',
          message: `${object.kind} "${object.metadata?.name}" has no team label`,
        });
    }
  },
};

describe('runPolicies', () => {
  it('finds nothing in the web fixture', async () => {
    const report = runPolicies(await render([web()]));
    expect(report).toEqual({ environment: 'test', findings: [], waived: [], errors: 0, warnings: 0 });
  });

  it('counts errors and warnings and sorts findings by component, object, rule and path', async () => {
    const report = runPolicies(
      await render([
        withHostPath(),
        web()
          .named('api')
          .override({
            web_deployment: { spec: { template: { spec: { containers: [{ name: 'web', livenessProbe: null }] } } } },
          }),
      ]),
      {
        severities: { 'probes.liveness': 'warn' },
      },
    );
    expect(report.findings.map((f) => [f.component, f.rule, f.severity])).toEqual([
      ['api', 'probes.liveness', 'warn'],
      ['web', HOST_PATH, 'error'],
    ]);
    expect(report).toMatchObject({ errors: 1, warnings: 1 });
  });
});

describe('waivers', () => {
  it('waive a pod-level finding by an annotation on the pod template, keeping the reason', async () => {
    const key = waiverAnnotation(HOST_PATH);
    expect(key).toBe('policy.platform.dev/waive.pod-security.host-path');
    const report = runPolicies(
      await render([withHostPath({ template: { [key]: 'reads container logs from the node' } })]),
    );
    expect(report.findings).toEqual([]);
    expect(report.waived).toEqual([
      {
        ...hostPathFinding,
        reason: 'reads container logs from the node',
        waiver: `spec.template.metadata.annotations["${key}"]`,
      },
    ]);
    expect(report.errors).toBe(0);
  });

  it('waive by an annotation on the workload object', async () => {
    const key = waiverAnnotation(HOST_PATH);
    const report = runPolicies(await render([withHostPath({ workload: { [key]: 'node agent' } })]));
    expect(report.findings).toEqual([]);
    expect(report.waived.map((w) => [w.rule, w.reason, w.waiver])).toEqual([
      [HOST_PATH, 'node agent', `metadata.annotations["${key}"]`],
    ]);
  });

  it('may sit on both the workload and its pod template', async () => {
    const key = waiverAnnotation(HOST_PATH);
    const report = runPolicies(
      await render([withHostPath({ workload: { [key]: 'node agent' }, template: { [key]: 'node agent (pods)' } })]),
    );
    expect(report.findings).toEqual([]);
    expect(report.waived.map((w) => [w.reason, w.waiver])).toEqual([['node agent', `metadata.annotations["${key}"]`]]);
  });

  it('do not waive with an empty reason, which is itself an error', async () => {
    const key = waiverAnnotation(HOST_PATH);
    const report = runPolicies(await render([withHostPath({ template: { [key]: '  ' } })]));
    expect(report.waived).toEqual([]);
    expect(report.findings).toEqual([
      hostPathFinding,
      webFinding(
        'policy.waiver',
        `spec.template.metadata.annotations["${key}"]`,
        'the waiver of "pod-security.host-path" gives no reason; the annotation\'s value must say why the rule does not apply',
      ),
    ]);
    expect(report.errors).toBe(2);
  });

  it('report waivers of unknown rules (error) and waivers that waive nothing (warning)', async () => {
    const report = runPolicies(
      await render([
        web().override({
          web_deployment: {
            metadata: {
              annotations: {
                [waiverAnnotation('pod-security.hostpath')]: 'typo',
                [waiverAnnotation(HOST_PATH)]: 'no longer needed',
              },
            },
          },
        }),
      ]),
    );
    expect(report.findings.map((f) => [f.rule, f.severity, f.message])).toEqual([
      ['policy.unused-waiver', 'warn', 'the waiver of "pod-security.host-path" waives nothing here; remove it'],
      ['policy.waiver', 'error', 'waives "pod-security.hostpath", which is not a rule of this environment'],
    ]);
  });

  it('apply to the object they are on only', async () => {
    const key = waiverAnnotation(HOST_PATH);
    const report = runPolicies(
      await render([withHostPath({ template: { [key]: 'node agent' } }), withHostPath().named('other')]),
    );
    expect(report.findings.map((f) => [f.component, f.rule])).toEqual([['other', HOST_PATH]]);
    expect(report.waived.map((f) => [f.component, f.rule])).toEqual([['web', HOST_PATH]]);
  });
});

describe('severities', () => {
  it('come from the environment, then from the caller; "off" skips a rule', async () => {
    const rendered = await render([withHostPath()], { policy: { severities: { [HOST_PATH]: 'warn' } } });
    expect(runPolicies(rendered).findings.map((f) => [f.rule, f.severity])).toEqual([[HOST_PATH, 'warn']]);
    expect(
      runPolicies(rendered, { severities: { [HOST_PATH]: 'error' } }).findings.map((f) => [f.rule, f.severity]),
    ).toEqual([[HOST_PATH, 'error']]);
    expect(runPolicies(rendered, { severities: { [HOST_PATH]: 'off' } }).findings).toEqual([]);
  });

  it('of a rule that is off leave its waivers alone', async () => {
    const rendered = await render([
      web().override({
        web_deployment: { metadata: { annotations: { [waiverAnnotation(HOST_PATH)]: 'node agent' } } },
      }),
    ]);
    expect(runPolicies(rendered, { severities: { [HOST_PATH]: 'off' } }).findings).toEqual([]);
  });

  it('must name known rules', async () => {
    const rendered = await render([web()], { policy: { severities: { 'pod-security.hostpath': 'off' } } });
    expect(() => runPolicies(rendered)).toThrow(PlatformError);
    expect(() => runPolicies(rendered)).toThrow(
      /test › policy\.severities\.pod-security\.hostpath: names no rule; known rules: alerts\.required-fields, argocd\.server-side-apply, /,
    );
  });
});

describe('environment rules', () => {
  it('run beside the built-in rules, with waivers and severity overrides', async () => {
    const rendered = await render(
      [
        web(),
        web()
          .named('api')
          .override({ web_deployment: { metadata: { labels: { team: 'payments' } } } }),
      ],
      { policy: { rules: [teamLabel] } },
    );
    expect(runPolicies(rendered).findings).toEqual([
      webFinding('acme.team-label', 'metadata.labels.team', 'Deployment "web" has no team label', { severity: 'warn' }),
    ]);
    expect(runPolicies(rendered, { severities: { 'acme.team-label': 'error' } }).errors).toBe(1);
  });

  it('replace a built-in rule of the same id', async () => {
    const quiet: PolicyRule = { ...teamLabel, id: HOST_PATH, check: () => undefined };
    expect(runPolicies(await render([withHostPath()], { policy: { rules: [quiet] } })).findings).toEqual([]);
  });

  it('need ids that fit the waiver annotation, unique in their list', async () => {
    const bad = await render([web()], {
      policy: { rules: [{ ...teamLabel, id: 'acme/team-label' }, teamLabel, teamLabel] },
    });
    expect(() => runPolicies(bad)).toThrow(
      /policy\.rules\[0\]: rule id "acme\/team-label" must be lowercase letters, digits, "-" and "\."/,
    );
    expect(() => runPolicies(bad)).toThrow(/policy\.rules\[2\]: two rules have the id "acme\.team-label"/);
  });

  it('that fail are reported with their id', async () => {
    const broken: PolicyRule = {
      ...teamLabel,
      check: () => {
        throw new TypeError('boom');
      },
    };
    const rendered = await render([web()], { policy: { rules: [broken] } });
    expect(() => runPolicies(rendered)).toThrow('policy rule "acme.team-label" failed on environment "test": boom');
  });
});

describe('library rules', () => {
  /** A library whose components bring the team-label rule, as @platform/velero brings its backup rules. */
  const labelled = defineComponent({
    name: 'labelled',
    tier: 'workloads',
    defaults: {},
    build: () => ({}),
    rules: [teamLabel],
  });

  it('run in every environment that composes one of the library components, once however many it composes', async () => {
    const rendered = await render([web(), labelled(), labelled().named('other')]);
    expect(rendered.libraryRules.map((r) => r.id)).toEqual(['acme.team-label']);
    expect(runPolicies(rendered).findings.map((f) => f.rule)).toEqual(['acme.team-label']);
    expect(runPolicies(await render([web()])).findings).toEqual([]);
  });

  it("are replaced by the environment's rule of the same id, and turned off by its severities", async () => {
    const quiet: PolicyRule = { ...teamLabel, check: () => undefined };
    expect(runPolicies(await render([web(), labelled()], { policy: { rules: [quiet] } })).findings).toEqual([]);
    const off = await render([web(), labelled()], { policy: { severities: { 'acme.team-label': 'off' } } });
    expect(runPolicies(off).findings).toEqual([]);
  });
});
