import type { IConfigMap, IDeployment, INetworkPolicy, IPrometheusRule, IStatefulSet } from '@platform/core';
import { applicationSetElement, container, podSpec, renderForTest } from '@platform/core/testing';
import type { IExternalSecret } from '@platform/external-secrets';
import { certificateCalendar, formatWhen } from '@platform/pki';
import { TEST_ROOT_PEM } from '@platform/pki/testing';
import { runPolicies } from '@platform/policy';
import { trustedNamespaces } from '@platform/trust-manager';
import { describe, expect, it } from 'vitest';
import { environment, PROVISIONER_JWE, PROVISIONER_KEY } from './fixtures.test-helpers.js';
import type { IStepClusterIssuer } from './index.js';

describe('step-ca', () => {
  it('generates ca.json from typed settings: offline root, intermediate from files, JWK and ACME provisioners', async () => {
    const { objects } = await renderForTest(environment());
    const cm = objects('step-ca').config_configmap as IConfigMap;
    const ca = JSON.parse(cm.data!['ca.json']!);
    expect(ca).toEqual({
      root: '/home/step/config/root_ca.crt',
      crt: '/home/step/secrets/intermediate_ca.crt',
      key: '/home/step/secrets/intermediate_ca_key',
      address: ':9000',
      dnsNames: ['step-ca.step-ca.svc.cluster.local', 'step-ca.step-ca.svc', 'step-ca.step-ca', 'step-ca'],
      metricsAddress: ':9290',
      logger: { format: 'json' },
      db: { type: 'badgerv2', dataSource: '/home/step/db' },
      authority: {
        provisioners: [
          {
            type: 'JWK',
            name: 'step-issuer',
            key: PROVISIONER_KEY,
            encryptedKey: PROVISIONER_JWE,
            claims: { minTLSCertDuration: '1h', maxTLSCertDuration: '2160h', defaultTLSCertDuration: '2160h' },
          },
          {
            type: 'ACME',
            name: 'acme',
            challenges: ['http-01', 'dns-01'],
            claims: { minTLSCertDuration: '5m', maxTLSCertDuration: '24h', defaultTLSCertDuration: '24h' },
          },
        ],
      },
    });
    expect(cm.data!['root_ca.crt']).toBe(`${TEST_ROOT_PEM.trim()}\n`);
  });

  it('runs one restricted pod with its database on a volume, the intermediate from a Secret, probed on /health', async () => {
    const { objects } = await renderForTest(environment({ storage: { size: '5Gi' } }));
    const o = objects('step-ca');
    const sts = o.step_ca_statefulset as IStatefulSet;
    expect(sts.spec!.replicas).toBe(1);
    expect(sts.spec!.volumeClaimTemplates![0]!.spec!.resources!.requests).toEqual({ storage: '5Gi' });
    const c = container(sts, 'step-ca');
    expect(c.image).toBe('smallstep/step-ca:0.30.2');
    expect(c.args).toEqual(['--password-file', '/home/step/secrets/password', '/home/step/config/ca.json']);
    expect(c.readinessProbe!.httpGet).toEqual({ path: '/health', port: 'https', scheme: 'HTTPS' });
    expect(c.livenessProbe!.httpGet).toEqual({ path: '/health', port: 'https', scheme: 'HTTPS' });
    // The binary's file capability needs NET_BIND_SERVICE in the bounding set; nothing else is kept.
    expect(c.securityContext).toMatchObject({
      capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] },
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
    });
    expect(podSpec(sts).securityContext).toMatchObject({ runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000 });
    expect(c.volumeMounts!.map((m) => m.mountPath).sort()).toEqual([
      '/home/step/config',
      '/home/step/db',
      '/home/step/secrets',
      '/tmp',
    ]);
    expect(podSpec(sts).volumes).toContainEqual({
      name: 'secrets',
      secret: { secretName: 'step-ca-intermediate', defaultMode: 0o440 },
    });
    // A changed ca.json rolls the pod; the pod waits for its Secret (first-sync stage 1).
    expect(sts.spec!.template.metadata!.annotations!['checksum/config']).toMatch(/^[0-9a-f]{64}$/);
    expect(sts.metadata!.annotations!['argocd.argoproj.io/sync-wave']).toBe('1');
    expect(o.step_ca_servicemonitor).toBeDefined();
  });

  it('delivers the intermediate and the provisioner password from the store, and renders no Secret', async () => {
    const { objects } = await renderForTest(environment());
    const o = objects('step-ca');
    const intermediate = o.intermediate_externalsecret as IExternalSecret;
    expect(intermediate.spec!.secretStoreRef).toEqual({ name: 'platform-vault', kind: 'ClusterSecretStore' });
    expect(intermediate.spec!.data).toEqual([
      {
        secretKey: 'intermediate_ca.crt',
        remoteRef: { key: 'platform/test/step-ca/intermediate', property: 'intermediate_ca.crt' },
      },
      {
        secretKey: 'intermediate_ca_key',
        remoteRef: { key: 'platform/test/step-ca/intermediate', property: 'intermediate_ca_key' },
      },
      { secretKey: 'password', remoteRef: { key: 'platform/test/step-ca/intermediate', property: 'password' } },
    ]);
    expect((o.provisioner_externalsecret as IExternalSecret).spec!.data).toEqual([
      { secretKey: 'password', remoteRef: { key: 'platform/test/step-ca/provisioner', property: 'password' } },
    ]);
    expect(Object.values(o).filter((x) => x.kind === 'Secret')).toEqual([]);
    expect(JSON.stringify(o)).not.toContain('PRIVATE KEY');
  });

  it('installs step-issuer restricted and lets cert-manager issue from step-ca through a StepClusterIssuer', async () => {
    const { rendered, objects } = await renderForTest(environment());
    const chart = applicationSetElement(rendered, 'step-ca').sources[0]!;
    expect(chart).toMatchObject({
      repoURL: 'https://smallstep.github.io/helm-charts',
      chart: 'step-issuer',
      targetRevision: '1.11.0',
    });
    const values = chart.helm!.valuesObject;
    expect(values.serviceAccount).toEqual({ create: true });
    expect(values.securityContext).toMatchObject({
      runAsNonRoot: true,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    expect(values.podSecurityContext.seccompProfile).toEqual({ type: 'RuntimeDefault' });
    expect(values.certManager).toEqual({ serviceAccount: { name: 'cert-manager', namespace: 'cert-manager' } });
    expect(values.stepClusterIssuer).toEqual({ create: false });
    const issuer = objects('step-ca').step_clusterissuer as IStepClusterIssuer;
    expect(issuer.spec).toEqual({
      url: 'https://step-ca.step-ca.svc.cluster.local:9000',
      caBundle: Buffer.from(`${TEST_ROOT_PEM.trim()}\n`).toString('base64'),
      provisioner: {
        name: 'step-issuer',
        kid: PROVISIONER_KEY.kid,
        passwordRef: { name: 'step-issuer-provisioner', namespace: 'step-ca', key: 'password' },
      },
    });
    expect(Buffer.from(issuer.spec!.caBundle, 'base64').toString()).toContain('BEGIN CERTIFICATE');
    // After step-ca (stage 1) is up.
    expect(issuer.metadata!.annotations!['argocd.argoproj.io/sync-wave']).toBe('2');
  });

  it('watches the root and the intermediate certificate (never the key) and alerts 30 and 7 days ahead', async () => {
    const { objects } = await renderForTest(environment());
    const o = objects('step-ca');
    const exporter = o.x509_exporter_deployment as IDeployment;
    const config = JSON.parse((o.exporter_configmap as IConfigMap).data!['config.yaml']!);
    expect(config.sources).toEqual([
      { kind: 'file', name: 'step-ca', paths: ['/certs/root/root_ca.crt', '/certs/intermediate/intermediate_ca.crt'] },
    ]);
    expect(podSpec(exporter).volumes).toContainEqual({
      name: 'intermediate',
      secret: {
        secretName: 'step-ca-intermediate',
        items: [{ key: 'intermediate_ca.crt', path: 'intermediate_ca.crt' }],
      },
    });
    expect(container(exporter).image).toBe('quay.io/enix/x509-certificate-exporter:4.2.0');
    const rules = (o.alerts_prometheusrule as IPrometheusRule).spec.groups![0]!.rules!;
    const byName = Object.fromEntries(rules.map((r) => [r.alert, r]));
    expect(byName.StepCaCertificateExpiresSoon!.expr).toBe(
      '(x509_cert_not_after{namespace="step-ca", job="x509-exporter"} - time()) < 2592000',
    );
    expect(byName.StepCaCertificateExpiresSoon!.labels!.severity).toBe('warning');
    expect(byName.StepCaCertificateExpiresVerySoon!.expr).toContain('< 604800');
    expect(byName.StepCaCertificateExpiresVerySoon!.labels!.severity).toBe('critical');
    expect(byName.StepCaSigningFailures!.expr).toContain(
      'step_ca_x509_signed_total{namespace="step-ca", job="step-ca", success="false"}',
    );
    for (const r of rules) {
      expect(r.labels).toMatchObject({ team: 'platform' });
      expect(r.for).toBeDefined();
      expect(r.annotations!.runbook_url).toContain('#stepca');
    }
  });

  it('opens step-ca to ACME clients and ACME validation to the clients, and step-issuer to the API server', async () => {
    const { objects } = await renderForTest(
      environment({ acme: { clients: [{ allNamespaces: true }], challenges: ['http-01', 'tls-alpn-01'] } }),
    );
    const o = objects('step-ca');
    expect((o.networkpolicy_allow_acme_clients as INetworkPolicy).spec).toMatchObject({
      podSelector: { matchLabels: { 'app.kubernetes.io/instance': 'step-ca', 'app.kubernetes.io/name': 'step-ca' } },
      ingress: [{ from: [{ namespaceSelector: {} }], ports: [{ port: 9000, protocol: 'TCP' }] }],
    });
    expect((o.networkpolicy_allow_acme_validation as INetworkPolicy).spec!.egress![0]!.ports).toEqual([
      { port: 80, protocol: 'TCP' },
      { port: 443, protocol: 'TCP' },
    ]);
    expect((o.networkpolicy_allow_api_server as INetworkPolicy).spec!.podSelector).toEqual({
      matchLabels: { 'app.kubernetes.io/name': 'step-issuer', 'control-plane': 'controller-manager' },
    });
    const closed = (await renderForTest(environment({ acme: { enabled: false } }))).objects('step-ca');
    expect(closed.networkpolicy_allow_acme_clients).toBeUndefined();
    expect(closed.networkpolicy_allow_acme_validation).toBeUndefined();
  });

  it('declares its root, intermediate and ACME leaves for the calendar, and its root as a trust anchor', async () => {
    const { rendered } = await renderForTest(environment());
    const entries = certificateCalendar(rendered).entries.filter((e) => e.component === 'step-ca');
    expect(entries.map((e) => [e.name, e.role, e.rotation, formatWhen(e.expiries[0]!)])).toEqual([
      ['step-ca ACME leaves (provisioner acme)', 'leaf', 'automatic', 'day 1'],
      ['step-ca intermediate', 'intermediate', 'manual', 'day 1825'],
      ['step-ca root', 'root', 'manual', 'day 7300'],
    ]);
    const dashboards = rendered.provided.get('step-ca')!.dashboards as {
      folder: string;
      dashboards: Record<string, { uid: string }>;
    };
    expect(dashboards.folder).toBe('PKI');
    expect(dashboards.dashboards['step-ca.json']!.uid).toBe('platform-step-ca');
    const anchor = rendered.provided.get('step-ca')!.trustAnchor;
    expect(anchor).toMatchObject({
      name: 'step-ca root',
      certificate: TEST_ROOT_PEM.trim(),
      issuers: [{ name: 'step-ca', kind: 'StepClusterIssuer', group: 'certmanager.step.sm' }],
    });
  });

  it('passes the policy rules', async () => {
    const { rendered } = await renderForTest(environment(), { mixins: [trustedNamespaces()] });
    expect(runPolicies(rendered).findings.filter((f) => f.component === 'step-ca' && f.severity === 'error')).toEqual(
      [],
    );
  });
});
