/**
 * selfhosted, proved from its rendered objects: every TLS client trusts the root that issued its server's
 * certificate (walking issuers, Certificates, the trust Bundle and the clients' mounts), the CAs never expire
 * together, and the first sync brings up CRDs, then the PKI, then the secret store, then what needs them.
 */
import { firstSyncPlan, type IPodSpec, type RenderedEnvironment } from '@platform/core';
import { applicationSetElement } from '@platform/core/testing';
import {
  CA_EXPIRIES_APART_RULE,
  caExpiriesApart,
  certificateCalendar,
  certificateRoot,
  isAuthority,
  trustAnchors,
} from '@platform/pki';
import { runPolicies } from '@platform/policy';
import { beforeAll, describe, expect, it } from 'vitest';
import selfhosted from '../environments/selfhosted/index.js';
import { type ICertificate, type Root, type TlsLink, TrustWalk, untrustedLinks } from './helpers/tls-trust.js';

const decode = (base64: string) => Buffer.from(base64, 'base64').toString('utf8');
// biome-ignore lint/suspicious/noExplicitAny: chart values are untyped JSON here.
const values = (rendered: RenderedEnvironment, component: string): any =>
  applicationSetElement(rendered, component).sources[0]!.helm!.valuesObject;

/** A `[section]`'s `key = value` pairs of an INI file. */
function iniSection(text: string, section: string): Record<string, string> {
  const body = text.split(`[${section}]`)[1]?.split(/\n\[/)[0] ?? '';
  return Object.fromEntries(
    [...body.matchAll(/^\s*([a-z_]+)\s*=\s*(.*)$/gm)].map(([, key, value]) => [key!, value!.trim()] as const),
  );
}

/** The value of `--<flag>=` among a container's arguments. */
const flag = (args: string[] | undefined, name: string) =>
  args?.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

/**
 * Every TLS connection of selfhosted whose two ends are rendered, with the roots on both sides. Each is read where
 * the product reads it: the ClusterSecretStore's `caProvider`, the StepClusterIssuer's `caBundle`, grafana.ini's
 * `ca_cert_path` through Grafana's mounts, Harbor's `caBundleSecretName`, istio-csr's `--root-ca-file` through its
 * chart volumes, Contour's and Envoy's `--*-cafile` through their mounts, Argo CD's repository certificates.
 */
function tlsLinks(rendered: RenderedEnvironment): TlsLink[] {
  const walk = new TrustWalk(rendered);
  const links: TlsLink[] = [];

  for (const store of walk.objects('ClusterSecretStore')) {
    const vault = (store as unknown as { spec: { provider: { vault?: VaultProvider } } }).spec.provider.vault;
    if (!vault) continue;
    const ca = vault.caProvider;
    links.push({
      client: `External Secrets (ClusterSecretStore ${store.metadata!.name})`,
      server: vault.server,
      serverRoot: walk.serverRoot(new URL(vault.server).host),
      trusted: ca
        ? ca.type === 'Secret'
          ? walk.secretRoots(ca.namespace!, ca.name)
          : walk.configMapRoots(ca.name)
        : vault.caBundle
          ? walk.pemRoots(decode(vault.caBundle))
          : new Set(),
      via: ca ? `caProvider ${ca.type} ${ca.namespace}/${ca.name}` : 'caBundle',
    });
  }

  for (const issuer of walk.objects('StepClusterIssuer')) {
    const spec = (issuer as unknown as { spec: { url: string; caBundle: string } }).spec;
    links.push({
      client: `step-issuer (StepClusterIssuer ${issuer.metadata!.name})`,
      server: spec.url,
      serverRoot: walk.serverRoot(new URL(spec.url).host),
      trusted: walk.pemRoots(decode(spec.caBundle)),
      via: 'spec.caBundle',
    });
  }

  const grafanaIni = walk
    .objects('ConfigMap')
    .find((c) => c.metadata?.namespace === 'grafana' && c.metadata.name === 'grafana-config') as
    | { data: Record<string, string> }
    | undefined;
  const database = iniSection(grafanaIni!.data['grafana.ini']!, 'database');
  links.push({
    client: 'Grafana (its database)',
    server: database.host!,
    serverRoot: walk.serverRoot(database.host!),
    trusted:
      database.ssl_mode === 'verify-full'
        ? walk.fileRoots(walk.podSpec('Deployment', 'grafana', 'grafana'), 'grafana', database.ca_cert_path!)
        : new Set(),
    via: `ca_cert_path ${database.ca_cert_path} (ssl_mode ${database.ssl_mode})`,
  });

  const harbor = values(rendered, 'harbor');
  links.push({
    client: 'Harbor (its database)',
    server: harbor.database.external.host,
    serverRoot: walk.serverRoot(harbor.database.external.host),
    trusted:
      harbor.database.external.sslmode === 'verify-full' && harbor.caBundleSecretName
        ? walk.secretRoots('harbor', harbor.caBundleSecretName)
        : new Set(),
    via: `caBundleSecretName ${harbor.caBundleSecretName} (sslmode ${harbor.database.external.sslmode})`,
  });

  // istio-csr hands its --root-ca-file to every proxy as the mesh root; the proxies' and istiod's certificates
  // are signed by the mesh CA (Issuer istio-system/istio-ca), whose Certificate chains to a root.
  const csr = values(rendered, 'istio-csr');
  const meshCa = walk
    .objects('Certificate')
    .find((c) => c.metadata?.namespace === 'istio-system' && c.metadata.name === 'istio-ca') as ICertificate;
  links.push({
    client: 'every mesh proxy (root from istio-csr)',
    server: 'mesh workloads and istiod (Issuer istio-system/istio-ca)',
    serverRoot: certificateRoot(rendered, meshCa),
    trusted: walk.fileRoots(
      { volumes: csr.volumes, containers: [{ name: 'istio-csr', volumeMounts: csr.volumeMounts }] },
      'istio-csr',
      csr.app.tls.rootCAFile,
    ),
    via: `--root-ca-file ${csr.app.tls.rootCAFile}`,
  });

  // Contour's xDS is mutual TLS: Envoy checks Contour's certificate, Contour checks Envoy's.
  const envoy = walk.podSpec('Deployment', 'contour', 'envoy');
  const contour = walk.podSpec('Deployment', 'contour', 'contour');
  const xds = flag(envoy.initContainers?.[0]?.args, 'xds-address')!;
  const envoyCa = flag(envoy.initContainers?.[0]?.args, 'envoy-cafile')!;
  const contourCa = flag(contour.containers[0]!.args, 'contour-cafile')!;
  links.push({
    client: 'Envoy (xDS)',
    server: `${xds} (Contour)`,
    serverRoot: walk.serverRoot(xds, 'contour'),
    trusted: walk.fileRoots(envoy, 'contour', envoyCa),
    via: `--envoy-cafile ${envoyCa}`,
  });
  links.push({
    client: "Contour (Envoy's client certificate)",
    server: 'envoy',
    serverRoot: walk.serverRoot('envoy', 'contour'),
    trusted: walk.fileRoots(contour, 'contour', contourCa),
    via: `--contour-cafile ${contourCa}`,
  });
  return links;
}

interface VaultProvider {
  server: string;
  caBundle?: string;
  caProvider?: { type: 'Secret' | 'ConfigMap'; name: string; namespace?: string; key: string };
}

/** A copy of the rendered environment with `edit` applied to its objects (the originals are untouched). */
function edited(rendered: RenderedEnvironment, edit: (objects: RenderedEnvironment['objects']) => void) {
  const objects = structuredClone(rendered.objects);
  edit(objects);
  return { ...rendered, objects };
}

let rendered: RenderedEnvironment;
beforeAll(async () => {
  rendered = await selfhosted.render();
});

describe('selfhosted: every TLS client trusts the root of its server', () => {
  it('walks each connection from the client setting to a mount, a Secret or the Bundle, and to a root', () => {
    const links = tlsLinks(rendered);
    expect(links.map((l) => l.client)).toEqual([
      'External Secrets (ClusterSecretStore platform-vault)',
      'step-issuer (StepClusterIssuer step-ca)',
      'Grafana (its database)',
      'Harbor (its database)',
      'every mesh proxy (root from istio-csr)',
      'Envoy (xDS)',
      "Contour (Envoy's client certificate)",
    ]);
    expect(untrustedLinks(links)).toEqual([]);
    const roots = Object.fromEntries(links.map((l) => [l.client, l.serverRoot]));
    // Two PKIs under two roots, and CloudNativePG's own CAs for the databases.
    expect(roots['External Secrets (ClusterSecretStore platform-vault)']).toBe(
      'certificate:cert-manager/platform-root-ca',
    );
    expect(roots['step-issuer (StepClusterIssuer step-ca)']).toBe('anchor:step-ca/step-ca root');
    expect(roots['Grafana (its database)']).toBe('cnpg:grafana/grafana-db');
    expect(roots['Harbor (its database)']).toBe('cnpg:harbor/harbor-db');
    expect(roots['every mesh proxy (root from istio-csr)']).toBe('certificate:cert-manager/platform-root-ca');
  });

  it('fails when a client loses its CA mount or names the wrong CA', () => {
    const withoutGrafanaCa = edited(rendered, (objects) => {
      const grafana = objects.find((o) => o.component === 'grafana' && o.object.kind === 'Deployment')!;
      const pod = (grafana.object as unknown as { spec: { template: { spec: IPodSpec } } }).spec.template.spec;
      for (const c of pod.containers) c.volumeMounts = c.volumeMounts?.filter((m) => m.name !== 'database-ca');
    });
    expect(untrustedLinks(tlsLinks(withoutGrafanaCa))).toEqual([
      expect.stringMatching(
        /^Grafana \(its database\) → grafana-db-rw\.grafana\.svc\.cluster\.local:5432: server root cnpg:grafana\/grafana-db, client trusts \[\]/,
      ),
    ]);

    const withoutMeshRoot = edited(rendered, (objects) => {
      const set = objects.find(
        (o) => o.object.kind === 'ApplicationSet' && JSON.stringify(o.object).includes('"rootCAFile"'),
      )!;
      const text = JSON.stringify(set.object).replace(
        '"mountPath":"/var/run/secrets/istio-csr/trust"',
        '"mountPath":"/elsewhere"',
      );
      set.object = JSON.parse(text);
    });
    expect(untrustedLinks(tlsLinks(withoutMeshRoot))).toEqual([
      expect.stringContaining('every mesh proxy (root from istio-csr)'),
    ]);

    const storeOnOtherCa = edited(rendered, (objects) => {
      const store = objects.find((o) => o.object.kind === 'ClusterSecretStore')!;
      (store.object as unknown as { spec: { provider: { vault: VaultProvider } } }).spec.provider.vault.caProvider = {
        type: 'Secret',
        name: 'contourcert',
        namespace: 'contour',
        key: 'ca.crt',
      };
      // The same root signs Contour's certificate: still trusted. A CA of another root is not.
      const issuer = objects.find((o) => o.object.kind === 'StepClusterIssuer')!;
      (issuer.object as unknown as { spec: { caBundle: string } }).spec.caBundle =
        Buffer.from('not the root').toString('base64');
    });
    expect(untrustedLinks(tlsLinks(storeOnOtherCa))).toEqual([expect.stringContaining('step-issuer')]);
  });

  it("puts every root the environment's certificates chain to in the Bundle Kyverno mounts into pods", () => {
    const walk = new TrustWalk(rendered);
    const bundle = walk.configMapRoots('platform-trust-bundle');
    const certificateRoots = walk
      .objects('Certificate')
      .flatMap((c) => certificateRoot(rendered, c as ICertificate) ?? []) as Root[];
    const anchors = trustAnchors(rendered).map((a) => `anchor:${a.component}/${a.name}`);
    for (const root of [...certificateRoots, ...anchors]) expect(bundle).toContain(root);
    expect(bundle.has('public')).toBe(false);
    // Kyverno's policy mounts that ConfigMap and key, as SSL_CERT_FILE, into pods of the namespaces receiving it.
    const policy = JSON.stringify(
      walk.objects('MutatingPolicy').find((p) => p.metadata?.name === 'platform-trust-bundle'),
    );
    for (const part of [
      'platform-trust-bundle',
      'ca-certificates.crt',
      'SSL_CERT_FILE',
      'AWS_CA_BUNDLE',
      'trust.platform.dev/bundle',
    ])
      expect(policy).toContain(part);
    // The on-prem object store is reached over TLS (its certificate from step-ca, whose root is in the bundle).
    expect(rendered.environment.settings.objectStorage.insecure).toBeFalsy();
    // Every namespace receives the bundle (trustedNamespaces()), so the mount never names a missing ConfigMap.
    for (const namespace of walk.objects('Namespace'))
      expect(namespace.metadata?.labels?.['trust.platform.dev/bundle'], namespace.metadata?.name).toBe('true');
  });

  it("has istiod ask istio-csr for certificates and run no CA of its own; Argo CD trusts the internal git's root", () => {
    const istiod = values(rendered, 'istiod');
    const meshCa = rendered.provided.get('istio-csr')!.meshCertificateAuthority as { caAddress: string };
    expect(istiod.global.caAddress).toBe(meshCa.caAddress);
    expect(istiod.env.ENABLE_CA_SERVER).toBe('false');
    const meshWide = rendered.objects.find(
      (o) => o.object.kind === 'PeerAuthentication' && o.object.metadata?.name === 'default',
    );
    expect(JSON.stringify(meshWide!.object)).toContain('"mode":"STRICT"');
    const walk = new TrustWalk(rendered);
    const gitHost = new URL(selfhosted.repo.url).host;
    const certificates = values(rendered, 'argo-cd').configs.tls.certificates as Record<string, string>;
    expect([...walk.pemRoots(certificates[gitHost]!)]).toEqual(['anchor:step-ca/step-ca root']);
  });
});

describe('selfhosted: certificates never expire together', () => {
  it('gives every CA an explicit lifetime, 30 days from every other expiry, and runs the rule in pnpm check', () => {
    const authorities = certificateCalendar(rendered).entries.filter(isAuthority);
    expect(authorities.map((a) => a.name).sort()).toEqual([
      'Certificate cert-manager/platform-root-ca',
      'Certificate istio-system/istio-ca',
      'step-ca intermediate',
      'step-ca root',
    ]);
    for (const ca of authorities) expect(ca.explicit, ca.name).toBe(true);
    expect(rendered.libraryRules.map((r) => r.id)).toContain(CA_EXPIRIES_APART_RULE);
    expect(runPolicies(rendered).findings.filter((f) => f.rule === CA_EXPIRIES_APART_RULE)).toEqual([]);
  });

  it('fails pnpm check when two CAs would expire within 30 days of each other', () => {
    // The mesh CA given the step-ca intermediate's lifetime: both first expire five years after the first sync.
    const together = edited(rendered, (objects) => {
      const mesh = objects.find((o) => o.object.kind === 'Certificate' && o.object.metadata?.name === 'istio-ca')!;
      (mesh.object as ICertificate).spec!.duration = '43800h';
    });
    const findings = runPolicies(together).findings.filter((f) => f.rule === CA_EXPIRIES_APART_RULE);
    expect(findings.map((f) => f.severity)).toEqual(['error']);
    expect(findings[0]!.message).toMatch(/step-ca intermediate .*Certificate istio-system\/istio-ca.* less than 720h/);
  });

  it('fails with a wider window, which the environment can set', () => {
    const found: string[] = [];
    caExpiriesApart({ window: '4380h' }).check(rendered, (f) => found.push(f.message), {});
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatch(/apart, less than 4380h/);
  });
});

describe('selfhosted: the first sync', () => {
  it('brings up the CRDs, then the PKI, then the secret store, then everything that needs a certificate or a secret', () => {
    const plan = firstSyncPlan(rendered);
    expect(plan.failsAt).toBeUndefined();
    const wave = new Map(plan.steps.flatMap((s) => s.components.map((c) => [c, s.wave] as const)));
    const at = (component: string) => wave.get(component)!;
    const crds = plan.steps.filter((s) => s.tier === 'crds').flatMap((s) => s.components);
    expect(crds.sort()).toEqual(['istio-base', 'prometheus-operator-crds']);
    for (const crd of crds) expect(at(crd)).toBeLessThan(at('cert-manager'));
    // The PKI: cert-manager's root and CA issuer, then the Bundle of the roots.
    expect(at('cert-manager')).toBeLessThan(at('trust-manager'));
    // The secret store: OpenBao on a certificate of the PKI, on Longhorn volumes; External Secrets reads it.
    expect(at('kyverno')).toBeLessThan(at('longhorn'));
    expect(at('longhorn')).toBeLessThan(at('openbao'));
    expect(at('cert-manager')).toBeLessThan(at('openbao'));
    expect(at('openbao')).toBeLessThan(at('external-secrets'));
    // step-ca's intermediate is delivered from the store, so step-ca follows it; istiod follows its CA.
    expect(at('external-secrets')).toBeLessThan(at('step-ca'));
    expect(at('istio-csr')).toBeLessThan(at('istiod'));
    expect(at('trust-manager')).toBeLessThan(at('istio-csr'));
    // Everything rendering an ExternalSecret syncs after the store, everything rendering a Certificate after
    // cert-manager; every claim of a Longhorn volume after Longhorn.
    const synced = rendered.objects.filter(({ component }) => wave.has(component));
    for (const { component, object } of synced) {
      if (object.kind === 'ExternalSecret') expect(at(component), component).toBeGreaterThan(at('external-secrets'));
      if (object.kind === 'Certificate' && component !== 'cert-manager')
        expect(at(component), component).toBeGreaterThan(at('cert-manager'));
      if (object.kind === 'StatefulSet' && component !== 'longhorn')
        expect(at(component), component).toBeGreaterThan(at('longhorn'));
    }
    // Kyverno mounts the bundle only into pods created after it: what starts earlier dials no internal TLS server
    // through the system trust store (Argo CD trusts the git server through its own setting, istio-csr mounts the
    // bundle itself, the others talk to the API server only).
    const beforeKyverno = [...wave.keys()].filter((c) => at(c) <= at('kyverno')).sort();
    expect(beforeKyverno).toEqual([
      'argo-cd',
      'cert-manager',
      'cloudnative-pg',
      'cnpg-barman-cloud',
      'contour',
      'istio-base',
      'istio-csr',
      'kyverno',
      'prometheus-operator-crds',
      'trust-manager',
    ]);
    // A component deploying into a namespace another one creates syncs after it (Argo CD creates no namespace).
    const guests: string[] = [];
    for (const { component, object } of synced) {
      if (object.kind !== 'Namespace') continue;
      for (const other of rendered.components)
        if (other.namespace === object.metadata!.name && other.name !== component && wave.has(other.name)) {
          guests.push(other.name);
          expect(at(other.name), `${other.name} in ${other.namespace}`).toBeGreaterThan(at(component));
        }
    }
    expect([...new Set(guests)].sort()).toEqual([
      'cnpg-barman-cloud',
      'contour-routes',
      'grafana',
      'harbor',
      'harbor-cache',
      'istiod',
      'longhorn-backup-credentials',
    ]);
    // Databases before their consumers.
    expect(at('grafana-db')).toBeLessThan(at('grafana'));
    expect(at('harbor-db')).toBeLessThan(at('harbor'));
    expect(at('harbor-cache')).toBeLessThan(at('harbor'));
    // The APIs a step uses were added by an earlier step or by itself.
    const added = new Map(plan.steps.flatMap((s) => s.apisAdded.map((api) => [api, s.wave] as const)));
    for (const { component, object } of synced) {
      const group = object.apiVersion.includes('/') ? object.apiVersion.split('/')[0]! : '';
      const api = `${group}/${object.kind}`;
      if (added.has(api)) expect(added.get(api)!, `${component} ${api}`).toBeLessThanOrEqual(at(component));
    }
  });

  it('renders no Secret: every credential comes from OpenBao through an ExternalSecret', () => {
    expect(rendered.objects.filter(({ object }) => object.kind === 'Secret')).toEqual([]);
    expect(JSON.stringify(rendered.objects.map((o) => o.object))).not.toMatch(/"stringData"|PRIVATE KEY/);
    const stores = new Set(
      rendered.objects
        .filter(({ object }) => object.kind === 'ExternalSecret')
        .map(({ object }) =>
          JSON.stringify((object as unknown as { spec: { secretStoreRef: unknown } }).spec.secretStoreRef),
        ),
    );
    expect([...stores]).toEqual([JSON.stringify({ name: 'platform-vault', kind: 'ClusterSecretStore' })]);
  });

  it("allows images from exactly the registries Harbor proxies, and Kyverno's image policy enforces that list", () => {
    const allowed = rendered.environment.settings.allowedRegistries!;
    expect(allowed).toContain('reg.kyverno.io');
    const proxyCache = JSON.stringify(
      rendered.objects.find(({ component, object }) => component === 'harbor' && object.kind === 'ConfigMap')!.object,
    );
    const imagePolicy = JSON.stringify(
      rendered.objects.find(
        ({ object }) => object.kind === 'ValidatingPolicy' && object.metadata?.name === 'platform-images',
      )!.object,
    );
    for (const registry of allowed) {
      expect(proxyCache, registry).toContain(registry);
      expect(imagePolicy, registry).toContain(`'${registry}'`);
    }
  });

  it('passes pnpm check with zero errors and no warnings', () => {
    const report = runPolicies(rendered);
    expect(report.findings.map((f) => `${f.severity} ${f.rule} ${f.object ?? ''} ${f.message}`)).toEqual([]);
  });
});
