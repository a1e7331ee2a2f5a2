import type { ResourceRequirements } from '@platform/core';

export type { ResourceRequirements };

/** Where the runbooks of the alerts live: this package's README in the platform repository. */
export const RUNBOOK_URL = 'https://git.example.com/platform/platform/-/blob/main/packages/vpa/README.md';

/** One part of the VPA: replicas and resources. */
export interface VpaPart {
  /** Replicas; with more than one the chart turns leader election on. Default 2. */
  replicas: number;
  /** Container resources. Defaults: recommender 50m / 256Mi (limit 1Gi, it keeps usage histograms), others 20m / 64Mi (limit 256Mi). */
  resources: ResourceRequirements;
}

/** Configuration of `@platform/vpa`. Every field has a documented default. */
export interface VpaConfig {
  /** The recommender: reads pod usage from the metrics API and writes recommendations into each VPA's status. Always on. */
  recommender: VpaPart;
  /**
   * The admission controller, which sets requests from recommendations when pods are created (update mode
   * `Initial` and up). Opt in; its webhook certificate comes from the environment's `certificateIssuer`.
   * Default off.
   */
  admissionController: VpaPart & { enabled: boolean };
  /** The updater, which evicts or resizes running pods whose requests are far off (modes `Recreate`, `Auto`, `InPlace*`). Needs the admission controller. Default off. */
  updater: VpaPart & { enabled: boolean };
  /** Alerts (rendered when the environment renders monitoring objects). */
  alerts: {
    /** `team` label of every alert. Default `platform`. */
    team: string;
    /** Where the runbooks are: `runbook_url` is this plus `#<alert>`. Default this package's README. */
    runbookUrl: string;
  };
  /** Chart values deep-merged over the ones this package sets (escape hatch; lists replace). Default none. */
  extraValues: Record<string, unknown>;
}

const small: ResourceRequirements = {
  requests: { cpu: '20m', memory: '64Mi' },
  limits: { cpu: undefined, memory: '256Mi' },
};

export const defaults: VpaConfig = {
  recommender: {
    replicas: 2,
    resources: { requests: { cpu: '50m', memory: '256Mi' }, limits: { cpu: undefined, memory: '1Gi' } },
  },
  admissionController: { enabled: false, replicas: 2, resources: small },
  updater: { enabled: false, replicas: 2, resources: small },
  alerts: { team: 'platform', runbookUrl: RUNBOOK_URL },
  extraValues: {},
};
