import type {
  IConfigMap,
  IDeployment,
  IIngress,
  INetworkPolicy,
  IPersistentVolumeClaim,
  IService,
  IServiceMonitor,
  KubeObject,
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
import { CONFIGMAP_BUDGET } from './dashboards.js';
import type { Datasource } from './datasources.js';
import { fakeDashboards, fakeIssuer } from './fakes.test-helpers.js';
import { grafana } from './index.js';
import { readProvisioningFile } from './provisioning-file.js';

function datasourcesOf(objects: Record<string, KubeObject>): Datasource[] {
  const file = (objects.datasources_configmap as IConfigMap).data!['datasources.yaml']!;
  return readProvisioningFile<{ datasources: Datasource[] }>(file).datasources;
}

function iniOf(objects: Record<string, KubeObject>): string {
  return (objects.config_configmap as IConfigMap).data!['grafana.ini']!;
}

function podOf(objects: Record<string, KubeObject>) {
  return (objects.grafana_deployment as IDeployment).spec!.template.spec!;
}

const postgres = {
  type: 'postgres' as const,
  host: 'grafana-db.databases.svc:5432',
  passwordSecret: { name: 'grafana-db', key: 'password' },
};

describe('grafana datasources', () => {
  it('are the stores of the environment, at the URLs they publish, with the tenant header', async () => {
    const { objects } = await renderForTest([fakeMimir({ alertmanager: true }), fakeLoki(), fakeTempo(), grafana()]);
    const list = datasourcesOf(objects('grafana'));
    expect(list.map((d) => [d.uid, d.type, d.url, d.isDefault])).toEqual([
      ['fake-mimir-metrics', 'prometheus', FAKE.metricsQueryUrl, true],
      ['fake-mimir-alertmanager', 'alertmanager', FAKE.alertmanagerUrl, false],
      ['fake-loki-logs', 'loki', FAKE.logsQueryUrl, false],
      ['fake-tempo-traces', 'tempo', FAKE.tracesQueryUrl, false],
    ]);
    for (const datasource of list) {
      expect(datasource.jsonData.httpHeaderName1).toBe('X-Scope-OrgID');
      // The environment's tenant, by default its name.
      expect(datasource.secureJsonData).toEqual({ httpHeaderValue1: 'test' });
      expect(datasource.editable).toBe(false);
    }
  });

  it('send no tenant header to single-tenant stores', async () => {
    const { objects } = await renderForTest([fakeMimir({ multiTenant: false }), grafana()], {
      settings: {
        baseDomain: 'x.example.com',
        objectStorage: { endpoint: 's3.example.com', region: 'r', bucketPrefix: 'b' },
        tenant: 'acme',
      },
    });
    const [metrics] = datasourcesOf(objects('grafana'));
    expect(metrics!.jsonData.httpHeaderName1).toBeUndefined();
    expect(metrics!.secureJsonData).toBeUndefined();
  });

  it('link traces, logs and metrics to each other when the stores exist', async () => {
    const { objects } = await renderForTest([fakeMimir(), fakeLoki(), fakeTempo(), grafana()]);
    const byType = Object.fromEntries(datasourcesOf(objects('grafana')).map((d) => [d.type, d]));
    expect(byType.tempo!.jsonData.tracesToLogsV2).toMatchObject({
      datasourceUid: 'fake-loki-logs',
      filterByTraceID: true,
    });
    expect(byType.tempo!.jsonData.serviceMap).toEqual({ datasourceUid: 'fake-mimir-metrics' });
    expect(byType.loki!.jsonData.derivedFields).toEqual([
      expect.objectContaining({ name: 'TraceID', datasourceUid: 'fake-tempo-traces', url: '$${__value.raw}' }),
    ]);
    expect(byType.prometheus!.jsonData.exemplarTraceIdDestinations).toEqual([
      { name: 'trace_id', datasourceUid: 'fake-tempo-traces' },
    ]);
  });

  it('have no links to stores that are absent', async () => {
    const { objects } = await renderForTest([fakeMimir(), fakeLoki(), grafana()]);
    const list = datasourcesOf(objects('grafana'));
    expect(list.map((d) => d.type)).toEqual(['prometheus', 'loki']);
    expect(list[0]!.jsonData.exemplarTraceIdDestinations).toBeUndefined();
    expect(list[1]!.jsonData.derivedFields).toBeUndefined();
  });

  it('fail to render with a clear message when a required store is missing', async () => {
    await expect(renderForTest([fakeLoki(), grafana()])).rejects.toThrow(
      'test › grafana: needs a component that provides "metricsStore" (Grafana shows its metrics as a Prometheus datasource; to run without one, remove "metricsStore" from grafana\'s require), and the environment has none',
    );
    await expect(renderForTest([fakeMimir(), grafana({ require: ['metricsStore', 'tracesStore'] })])).rejects.toThrow(
      'needs a component that provides "tracesStore"',
    );
    const { objects } = await renderForTest([grafana({ require: [] })]);
    expect(datasourcesOf(objects('grafana'))).toEqual([]);
  });
});

describe('grafana dashboards', () => {
  const dashboards = {
    'writes.json': { uid: 'writes', title: 'Writes', panels: [{ type: 'timeseries', id: 1 }] },
    'reads.json': { title: 'Reads', uid: 'reads' },
  };

  it('become a ConfigMap per component, a folder per component and a mount', async () => {
    const { objects } = await renderForTest([
      fakeMimir(),
      fakeDashboards({ dashboards }),
      grafana({ dashboards: { files: { 'home.json': { uid: 'home', title: 'Home' } } } }),
    ]);
    const rendered = objects('grafana');
    const configMap = rendered.dashboards_fake_app_configmap as IConfigMap;
    expect(configMap.metadata!.name).toBe('grafana-dashboards-fake-app');
    // Keys sorted at every depth, whatever order the dashboard was built in.
    expect(configMap.data).toEqual({
      'reads.json': '{"title":"Reads","uid":"reads"}',
      'writes.json': '{"panels":[{"id":1,"type":"timeseries"}],"title":"Writes","uid":"writes"}',
    });
    expect((rendered.dashboards_grafana_configmap as IConfigMap).data).toEqual({
      'home.json': '{"title":"Home","uid":"home"}',
    });
    const providers = readProvisioningFile<{ providers: Array<Record<string, unknown>> }>(
      (rendered.dashboard_providers_configmap as IConfigMap).data!['providers.yaml']!,
    );
    expect(
      providers.providers.map((p) => [p.name, p.folder, p.folderUid, (p.options as { path: string }).path]),
    ).toEqual([
      ['fake-app', 'Fake App', 'fake-app', '/var/lib/grafana-dashboards/fake-app'],
      ['grafana', 'Platform', 'grafana', '/var/lib/grafana-dashboards/grafana'],
    ]);
    const pod = podOf(rendered);
    expect(pod.volumes).toContainEqual({
      name: 'dashboards-fake-app',
      projected: { sources: [{ configMap: { name: 'grafana-dashboards-fake-app' } }] },
    });
    expect(pod.containers[0]!.volumeMounts).toContainEqual({
      name: 'dashboards-fake-app',
      mountPath: '/var/lib/grafana-dashboards/fake-app',
      readOnly: true,
    });
  });

  it('are split over several ConfigMaps of one volume when they do not fit in one', async () => {
    const big = (n: number) => ({ uid: `big-${n}`, description: 'x'.repeat(Math.floor(CONFIGMAP_BUDGET / 2.5)) });
    const { objects } = await renderForTest([
      fakeMimir(),
      fakeDashboards({ dashboards: { 'a.json': big(1), 'b.json': big(2), 'c.json': big(3) } }),
      grafana(),
    ]);
    const rendered = objects('grafana');
    expect(Object.keys((rendered.dashboards_fake_app_1_configmap as IConfigMap).data!)).toEqual(['a.json', 'b.json']);
    expect(Object.keys((rendered.dashboards_fake_app_2_configmap as IConfigMap).data!)).toEqual(['c.json']);
    expect(podOf(rendered).volumes).toContainEqual({
      name: 'dashboards-fake-app',
      projected: {
        sources: [
          { configMap: { name: 'grafana-dashboards-fake-app-1' } },
          { configMap: { name: 'grafana-dashboards-fake-app-2' } },
        ],
      },
    });
  });

  it('reject file names Grafana would not load', async () => {
    await expect(
      renderForTest([fakeMimir(), fakeDashboards({ dashboards: { 'writes.yaml': {} } }), grafana()]),
    ).rejects.toThrow('dashboard file names must end in .json');
  });
});

describe('grafana', () => {
  it('renders a valid single-replica Grafana on sqlite with a claim', async () => {
    const { objects } = await renderForTest([fakeMimir(), grafana()]);
    const rendered = objects('grafana');
    expect(
      Object.keys(rendered)
        .filter((key) => !key.startsWith('networkpolicy_'))
        .sort(),
    ).toEqual([
      'config_configmap',
      'dashboard_providers_configmap',
      'datasources_configmap',
      'grafana_deployment',
      'grafana_pvc',
      'grafana_service',
      'grafana_servicemonitor',
      'namespace',
    ]);
    expect((rendered.grafana_pvc as IPersistentVolumeClaim).spec!.resources!.requests).toEqual({ storage: '10Gi' });
    const deployment = rendered.grafana_deployment as IDeployment;
    expect(deployment.spec!.replicas).toBe(1);
    // A claim is ReadWriteOnce: the old pod stops before the new one starts.
    expect(deployment.spec!.strategy!.rollingUpdate).toEqual({ maxSurge: 0, maxUnavailable: 1 });
    const container = deployment.spec!.template.spec!.containers[0]!;
    expect(container.image).toBe('grafana/grafana:13.2.0');
    expect(container.readinessProbe!.httpGet).toEqual({ path: '/api/health', port: 'http' });
    expect(container.securityContext!.readOnlyRootFilesystem).toBe(true);
    expect(container.volumeMounts!.map((m) => m.mountPath)).toEqual(
      expect.arrayContaining(['/var/lib/grafana', '/var/log/grafana', '/var/lib/grafana/plugins', '/tmp']),
    );
    expect((rendered.grafana_servicemonitor as IServiceMonitor).spec.endpoints).toEqual([
      { port: 'http', path: '/metrics', interval: '30s' },
    ]);
    expect((rendered.grafana_service as IService).spec!.ports).toEqual([
      { name: 'http', port: 3000, targetPort: 'http', protocol: 'TCP' },
    ]);
  });

  it('writes grafana.ini from typed settings', async () => {
    const { objects } = await renderForTest([
      fakeMimir(),
      grafana({ settings: { feature_toggles: { enable: 'foo' } } }),
    ]);
    const ini = iniOf(objects('grafana'));
    expect(ini).toContain(
      '[server]\ndomain = grafana.test.example.com\nenable_gzip = true\nhttp_port = 3000\nroot_url = https://grafana.test.example.com/\n',
    );
    expect(ini).toContain(
      '[analytics]\ncheck_for_plugin_updates = false\ncheck_for_updates = false\nfeedback_links_enabled = false\nreporting_enabled = false\n',
    );
    expect(ini).toContain(
      '[paths]\ndata = /var/lib/grafana\nlogs = /var/log/grafana\nplugins = /var/lib/grafana/plugins\nprovisioning = /etc/grafana/provisioning\n',
    );
    expect(ini).toContain('[plugins]\npreinstall_auto_update = false\npreinstall_disabled = true\n');
    expect(ini).toContain('[security]\ncookie_secure = true\n');
    expect(ini).toContain('[feature_toggles]\nenable = foo\n');
    expect(ini).not.toMatch(/admin_password|^password/m);
  });

  it('takes admin credentials only from a Secret', async () => {
    const { objects } = await renderForTest([fakeMimir(), grafana({ admin: { existingSecret: 'ops-grafana' } })]);
    expect(podOf(objects('grafana')).containers[0]!.env).toEqual(
      expect.arrayContaining([
        { name: 'GF_SECURITY_ADMIN_USER', valueFrom: { secretKeyRef: { name: 'ops-grafana', key: 'admin-user' } } },
        {
          name: 'GF_SECURITY_ADMIN_PASSWORD',
          valueFrom: { secretKeyRef: { name: 'ops-grafana', key: 'admin-password' } },
        },
      ]),
    );
    // @ts-expect-error: there is no inline password to set
    await expect(renderForTest([fakeMimir(), grafana({ admin: { password: 'hunter2' } })])).rejects.toThrow(
      'admin.password: unknown field',
    );
    await expect(
      renderForTest([fakeMimir(), grafana({ settings: { security: { admin_password: 'hunter2' } } })]),
    ).rejects.toThrow('settings.security.admin_password: credentials are never written in configuration');
    const fromFile = await renderForTest([
      fakeMimir(),
      grafana({ settings: { smtp: { password: '$__file{/etc/secrets/smtp/password}' } } }),
    ]);
    expect(iniOf(fromFile.objects('grafana'))).toContain('password = $__file{/etc/secrets/smtp/password}');
  });

  it('needs an external database to run more than one replica', async () => {
    await expect(renderForTest([fakeMimir(), grafana({ replicas: 2 })])).rejects.toThrow(
      'replicas: more than one replica needs an external database',
    );
    await expect(renderForTest([fakeMimir(), grafana({ database: { type: 'postgres' } })])).rejects.toThrow(
      'database.host: a postgres database needs host:port',
    );
  });

  it('runs replicated on postgres with a PDB and alerting HA', async () => {
    const { objects } = await renderForTest([fakeMimir(), grafana({ replicas: 2, database: postgres })]);
    const rendered = objects('grafana');
    expect(rendered.grafana_pvc).toBeUndefined();
    expect(rendered.grafana_pdb).toBeDefined();
    const ini = iniOf(rendered);
    expect(ini).toContain(
      '[database]\nhost = grafana-db.databases.svc:5432\nname = grafana\nssl_mode = require\ntype = postgres\nuser = grafana\n',
    );
    expect(ini).toContain('ha_peers = grafana-alerting.grafana.svc.cluster.local:9094');
    expect(ini).toContain('ha_listen_address = $__env{POD_IP}:9094');
    const env = podOf(rendered).containers[0]!.env!;
    expect(env).toContainEqual({
      name: 'GF_DATABASE_PASSWORD',
      valueFrom: { secretKeyRef: { name: 'grafana-db', key: 'password' } },
    });
    expect(env).toContainEqual({ name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } });
    expect((rendered.alerting_service as IService).spec).toMatchObject({
      clusterIP: 'None',
      publishNotReadyAddresses: true,
    });
    expect(podOf(rendered).volumes).toContainEqual({ name: 'data', emptyDir: {} });
    expect((rendered.networkpolicy_allow_database as INetworkPolicy).spec!.egress![0]!.ports).toEqual([
      { port: 5432, protocol: 'TCP' },
    ]);
  });

  it('serves an Ingress with a cert-manager certificate when the environment has an issuer', async () => {
    const withIssuer = await renderForTest([
      fakeMimir(),
      fakeIssuer(),
      grafana({ ingress: { enabled: true, className: 'traefik' } }),
    ]);
    const ingress = withIssuer.objects('grafana').grafana_ingress as IIngress;
    expect(ingress.metadata!.annotations).toEqual({ 'cert-manager.io/cluster-issuer': 'letsencrypt' });
    expect(ingress.spec!.ingressClassName).toBe('traefik');
    expect(ingress.spec!.rules![0]!.host).toBe('grafana.test.example.com');
    expect(ingress.spec!.tls).toEqual([{ hosts: ['grafana.test.example.com'], secretName: 'grafana-tls' }]);
    const policy = withIssuer.objects('grafana').networkpolicy_allow_from_ingress_controller as INetworkPolicy;
    expect(policy.spec!.ingress).toEqual([
      {
        from: [
          { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } }, podSelector: {} },
        ],
        ports: [{ port: 3000, protocol: 'TCP' }],
      },
    ]);
    const withoutIssuer = await renderForTest([fakeMimir(), grafana({ ingress: { enabled: true } })]);
    expect((withoutIssuer.objects('grafana').grafana_ingress as IIngress).metadata!.annotations).toBeUndefined();
    const none = await renderForTest([fakeMimir(), grafana()]);
    expect(none.objects('grafana').grafana_ingress).toBeUndefined();
    expect(none.objects('grafana').networkpolicy_allow_from_ingress_controller).toBeUndefined();
  });

  it('may reach exactly the pods behind each datasource URL, on its port', async () => {
    const { objects } = await renderForTest([fakeMimir({ alertmanager: true }), fakeLoki(), fakeTempo(), grafana()]);
    const rendered = objects('grafana');
    const egress = (key: string) => (rendered[key] as INetworkPolicy).spec!.egress;
    const to = (namespace: string, service: string) => [
      {
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': namespace } },
        podSelector: { matchLabels: fakeStorePods(namespace, service) },
      },
    ];
    expect(egress('networkpolicy_allow_to_fake_mimir_query_frontend')).toEqual([
      { to: to('fake-mimir', 'query-frontend'), ports: [{ port: 8080, protocol: 'TCP' }] },
    ]);
    expect(egress('networkpolicy_allow_to_fake_mimir_alertmanager')).toEqual([
      { to: to('fake-mimir', 'alertmanager'), ports: [{ port: 8080, protocol: 'TCP' }] },
    ]);
    expect(egress('networkpolicy_allow_to_fake_loki_read')).toEqual([
      { to: to('fake-loki', 'read'), ports: [{ port: 3100, protocol: 'TCP' }] },
    ]);
    expect(egress('networkpolicy_allow_to_fake_tempo_query_frontend')).toEqual([
      { to: to('fake-tempo', 'query-frontend'), ports: [{ port: 3200, protocol: 'TCP' }] },
    ]);
    // Nothing else of the stores' namespaces: not their write paths.
    expect(
      Object.keys(rendered)
        .filter((key) => key.startsWith('networkpolicy_allow_to_'))
        .sort(),
    ).toEqual([
      'networkpolicy_allow_to_fake_loki_read',
      'networkpolicy_allow_to_fake_mimir_alertmanager',
      'networkpolicy_allow_to_fake_mimir_query_frontend',
      'networkpolicy_allow_to_fake_tempo_query_frontend',
    ]);
  });

  it("can connect to every datasource URL: its egress and the stores' ingress both allow it, for the Services the URLs name", async () => {
    const { rendered, objects } = await renderForTest([
      fakeMimir({ alertmanager: true }),
      fakeLoki(),
      fakeTempo(),
      grafana(),
    ]);
    const urls = datasourcesOf(objects('grafana')).map((d) => d.url);
    expect(urls).toEqual([FAKE.metricsQueryUrl, FAKE.alertmanagerUrl, FAKE.logsQueryUrl, FAKE.tracesQueryUrl]);
    for (const url of urls) expect(connectionProblems(rendered, 'grafana', url), url).toEqual([]);
    // The write paths are Alloy's: Grafana's egress does not open them, and the stores do not admit Grafana there.
    expect(connectionProblems(rendered, 'grafana', FAKE.remoteWriteUrl)).toEqual([
      'no NetworkPolicy in grafana lets grafana connect to fake-mimir/distributor:8080',
      'no NetworkPolicy in fake-mimir admits grafana/grafana to distributor:8080',
    ]);
  });

  it('installs pinned plugins only, with egress for them', async () => {
    await expect(renderForTest([fakeMimir(), grafana({ plugins: ['grafana-polystat-panel'] })])).rejects.toThrow(
      'plugins[0]: expected a pinned plugin',
    );
    const { objects } = await renderForTest([fakeMimir(), grafana({ plugins: ['grafana-polystat-panel@2.1.16'] })]);
    expect(iniOf(objects('grafana'))).toContain(
      '[plugins]\npreinstall_auto_update = false\npreinstall_sync = grafana-polystat-panel@2.1.16\n',
    );
    expect((objects('grafana').networkpolicy_allow_plugin_downloads as INetworkPolicy).spec!.egress![0]!.ports).toEqual(
      [{ port: 443, protocol: 'TCP' }],
    );
  });

  it('signs in through OIDC with the client secret from a Secret', async () => {
    const { objects } = await renderForTest([
      fakeMimir(),
      grafana({
        auth: {
          genericOAuth: {
            enabled: true,
            clientId: 'grafana',
            clientSecret: { name: 'grafana-oidc', key: 'client-secret' },
            authUrl: 'https://sso.example.com/auth',
            tokenUrl: 'https://sso.example.com/token',
            apiUrl: 'https://sso.example.com/userinfo',
          },
        },
      }),
    ]);
    expect(iniOf(objects('grafana'))).toContain(
      '[auth.generic_oauth]\nallow_sign_up = true\napi_url = https://sso.example.com/userinfo\n',
    );
    expect(podOf(objects('grafana')).containers[0]!.env).toContainEqual({
      name: 'GF_AUTH_GENERIC_OAUTH_CLIENT_SECRET',
      valueFrom: { secretKeyRef: { name: 'grafana-oidc', key: 'client-secret' } },
    });
  });

  it('renders the same bytes for the same environment, whatever order dashboards were built in', async () => {
    const a = await renderForTest([
      fakeMimir(),
      fakeLoki(),
      fakeDashboards({ dashboards: { 'x.json': { b: 1, a: { d: 2, c: 3 } } } }),
      grafana(),
    ]);
    const b = await renderForTest([
      fakeMimir(),
      fakeLoki(),
      fakeDashboards({ dashboards: { 'x.json': { a: { c: 3, d: 2 }, b: 1 } } }),
      grafana(),
    ]);
    const files = (r: typeof a) => [...r.rendered.files].filter(([path]) => path.startsWith('grafana/'));
    expect(files(b)).toEqual(files(a));
  });
});
