import { certManager } from '@platform/cert-manager';
import type { IConfigMap, IJob, IPrometheusRule } from '@platform/core';
import { applicationSetElement, connectionProblems, renderForTest } from '@platform/core/testing';
import type { IExternalSecret } from '@platform/external-secrets';
import { runPolicies } from '@platform/policy';
import { describe, expect, it } from 'vitest';
import { configured, fakePostgres, fakeRedis, minio, peers, vault } from './fakes.test-helpers.js';
import { harbor } from './index.js';

function values(rendered: Awaited<ReturnType<typeof renderForTest>>['rendered']) {
  return applicationSetElement(rendered, 'harbor').sources[0]!.helm!.valuesObject;
}

describe('harbor', () => {
  it('installs the pinned chart on the typed database, cache and object storage, not its internal ones', async () => {
    const { rendered } = await renderForTest([...peers(), harbor(configured)], minio);
    expect(applicationSetElement(rendered, 'harbor').sources[0]).toMatchObject({
      repoURL: 'https://helm.goharbor.io',
      chart: 'harbor',
      targetRevision: '1.19.1',
    });
    const v = values(rendered);
    expect(v.database).toEqual({
      type: 'external',
      external: {
        host: 'harbor-db-rw.harbor-db.svc.cluster.local',
        port: '5432',
        username: 'harbor',
        coreDatabase: 'registry',
        existingSecret: 'harbor-db-app',
        sslmode: 'require',
      },
    });
    expect(v.redis).toEqual({
      type: 'external',
      external: { addr: 'harbor-cache.harbor-cache.svc.cluster.local:6379' },
    });
    expect(v.persistence.imageChartStorage).toEqual({
      type: 's3',
      s3: { region: 'us-east-1', bucket: 'acme-harbor', regionendpoint: 'http://minio.storage.svc:9000', v4auth: true },
    });
    expect(v.expose).toEqual({ type: 'clusterIP', tls: { enabled: false } });
    expect(v.externalURL).toBe('https://harbor.selfhosted.example.com');
    expect(v.jobservice.jobLoggers).toEqual(['database']);
    expect(v.core).toMatchObject({ replicas: 2, podDisruptionBudget: { enabled: true, maxUnavailable: 1 } });
    expect(v.core.image).toEqual({ repository: 'docker.io/goharbor/harbor-core', tag: 'v2.15.1' });
    expect(v.exporter.podDisruptionBudget).toEqual({ enabled: false });
    expect(rendered.components.find((c) => c.name === 'harbor')!.dependsOn.sort()).toEqual([
      'cert-manager',
      'external-secrets',
      'harbor-cache',
      'harbor-db',
    ]);
  });

  it('takes every secret the chart would generate at random from the store, and renders none', async () => {
    const { rendered, objects } = await renderForTest(
      [...peers(), harbor({ ...configured, storage: { credentialsKey: 'platform/test/s3' } })],
      minio,
    );
    const v = values(rendered);
    expect(v).toMatchObject({
      existingSecretAdminPassword: 'harbor-secrets',
      existingSecretSecretKey: 'harbor-secrets',
    });
    expect(v.core).toMatchObject({
      existingSecret: 'harbor-secrets',
      existingXsrfSecret: 'harbor-secrets',
      secretName: 'harbor-token-service',
    });
    expect(v.jobservice.existingSecret).toBe('harbor-secrets');
    expect(v.registry).toMatchObject({
      existingSecret: 'harbor-secrets',
      credentials: { existingSecret: 'harbor-secrets' },
    });
    expect(v.persistence.imageChartStorage.s3.existingSecret).toBe('harbor-s3');
    const secrets = objects('harbor').secrets_externalsecret as IExternalSecret;
    expect(Object.fromEntries(secrets.spec!.data!.map((d) => [d.secretKey, d.remoteRef.property]))).toEqual({
      HARBOR_ADMIN_PASSWORD: 'admin-password',
      secretKey: 'secret-key',
      secret: 'core-secret',
      CSRF_KEY: 'csrf-key',
      JOBSERVICE_SECRET: 'jobservice-secret',
      REGISTRY_HTTP_SECRET: 'registry-http-secret',
      REGISTRY_PASSWD: 'registry-password',
    });
    expect(secrets.spec!.target!.template!.data).toEqual({
      REGISTRY_HTPASSWD: '{{ htpasswd "harbor_registry_user" .REGISTRY_PASSWD "bcrypt" }}',
    });
    const s3 = objects('harbor').s3_externalsecret as IExternalSecret;
    expect(s3.spec!.data!.map((d) => d.secretKey)).toEqual([
      'REGISTRY_STORAGE_S3_ACCESSKEY',
      'REGISTRY_STORAGE_S3_SECRETKEY',
    ]);
    expect(rendered.objects.some((o) => o.object.kind === 'Secret')).toBe(false);
    expect(JSON.stringify(v)).not.toMatch(/Harbor12345|not-a-secure-key|harbor_registry_password/);
  });

  it('passes a Redis password in by environment variables, since the chart would need lookup', async () => {
    const { rendered } = await renderForTest(
      [
        vault(),
        certManager(),
        fakePostgres(),
        fakeRedis({ mode: 'sentinel', password: true }),
        harbor({ ...configured, trivy: { enabled: false } }),
      ],
      minio,
    );
    const v = values(rendered);
    expect(v.redis.external).toEqual({
      addr: 'harbor-cache.harbor-cache.svc.cluster.local:26379',
      sentinelMasterSet: 'harbor',
    });
    const password = {
      name: 'HARBOR_REDIS_PASSWORD',
      valueFrom: { secretKeyRef: { name: 'harbor-cache-auth', key: 'password' } },
    };
    const url = 'redis+sentinel://:$(HARBOR_REDIS_PASSWORD)@harbor-cache.harbor-cache.svc.cluster.local:26379/harbor';
    expect(v.core.extraEnvVars).toEqual([
      password,
      { name: '_REDIS_URL_CORE', value: `${url}/0?idle_timeout_seconds=30` },
      { name: '_REDIS_URL_REG', value: `${url}/2?idle_timeout_seconds=30` },
    ]);
    expect(v.jobservice.extraEnvVars).toContainEqual({ name: 'JOB_SERVICE_POOL_REDIS_URL', value: `${url}/1` });
    expect(v.registry.registry.extraEnvVars).toEqual([
      { name: 'REGISTRY_REDIS_PASSWORD', valueFrom: { secretKeyRef: { name: 'harbor-cache-auth', key: 'password' } } },
    ]);
    expect(v.exporter.extraEnvVars).toContainEqual({ name: 'HARBOR_REDIS_URL', value: `${url}/1` });
  });

  it('configures the proxy-cache projects with a restricted Job whose name follows what it configures', async () => {
    const first = (await renderForTest([...peers(), harbor(configured)], minio)).objects('harbor');
    const job = first.proxy_cache_job as IJob;
    const config = first.proxy_cache_configmap as IConfigMap;
    expect(job.metadata!.name).toMatch(/^harbor-proxy-cache-[0-9a-f]{10}$/);
    expect(config.metadata!.name).toBe(job.metadata!.name);
    expect(job.metadata!.annotations!['argocd.argoproj.io/sync-wave']).toBe('1');
    const pod = job.spec!.template.spec!;
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.securityContext).toMatchObject({
      runAsNonRoot: true,
      runAsUser: 65534,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(pod.containers[0]).toMatchObject({
      image: 'docker.io/library/python:3.14.7-alpine3.24',
      env: [
        { name: 'HARBOR_API', value: 'http://harbor-core.harbor.svc.cluster.local:80/api/v2.0' },
        {
          name: 'HARBOR_ADMIN_PASSWORD',
          valueFrom: { secretKeyRef: { name: 'harbor-secrets', key: 'HARBOR_ADMIN_PASSWORD' } },
        },
      ],
      securityContext: {
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
      },
    });
    expect(JSON.parse(config.data!['proxy-cache.json']!)).toEqual([
      { project: 'docker.io', registry: { name: 'docker.io', type: 'docker-hub', url: 'https://hub.docker.com' } },
      { project: 'quay.io', registry: { name: 'quay.io', type: 'docker-registry', url: 'https://quay.io' } },
      { project: 'ghcr.io', registry: { name: 'ghcr.io', type: 'github-ghcr', url: 'https://ghcr.io' } },
      {
        project: 'registry.k8s.io',
        registry: { name: 'registry.k8s.io', type: 'docker-registry', url: 'https://registry.k8s.io' },
      },
    ]);
    const fewer = (
      await renderForTest(
        [
          ...peers(),
          harbor({
            ...configured,
            proxyCache: [{ project: 'docker.io', type: 'docker-hub', url: 'https://hub.docker.com' }],
          }),
        ],
        minio,
      )
    ).objects('harbor');
    expect((fewer.proxy_cache_job as IJob).metadata!.name).not.toBe(job.metadata!.name);
  });

  it('routes the registry through the edge and pulls its own images upstream when it is the mirror', async () => {
    const { rendered } = await renderForTest([...peers(), harbor(configured)], {
      settings: { ...minio.settings, imageRegistryMirror: 'harbor.selfhosted.example.com' },
    });
    expect(rendered.routes).toEqual([
      expect.objectContaining({
        component: 'harbor',
        fqdn: 'harbor.selfhosted.example.com',
        backend: {
          service: 'harbor',
          port: 80,
          targetPort: 8080,
          pods: { release: 'harbor', app: 'harbor', component: 'nginx' },
        },
        maxBodySize: '10g',
      }),
    ]);
    expect(values(rendered).core.image.repository).toBe('docker.io/goharbor/harbor-core');
    const other = await renderForTest([...peers(), harbor(configured)], {
      settings: { ...minio.settings, imageRegistryMirror: 'mirror.example.com' },
    });
    expect(values(other.rendered).core.image.repository).toBe('mirror.example.com/docker.io/goharbor/harbor-core');
  });

  it('opens exactly the database and cache pods, and the providers admit it', async () => {
    const fakePods = (component: string) => ({
      [`fake_${component}_deployment`]: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: `harbor-${component}`, namespace: 'harbor' },
        spec: {
          selector: { matchLabels: { release: 'harbor', app: 'harbor', component } },
          template: {
            metadata: { labels: { release: 'harbor', app: 'harbor', component } },
            spec: { containers: [{ name: component, image: 'docker.io/goharbor/harbor-core:v2.15.1' }] },
          },
        },
      },
    });
    // Stand-ins for the chart's core pods, which Argo CD renders from the chart, not the library.
    const { rendered } = await renderForTest([...peers(), harbor(configured).addObjects(fakePods('core'))], minio);
    expect(connectionProblems(rendered, 'harbor', 'harbor-db-rw.harbor-db.svc.cluster.local:5432')).toEqual([]);
    expect(connectionProblems(rendered, 'harbor', 'harbor-cache.harbor-cache.svc.cluster.local:6379')).toEqual([]);
    const keys = rendered.objects
      .filter((o) => o.component === 'harbor' && o.object.kind === 'NetworkPolicy')
      .map((o) => o.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'networkpolicy_allow_object_storage',
        'networkpolicy_allow_upstream_registries',
        'networkpolicy_allow_trivy_database',
      ]),
    );
  });

  it('passes the policy checks', async () => {
    const { rendered } = await renderForTest([...peers(), harbor(configured)], minio);
    expect(runPolicies(rendered).findings.filter((f) => f.component === 'harbor' && f.severity === 'error')).toEqual(
      [],
    );
  });

  it('labels, annotates and links every alert to its runbook', async () => {
    const { objects } = await renderForTest([...peers(), harbor(configured)], minio);
    const rules = (objects('harbor').alerts_prometheusrule as IPrometheusRule).spec.groups![0]!.rules!;
    expect(rules.map((r) => r.alert)).toContain('HarborUnhealthy');
    for (const rule of rules) {
      expect(rule.for).toBeDefined();
      expect(Object.keys(rule.labels!).sort()).toEqual(['severity', 'team']);
      expect(rule.annotations!.runbook_url).toContain(`harbor/README.md#${rule.alert!.toLowerCase()}`);
    }
  });
});
