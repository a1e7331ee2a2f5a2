import type { ResourceRequirements } from '@platform/core';

export type { ResourceRequirements };

/** Where the runbooks of the alerts live: this package's README in the platform repository. */
export const RUNBOOK_URL = 'https://git.example.com/platform/platform/-/blob/main/packages/descheduler/README.md';

/** Node use in percent of allocatable, by resource (`LowNodeUtilization` thresholds). */
export interface Thresholds {
  cpu: number;
  memory: number;
  pods: number;
}

/** The descheduler's policy profile: which plugins run and how. */
export interface DeschedulerProfile {
  /**
   * `LowNodeUtilization`: evict pods from nodes above `targetThresholds` (on every resource) so that the scheduler
   * places them on nodes below `thresholds` (on every resource). Requests are compared, not live use.
   * Default on, 20/20/20 and 50/50/50 (the chart's).
   */
  lowNodeUtilization: { enabled: boolean; thresholds: Thresholds; targetThresholds: Thresholds };
  /** `RemoveDuplicates`: spread pods of one owner that ended up on the same node. Default on. */
  removeDuplicates: { enabled: boolean };
  /** `RemovePodsViolatingTopologySpreadConstraint`: rebalance pods whose spread constraints drifted. Default on, `DoNotSchedule` and `ScheduleAnyway` constraints. */
  removePodsViolatingTopologySpreadConstraint: { enabled: boolean; includeSoftConstraints: boolean };
}

/** Configuration of `@platform/descheduler`. Every field has a documented default. */
export interface DeschedulerConfig {
  /** How often the descheduler runs its profile (a Go duration). Default `5m`. */
  interval: string;
  /** The policy profile. */
  profile: DeschedulerProfile;
  /**
   * Namespaces whose pods are never evicted. Default `kube-system`. Besides, any namespace labelled
   * `descheduler.platform.dev/exclude: "true"` is left alone (the evictor's namespace selector).
   */
  excludeNamespaces: string[];
  /** Evict only pods whose owner runs at least this many replicas. Default 2. */
  minReplicas: number;
  /** Leave pods younger than this alone (a Go duration): fresh pods are not moved again at once. Default `10m`. */
  minPodAge: string;
  /** Only evict, never simulate (`--dry-run` when false). Default true. */
  evict: boolean;
  /** Container resources. Default 100m / 256Mi (limit 512Mi). */
  resources: ResourceRequirements;
  /** Alerts (rendered when the environment renders monitoring objects). */
  alerts: {
    /** `team` label of every alert. Default `platform`. */
    team: string;
    /** Where the runbooks are. Default this package's README. */
    runbookUrl: string;
    /** Warn when more pods than this are evicted in an hour (the descheduler and a node autoscaler fighting). Default 100. */
    evictionsPerHour: number;
  };
  /** Chart values deep-merged over the ones this package sets (escape hatch; lists replace). Default none. */
  extraValues: Record<string, unknown>;
}

export const defaults: DeschedulerConfig = {
  interval: '5m',
  profile: {
    lowNodeUtilization: {
      enabled: true,
      thresholds: { cpu: 20, memory: 20, pods: 20 },
      targetThresholds: { cpu: 50, memory: 50, pods: 50 },
    },
    removeDuplicates: { enabled: true },
    removePodsViolatingTopologySpreadConstraint: { enabled: true, includeSoftConstraints: true },
  },
  excludeNamespaces: ['kube-system'],
  minReplicas: 2,
  minPodAge: '10m',
  evict: true,
  resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: undefined, memory: '512Mi' } },
  alerts: { team: 'platform', runbookUrl: RUNBOOK_URL, evictionsPerHour: 100 },
  extraValues: {},
};
