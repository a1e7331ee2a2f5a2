import type { NetworkPeer, ResourceRequirements, SecretKeyRef } from '@platform/core';

/** How the barrier key is protected; see the README for the trade-offs and the runbooks. */
export type UnsealType = 'shamir' | 'transit' | 'static' | 'awskms';

/** Auto-unseal through the Transit engine of another OpenBao (or Vault) cluster. */
export interface TransitSealConfig {
  /** Address of the other cluster, e.g. `https://bao-unseal.example.com:8200`. Required. */
  address: string;
  /** Transit key name. Required. */
  keyName: string;
  /** Mount path of the Transit engine. Default `transit`. */
  mountPath?: string;
  /** Namespace of the Transit engine on the other cluster. Default none. */
  namespace?: string;
  /**
   * Secret (in OpenBao's namespace, created out of band: the store cannot deliver its own unseal token) holding an
   * orphan, periodic token allowed to encrypt and decrypt with the key. Required.
   */
  tokenSecret: SecretKeyRef;
  /** Secret holding the CA certificate of the other cluster's listener. Default: the system roots. */
  caSecret?: SecretKeyRef;
}

/**
 * Auto-unseal with a 32-byte AES key kept in a Kubernetes Secret. Only as strong as the protection of that Secret
 * (etcd encryption, RBAC): OpenBao's docs recommend it only when the key comes from another secret manager.
 */
export interface StaticSealConfig {
  /** Secret (created out of band) and key holding the current 32-byte key. Required. */
  keySecret: SecretKeyRef;
  /** Permanent id of that key, changed whenever the key changes, e.g. `20260601-1`. Required. */
  keyId: string;
  /** The key being rotated away from, during a rotation. Default none. */
  previous?: { keySecret: SecretKeyRef; keyId: string };
}

/** Auto-unseal with an AWS KMS key (built into OpenBao 2.6; an external plugin from 2.7). */
export interface AwsKmsSealConfig {
  /** AWS region of the key. Required. */
  region: string;
  /** KMS key id or ARN. Required. */
  kmsKeyId: string;
  /** KMS endpoint (a VPC endpoint). Default the regional endpoint. */
  endpoint?: string;
  /**
   * Secret with `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`, created out of band. Default none: credentials
   * come from the pod's ServiceAccount (IRSA: annotate it with `serviceAccountAnnotations`).
   */
  credentialsSecret?: string;
}

/** The unseal strategy: one type, and that type's settings. */
export interface UnsealConfig {
  /**
   * `shamir`: key shares held by people, every pod unsealed by hand after each start (runbook in the README).
   * `transit`/`static`/`awskms`: auto-unseal, which also lets OpenBao bootstrap itself (`selfInit`). Default `shamir`.
   */
  type: UnsealType;
  /** Settings of the `transit` seal. */
  transit?: TransitSealConfig;
  /** Settings of the `static` seal. */
  static?: StaticSealConfig;
  /** Settings of the `awskms` seal. */
  awskms?: AwsKmsSealConfig;
}

/** The role External Secrets logs in with, and what it may read. */
export interface ExternalSecretsAccessConfig {
  /** Kubernetes auth role name (`store.auth.role` of @platform/external-secrets). Default `external-secrets`. */
  role: string;
  /** ServiceAccount of the ESO controller. Default `external-secrets`. */
  serviceAccount: string;
  /** Its namespace. Default `external-secrets` (a render error names the component's if it differs). */
  namespace: string;
  /** KV paths (under the KV mount) the role may read, `*` allowed as the last character. Default `platform/*`. */
  readPaths: string[];
  /** Audience the token must carry (`store.auth.audiences`). Default none: the API server's default audience. */
  audience?: string;
  /** TTL of the tokens it gets, a Go duration. Default `1h`. */
  tokenTtl: string;
}

