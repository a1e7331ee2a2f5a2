import type { IDeployment, IIngress, IStatefulSet, KubeObject, RenderedEnvironment } from '@platform/core';
import { firstSyncPlan } from '@platform/core';
import { runPolicies } from '@platform/policy';
import { describe, expect, it } from 'vitest';
import dev from '../environments/dev/index.js';
import lab from '../environments/lab/index.js';
import prod from '../environments/prod/index.js';
import selfhosted from '../environments/selfhosted/index.js';
import { sreLogsPushUrl, sreMetricsPushUrl } from '../environments/sre/endpoints.js';
import sre from '../environments/sre/index.js';
import staging from '../environments/staging/index.js';

const environments = { dev, staging, prod, sre, lab, selfhosted };
const rendered = new Map<string, Promise<RenderedEnvironment>>();
function render(name: keyof typeof environments): Promise<RenderedEnvironment> {
  if (!rendered.has(name)) rendered.set(name, environments[name].render());
  return rendered.get(name)!;
}

function object<T extends KubeObject>(environment: RenderedEnvironment, component: string, key: string): T {
  const found = environment.objects.find((o) => o.component === component && o.key === key);
  if (!found) throw new Error(`${component}/${key} is not rendered in ${environment.environment.name}`);
  return found.object as T;
}

function configFile(environment: RenderedEnvironment, component: string, kind: 'ConfigMap', file: string): string {
  for (const o of environment.objects) {
    const data = (o.object as { data?: Record<string, string> }).data;
    if (o.component === component && o.object.kind === kind && data?.[file] !== undefined) return data[file]!;
  }
  throw new Error(`no ${file} in ${component}`);
}

