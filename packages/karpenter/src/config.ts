import type { ResourceRequirements } from '@platform/core';

export type { ResourceRequirements };

/** Where the runbooks of the alerts live: this package's README in the platform repository. */
export const RUNBOOK_URL = 'https://git.example.com/platform/platform/-/blob/main/packages/karpenter/README.md';

/** Capacity types Karpenter launches (`karpenter.sh/capacity-type`). */
export type CapacityType = 'spot' | 'on-demand' | 'reserved';

/** The node class a pool's nodes belong to (label `node.platform.dev/capacity`, see `nodeCapacity`). */
export type NodeClassOfPool = 'stable' | 'interruptible';

/** One disruption budget of a pool (`spec.disruption.budgets[]`). */
export interface DisruptionBudget {
  /** Nodes that may be disrupted at once: a count (`"1"`) or a percentage (`"10%"`). */
  nodes: string;
  /** Only for these reasons. Default: all. */
  reasons?: Array<'Underutilized' | 'Empty' | 'Drifted'>;
  /** Cron schedule (UTC) when the budget starts to apply; with `duration`. Default: always. */
  schedule?: string;
  /** How long it applies from each `schedule`, e.g. `8h`, `30m`. */
  duration?: string;
}

/** A Karpenter NodePool. */
export interface NodePoolConfig {
  /** The EC2NodeClass its nodes use: `default` or a key of `extraNodeClasses`. Default `default`. */
  nodeClass: string;
  /**
   * The platform node class of its nodes: `stable` nodes run what must not be interrupted (StatefulSets by
   * default), `interruptible` nodes the rest. A `stable` pool must not launch spot capacity.
   */
  capacity: NodeClassOfPool;
  /** Capacity types it may launch. Karpenter prefers spot where spot is allowed. */
  capacityTypes: CapacityType[];
  /** CPU architectures (`kubernetes.io/arch`). */
  architectures: Array<'amd64' | 'arm64'>;
  /** EC2 instance categories (`karpenter.k8s.aws/instance-category`), e.g. `c`, `m`, `r`. */
  instanceCategories: string[];
  /** Oldest instance generation (`karpenter.k8s.aws/instance-generation`, rendered as `Gt <min - 1>`). */
  minGeneration: number;
  /** Most vCPUs the pool may provision in total (`spec.limits.cpu`), a quantity. */
  cpuLimit: string;
  /** Most memory it may provision in total (`spec.limits.memory`); none when undefined. */
  memoryLimit?: string;
  /** When Karpenter removes or replaces nodes to save cost (`spec.disruption`). */
  consolidation: {
    /** `WhenEmptyOrUnderutilized` also repacks pods from underused nodes; `WhenEmpty` only removes empty ones. */
    policy: 'WhenEmpty' | 'WhenEmptyOrUnderutilized';
    /** How long a node must be consolidatable first, a duration (`30s`, `5m`). */
    after: string;
  };
  /** Disruption budgets (how many nodes consolidation and drift may take at once). */
  budgets: DisruptionBudget[];
  /**
   * Node lifetime before Karpenter replaces it (`expireAfter`), or `Never`. Expiry is forceful: it ignores
   * budgets (Karpenter docs, concepts/disruption.md "Automated Forceful Methods").
   */
  expireAfter: string;
  /** Priority among pools that fit a pod (higher first). Default none (0). */
  weight?: number;
}

/** A Karpenter EC2NodeClass: how nodes are launched. */
export interface NodeClassConfig {
  /** IAM role of the nodes (not the controller's), e.g. `KarpenterNodeRole-prod-eu1`. Required. */
  role: string;
  /**
   * AMI alias (`<family>@<version>`), e.g. `al2023@v20260801`. Default `al2023@latest`; pin a version in
   * production so that new AMIs arrive as a reviewed change (a new alias drifts every node, gracefully).
   */
  amiAlias: string;
  /** Tags that find the subnets. Default `{ "karpenter.sh/discovery": <clusterName> }`. */
  subnetTags: Record<string, string>;
  /** Tags that find the security groups. Default `{ "karpenter.sh/discovery": <clusterName> }`. */
  securityGroupTags: Record<string, string>;
  /** Size of the volume that holds images and logs (gp3, encrypted): the root volume, Bottlerocket's data volume. Default `50Gi`. */
  rootVolumeSize: string;
  /** Tags of every instance, volume and interface it launches. Default none. */
  tags: Record<string, string>;
}

