import { certManager } from '@platform/cert-manager';
import {
  type AnyComponent,
  type BuildContext,
  defineComponent,
  deployment,
  egressToEndpoints,
  endpointTarget,
  type IApplicationSet,
  type IPrometheusRule,
  namedWorkloadObjects,
} from '@platform/core';
import { connectionProblems, deliveryObjects, providedBy, renderError, renderForTest } from '@platform/core/testing';
import { externalSecrets } from '@platform/external-secrets';
import { runPolicies } from '@platform/policy';
import { describe, expect, it } from 'vitest';
import { openbao } from './index.js';

/** A client of the `vault` capability that opens least-privilege egress to its address, as ESO should. */
function vaultClient(name: string): AnyComponent {
  return defineComponent({
    name,
    tier: 'workloads',
    defaults: {},
    build: (context: BuildContext<unknown>) =>
      namedWorkloadObjects(
        'client',
        'deployment',
        deployment(context, {
          name: 'client',
          containers: [
            {
              name: 'client',
              image: 'busybox:1.37',
              resources: { requests: { cpu: '1m', memory: '8Mi' }, limits: { memory: '16Mi' } },
            },
          ],
        }),
      ),
    network: (context) => ({
      egress: egressToEndpoints([endpointTarget(context.peers.require('vault', 'test'), 'address')]),
    }),
  })();
}

const address = 'https://openbao.openbao.svc.cluster.local:8200';