describe.each(Object.keys(environments) as Array<keyof typeof environments>)('environment %s', (name) => {
  it('renders every object valid against its schema, deterministically', async () => {
    const first = await render(name);
    const second = await environments[name].render();
    expect(first.objects.length).toBeGreaterThan(100);
    expect([...second.files.entries()]).toEqual([...first.files.entries()]);
  });

  it('passes pnpm check with zero errors, and every waiver has a reason', async () => {
    const report = runPolicies(await render(name));
    expect(
      report.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.object ?? ''} ${f.message}`),
    ).toEqual([]);
    for (const waived of report.waived) expect(waived.reason.trim().length).toBeGreaterThan(10);
  });
});

describe('base + environment overrides', () => {
  it('runs prod larger than dev from the same base', async () => {
    const [d, p] = await Promise.all([render('dev'), render('prod')]);
    expect(object<IStatefulSet>(d, 'mimir', 'ingester_statefulset').spec!.replicas).toBe(3);
    expect(object<IStatefulSet>(p, 'mimir', 'ingester_statefulset').spec!.replicas).toBe(6);
    const memory = (e: RenderedEnvironment) =>
      object<IDeployment>(e, 'mimir', 'distributor_deployment').spec!.template.spec!.containers[0]!.resources!.limits!
        .memory;
    expect(memory(p)).toBe('4Gi');
    expect(memory(d)).not.toBe('4Gi');
  });

  it('pulls every prod image through the registry mirror', async () => {
    const p = await render('prod');
    for (const { object: o } of p.objects) {
      const spec = (o as IDeployment).spec?.template?.spec;
      for (const c of [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])])
        expect(c.image).toMatch(/^registry\.example\.com\/mirror\//);
    }
  });

  it('brings the platform up in stages: CRDs, operators, then the stores one after another, then the agents', async () => {
    const p = await render('prod');
    expect(p.steps.map((s) => `${s.tier}-${s.level}: ${s.components.join(',')}`)).toEqual([
      'crds-1: istio-base,prometheus-operator-crds',
      'operators-1: arc-controller,argo-cd,cert-manager,cloudnative-pg,external-secrets,istiod,karpenter,keda,velero,vpa',
      'operators-2: cnpg-barman-cloud,metrics-server,traefik',
      'platform-1: alert-routing,descheduler,external-dns,goldilocks,grafana-db,mimir',
      'platform-2: loki,tempo',
      'platform-3: alloy,grafana',
      'workloads-1: ci-runners,oneuptime-stores',
      'workloads-2: oneuptime-db',
      'workloads-3: oneuptime-migrate',
      'workloads-4: oneuptime',
      'workloads-5: traefik-routes',
    ]);
  });

  it("runs prod's GitHub runners restricted, on interruptible nodes, with the App credentials only as an ExternalSecret", async () => {
    const p = await render('prod');
    const runners = p.components.find((c) => c.name === 'ci-runners')!;
    // biome-ignore lint/suspicious/noExplicitAny: a deep walk into chart values the test asserts on
    const pod = (runners.helm!.values as { template: { spec: Record<string, any> } }).template.spec;
    expect(
      pod.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference.matchExpressions[0]
        .values,
    ).toEqual(['interruptible']);
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    const own = p.objects
      .filter((o) => o.component === 'ci-runners')
      .map((o) => o.object.kind)
      .sort();
    expect(own).toEqual(expect.arrayContaining(['ExternalSecret', 'LimitRange', 'ResourceQuota']));
    expect(p.objects.some((o) => o.object.kind === 'Secret')).toBe(false);
  });

  it("counts OneUptime's chart pods in prod's first sync, part by part after its database, within the share", async () => {
    const p = await render('prod');
    const plan = firstSyncPlan(p);
    const parts = ['oneuptime-stores', 'oneuptime-db', 'oneuptime-migrate', 'oneuptime'].map(
      (name) => plan.steps.find((s) => s.components.includes(name))!,
    );
    expect(parts.map((s) => s.wave)).toEqual([...parts.map((s) => s.wave)].sort((a, b) => a - b));
    expect(new Set(parts.map((s) => s.wave)).size).toBe(4);
    for (const step of parts) {
      expect(step.uncounted).toEqual([]);
      for (const stage of step.stages) expect(stage.share).toBeLessThanOrEqual(plan.maxShare);
    }
  });
});

/** Every in-cluster URL in a text names a rendered Service in its namespace and one of that Service's ports. */
function expectUrlsToHitServices(environment: RenderedEnvironment, text: string): number {
  const urls = [...text.matchAll(/https?:\/\/([a-z0-9-]+)\.([a-z0-9-]+)\.svc\.cluster\.local:(\d+)/g)];
  for (const [, service, namespace, port] of urls) {
    const found = environment.objects.find(
      (o) =>
        o.object.kind === 'Service' &&
        o.object.metadata!.name === service &&
        o.object.metadata!.namespace === namespace,
    );
    expect(found, `Service ${namespace}/${service}`).toBeDefined();
    expect(
      (found!.object as unknown as { spec: { ports: Array<{ port: number }> } }).spec.ports.map((p) => p.port),
    ).toContain(Number(port));
  }
  return urls.length;
}

describe('wiring', () => {
  it("points Grafana's datasources and Alloy's outputs at real Services and ports", async () => {
    const p = await render('prod');
    const datasources = p.objects
      .filter((o) => o.component === 'grafana' && o.object.kind === 'ConfigMap')
      .map((o) => JSON.stringify((o.object as { data?: object }).data ?? {}))
      .join('\n');
    expect(expectUrlsToHitServices(p, datasources)).toBeGreaterThanOrEqual(3);
    expect(expectUrlsToHitServices(p, configFile(p, 'alloy', 'ConfigMap', 'config.alloy'))).toBeGreaterThanOrEqual(2);
  });
});

describe('the SRE view', () => {
  it('ships prod metrics and logs to the SRE endpoints the SRE environment serves', async () => {
    const [p, s] = await Promise.all([render('prod'), render('sre')]);
    const alloyConfig = configFile(p, 'alloy', 'ConfigMap', 'config.alloy');
    expect(alloyConfig).toContain(sreMetricsPushUrl);
    expect(alloyConfig).toContain(sreLogsPushUrl);
    const hosts = s.objects
      .filter((o) => o.object.kind === 'Ingress' && o.object.metadata?.name?.endsWith('-push'))
      .map((o) => {
        const rule = (o.object as IIngress).spec!.rules![0]!;
        return `https://${rule.host}${rule.http!.paths[0]!.path}`;
      });
    expect(hosts.sort()).toEqual([sreLogsPushUrl, sreMetricsPushUrl].sort());
  });

  it('keeps a year of metrics and 90 days of logs in the SRE stores', async () => {
    const s = await render('sre');
    expect(configFile(s, 'mimir', 'ConfigMap', 'mimir.yaml')).toContain('compactor_blocks_retention_period: 8760h');
    expect(configFile(s, 'loki', 'ConfigMap', 'config.yaml')).toContain('retention_period: 2160h');
  });
});

describe('lab: Linkerd as the mesh', () => {
  it('renders no Istio object and marks every namespace for Linkerd, in or out with the reason', async () => {
    const l = await render('lab');
    expect(l.objects.filter((o) => /istio/.test(o.object.apiVersion ?? '') || o.component.startsWith('istio'))).toEqual(
      [],
    );
    expect(l.objects.filter((o) => JSON.stringify(o.object.metadata ?? {}).includes('istio'))).toEqual([]);
    const namespaces = l.objects.filter((o) => o.object.kind === 'Namespace');
    expect(namespaces.length).toBeGreaterThan(5);
    const outside = ['argocd', 'cert-manager', 'linkerd', 'linkerd-cni'];
    for (const { object } of namespaces) {
      const name = object.metadata!.name!;
      const inject = object.metadata!.annotations?.['linkerd.io/inject'];
      expect([name, inject]).toEqual([name, outside.includes(name) ? 'disabled' : 'enabled']);
      if (outside.includes(name)) {
        expect(object.metadata!.labels!['config.linkerd.io/admission-webhooks']).toBe('disabled');
        expect(object.metadata!.annotations!['platform.dev/mesh-excluded']).toBeTruthy();
      }
    }
  });
});