/** Configuration of `@platform/openbao`. Every field has a documented default. */
export interface OpenBaoConfig {
  /** Server image, an exact upstream release. Default `quay.io/openbao/openbao:2.6.2`. */
  image: string;
  /** Raft voters. Default 3 (quorum 2: one node may fail); an odd number, or 1 for a throw-away cluster. */
  replicas: number;
  /** Spread of the voters over nodes: `required` never puts two on one node. Default `required`. */
  antiAffinity: 'required' | 'preferred';
  /** Server container resources. Default 250m/256Mi, memory limit 1Gi. */
  resources: ResourceRequirements;
  /** Raft data volume of each pod. Default 10Gi, the cluster's default StorageClass. */
  storage: { size: string; storageClassName?: string };
  /** Log level. Default `info`. */
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Enable the web UI on the API listener. Default false. */
  ui: boolean;
  /**
   * The listener's certificate, issued by the environment's `certificateIssuer`. Default 90 days, renewed 30 days
   * before expiry; a sidecar reloads it (SIGHUP) when cert-manager rotates it.
   */
  tls: { duration: string; renewBefore: string; extraDnsNames: string[] };
  unseal: UnsealConfig;
  /**
   * Render OpenBao's declarative self-initialization (OpenBao ≥ 2.4, auto-unseal only): the first pod initializes
   * the cluster and applies the bootstrap requests itself, and no root token or recovery key ever leaves it.
   * Ignored with `shamir`, where the README's runbook applies the same requests. Default true.
   */
  selfInit: boolean;
  /** Mount path of the Kubernetes auth method for this cluster. Default `kubernetes`. */
  kubernetesAuth: { mountPath: string };
  /** Mount path of the KV version 2 engine External Secrets reads. Default `secret`. */
  kv: { mountPath: string };
  externalSecrets: ExternalSecretsAccessConfig;
  /**
   * Break-glass administration without a root token: a Kubernetes auth role bound to a ServiceAccount of
   * OpenBao's namespace (`kubectl create token`), with a policy over everything. Default role `platform-admin`,
   * ServiceAccount `openbao-admin`.
   */
  admin: { role: string; serviceAccount: string };
  /**
   * The audit device, declared in the configuration (OpenBao 2.x refuses API-created audit devices by default).
   * `stdout`: into the pod log (collected with the other logs). `file`: a file on its own volume. Default `stdout`.
   */
  audit: { target: 'stdout' | 'file'; storage: { size: string; storageClassName?: string } };
  /** Who else may reach the API on 8200, besides the External Secrets component. Default none. */
  clients: NetworkPeer[];
  /** Annotations of the server's ServiceAccount (e.g. IRSA for `awskms`). Default none. */
  serviceAccountAnnotations: Record<string, string>;
  /** Alerts (rendered when the environment renders ServiceMonitors). */
  alerts: {
    /** `team` label of every alert. Default `platform`. */
    team: string;
    /** Page whose `#<alert name in lower case>` anchors hold the runbooks. Default this package's README. */
    runbookUrl: string;
  };
}

/** The pinned server image (the chart openbao-helm 0.29.2 ships the same release as its appVersion). */
export const OPENBAO_IMAGE = 'quay.io/openbao/openbao:2.6.2';

export const defaults: OpenBaoConfig = {
  image: OPENBAO_IMAGE,
  replicas: 3,
  antiAffinity: 'required',
  resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: undefined, memory: '1Gi' } },
  storage: { size: '10Gi', storageClassName: undefined },
  logLevel: 'info',
  ui: false,
  tls: { duration: '2160h', renewBefore: '720h', extraDnsNames: [] },
  unseal: { type: 'shamir', transit: undefined, static: undefined, awskms: undefined },
  selfInit: true,
  kubernetesAuth: { mountPath: 'kubernetes' },
  kv: { mountPath: 'secret' },
  externalSecrets: {
    role: 'external-secrets',
    serviceAccount: 'external-secrets',
    namespace: 'external-secrets',
    readPaths: ['platform/*'],
    audience: undefined,
    tokenTtl: '1h',
  },
  admin: { role: 'platform-admin', serviceAccount: 'openbao-admin' },
  audit: { target: 'stdout', storage: { size: '10Gi', storageClassName: undefined } },
  clients: [],
  serviceAccountAnnotations: {},
  alerts: {
    team: 'platform',
    runbookUrl: 'https://git.example.com/platform/platform/-/blob/main/packages/openbao/README.md',
  },
};