describe('openbao', () => {
  it('provides the vault capability External Secrets needs, and its dashboards', () => {
    const provided = providedBy(openbao());
    expect(provided.vault).toEqual({
      component: 'openbao',
      namespace: 'openbao',
      address,
      pods: { address: { 'app.kubernetes.io/instance': 'openbao', 'app.kubernetes.io/name': 'openbao' } },
      caSecret: { namespace: 'openbao', name: 'openbao-tls', key: 'ca.crt' },
      kubernetesAuthMount: 'kubernetes',
      kv: { mountPath: 'secret', version: 'v2' },
      externalSecrets: { role: 'external-secrets', serviceAccount: 'external-secrets', namespace: 'external-secrets' },
    });
    expect(Object.keys((provided.dashboards as { dashboards: object }).dashboards)).toEqual(['openbao-openbao.json']);
  });

  it('admits the External Secrets component and declared clients on the API port, nobody else', async () => {
    const { rendered } = await renderForTest([
      certManager(),
      openbao({ clients: [{ namespace: 'tools' }] }),
      vaultClient('external-secrets'),
      vaultClient('intruder'),
    ]);
    expect(connectionProblems(rendered, 'external-secrets', address)).toEqual([]);
    expect(connectionProblems(rendered, 'intruder', address)).toEqual([
      'no NetworkPolicy in openbao admits intruder/client to openbao:8200',
    ]);
    const ingress = rendered.objects.find(
      (o) => o.component === 'openbao' && o.key === 'networkpolicy_allow_api_clients',
    )!.object;
    expect(JSON.stringify(ingress)).toContain('"kubernetes.io/metadata.name":"tools"');
  });

  it('comes after its certificate issuer, in the operators tier before External Secrets', async () => {
    const { rendered } = await renderForTest([certManager(), externalSecrets(), openbao()]);
    const step = (component: string) => {
      const set = deliveryObjects<IApplicationSet>(rendered, 'ApplicationSet').find((s) =>
        (s.spec.generators[0]!.list!.elements as Array<{ component: string }>).some((e) => e.component === component),
      )!;
      return set.metadata!.name!;
    };
    expect([step('cert-manager'), step('openbao'), step('external-secrets')]).toEqual([
      'test-operators-1',
      'test-operators-2',
      'test-operators-3',
    ]);
  });

  it("is External Secrets' store without further config: address, CA, mounts, role, and egress to its pods only", async () => {
    const { rendered, objects } = await renderForTest([
      certManager(),
      externalSecrets(),
      openbao({ kubernetesAuth: { mountPath: 'kubernetes-lab' } }),
    ]);
    const store = objects('external-secrets').store_clustersecretstore as unknown as {
      spec: { provider: { vault: object } };
    };
    expect(store.spec.provider.vault).toEqual({
      server: address,
      path: 'secret',
      version: 'v2',
      caProvider: { type: 'Secret', namespace: 'openbao', name: 'openbao-tls', key: 'ca.crt' },
      auth: {
        kubernetes: {
          mountPath: 'kubernetes-lab',
          role: 'external-secrets',
          serviceAccountRef: { name: 'external-secrets', namespace: 'external-secrets' },
        },
      },
    });
    const egress = rendered.objects.filter(
      (o) => o.component === 'external-secrets' && o.object.kind === 'NetworkPolicy' && o.key.includes('openbao'),
    );
    expect(egress.map((o) => o.key)).toEqual(['networkpolicy_allow_to_openbao_openbao']);
    expect(JSON.stringify(egress[0]!.object)).toContain('{"port":8200,"protocol":"TCP"}');
    expect(rendered.objects.find((o) => o.key === 'networkpolicy_allow_secret_store')).toBeUndefined();
  });

  it('renders no Secret, and passes the policy checks', async () => {
    const { rendered } = await renderForTest([certManager(), externalSecrets(), openbao()]);
    expect(rendered.objects.filter((o) => o.object.kind === 'Secret')).toEqual([]);
    const errors = runPolicies(rendered).findings.filter((f) => f.component === 'openbao' && f.severity === 'error');
    expect(errors).toEqual([]);
  });

  it('alerts on its failure modes, with team, runbook and a for on every rule', async () => {
    const { objects } = await renderForTest([certManager(), openbao()]);
    const rules = (objects('openbao').alerts_prometheusrule as IPrometheusRule).spec!.groups![0]!.rules!;
    expect(rules.map((r) => r.alert)).toEqual([
      'OpenBaoSealed',
      'OpenBaoNoActiveNode',
      'OpenBaoLeadershipFlapping',
      'OpenBaoAuditFailing',
      'OpenBaoDown',
      'OpenBaoRaftPeersMissing',
      'OpenBaoNoFailureTolerance',
    ]);
    for (const r of rules) {
      expect(r.labels).toMatchObject({ team: 'platform' });
      expect(r.annotations!.runbook_url).toMatch(/README\.md#openbao[a-z]+$/);
      expect(r.for).toBeDefined();
    }
    expect(rules.find((r) => r.alert === 'OpenBaoRaftPeersMissing')!.expr).toBe(
      'max(vault_raft_peers{namespace="openbao"}) < 3',
    );
    const single = await renderForTest([certManager(), openbao({ replicas: 1 })]);
    const singleRules = (single.objects('openbao').alerts_prometheusrule as IPrometheusRule).spec!.groups![0]!.rules!;
    expect(singleRules.map((r) => r.alert)).not.toContain('OpenBaoNoFailureTolerance');
  });

  it('scrapes every pod over TLS, verified against the issuing CA, and drops monitoring without ServiceMonitors', async () => {
    const { objects } = await renderForTest([certManager(), openbao()]);
    expect(objects('openbao').server_servicemonitor).toMatchObject({
      spec: {
        selector: { matchLabels: { 'app.kubernetes.io/name': 'openbao' } },
        endpoints: [
          {
            port: 'https',
            scheme: 'https',
            path: '/v1/sys/metrics',
            tlsConfig: { ca: { secret: { name: 'openbao-tls', key: 'ca.crt' } } },
          },
        ],
      },
    });
    const settings = {
      baseDomain: 'x',
      objectStorage: { endpoint: 's3', region: 'r', bucketPrefix: 'b' },
      serviceMonitors: false,
    };
    const off = await renderForTest([certManager(), openbao()], { settings });
    expect(Object.keys(off.objects('openbao')).filter((k) => /servicemonitor|prometheusrule/.test(k))).toEqual([]);
  });

  it('reports bad configuration with its path', async () => {
    const error = (config: object) => renderError([certManager(), openbao(config as never)]);
    expect(await error({ replicas: 4 })).toContain('openbao › replicas: Raft needs a majority of voters');
    expect(await error({ unseal: { type: 'transit' } })).toContain(
      'openbao › unseal.transit: unseal.type is "transit": set unseal.transit',
    );
    expect(await error({ unseal: { type: 'transit', transit: { address: 'unseal:8200', keyName: 'k' } } })).toMatch(
      /unseal\.transit\.address: expected a URL[\s\S]*unseal\.transit\.tokenSecret: name the Secret/,
    );
    expect(await error({ unseal: { type: 'shamir', static: { keyId: 'x' } } })).toContain(
      'unseal.static: unseal.type is "shamir"',
    );
    expect(await error({ externalSecrets: { readPaths: ['/platform/*'] } })).toContain(
      'externalSecrets.readPaths[0]: expected a KV path',
    );
    expect(await error({ kv: { mountPath: 'secret/' } })).toContain('kv.mountPath: expected a mount path');
    expect(await error({ tls: { duration: '90d' } })).toContain('tls.duration');
    expect(await error({ unseal: { type: 'kms' } })).toContain(
      'unseal.type: expected one of "shamir", "transit", "static", "awskms", got "kms"',
    );
    expect(await error({ audit: { target: 'syslog' } })).toContain('audit.target: expected one of "stdout", "file"');
  });

  it('names the namespace to bind when External Secrets runs elsewhere', async () => {
    expect(
      await renderError([certManager(), externalSecrets({ store: { server: address } }).inNamespace('eso'), openbao()]),
    ).toContain(
      'openbao › externalSecrets.namespace: the role is bound to ServiceAccounts of namespace "external-secrets", but the external-secrets component runs in "eso"; set externalSecrets.namespace: \'eso\'',
    );
  });

  it('needs a certificate issuer', async () => {
    expect(await renderError([openbao()])).toContain('certificateIssuer');
  });
});
