/**
 * selfhosted: our users' own cluster, with no external DNS, CA, secret manager or managed database. Everything the
 * cloud environments buy is composed from the platform's libraries:
 *
 * - PKI: cert-manager (its self-signed platform root and CA ClusterIssuer), step-ca under an offline root (root and
 *   intermediate with explicit lifetimes, step-issuer's `StepClusterIssuer`), trust-manager's Bundle carrying both
 *   roots to every namespace, Istio's workload certificates from istio-csr under the same PKI, mTLS STRICT;
 * - secrets: OpenBao (HA, Raft, Shamir unseal with the package's runbook) behind External Secrets'
 *   ClusterSecretStore;
 * - admission: Kyverno mounting the trust bundle into every pod of a labelled namespace, and the run-time policies
 *   in Audit;
 * - data: Longhorn as the default StorageClass, CloudNativePG for Grafana's and Harbor's databases, Valkey as
 *   Harbor's cache, Velero backups of cert-manager's, step-ca's and OpenBao's material, Harbor with a proxy-cache
 *   project per upstream registry (the nodes' mirror, not a rewrite of the manifests: README.md, "Decisions");
 * - telemetry: the LGTM stack of the base on the on-prem S3-compatible object store;
 * - edge: Contour, its wildcard certificate from the platform CA (no public CA).
 *
 * Order of the first sync (README.md): CRDs → cert-manager and the trust Bundle (PKI) → Kyverno → Longhorn →
 * OpenBao → External Secrets (the store) → step-ca (its intermediate comes from the store) → everything that
 * needs a certificate or a secret.
 */

import { grafanaAdminSecret, metricsScrapers, platform } from '@environments/base';
import { alloy } from '@platform/alloy';
import { argoCd } from '@platform/argo-cd';
import { certManager } from '@platform/cert-manager';
import { barmanCloud, cloudnativePg, postgresCluster } from '@platform/cloudnative-pg';
import { contour, contourRoutes } from '@platform/contour';
import { defineEnvironment, outsideMesh } from '@platform/core';
import { edgeRules } from '@platform/edge';
import { externalSecret, externalSecrets } from '@platform/external-secrets';
import { grafana } from '@platform/grafana';
import { harbor } from '@platform/harbor';
import { istio } from '@platform/istio';
import { istioCsr } from '@platform/istio-csr';
import { kyverno } from '@platform/kyverno';
import { loki } from '@platform/loki';
import { longhorn, longhornBackupCredentials } from '@platform/longhorn';
import { mimir } from '@platform/mimir';
import { openbao } from '@platform/openbao';
import { prometheusOperatorCrds } from '@platform/prometheus-operator-crds';
import { stepCa } from '@platform/step-ca';
import { tempo } from '@platform/tempo';
import { trustedNamespaces, trustManager } from '@platform/trust-manager';
import { valkey } from '@platform/valkey';
import { velero } from '@platform/velero';
import { TELEMETRY_VOLUMES, volumesNotBackedUp } from './backups.js';
import { ISSUER_PROVISIONER_ENCRYPTED_KEY, ISSUER_PROVISIONER_KEY, ROOT_CERTIFICATE } from './ceremony.js';
import { istiodOnIstioCsr } from './mesh-ca.js';
import { OBJECT_STORAGE_CREDENTIALS, objectStorageCredentials, onPremObjectStore } from './object-storage.js';
import { UPSTREAM_REGISTRIES } from './registries.js';

const name = 'selfhosted';
const cluster = { name: 'selfhosted-1', server: 'https://kubernetes.default.svc' };
/**
 * The site's own git server, whose certificate step-ca issued under the offline root (ACME or the ceremony): Argo
 * CD's repo-server must trust that root before anything in the cluster runs, so it is given the root itself.
 */
const repo = { url: 'https://git.selfhosted.internal/platform/platform.git', revision: 'refs/heads/main' };
/** Where this environment's secrets live in OpenBao's KV engine. */
const secretPath = (secret: string) => `platform/${name}/${secret}`;

const base = platform({
  alloy,
  argoCd,
  certManager,
  externalSecrets,
  grafana,
  istio: () => istio({ istiod: istiodOnIstioCsr }),
  loki,
  mimir,
  prometheusOperatorCrds,
  tempo,
});

/** The stores' object-storage keys, delivered into each store's namespace as the Secret the settings name. */
const storeCredentials = (component: { namespace: string }) => ({
  object_storage_credentials_externalsecret: objectStorageCredentials(
    component.namespace,
    secretPath('object-storage'),
  ),
});

