import type { IDeployment, INetworkPolicy, IPersistentVolumeClaim, IService, IServiceMonitor } from '@platform/core';
import { renderForTest } from '@platform/core/testing';
import { fakeMetricsStore as fakeMimir } from '@platform/test-fakes';
import { describe, expect, it } from 'vitest';
import { grafana } from './index.js';
import { iniOf, podOf } from './objects.test-helpers.js';

const postgres = {
  type: 'postgres' as const,
  host: 'grafana-db.databases.svc:5432',
  passwordSecret: { name: 'grafana-db', key: 'password' },
};

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
      'dashboards_grafana_configmap',
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
});
