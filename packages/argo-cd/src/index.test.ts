import { APPLICATIONSET_HEALTH_LUA, type IAppProject, type INetworkPolicy, type KubeObject } from '@platform/core';
import { applicationSetElement, deliveryObjects, renderForTest } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { argoCd } from './index.js';

// biome-ignore lint/suspicious/noExplicitAny: chart values are read as loose data in assertions.
async function values(component = argoCd(), overrides = {}): Promise<Record<string, any>> {
  const { rendered } = await renderForTest([component], overrides);
  return applicationSetElement(rendered, 'argo-cd').sources[0]!.helm!.valuesObject;
}

describe('argo-cd', () => {
  it('installs the pinned chart in the argocd namespace, applied server-side', async () => {
    const { rendered } = await renderForTest([argoCd()]);
    const { sources, namespace, syncOptions } = applicationSetElement(rendered, 'argo-cd');
    expect(sources[0]).toMatchObject({
      repoURL: 'https://argoproj.github.io/argo-helm',
      chart: 'argo-cd',
      targetRevision: '10.1.1',
    });
    expect(sources[0]!.helm!.releaseName).toBe('argocd');
    expect(namespace).toBe('argocd');
    expect(syncOptions).toContain('ServerSideApply=true');
  });

  it('configures what the delivery objects need: the ApplicationSet health check and server-side diff', async () => {
    const v = await values();
    expect(v.configs.cm['resource.customizations.health.argoproj.io_ApplicationSet']).toBe(APPLICATIONSET_HEALTH_LUA);
    expect(v.configs.params['controller.diff.server.side']).toBe('true');
    expect(v.crds).toEqual({ install: true, keep: true });
  });

  it('keeps the platform entries when configs add their own', async () => {
    const v = await values(
      argoCd({ configs: { cm: { 'admin.enabled': 'false' }, params: { 'server.insecure': 'true' } } }),
    );
    expect(v.configs.cm).toMatchObject({
      'admin.enabled': 'false',
      'resource.customizations.health.argoproj.io_ApplicationSet': APPLICATIONSET_HEALTH_LUA,
    });
    expect(v.configs.params).toEqual({
      'server.insecure': 'true',
      'controller.diff.server.side': 'true',
      'applicationsetcontroller.enable.progressive.syncs': 'true',
    });
  });

  it('runs one replica of everything by default, with resources, metrics and the domain from the environment', async () => {
    const v = await values();
    expect(v.global).toEqual({
      domain: 'argocd.test.example.com',
      logging: { format: 'json' },
      networkPolicy: { create: false },
    });
    for (const component of ['controller', 'server', 'repoServer', 'applicationSet']) {
      expect(v[component]).toMatchObject({
        replicas: 1,
        pdb: { enabled: false },
        metrics: { enabled: true, serviceMonitor: { enabled: true } },
      });
      expect(v[component].resources.requests.memory).toMatch(/Mi|Gi$/);
    }
    expect(v['redis-ha'].enabled).toBe(false);
    expect(v.dex.enabled).toBe(false);
    expect(v.notifications).toMatchObject({ enabled: true, resources: { requests: { cpu: '20m', memory: '64Mi' } } });
    expect(v.redisSecretInit.resources.limits.memory).toBe('64Mi');
    // Security contexts stay the chart's restricted-compliant defaults.
    expect(v.server.containerSecurityContext).toBeUndefined();
    expect(v.global.securityContext).toBeUndefined();
  });

  it('runs highly available with redis-ha, two replicas and PodDisruptionBudgets', async () => {
    const v = await values(argoCd({ highAvailability: true, replicas: { repoServer: 3 } }));
    expect(v['redis-ha'].enabled).toBe(true);
    expect(v.server).toMatchObject({ replicas: 2, pdb: { enabled: true, maxUnavailable: 1 } });
    expect(v.repoServer).toMatchObject({ replicas: 3, pdb: { enabled: true, maxUnavailable: 1 } });
    expect(v.applicationSet.replicas).toBe(2);
    expect(v.controller).toMatchObject({ replicas: 1, pdb: { enabled: false } });
    expect(v['redis-ha'].haproxy.resources.requests).toEqual({ cpu: '20m', memory: '64Mi' });
  });

  it('turns ServiceMonitors off with the environment and pulls images through the mirror', async () => {
    const v = await values(argoCd(), {
      settings: {
        baseDomain: 'x.example.com',
        objectStorage: { endpoint: 's3', region: 'r', bucketPrefix: 'b' },
        serviceMonitors: false,
        imageRegistryMirror: 'mirror.example.com',
      },
    });
    expect(v.server.metrics).toEqual({ enabled: true, serviceMonitor: { enabled: false } });
    expect(v.global.image.repository).toBe('mirror.example.com/quay.io/argoproj/argocd');
    expect(v.redis.image.repository).toBe('mirror.example.com/ecr-public.aws.com/docker/library/redis');
    expect(v['redis-ha'].haproxy.image.repository).toBe('mirror.example.com/ecr-public.aws.com/docker/library/haproxy');
  });

  it('lets the AppProject use the chart repository and the kinds the chart creates', async () => {
    const { rendered } = await renderForTest([argoCd()]);
    const project = deliveryObjects<IAppProject>(rendered, 'AppProject').find(
      (p) => p.metadata!.name === 'platform-test',
    )!;
    expect(project.spec!.sourceRepos).toContain('https://argoproj.github.io/argo-helm');
    expect(project.spec!.clusterResourceWhitelist!.map((r) => `${r.group}/${r.kind}`)).toEqual(
      expect.arrayContaining([
        'apiextensions.k8s.io/CustomResourceDefinition',
        'rbac.authorization.k8s.io/ClusterRole',
        'rbac.authorization.k8s.io/ClusterRoleBinding',
      ]),
    );
    expect(project.spec!.destinations).toEqual([{ server: 'https://kubernetes.default.svc', namespace: 'argocd' }]);
  });

  it('opens argocd-server to everyone and lets Argo CD reach the API server and its repositories', async () => {
    const { objects } = await renderForTest([argoCd({ egressPorts: [443] })]);
    const o = objects('argo-cd');
    const server = o.networkpolicy_allow_server as INetworkPolicy;
    expect(server.spec!.podSelector).toEqual({ matchLabels: { 'app.kubernetes.io/name': 'argocd-server' } });
    expect(server.spec!.ingress).toEqual([{ ports: [{ port: 8080, protocol: 'TCP' }] }]);
    expect((o.networkpolicy_allow_repositories as INetworkPolicy).spec!.egress![0]!.ports).toEqual([
      { port: 443, protocol: 'TCP' },
    ]);
    expect((o.networkpolicy_allow_api_server as INetworkPolicy).spec!.egress![0]!.ports).toEqual([
      { port: 443, protocol: 'TCP' },
      { port: 6443, protocol: 'TCP' },
    ]);
    expect((o.namespace as KubeObject).metadata!.name).toBe('argocd');
  });

  it('merges extra values last', async () => {
    const v = await values(argoCd({ extraValues: { server: { autoscaling: { enabled: true, minReplicas: 2 } } } }));
    expect(v.server.autoscaling).toEqual({ enabled: true, minReplicas: 2 });
    expect(v.server.replicas).toBe(1);
  });

  it('reports bad configuration with paths', async () => {
    await expect(
      renderForTest([
        argoCd({ configs: { cm: { 'resource.customizations.health.argoproj.io_ApplicationSet': 'return {}' } } }),
      ]),
    ).rejects.toThrow(
      "configs.cm.resource.customizations.health.argoproj.io_ApplicationSet: is set by @platform/argo-cd because the platform's delivery depends on it",
    );
    await expect(
      renderForTest([argoCd({ extraValues: { configs: { params: { 'controller.diff.server.side': 'false' } } } })]),
    ).rejects.toThrow('extraValues.configs.params.controller.diff.server.side: is set by @platform/argo-cd');
    await expect(renderForTest([argoCd({ highAvailability: true, replicas: { server: 1 } })])).rejects.toThrow(
      'replicas.server: high availability needs at least 2 replicas, got 1',
    );
    await expect(renderForTest([argoCd({ domain: 'https://argocd.example.com' })])).rejects.toThrow(
      'domain: expected a host name such as "argocd.example.com"',
    );
    await expect(renderForTest([argoCd({ egressPorts: [70000] })])).rejects.toThrow(
      'egressPorts[0]: expected a whole number from 1 to 65535, got 70000',
    );
    await expect(
      renderForTest([argoCd({ resources: { redisHa: { sentinel: { requests: { cpu: 'lots' } } } } })]),
    ).rejects.toThrow('resources.redisHa.sentinel.requests.cpu: expected a Kubernetes quantity');
  });
});
