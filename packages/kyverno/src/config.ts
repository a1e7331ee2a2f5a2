import type { ResourceRequirements } from '@platform/core';

export type { ResourceRequirements };

/**
 * What a failing admission policy does: `Audit` admits the request and records the violation (PolicyReports,
 * metrics, a warning to the client); `Enforce` rejects it.
 */
export type Enforcement = 'Audit' | 'Enforce';

/** A label selector, as policies' `namespaceSelector`/`objectSelector` take it. */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }>;
}

/** The mutation that mounts the platform's CA bundle (the `trustBundle` capability) into pods. */
export interface TrustBundleInjectionConfig {
  /** Render the policy. Needs a `trustBundle` provider (trust-manager). Default true. */
  enabled: boolean;
  /**
   * Pods to inject, besides living in a namespace that receives the bundle (its namespace label is always
   * required: elsewhere the ConfigMap does not exist and the pod would never start). Default none: every pod there.
   */
  podSelector?: LabelSelector;
  /** Further namespace conditions, AND-ed with the bundle's label. Default none. */
  namespaceSelector?: LabelSelector;
  /** Directory the bundle is mounted in. Default core's `/etc/platform-trust`. */
  mountPath?: string;
  /** Env vars set to the bundle file in every container. Default `['SSL_CERT_FILE']`. */
  env?: string[];
  /**
   * What the API server does when Kyverno cannot answer. `Ignore` (default): the pod starts without the bundle
   * (its TLS calls to internal services fail until it is recreated; `KyvernoAdmissionControllerDown` fires), so
   * that a Kyverno outage never stops the cluster from creating pods, the platform's own included, when the
   * bundle label is on every namespace. `Fail`: no selected pod starts without the bundle; Kyverno's namespace is
   * never selected, so Kyverno itself can always come back.
   */
  failurePolicy: 'Fail' | 'Ignore';
}

/** The run-time admission policies: what `pnpm check` proves for rendered objects, enforced for everything. */
export interface AdmissionPoliciesConfig {
  /** Default action of the three policies. Default `Audit`; set `Enforce` once the reports are clean. */
  enforcement: Enforcement;
  /** Pod Security "restricted" controls. Default: `enforcement`. */
  podSecurity: { enabled: boolean; enforcement?: Enforcement };
  /** Images pinned (a tag that is not `latest`, or a digest) and from `settings.allowedRegistries`. Default: `enforcement`. */
  images: { enabled: boolean; enforcement?: Enforcement };
  /** CPU and memory requests on every container. Default: `enforcement`. */
  resources: { enabled: boolean; enforcement?: Enforcement };
  /** Namespaces none of the three policies judge (besides kube-system and Kyverno's, which its webhooks skip). Default none. */
  excludeNamespaces: string[];
}

/** Configuration of `@platform/kyverno`. Every field has a documented default. */
export interface KyvernoConfig {
  /**
   * Replicas per controller. The admission controller serves every webhook call (3 keep two up through a node
   * drain); the others elect a leader, so extra replicas are warm standbys. Default admission 3, background 2,
   * cleanup 2, reports 2.
   */
  replicas: { admission: number; background: number; cleanup: number; reports: number };
  /**
   * Container resources per controller. Defaults: admission 100m/256Mi (limit 768Mi: it caches every policy and
   * resource it matches), background 100m/128Mi (limit 256Mi), cleanup 50m/64Mi (limit 128Mi), reports
   * 100m/128Mi (limit 512Mi).
   */
  resources: {
    admission: ResourceRequirements;
    background: ResourceRequirements;
    cleanup: ResourceRequirements;
    reports: ResourceRequirements;
  };
  trustBundle: TrustBundleInjectionConfig;
  policies: AdmissionPoliciesConfig;
  /** Alerts (rendered when the environment renders ServiceMonitors). */
  alerts: {
    /** `team` label of every alert. Default `platform`. */
    team: string;
    /** Page whose `#<alert name in lower case>` anchors hold the runbooks. Default this package's README. */
    runbookUrl: string;
  };
  /** Chart values deep-merged over the ones this package sets (escape hatch; lists replace). Default none. */
  extraValues: Record<string, unknown>;
}

export const defaults: KyvernoConfig = {
  replicas: { admission: 3, background: 2, cleanup: 2, reports: 2 },
  resources: {
    admission: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: undefined, memory: '768Mi' } },
    background: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: undefined, memory: '256Mi' } },
    cleanup: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: undefined, memory: '128Mi' } },
    reports: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: undefined, memory: '512Mi' } },
  },
  trustBundle: {
    enabled: true,
    podSelector: undefined,
    namespaceSelector: undefined,
    mountPath: undefined,
    env: undefined,
    failurePolicy: 'Ignore',
  },
  policies: {
    enforcement: 'Audit',
    podSecurity: { enabled: true, enforcement: undefined },
    images: { enabled: true, enforcement: undefined },
    resources: { enabled: true, enforcement: undefined },
    excludeNamespaces: [],
  },
  alerts: {
    team: 'platform',
    runbookUrl: 'https://git.example.com/platform/platform/-/blob/main/packages/kyverno/README.md',
  },
  extraValues: {},
};