/** How the controller gets its AWS credentials. */
export interface ControllerIdentity {
  /**
   * IRSA: the controller role's ARN, written to the ServiceAccount (`eks.amazonaws.com/role-arn`). Empty with
   * EKS Pod Identity, where the association (outside the cluster) names the role. Default empty.
   */
  roleArn: string;
  /** `irsa` (the ServiceAccount annotation) or `pod-identity` (an EKS Pod Identity association). Default `irsa`. */
  mode: 'irsa' | 'pod-identity';
}

/** Configuration of `@platform/karpenter`. Every field has a documented default. */
export interface KarpenterConfig {
  /** Name of the EKS cluster (`settings.clusterName`). Required (no default). */
  clusterName: string;
  /** The controller's IAM role. */
  controllerIdentity: ControllerIdentity;
  /**
   * SQS queue name Karpenter reads spot interruption warnings, rebalance recommendations and instance state
   * changes from (`settings.interruptionQueue`), so that it drains a node before AWS reclaims it. Required
   * when any pool launches spot. Default empty.
   */
  interruptionQueue: string;
  /** Controller replicas (one leads, the other stands by). Default 2. */
  replicas: number;
  /** Controller container resources. Default 200m / 512Mi (limit 1Gi). */
  resources: ResourceRequirements;
  /** Log level. Default `info`. */
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** The node class every default pool uses (`EC2NodeClass/default`). */
  nodeClass: NodeClassConfig;
  /** More node classes, by name. Each starts from `nodeClass`. Default none. */
  extraNodeClasses: Record<string, Partial<NodeClassConfig>>;
  /**
   * The default pools: `default` (spot and on-demand, amd64, c/m/r, generation 3+, 1000 vCPUs, consolidation
   * `WhenEmptyOrUnderutilized` after 5m, at most 10% of nodes at once and no repacking 09:00–17:00 UTC on
   * weekdays, 30-day lifetime, weight 10, interruptible) and `stateful` (on-demand only, 200 vCPUs, `WhenEmpty`
   * after 30m, one node at a time, no expiry, stable).
   */
  pools: { default: NodePoolConfig; stateful: NodePoolConfig };
  /** More pools, by name. Each starts from `pools.default`. Default none. */
  extraPools: Record<string, Partial<NodePoolConfig>>;
  /** Alerts (rendered when the environment renders monitoring objects). */
  alerts: {
    /** `team` label of every alert. Default `platform`. */
    team: string;
    /** Where the runbooks are: `runbook_url` is this plus `#<alert>`. Default this package's README. */
    runbookUrl: string;
    /** Warn when a pool has provisioned this share of its CPU limit. Default 0.9. */
    poolLimitRatio: number;
  };
  /** Chart values deep-merged over the ones this package sets (escape hatch; lists replace). Default none. */
  extraValues: Record<string, unknown>;
}

const interruptiblePool: NodePoolConfig = {
  nodeClass: 'default',
  capacity: 'interruptible',
  capacityTypes: ['spot', 'on-demand'],
  architectures: ['amd64'],
  instanceCategories: ['c', 'm', 'r'],
  minGeneration: 3,
  cpuLimit: '1000',
  memoryLimit: undefined,
  consolidation: { policy: 'WhenEmptyOrUnderutilized', after: '5m' },
  budgets: [{ nodes: '10%' }, { nodes: '0', reasons: ['Underutilized'], schedule: '0 9 * * mon-fri', duration: '8h' }],
  expireAfter: '720h',
  weight: 10,
};

export const defaults: KarpenterConfig = {
  clusterName: '',
  controllerIdentity: { roleArn: '', mode: 'irsa' },
  interruptionQueue: '',
  replicas: 2,
  resources: { requests: { cpu: '200m', memory: '512Mi' }, limits: { cpu: undefined, memory: '1Gi' } },
  logLevel: 'info',
  nodeClass: {
    role: '',
    amiAlias: 'al2023@latest',
    subnetTags: {},
    securityGroupTags: {},
    rootVolumeSize: '50Gi',
    tags: {},
  },
  extraNodeClasses: {},
  pools: {
    default: interruptiblePool,
    stateful: {
      ...interruptiblePool,
      capacity: 'stable',
      capacityTypes: ['on-demand'],
      cpuLimit: '200',
      consolidation: { policy: 'WhenEmpty', after: '30m' },
      budgets: [{ nodes: '1' }],
      expireAfter: 'Never',
      weight: undefined,
    },
  },
  extraPools: {},
  alerts: { team: 'platform', runbookUrl: RUNBOOK_URL, poolLimitRatio: 0.9 },
  extraValues: {},
};
