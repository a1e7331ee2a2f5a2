import type { ICertificate } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate';
import { CERT_MANAGER_KINDS } from '@platform/cert-manager';
import type { AnyComponent } from '@platform/core';
import {
  defineComponent,
  deployment,
  type EnvironmentSpec,
  type IContainer,
  type IPodSpec,
  type IStatefulSet,
  type KubeObject,
  type Patch,
  REQUIRED_CONTROLLER_SETTINGS,
  type RenderedEnvironment,
  type RenderedObject,
  type Severity,
} from '@platform/core';
import { renderForTest } from '@platform/core/testing';
import { EXTERNAL_SECRETS_KINDS } from '@platform/external-secrets';
import { type RunPoliciesOptions, runPolicies } from '../engine.js';
import type { Finding } from '../report.js';

/**
 * Test fixtures: `web`, a small component that passes every built-in rule (a replicated Deployment built
 * with the core workload helper, with requests, a memory limit, probes and a pinned image), and helpers to
 * render it and to run one rule.
 */

export interface WebConfig {
  replicas: number;
  image: string;
  /** Components this one connects to on port 8080 (egress rules). */
  talksTo: string[];
  /** Components admitted on port 8080 (ingress rules). */
  admits: string[];
}

export const web = defineComponent({
  name: 'web',
  tier: 'workloads',
  defaults: { replicas: 2, image: 'nginxinc/nginx-unprivileged:1.27.3', talksTo: [], admits: [] } as WebConfig,
  network: ({ config }) => ({
    ingress: config.admits.map((component) => ({ name: `from-${component}`, from: [{ component }], ports: [8080] })),
    egress: config.talksTo.map((component) => ({ name: `to-${component}`, to: [{ component }], ports: [8080] })),
  }),
  build(context) {
    const { workload, service, pdb } = deployment(context, {
      name: 'web',
      replicas: context.config.replicas,
      containers: [
        {
          name: 'web',
          image: context.config.image,
          ports: [{ name: 'http', containerPort: 8080 }],
          resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '128Mi' } },
          readinessProbe: { httpGet: { path: '/', port: 'http' } },
          livenessProbe: { httpGet: { path: '/', port: 'http' } },
        },
      ],
    });
    return { web_deployment: workload, web_service: service!, ...(pdb ? { web_pdb: pdb } : {}) };
  },
});

/**
 * Environment settings every fixture uses: Argo CD (configured as the delivery needs) and its namespace exist
 * outside the render, one step may start every pod, and the objects fixtures add of cert-manager's and External Secrets' kinds are known and served.
 */
const BASE: Partial<EnvironmentSpec> = {
  external: ['Namespace//argocd'],
  delivery: { maxFirstSyncShare: 1, externalController: { ...REQUIRED_CONTROLLER_SETTINGS } },
  kinds: [...CERT_MANAGER_KINDS, ...EXTERNAL_SECRETS_KINDS],
  clusterApis: [
    ...CERT_MANAGER_KINDS,
    ...EXTERNAL_SECRETS_KINDS,
    { apiVersion: 'monitoring.coreos.com/v1', kind: 'PrometheusRule' },
    { apiVersion: 'monitoring.coreos.com/v1', kind: 'ServiceMonitor' },
    { apiVersion: 'monitoring.coreos.com/v1', kind: 'PodMonitor' },
  ].map((k) => ({ group: k.apiVersion.split('/')[0]!, kind: k.kind })),
};

/** Renders components in the test environment (with {@link BASE} merged under `overrides`). */
export async function render(
  components: AnyComponent[],
  overrides: Partial<EnvironmentSpec> = {},
): Promise<RenderedEnvironment> {
  const { rendered } = await renderForTest(components, { ...BASE, ...overrides });
  return rendered;
}

/** A copy of a rendered environment whose objects a test may change freely. */
export function edited(
  rendered: RenderedEnvironment,
  change: (objects: RenderedObject[]) => void,
): RenderedEnvironment {
  const objects = rendered.objects.map((o) => ({ ...o, object: structuredClone(o.object) }));
  change(objects);
  return { ...rendered, objects };
}

/** The object rendered under `key` by `component` in a copy made by {@link edited}. */
export function objectOf<T extends KubeObject = KubeObject>(
  objects: RenderedObject[],
  component: string,
  key: string,
): T {
  const found = objects.find((o) => o.component === component && o.key === key);
  if (!found) throw new Error(`no object ${component}/${key}`);
  return found.object as T;
}

/** Findings of one rule (not waived). */
export function findingsOf(rendered: RenderedEnvironment, rule: string, options: RunPoliciesOptions = {}): Finding[] {
  return runPolicies(rendered, options).findings.filter((f) => f.rule === rule);
}

/** A one-container StatefulSet `db` (labels `app: db`), with extra spec fields merged in. */
export function databaseStatefulSet(spec: Partial<NonNullable<IStatefulSet['spec']>> = {}): IStatefulSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'db' },
    spec: {
      serviceName: 'db',
      selector: { matchLabels: { app: 'db' } },
      template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'db', image: 'postgres:17.2' }] } },
      ...spec,
    },
  };
}

/** A patch of `web`'s pod spec, as `.override()` takes it (`null` deletes, lists of named items merge by name). */
export type WebPodPatch = Patch<IPodSpec>;

/** `web` with its pod spec patched: `webWithPod({ hostNetwork: true })`. */
export function webWithPod(spec: WebPodPatch) {
  return web().override({ web_deployment: { spec: { template: { spec } } } });
}

/** `web` with its `web` container patched: `webWithContainer({ securityContext: { privileged: true } })`. */
export function webWithContainer(
  container: { [K in Exclude<keyof IContainer, 'name'>]?: Patch<IContainer[K]> | null },
) {
  return webWithPod({ containers: [{ name: 'web', ...container }] });
}

/** A finding as {@link findingsOf} returns it for `web`'s objects in the test environment (`Deployment/web/web` unless named). */
export function webFinding(
  rule: string,
  path: string | undefined,
  message: string,
  { object = 'Deployment/web/web', severity = 'error', component = 'web' }: WebFindingOptions = {},
): Finding {
  return { rule, severity, environment: 'test', component, object, ...(path !== undefined ? { path } : {}), message };
}

/** Where a {@link webFinding} differs from the usual one. */
export interface WebFindingOptions {
  object?: string;
  severity?: Severity;
  component?: string;
}

/** A leaf Certificate `name` (Secret `<name>-tls`, 90 days renewed 30 days before expiry) from the ClusterIssuer `ca`. */
export function leafCertificate(name: string): ICertificate {
  return {
    apiVersion: 'cert-manager.io/v1',
    kind: 'Certificate',
    metadata: { name },
    spec: {
      secretName: `${name}-tls`,
      duration: '2160h',
      renewBefore: '720h',
      dnsNames: [`${name}.${name}.svc`],
      issuerRef: { name: 'ca', kind: 'ClusterIssuer', group: 'cert-manager.io' },
    },
  };
}
