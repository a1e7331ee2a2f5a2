import {
  defineComponent,
  deployment,
  type IPodDisruptionBudget,
  type IPrometheusRule,
  namedWorkloadObjects,
  statefulSet,
  type WorkloadOptions,
  waiverAnnotations,
} from '@platform/core';
import { applicationSetElement, providedBy, renderError, renderForTest, stubComponent } from '@platform/core/testing';
import { runPolicies } from '@platform/policy';
import { describe, expect, it } from 'vitest';
import { activeUpdateModeRule, goldilocks, type IVerticalPodAutoscaler, vpa } from './index.js';

const container = {
  name: 'app',
  image: 'example/app:1.0.0',
  resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
  readinessProbe: { httpGet: { path: '/ready', port: 8080 } },
  livenessProbe: { httpGet: { path: '/live', port: 8080 } },
};

/** A component with a Deployment and a StatefulSet built by the core helpers. */
const shop = (options: Partial<WorkloadOptions> = {}) =>
  defineComponent({
    name: 'shop',
    tier: 'workloads',
    defaults: {},
    build: (context) => ({
      ...namedWorkloadObjects(
        'web',
        'deployment',
        deployment(context, { name: 'web', replicas: 2, containers: [container], ...options }),
      ),
      ...namedWorkloadObjects(
        'db',
        'statefulset',
        statefulSet(context, { name: 'db', replicas: 1, containers: [container] }),
      ),
    }),
  })();

const issuer = stubComponent('cert-manager', {
  certificateIssuer: {
    component: 'cert-manager',
    namespace: 'cert-manager',
    issuerRef: { name: 'platform-ca', kind: 'ClusterIssuer', group: 'cert-manager.io' },
  },
}).inTier('operators');

