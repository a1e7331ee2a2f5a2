import type { IDeployment, INetworkPolicy, IPrometheusRule } from '@platform/core';
import { resourcesTable } from '@platform/core';
import { applicationSetElement, connectionProblems, renderError, renderForTest } from '@platform/core/testing';
import { runPolicies } from '@platform/policy';
import { describe, expect, it } from 'vitest';
import { metricsStore, secretStore, workers } from './fixtures.test-helpers.js';
import { type IScaledObject, type ITriggerAuthentication, keda } from './index.js';

const externalSecretsApi = [{ group: 'external-secrets.io', kind: 'ExternalSecret' }];

describe('keda', () => {
  it('installs the pinned chart: replicated parts with PDBs and spread, metrics, the cluster name', async () => {
    const { rendered } = await renderForTest([keda({ awsRoleArn: 'arn:aws:iam::111122223333:role/keda-test' })]);
    const chart = applicationSetElement(rendered, 'keda').sources[0]!;
    expect(chart).toMatchObject({
      repoURL: 'https://kedacore.github.io/charts',
      chart: 'keda',
      targetRevision: '2.20.2',
    });
    const values = chart.helm!.valuesObject;
    expect(values.clusterName).toBe('test');
    expect([values.operator.replicaCount, values.metricsServer.replicaCount, values.webhooks.replicaCount]).toEqual([
      2, 2, 2,
    ]);
    expect(values.podDisruptionBudget).toEqual({
      operator: { maxUnavailable: 1 },
      metricServer: { maxUnavailable: 1 },
      webhooks: { maxUnavailable: 1 },
    });
    expect(values.topologySpreadConstraints.metricsServer[0].labelSelector).toEqual({
      matchLabels: { 'app.kubernetes.io/name': 'keda-operator-metrics-apiserver' },
    });
    expect(values.podIdentity).toEqual({
      aws: { irsa: { enabled: true, roleArn: 'arn:aws:iam::111122223333:role/keda-test' } },
    });
    expect(values.prometheus.operator).toEqual({ enabled: true, serviceMonitor: { enabled: true } });
    // The chart's restricted security contexts are kept.
    expect(values.securityContext).toBeUndefined();
  });

  it('keeps Argo CD off the CA the operator patches into the metrics APIService and the webhook', async () => {
    const { rendered } = await renderForTest([keda()]);
    const element = applicationSetElement(rendered, 'keda');
    expect(element.syncOptions).toEqual(
      expect.arrayContaining(['ServerSideApply=true', 'RespectIgnoreDifferences=true']),
    );
    expect(element.ignoreDifferences).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'APIService',
          name: 'v1beta1.external.metrics.k8s.io',
          jsonPointers: ['/spec/caBundle'],
        }),
        expect.objectContaining({
          kind: 'ValidatingWebhookConfiguration',
          name: 'keda-admission',
          jqPathExpressions: ['.webhooks[]?.clientConfig.caBundle'],
        }),
      ]),
    );
    const project = rendered.objects.find(
      (o) => o.object.kind === 'AppProject' && o.object.metadata!.name === 'platform-test',
    )!;
    const allowed = (
      project.object as unknown as { spec: { clusterResourceWhitelist: Array<{ group: string; kind: string }> } }
    ).spec.clusterResourceWhitelist;
    expect(allowed).toEqual(expect.arrayContaining([{ group: 'apiregistration.k8s.io', kind: 'APIService' }]));
  });

  it("points a prometheus trigger at the environment's metrics store, with the tenant header", async () => {
    const { objects } = await renderForTest([keda(), metricsStore, workers()]);
    const reports = objects('orders').reports_scaledobject as IScaledObject;
    expect(reports.spec.triggers[0]).toEqual({
      type: 'prometheus',
      metadata: {
        serverAddress: 'http://query-frontend.fake-mimir.svc.cluster.local:8080/prometheus',
        query: 'sum(orders_pending_reports)',
        threshold: '50',
        customHeaders: 'X-Scope-OrgID=test',
      },
    });
    expect(reports.spec.triggers[1]).toEqual({
      type: 'cron',
      metadata: { timezone: 'Europe/Berlin', start: '0 8 * * 1-5', end: '0 18 * * 1-5', desiredReplicas: '2' },
    });
    expect(await renderError([keda(), workers()])).toContain('metricsStore');
  });

  it('scales a queue worker to zero, leaving replicas to KEDA and staging the ScaledObject with the workload', async () => {
    const { objects, rendered } = await renderForTest([keda(), metricsStore, workers()]);
    const worker = objects('orders').worker_scaledobject as IScaledObject;
    expect(worker.spec).toMatchObject({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'worker' },
      minReplicaCount: 0,
      maxReplicaCount: 20,
      triggers: [
        {
          type: 'aws-sqs-queue',
          metadata: {
            queueURL: 'https://sqs.eu-west-1.amazonaws.com/111122223333/orders',
            awsRegion: 'eu-west-1',
            queueLength: '10',
          },
          authenticationRef: { name: 'orders-sqs' },
        },
      ],
    });
    const deployment = objects('orders').worker_deployment as IDeployment;
    expect(deployment.spec).not.toHaveProperty('replicas');
    expect(objects('orders').worker_hpa).toBeUndefined();
    expect(worker.metadata!.annotations!['argocd.argoproj.io/sync-wave']).toBe(
      deployment.metadata!.annotations!['argocd.argoproj.io/sync-wave'],
    );
    expect((objects('orders').orders_sqs_triggerauthentication as ITriggerAuthentication).spec).toEqual({
      podIdentity: { provider: 'aws', identityOwner: 'keda' },
    });
    // `pnpm resources` counts KEDA's range.
    expect(resourcesTable(rendered).workloads.find((w) => w.name === 'worker')!.replicas).toEqual({
      min: 0,
      max: 20,
      by: 'keda',
    });
  });

  it('reports scaling mistakes with paths', async () => {
    const problems = await renderError([
      keda(),
      metricsStore,
      workers({
        min: -1,
        max: 0,
        triggers: [{ type: 'aws-sqs-queue', queueUrl: 'orders', region: 'eu-west-1', auth: { name: 'x' } }],
      }),
    ]);
    expect(problems).toContain('worker.scaling.min: expected a whole number of at least 0, got -1');
    // The workload helper agrees with the ScaledObject: scale to zero is allowed for an external scaler.
    await expect(renderForTest([keda(), metricsStore, workers({ min: 0, max: 3 })])).resolves.toBeDefined();
    expect(problems).toContain(
      'worker.scaling.max: expected a whole number of at least 1 and at least min (-1), got 0',
    );
    expect(problems).toContain('worker.scaling.triggers[0].queueUrl: expected an SQS queue URL');
    expect(await renderError([keda({ replicas: { operator: 0 } })])).toContain(
      'replicas.operator: expected a whole number of at least 1, got 0',
    );
  });

  it('takes credentials from the secret store through an ExternalSecret, never as Secret data', async () => {
    const { objects, rendered } = await renderForTest([keda(), metricsStore, secretStore, workers({}, true)], {
      clusterApis: [
        ...externalSecretsApi,
        { group: 'monitoring.coreos.com', kind: 'ServiceMonitor' },
        { group: 'monitoring.coreos.com', kind: 'PrometheusRule' },
      ],
    });
    const auth = objects('orders').kafka_sasl_triggerauthentication as ITriggerAuthentication;
    expect(auth.spec!.secretTargetRef).toEqual([{ parameter: 'password', name: 'kafka-sasl', key: 'password' }]);
    expect(objects('orders').kafka_sasl_externalsecret).toMatchObject({
      spec: { secretStoreRef: { name: 'platform-vault', kind: 'ClusterSecretStore' }, target: { name: 'kafka-sasl' } },
    });
    expect(rendered.objects.some((o) => o.object.kind === 'Secret')).toBe(false);
  });

  it('lets the operator query the metrics store, and the API server reach the metrics API and the webhook', async () => {
    const { rendered, objects } = await renderForTest([keda(), metricsStore, workers()]);
    // The operator's pods come from the chart, so both sides are read from the policies: the operator's egress
    // opens exactly the store's query pods and port, and the store admits the keda namespace there.
    const egress = objects('keda').networkpolicy_allow_to_mimir_query_frontend as INetworkPolicy;
    expect(egress.spec!.podSelector).toEqual({ matchLabels: { 'app.kubernetes.io/name': 'keda-operator' } });
    expect(egress.spec!.egress).toEqual([
      {
        to: [
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'mimir' } },
            podSelector: {
              matchLabels: { 'app.kubernetes.io/instance': 'mimir', 'app.kubernetes.io/name': 'query-frontend' },
            },
          },
        ],
        ports: [{ port: 8080, protocol: 'TCP' }],
      },
    ]);
    const admitted = (objects('mimir').networkpolicy_allow_query as INetworkPolicy).spec!.ingress![0]!.from![0]!;
    expect(admitted.namespaceSelector).toEqual({ matchLabels: { 'kubernetes.io/metadata.name': 'keda' } });
    // The scaled workloads themselves get no path to the store: KEDA's operator queries it, not they.
    expect(
      connectionProblems(rendered, 'orders', 'http://query-frontend.mimir.svc.cluster.local:8080/prometheus'),
    ).not.toEqual([]);
    const metricsApi = objects('keda').networkpolicy_allow_metrics_api as INetworkPolicy;
    expect(metricsApi.spec!.podSelector).toEqual({
      matchLabels: { 'app.kubernetes.io/name': 'keda-operator-metrics-apiserver' },
    });
    expect(metricsApi.spec!.ingress).toEqual([{ ports: [{ port: 6443, protocol: 'TCP' }] }]);
    expect(objects('keda').networkpolicy_allow_aws_apis).toBeUndefined();
    const aws = await renderForTest([keda({ scalerEgress: { aws: true, kafkaPorts: [9092] } })]);
    expect((aws.objects('keda').networkpolicy_allow_kafka as INetworkPolicy).spec!.egress![0]!.ports).toEqual([
      { port: 9092, protocol: 'TCP' },
    ]);
  });

  it("alerts on its failure modes and passes pnpm check's rules", async () => {
    const { rendered, objects } = await renderForTest([keda(), metricsStore, workers()]);
    const rule = objects('keda').alerts_prometheusrule as IPrometheusRule;
    for (const r of rule.spec.groups![0]!.rules!) {
      expect(r.labels).toMatchObject({ team: 'platform' });
      expect(r.annotations!.runbook_url).toContain('packages/keda/README.md#keda');
    }
    const errors = runPolicies(rendered).findings.filter(
      (f) => f.severity === 'error' && ['keda', 'orders'].includes(f.component),
    );
    expect(errors).toEqual([]);
  });
});
