import type {
  IClusterRole,
  IConfigMap,
  IDaemonSet,
  INamespace,
  INetworkPolicy,
  IService,
  KubeObject,
  OtlpCollector,
} from '@platform/core';
import { connectionProblems, renderForTest } from '@platform/core/testing';
import {
  FAKE_STORES as FAKE,
  fakeLogsStore as fakeLoki,
  fakeMetricsStore as fakeMimir,
  fakeStorePods,
  fakeTracesStore as fakeTempo,
} from '@platform/test-fakes';
import { describe, expect, it } from 'vitest';
import { alloy } from './index.js';

function configText(objects: Record<string, KubeObject>): string {
  return (objects.alloy_configmap as IConfigMap).data!['config.alloy']!;
}

describe('alloy', () => {
  it('renders valid objects wired to the stores of the environment', async () => {
    const { objects } = await renderForTest([fakeMimir(), fakeLoki(), fakeTempo(), alloy()]);
    const rendered = objects('alloy');
    expect(
      Object.keys(rendered)
        .filter((key) => !key.startsWith('networkpolicy_'))
        .sort(),
    ).toEqual([
      'alloy_cluster_service',
      'alloy_clusterrole',
      'alloy_clusterrolebinding',
      'alloy_configmap',
      'alloy_daemonset',
      'alloy_service',
      'alloy_serviceaccount',
      'alloy_servicemonitor',
      'namespace',
    ]);
    const text = configText(rendered);
    expect(text).toContain(`url     = "${FAKE.remoteWriteUrl}"`);
    expect(text).toContain(`url       = "${FAKE.pushUrl}"`);
    expect(text).toContain(`endpoint = "${FAKE.otlpGrpcAddress}"`);
    // The environment's tenant (default: the environment name) goes to every multi-tenant store.
    expect(text).toContain('"X-Scope-OrgID" = "test"');
    expect(text).toContain('tenant_id = "test"');
    expect(text).toContain('prometheus.remote_write "fake_mimir"');
  });

  it('refers to no trace store when the environment has none', async () => {
    const { objects } = await renderForTest([fakeMimir(), fakeLoki(), alloy()]);
    const text = configText(objects('alloy'));
    expect(text).not.toContain('otelcol.exporter.otlp ');
    expect(text).not.toContain(FAKE.otlpGrpcAddress);
    expect(Object.keys(objects('alloy')).filter((key) => key.includes('fake_tempo'))).toEqual([]);
  });

  it('fails with a clear message when a required store is missing', async () => {
    await expect(renderForTest([fakeMimir(), alloy()])).rejects.toThrow(
      'test › alloy: needs a component that provides "logsStore" (Alloy pushes the cluster\'s logs to it; to run without one, remove "logsStore" from alloy\'s require), and the environment has none',
    );
    const { objects } = await renderForTest([fakeMimir(), alloy({ require: ['metricsStore'] })]);
    expect(configText(objects('alloy'))).not.toContain('loki.write');
  });

  it('asks for exactly the API access its pipelines need', async () => {
    const { objects } = await renderForTest([fakeMimir(), fakeLoki(), alloy()]);
    expect((objects('alloy').alloy_clusterrole as IClusterRole).rules).toEqual([
      { apiGroups: [''], resources: ['nodes', 'pods', 'services'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: [''], resources: ['nodes/metrics'], verbs: ['get'] },
      { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: ['get', 'list', 'watch'] },
      {
        apiGroups: ['monitoring.coreos.com'],
        resources: ['podmonitors', 'servicemonitors'],
        verbs: ['get', 'list', 'watch'],
      },
    ]);
    const withoutMonitors = await renderForTest([fakeMimir(), fakeLoki(), alloy()], {
      settings: {
        baseDomain: 'x.example.com',
        objectStorage: { endpoint: 's3.example.com', region: 'r', bucketPrefix: 'b' },
        serviceMonitors: false,
      },
    });
    const rendered = withoutMonitors.objects('alloy');
    expect((rendered.alloy_clusterrole as IClusterRole).rules).toEqual([
      { apiGroups: [''], resources: ['nodes', 'pods'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: [''], resources: ['nodes/metrics'], verbs: ['get'] },
    ]);
    expect(rendered.alloy_cluster_service).toBeUndefined();
    expect((rendered.alloy_daemonset as IDaemonSet).spec!.template.spec!.containers[0]!.args).not.toContain(
      '--cluster.enabled=true',
    );
  });

  it('runs as a root node agent in a privileged namespace, waiving exactly the rules it breaks', async () => {
    const { objects } = await renderForTest([fakeMimir(), fakeLoki(), alloy()]);
    const rendered = objects('alloy');
    expect((rendered.namespace as INamespace).metadata!.labels!['pod-security.kubernetes.io/enforce']).toBe(
      'privileged',
    );
    const daemonSet = rendered.alloy_daemonset as IDaemonSet;
    const waivers = [
      'policy.platform.dev/waive.pod-security.host-path',
      'policy.platform.dev/waive.pod-security.run-as-non-root',
    ];
    for (const annotations of [daemonSet.metadata!.annotations!, daemonSet.spec!.template.metadata!.annotations!]) {
      expect(
        Object.keys(annotations)
          .filter((key) => key.startsWith('policy.platform.dev/'))
          .sort(),
      ).toEqual(waivers);
      for (const key of waivers) expect(annotations[key]!.length).toBeGreaterThan(10);
    }
    const pod = daemonSet.spec!.template.spec!;
    expect(pod.securityContext).toMatchObject({ runAsUser: 0, runAsNonRoot: false });
    expect(pod.containers[0]!.securityContext).toMatchObject({
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    });
    expect(pod.automountServiceAccountToken).toBe(true);
    expect(pod.serviceAccountName).toBe('alloy');
    expect(pod.volumes!.filter((v) => v.hostPath).map((v) => v.hostPath!.path)).toEqual([
      '/var/lib/alloy/alloy-alloy',
      '/var/log/pods',
      '/var/log/journal',
      '/run/log/journal',
      '/etc/machine-id',
    ]);
    expect(pod.containers[0]!.env).toContainEqual({
      name: 'K8S_NODE_NAME',
      valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } },
    });
  });

  it('exposes OTLP and metrics on a Service and allows OTLP in, store traffic out', async () => {
    const { objects } = await renderForTest([fakeMimir(), fakeLoki(), fakeTempo(), alloy()]);
    const rendered = objects('alloy');
    expect((rendered.alloy_service as IService).spec!.ports!.map((p) => [p.name, p.port])).toEqual([
      ['http-metrics', 12345],
      ['otlp-grpc', 4317],
      ['otlp-http', 4318],
    ]);
    const policy = (key: string) => (rendered[key] as INetworkPolicy).spec!;
    expect(policy('networkpolicy_allow_otlp')).toEqual({
      podSelector: { matchLabels: (rendered.alloy_service as IService).spec!.selector },
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [{ namespaceSelector: {}, podSelector: {} }],
          ports: [
            { port: 4317, protocol: 'TCP' },
            { port: 4318, protocol: 'TCP' },
          ],
        },
      ],
    });
    // Egress to exactly the pods behind each address Alloy ships to.
    expect(policy('networkpolicy_allow_to_fake_mimir_distributor').egress).toEqual([
      {
        to: [
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'fake-mimir' } },
            podSelector: { matchLabels: fakeStorePods('fake-mimir', 'distributor') },
          },
        ],
        ports: [{ port: 8080, protocol: 'TCP' }],
      },
    ]);
    expect(policy('networkpolicy_allow_to_fake_loki_write').egress).toEqual([
      {
        to: [
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'fake-loki' } },
            podSelector: { matchLabels: fakeStorePods('fake-loki', 'write') },
          },
        ],
        ports: [{ port: 3100, protocol: 'TCP' }],
      },
    ]);
    expect(policy('networkpolicy_allow_to_fake_tempo_distributor').egress![0]!.ports).toEqual([
      { port: 4317, protocol: 'TCP' },
    ]);
    expect(
      Object.keys(rendered)
        .filter((key) => /^networkpolicy_allow_to_/.test(key))
        .sort(),
    ).toEqual([
      'networkpolicy_allow_to_fake_loki_write',
      'networkpolicy_allow_to_fake_mimir_distributor',
      'networkpolicy_allow_to_fake_tempo_distributor',
    ]);
    expect(policy('networkpolicy_allow_kubelet').egress![0]!.ports).toEqual([{ port: 10250, protocol: 'TCP' }]);
    expect(rendered.networkpolicy_allow_kubernetes_api).toBeDefined();
  });

  it("can connect to every address it ships to: its egress and the stores' ingress both allow it", async () => {
    const { rendered } = await renderForTest([fakeMimir(), fakeLoki(), fakeTempo(), alloy()], {
      // Without Alloy as the metrics scraper, the stores admit it only through their push rules.
      settings: {
        baseDomain: 'test.example.com',
        objectStorage: { endpoint: 's3.eu-west-1.amazonaws.com', region: 'eu-west-1', bucketPrefix: 'acme-test' },
        metricsScraperNamespaces: [],
      },
    });
    for (const address of [FAKE.remoteWriteUrl, FAKE.pushUrl, FAKE.otlpGrpcAddress])
      expect(connectionProblems(rendered, 'alloy', address), address).toEqual([]);
    expect(connectionProblems(rendered, 'alloy', FAKE.metricsQueryUrl)).toEqual([
      'no NetworkPolicy in fake-mimir admits alloy/alloy to query-frontend:8080',
    ]);
  });

  it('publishes its OTLP addresses with the selector of the Service they name', async () => {
    const component = alloy();
    const { rendered, objects } = await renderForTest([fakeMimir(), fakeLoki(), component]);
    const collector = rendered.provided.get(component.name)!.otlpCollector as OtlpCollector;
    const service = objects('alloy').alloy_service as IService;
    expect(collector.otlpGrpcAddress).toBe(`${service.metadata!.name}.alloy.svc.cluster.local:4317`);
    expect(collector.pods).toEqual({ otlpGrpcAddress: service.spec!.selector, otlpHttpUrl: service.spec!.selector });
  });

  it('limits OTLP senders to the configured namespaces', async () => {
    const { objects } = await renderForTest([
      fakeMimir(),
      fakeLoki(),
      alloy({ otlp: { allowedNamespaces: ['shop'] } }),
    ]);
    expect((objects('alloy').networkpolicy_allow_otlp as INetworkPolicy).spec!.ingress![0]!.from).toEqual([
      { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } }, podSelector: {} },
    ]);
  });

  it('mounts the Secrets of extra targets and opens egress to them', async () => {
    const { objects } = await renderForTest([
      fakeMimir(),
      fakeLoki(),
      alloy({
        extraMetricsTargets: [
          {
            name: 'sre',
            url: 'https://mimir.sre.example.com/api/v1/push',
            basicAuth: { username: 'prod', passwordSecret: { name: 'sre-metrics', key: 'password' } },
          },
        ],
      }),
    ]);
    const rendered = objects('alloy');
    const pod = (rendered.alloy_daemonset as IDaemonSet).spec!.template.spec!;
    expect(pod.volumes).toContainEqual({
      name: 'secret-sre-metrics',
      secret: { secretName: 'sre-metrics', defaultMode: 0o440 },
    });
    expect(pod.containers[0]!.volumeMounts).toContainEqual({
      name: 'secret-sre-metrics',
      mountPath: '/etc/alloy/secrets/sre-metrics',
      readOnly: true,
    });
    expect((rendered.networkpolicy_allow_extra_metrics_sre as INetworkPolicy).spec!.egress![0]!.ports).toEqual([
      { port: 443, protocol: 'TCP' },
    ]);
    expect(configText(rendered)).toContain('prometheus.remote_write "extra_sre"');
  });

  it('rejects credentials written in configuration', async () => {
    const render = renderForTest([
      fakeMimir(),
      fakeLoki(),
      alloy({
        // @ts-expect-error: an inline password is not part of the type, and the check catches it at run time too
        extraLogsTargets: [{ name: 'sre', url: 'https://loki.example.com/loki/api/v1/push', password: 'hunter2' }],
      }),
    ]);
    await expect(render).rejects.toThrow(
      'extraLogsTargets[0].password: credentials are never written in configuration',
    );
  });

  it('rolls the pods when the configuration changes, and renders the same bytes twice', async () => {
    const first = await renderForTest([fakeMimir(), fakeLoki(), alloy()]);
    const again = await renderForTest([fakeMimir(), fakeLoki(), alloy()]);
    const alloyFiles = (files: Map<string, string>) => [...files].filter(([path]) => path.startsWith('alloy/'));
    expect(alloyFiles(again.rendered.files)).toEqual(alloyFiles(first.rendered.files));
    const changed = await renderForTest([fakeMimir(), fakeLoki(), alloy({ metrics: { scrapeInterval: '15s' } })]);
    const checksum = (objects: Record<string, KubeObject>) =>
      (objects.alloy_daemonset as IDaemonSet).spec!.template.metadata!.annotations!['checksum/config'];
    expect(checksum(changed.objects('alloy'))).not.toBe(checksum(first.objects('alloy')));
  });
});