export default defineEnvironment({
  name,
  cluster,
  repo,
  settings: {
    baseDomain: 'selfhosted.internal',
    objectStorage: {
      endpoint: onPremObjectStore.endpoint,
      region: onPremObjectStore.region,
      bucketPrefix: 'selfhosted',
      pathStyle: true,
      credentialsSecret: OBJECT_STORAGE_CREDENTIALS,
    },
    metricsScraperNamespaces: metricsScrapers,
    serviceMonitors: true,
    // Where the platform's images come from (Kyverno's run-time image policy and pnpm check); each is a proxy-cache
    // project of Harbor, which the nodes' container runtime can use as their mirror.
    allowedRegistries: UPSTREAM_REGISTRIES.map((r) => r.project),
  },
  policy: {
    // The site's own DNS holds the records of selfhosted.internal, kept by hand: no DNS automation here.
    rules: edgeRules({ manualDnsDomains: ['selfhosted.internal'] }),
  },
  mixins: [trustedNamespaces()],
  components: Object.values({
    ...base,
    // argocd-tls-certs-cm, keyed by the git host: the repo-server reads /app/config/tls/<host> when it connects
    // (argo-helm argo-cd-10.1.1 values.yaml:527-540; argo-cd v3.4.4 util/cert/cert.go:318-340).
    argoCd: base.argoCd.configure({
      extraValues: { configs: { tls: { certificates: { [new URL(repo.url).host]: ROOT_CERTIFICATE } } } },
    }),
    // The in-cluster secret store: OpenBao, found through the `vault` capability (no `store.server`).
    externalSecrets: externalSecrets(),
    istiod: base.istiod.after('istio-csr'),
    trustManager: trustManager(),
    // The mesh's certificate authority and what signs for it stay outside the mesh: a meshed istio-csr or
    // cert-manager would wait for workload certificates only they can issue.
    istioCsr: istioCsr().mixin(outsideMesh('it is the mesh CA: its pods cannot wait for certificates it issues')),
    certManager: base.certManager.mixin(outsideMesh("it signs the mesh CA's certificates through istio-csr")),
    stepCa: stepCa({
      root: { certificate: ROOT_CERTIFICATE },
      intermediate: {
        secret: {
          key: secretPath('step-ca/intermediate'),
          certificateProperty: 'intermediate_ca.crt',
          keyProperty: 'intermediate_ca_key',
          passwordProperty: 'password',
        },
      },
      issuerProvisioner: {
        key: ISSUER_PROVISIONER_KEY,
        encryptedKey: ISSUER_PROVISIONER_ENCRYPTED_KEY,
        passwordSecret: { key: secretPath('step-ca/provisioner'), property: 'password' },
      },
    }),
    openbao: openbao().after('longhorn'),
    // The bundle as SSL_CERT_FILE (Go, OpenSSL) and AWS_CA_BUNDLE (botocore: the Barman Cloud sidecar of every
    // Postgres instance), so every client of the on-prem object store, whose certificate step-ca issued, trusts it.
    kyverno: kyverno({ trustBundle: { env: ['SSL_CERT_FILE', 'AWS_CA_BUNDLE'] } }),
    // OpenBao keeps its Raft data on Longhorn volumes, so Longhorn comes before the store and only its backup
    // target's credentials wait for it; and after Kyverno, so that its managers get the bundle and trust the
    // on-prem object store.
    longhorn: longhorn({ backupTarget: { separateCredentials: true } }).after('kyverno'),
    longhornBackupCredentials: longhornBackupCredentials({ key: secretPath('longhorn-backup') }),
    cloudnativePg: cloudnativePg(),
    barmanCloud: barmanCloud(),
    velero: velero({
      credentialsKey: secretPath('velero'),
      stateful: {
        'step-ca': "step-ca's database: ACME accounts and orders, the issued certificates' records",
        openbao: "the secret store's Raft data: every secret External Secrets delivers (file copy of each voter)",
      },
    }),
    contour: contour(),
    contourRoutes: contourRoutes(),
    mimir: base.mimir.addObjects(storeCredentials(base.mimir)).mixin(volumesNotBackedUp(TELEMETRY_VOLUMES)),
    loki: base.loki.addObjects(storeCredentials(base.loki)).mixin(volumesNotBackedUp(TELEMETRY_VOLUMES)),
    tempo: base.tempo
      .configure({ mode: 'monolithic' })
      .addObjects(storeCredentials(base.tempo))
      .mixin(volumesNotBackedUp(TELEMETRY_VOLUMES)),
    grafanaDb: postgresCluster({
      database: 'grafana',
      owner: { name: 'grafana', password: { key: secretPath('grafana-db'), property: 'password' } },
      instances: 3,
      storage: { size: '10Gi' },
      clients: ['grafana'],
    })
      .named('grafana-db')
      .inNamespace('grafana')
      .addObjects(storeCredentials({ namespace: 'grafana' })),
    grafana: base.grafana
      .configure({
        replicas: 2,
        database: { type: 'postgres', postgres: 'grafana-db' },
        secretKey: { name: 'grafana-secret-key', key: 'secret-key' },
      })
      .inNamespace('grafana', { create: false })
      .addObjects({
        admin_externalsecret: externalSecret(grafanaAdminSecret(name, 'grafana')),
        secret_key_externalsecret: externalSecret({
          name: 'grafana-secret-key',
          namespace: 'grafana',
          data: { 'secret-key': { key: secretPath('grafana-secret-key'), property: 'secret-key' } },
        }),
      }),
    harborDb: postgresCluster({
      database: 'registry',
      owner: { name: 'harbor', password: { key: secretPath('harbor-db'), property: 'password' } },
      instances: 3,
      storage: { size: '10Gi' },
      clients: ['harbor'],
    })
      .named('harbor-db')
      .inNamespace('harbor')
      .addObjects(storeCredentials({ namespace: 'harbor' })),
    harborCache: valkey({ clients: ['harbor'] })
      .named('harbor-cache')
      // harbor-db creates the namespace: the core orders this component after it.
      .inNamespace('harbor', { create: false })
      .mixin(
        volumesNotBackedUp(
          "Harbor's cache and job queue: pending replication and scan jobs are lost and retried by hand",
        ),
      ),
    harbor: harbor({
      secretsKey: secretPath('harbor'),
      proxyCache: UPSTREAM_REGISTRIES,
      database: { component: 'harbor-db' },
      // The chart can put Valkey's password into Trivy's Redis URL only through `lookup`, which Argo CD never runs.
      trivy: { enabled: false },
      storage: { credentialsKey: secretPath('object-storage') },
    }).inNamespace('harbor', { create: false }),
  }),
});