describe('vpa', () => {
  it('installs the pinned chart with the recommender only, restricted', async () => {
    const { rendered } = await renderForTest([vpa()]);
    const chart = applicationSetElement(rendered, 'vpa').sources[0]!;
    expect(chart).toMatchObject({
      repoURL: 'https://kubernetes.github.io/autoscaler',
      chart: 'vertical-pod-autoscaler',
      targetRevision: '0.11.0',
    });
    const values = chart.helm!.valuesObject;
    expect([values.recommender.enabled, values.updater.enabled, values.admissionController.enabled]).toEqual([
      true,
      false,
      false,
    ]);
    expect(values.podSecurityContext).toEqual({
      runAsNonRoot: true,
      runAsUser: 65534,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(values.containerSecurityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    expect(providedBy(vpa()).verticalScaling).toEqual({ component: 'vpa', namespace: 'vpa', updateModes: ['Off'] });
  });

  it('gives every helper-built workload a VerticalPodAutoscaler in update mode Off', async () => {
    const { objects } = await renderForTest([vpa(), shop()]);
    const web = objects('shop').web_vpa as IVerticalPodAutoscaler;
    expect(web.spec).toEqual({
      targetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      updatePolicy: { updateMode: 'Off' },
    });
    expect((objects('shop').db_vpa as IVerticalPodAutoscaler).spec.targetRef.kind).toBe('StatefulSet');
    // Without the VPA in the environment nothing is rendered, and a workload may opt out.
    expect((await renderForTest([shop()])).objects('shop').web_vpa).toBeUndefined();
    expect((await renderForTest([vpa(), shop({ verticalScaling: false })])).objects('shop').web_vpa).toBeUndefined();
  });

  it('carries out acting modes only when the environment opts in to the admission controller and updater', async () => {
    expect(await renderError([vpa(), shop({ verticalScaling: { updateMode: 'Recreate' } })])).toContain(
      'web.verticalScaling.updateMode: "Recreate" needs the VPA\'s updater and admission controller',
    );
    const full = vpa({ admissionController: { enabled: true }, updater: { enabled: true } });
    const { rendered, objects } = await renderForTest([
      issuer,
      full,
      shop({ verticalScaling: { updateMode: 'Recreate' } }),
    ]);
    expect((objects('shop').web_vpa as IVerticalPodAutoscaler).spec.updatePolicy!.updateMode).toBe('Recreate');
    const values = applicationSetElement(rendered, 'vpa').sources[0]!.helm!.valuesObject;
    expect(values.admissionController).toMatchObject({
      enabled: true,
      certGen: { enabled: false },
      certManager: { enabled: true, issuerRef: { name: 'platform-ca', kind: 'ClusterIssuer' } },
    });
    expect(applicationSetElement(rendered, 'vpa').ignoreDifferences).toEqual([
      expect.objectContaining({ kind: 'MutatingWebhookConfiguration', name: 'vpa-webhook-config' }),
    ]);
    expect(objects('vpa').networkpolicy_allow_webhook).toBeDefined();
    expect(await renderError([vpa({ updater: { enabled: true } })])).toContain(
      'updater.enabled: the updater evicts pods',
    );
  });

  it('warns on VPAs that evict or resize pods unless waived', async () => {
    const acting = (annotations: Record<string, string> = {}) =>
      shop().override({
        web_vpa: { metadata: { annotations }, spec: { updatePolicy: { updateMode: 'Auto' } } },
      } as never);
    const findings = (rendered: Awaited<ReturnType<typeof renderForTest>>['rendered']) =>
      runPolicies(rendered, { rules: [activeUpdateModeRule] });
    const warned = findings((await renderForTest([vpa(), acting()])).rendered);
    expect(
      warned.findings.filter((f) => f.rule === 'vpa.active-update-mode').map((f) => `${f.severity} ${f.object}`),
    ).toEqual(['warn VerticalPodAutoscaler/shop/web']);
    const waived = findings(
      (
        await renderForTest([
          vpa(),
          acting(waiverAnnotations({ 'vpa.active-update-mode': 'stateless, restarts are cheap' })),
        ])
      ).rendered,
    );
    expect(waived.findings.filter((f) => f.rule === 'vpa.active-update-mode')).toEqual([]);
    expect(waived.waived.map((f) => f.reason)).toEqual(['stateless, restarts are cheap']);
    // Recommend-only VPAs are fine.
    const off = findings((await renderForTest([vpa(), shop()])).rendered);
    expect(off.findings.filter((f) => f.rule === 'vpa.active-update-mode')).toEqual([]);
  });

  it("scrapes and alerts on the recommender, and passes pnpm check's rules", async () => {
    const { objects, rendered } = await renderForTest([vpa(), shop()]);
    expect(objects('vpa').recommender_podmonitor).toMatchObject({
      spec: {
        selector: { matchLabels: { 'app.kubernetes.io/component': 'recommender' } },
        podMetricsEndpoints: [{ port: 'prometheus' }],
      },
    });
    for (const r of (objects('vpa').alerts_prometheusrule as IPrometheusRule).spec.groups![0]!.rules!) {
      expect(r.labels).toMatchObject({ team: 'platform' });
      expect(r.annotations!.runbook_url).toContain('packages/vpa/README.md#vpa');
    }
    const errors = runPolicies(rendered).findings.filter(
      (f) => f.severity === 'error' && ['vpa', 'shop'].includes(f.component),
    );
    expect(errors).toEqual([]);
  });
});

describe('goldilocks', () => {
  it('runs the dashboard only, showing every VPA, without the cost API', async () => {
    const { rendered, objects } = await renderForTest([vpa(), goldilocks()]);
    const element = applicationSetElement(rendered, 'goldilocks');
    expect(element.sources[0]).toMatchObject({
      repoURL: 'https://charts.fairwinds.com/stable',
      chart: 'goldilocks',
      targetRevision: '10.6.0',
    });
    const values = element.sources[0]!.helm!.valuesObject;
    expect(values.controller).toEqual({ enabled: false });
    expect(values.vpa).toEqual({ enabled: false });
    expect(values.dashboard.flags).toEqual({ 'on-by-default': 'true', 'show-all': 'true', 'enable-cost': 'false' });
    expect((objects('goldilocks').dashboard_pdb as IPodDisruptionBudget).spec!.selector!.matchLabels).toEqual({
      'app.kubernetes.io/name': 'goldilocks',
      'app.kubernetes.io/instance': 'goldilocks',
      'app.kubernetes.io/component': 'dashboard',
    });
    expect(rendered.components.find((c) => c.name === 'goldilocks')!.dependsOn).toEqual(['vpa']);
  });

  it('routes the dashboard only behind authentication', async () => {
    expect(await renderError([goldilocks({ route: { enabled: true } })])).toContain(
      'route.auth: Goldilocks has no authentication of its own',
    );
    const { rendered } = await renderForTest([
      goldilocks({ route: { enabled: true, auth: { type: 'basic', secret: 'goldilocks-htpasswd' } } }),
    ]);
    expect(rendered.routes.map((r) => `${r.fqdn} ${r.audience} ${r.backend.service}:${r.backend.port}`)).toEqual([
      'goldilocks.test.example.com internal goldilocks-dashboard:80',
    ]);
  });
});
