import type { IAppProject, INetworkPolicy } from '@platform/core';
import { applicationSetElement, deliveryObjects, providedBy, renderForTest } from '@platform/core/testing';
import { describe, expect, it } from 'vitest';
import { externalSecret, externalSecrets } from './index.js';
import type { IClusterSecretStore, IExternalSecret } from './kinds.js';

const server = 'https://vault.example.com:8200';
const settings = { baseDomain: 'x', objectStorage: { endpoint: 's3', region: 'r', bucketPrefix: 'b' } };

describe('external-secrets', () => {
  it('installs the pinned chart with typed values', async () => {
    const { rendered } = await renderForTest([externalSecrets({ store: { server } })]);
    const { sources, syncOptions, tier } = applicationSetElement(rendered, 'external-secrets');
    expect(tier).toBe('operators');
    const chart = sources[0]!;
    expect(chart).toMatchObject({
      repoURL: 'https://charts.external-secrets.io',
      chart: 'external-secrets',
      targetRevision: '2.9.0',
    });
    expect(chart.helm!.releaseName).toBe('external-secrets');
    const values = chart.helm!.valuesObject;
    expect(values.installCRDs).toBe(true);
    expect(values.leaderElect).toBe(true);
    expect(values.replicaCount).toBe(2);
    expect(values.webhook.replicaCount).toBe(2);
    expect(values.certController.replicaCount).toBe(1);
    expect(values.podDisruptionBudget).toEqual({ enabled: true, maxUnavailable: 1 });
    expect(values.webhook.podDisruptionBudget).toEqual({ enabled: true, maxUnavailable: 1 });
    expect(values.certController.podDisruptionBudget).toEqual({ enabled: true, maxUnavailable: 1 });
    expect(values.resources).toEqual({ requests: { cpu: '50m', memory: '128Mi' }, limits: { memory: '512Mi' } });
    expect(values.webhook.resources.requests).toEqual({ cpu: '20m', memory: '64Mi' });
    expect(values.certController.resources.limits).toEqual({ memory: '256Mi' });
    expect(values.livenessProbe).toEqual({ enabled: true });
    expect(values.readinessProbe).toEqual({ enabled: true });
    expect(values.serviceMonitor).toEqual({ enabled: true, renderMode: 'alwaysRender' });
    // The chart's security contexts are restricted-compliant and left alone; no mirror, no repository override.
    expect(values.securityContext).toBeUndefined();
    expect(values.webhook.securityContext).toBeUndefined();
    expect(values.global).toBeUndefined();
    // Second source: the rendered folder with the store.
    expect(sources[1]).toMatchObject({ path: 'rendered/test/external-secrets' });
    expect(syncOptions).toEqual(expect.arrayContaining(['ServerSideApply=true', 'RespectIgnoreDifferences=true']));
  });

  it('ignores the CA bundle the cert-controller writes into both webhook configurations', async () => {
    const { rendered } = await renderForTest([externalSecrets({ store: { server } })]);
    const ignored = applicationSetElement(rendered, 'external-secrets').ignoreDifferences!;
    expect(ignored).toEqual([
      {
        group: 'admissionregistration.k8s.io',
        kind: 'ValidatingWebhookConfiguration',
        name: 'secretstore-validate',
        jqPathExpressions: ['.webhooks[]?.clientConfig.caBundle'],
      },
      {
        group: 'admissionregistration.k8s.io',
        kind: 'ValidatingWebhookConfiguration',
        name: 'externalsecret-validate',
        jqPathExpressions: ['.webhooks[]?.clientConfig.caBundle'],
      },
    ]);
  });

  it('lets the AppProject use the chart repository and the cluster-scoped kinds', async () => {
    const { rendered } = await renderForTest([externalSecrets({ store: { server } })]);
    const project = deliveryObjects<IAppProject>(rendered, 'AppProject').find(
      (p) => p.metadata!.name === 'platform-test',
    )!;
    expect(project.spec!.sourceRepos).toContain('https://charts.external-secrets.io');
    const allowed = project.spec!.clusterResourceWhitelist!.map((r) => `${r.group}/${r.kind}`);
    expect(allowed).toEqual(
      expect.arrayContaining([
        'apiextensions.k8s.io/CustomResourceDefinition',
        'rbac.authorization.k8s.io/ClusterRole',
        'rbac.authorization.k8s.io/ClusterRoleBinding',
        'admissionregistration.k8s.io/ValidatingWebhookConfiguration',
        'external-secrets.io/ClusterSecretStore',
      ]),
    );
  });

  it('renders the platform ClusterSecretStore: Vault KV v2 with Kubernetes auth as the controller', async () => {
    const { objects } = await renderForTest([externalSecrets({ store: { server } })]);
    const store = objects('external-secrets').store_clustersecretstore as IClusterSecretStore;
    expect(store.metadata!.name).toBe('platform-vault');
    expect(store.metadata!.namespace).toBeUndefined();
    expect(store.spec).toEqual({
      provider: {
        vault: {
          server,
          path: 'secret',
          version: 'v2',
          auth: {
            kubernetes: {
              mountPath: 'kubernetes',
              role: 'external-secrets',
              serviceAccountRef: { name: 'external-secrets', namespace: 'external-secrets' },
            },
          },
        },
      },
    });
    // After the chart (wave 0), whose webhook admits stores.
    expect(Number(store.metadata!.annotations!['argocd.argoproj.io/sync-wave'])).toBeGreaterThan(0);
  });

  it('takes the store name, mount paths, role, Vault namespace and audiences from config', async () => {
    const component = externalSecrets({
      store: {
        name: 'org-vault',
        server: 'https://openbao.example.com',
        path: 'kv/platform',
        namespace: 'platform',
        auth: { mountPath: 'kubernetes/prod-eu1', role: 'eso-prod', audiences: ['vault'] },
      },
    }).inNamespace('eso');
    const { objects } = await renderForTest([component]);
    const store = objects('external-secrets').store_clustersecretstore as IClusterSecretStore;
    expect(store.metadata!.name).toBe('org-vault');
    expect(store.spec!.provider.vault).toEqual({
      server: 'https://openbao.example.com',
      path: 'kv/platform',
      version: 'v2',
      namespace: 'platform',
      auth: {
        kubernetes: {
          mountPath: 'kubernetes/prod-eu1',
          role: 'eso-prod',
          serviceAccountRef: { name: 'external-secrets', namespace: 'eso', audiences: ['vault'] },
        },
      },
    });
  });

  it('provides the ClusterSecretStore as secretStore', () => {
    expect(providedBy(externalSecrets({ store: { server } }))).toEqual({
      secretStore: {
        component: 'external-secrets',
        namespace: 'external-secrets',
        storeRef: { name: 'platform-vault', kind: 'ClusterSecretStore' },
      },
    });
    expect(providedBy(externalSecrets({ store: { server, name: 'org-vault' } })).secretStore).toMatchObject({
      storeRef: { name: 'org-vault' },
    });
  });

  it('opens the webhook to the API server, and egress to the API server and, from the controller only, the store', async () => {
    const { objects } = await renderForTest([externalSecrets({ store: { server } })]);
    const o = objects('external-secrets');
    const webhook = o.networkpolicy_allow_webhook as INetworkPolicy;
    expect(webhook.spec!.podSelector).toEqual({
      matchLabels: { 'app.kubernetes.io/name': 'external-secrets-webhook' },
    });
    expect(webhook.spec!.ingress).toEqual([{ ports: [{ port: 10250, protocol: 'TCP' }] }]);
    expect(o.networkpolicy_allow_api_server).toBeDefined();
    const store = o.networkpolicy_allow_secret_store as INetworkPolicy;
    expect(store.spec!.podSelector).toEqual({ matchLabels: { 'app.kubernetes.io/name': 'external-secrets' } });
    expect(store.spec!.policyTypes).toEqual(['Egress']);
    expect(store.spec!.egress![0]!.ports!.map((p) => `${p.port}/${p.protocol}`)).toEqual(['443/TCP', '8200/TCP']);
    expect(store.spec!.egress![0]!.to).toEqual([{ ipBlock: { cidr: '0.0.0.0/0' } }, { ipBlock: { cidr: '::/0' } }]);
  });

  it('opens only the configured store ports', async () => {
    const { objects } = await renderForTest([
      externalSecrets({ store: { server: 'https://vault.example.com:9200', egressPorts: [9200] } }),
    ]);
    const store = objects('external-secrets').networkpolicy_allow_secret_store as INetworkPolicy;
    expect(store.spec!.egress![0]!.ports).toEqual([{ port: 9200, protocol: 'TCP' }]);
  });

  it('pulls the image through the environment registry mirror, drops ServiceMonitors without them, merges extra values last', async () => {
    const { rendered } = await renderForTest(
      [
        externalSecrets({
          store: { server },
          extraValues: { concurrent: 4, webhook: { failurePolicy: 'Ignore' }, replicaCount: 3 },
        }),
      ],
      {
        settings: { ...settings, imageRegistryMirror: 'mirror.example.com/', serviceMonitors: false },
      },
    );
    const values = applicationSetElement(rendered, 'external-secrets').sources[0]!.helm!.valuesObject;
    expect(values.global).toEqual({ repository: 'mirror.example.com/ghcr.io/external-secrets/external-secrets' });
    expect(values.serviceMonitor.enabled).toBe(false);
    expect(values.concurrent).toBe(4);
    expect(values.webhook).toMatchObject({ failurePolicy: 'Ignore', replicaCount: 2 });
    expect(values.replicaCount).toBe(3);
  });

  it('turns the PodDisruptionBudgets off when asked', async () => {
    const { rendered } = await renderForTest([
      externalSecrets({ store: { server }, podDisruptionBudget: false, replicas: { controller: 1, webhook: 1 } }),
    ]);
    const values = applicationSetElement(rendered, 'external-secrets').sources[0]!.helm!.valuesObject;
    expect(values.podDisruptionBudget).toEqual({ enabled: false });
    expect(values.webhook).toMatchObject({ replicaCount: 1, podDisruptionBudget: { enabled: false } });
    // Leader election stays on: a rolling update overlaps the old and the new controller.
    expect(values.leaderElect).toBe(true);
  });

  it('delivers ExternalSecrets from the store to other components, validated against the ESO schema', async () => {
    const admin = externalSecret({
      name: 'grafana-admin',
      namespace: 'external-secrets',
      data: {
        'admin-user': { key: 'platform/test/grafana-admin', property: 'admin-user' },
        'admin-password': { key: 'platform/test/grafana-admin', property: 'admin-password' },
      },
    });
    const { objects } = await renderForTest([
      externalSecrets({ store: { server } }).addObjects({ admin_externalsecret: admin }),
    ]);
    const rendered = objects('external-secrets').admin_externalsecret as IExternalSecret;
    expect(rendered.spec!.secretStoreRef).toEqual({ name: 'platform-vault', kind: 'ClusterSecretStore' });
    expect(rendered.spec!.target).toEqual({ name: 'grafana-admin', creationPolicy: 'Owner', deletionPolicy: 'Retain' });
  });

  it('reports bad configuration with paths', async () => {
    await expect(renderForTest([externalSecrets()])).rejects.toThrow(
      'store.server is not set: set it to the address of your Vault or OpenBao server, or compose @platform/openbao',
    );
    await expect(renderForTest([externalSecrets({ store: { server: 'vault.example.com:8200' } })])).rejects.toThrow(
      'store.server: expected a URL (http or https), got "vault.example.com:8200"',
    );
    await expect(
      renderForTest([externalSecrets({ store: { server: 'https://vault.example.com', egressPorts: [8200] } })]),
    ).rejects.toThrow(
      'store.egressPorts: must include port 443 of store.server (https://vault.example.com), or the NetworkPolicy blocks the controller from reaching it; got [8200]',
    );
    await expect(
      renderForTest([externalSecrets({ store: { server: 'http://vault.vault.svc:8200', egressPorts: [] } })]),
    ).rejects.toThrow('store.egressPorts: the controller needs at least one port to reach the secret store on');
    await expect(renderForTest([externalSecrets({ store: { server, egressPorts: [443, 70000] } })])).rejects.toThrow(
      'store.egressPorts[1]: expected a whole number',
    );
    await expect(renderForTest([externalSecrets({ store: { server, path: '/secret/' } })])).rejects.toThrow(
      'store.path: expected the mount path of a KV secrets engine such as "secret"',
    );
    await expect(renderForTest([externalSecrets({ store: { server, auth: { mountPath: '' } } })])).rejects.toThrow(
      'store.auth.mountPath: expected the mount path of the Kubernetes auth method',
    );
    await expect(renderForTest([externalSecrets({ store: { server, auth: { role: ' ' } } })])).rejects.toThrow(
      'store.auth.role: the Vault role the operator logs in with must not be empty',
    );
    await expect(renderForTest([externalSecrets({ store: { server, name: 'Platform_Vault' } })])).rejects.toThrow(
      'store.name: expected a DNS label',
    );
    await expect(renderForTest([externalSecrets({ store: { server }, replicas: { webhook: 0 } })])).rejects.toThrow(
      'replicas.webhook: expected a whole number of at least 1, got 0',
    );
    await expect(
      renderForTest([
        externalSecrets({ store: { server }, resources: { controller: { limits: { memory: '64Mi' } } } }),
      ]),
    ).rejects.toThrow('resources.controller.limits.memory: the memory limit 64Mi is below the memory request 128Mi');
    await expect(renderForTest([externalSecrets({ store: { server, servr: 'x' } } as never)])).rejects.toThrow(
      'store.servr: unknown field (did you mean "server"?)',
    );
  });
});
