import type { ConfigChecks, Problem } from '@platform/core';
import type { KarpenterConfig, NodePoolConfig } from './config.js';
import { nodeClasses, nodePools } from './pools.js';

// The patterns the v1.14.1 CRDs validate with (karpenter.sh_nodepools.yaml: budgets[].duration :99,
// budgets[].nodes :111, consolidateAfter :151, expireAfter :246; karpenter.k8s.aws_ec2nodeclasses.yaml:
// amiSelectorTerms[].alias :96-98), so a mistake fails the render instead of the sync.
const KARPENTER_DURATION = /^(([0-9]+(s|m|h))+|Never)$/;
const BUDGET_DURATION = /^((([0-9]+(h|m))|([0-9]+h[0-9]+m))(0s)?)$/;
const BUDGET_NODES = /^((100|[0-9]{1,2})%|[0-9]+)$/;
// Linux families only: every pool requires kubernetes.io/os linux.
const AMI_ALIAS = /^(al2|al2023|bottlerocket)@.+$/;
const IAM_ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;

function checkPool(path: string, pool: NodePoolConfig, classes: string[], checks: ConfigChecks): void {
  checks.require(
    classes.includes(pool.nodeClass),
    `${path}.nodeClass`,
    `no node class "${pool.nodeClass}"; known: ${classes.join(', ')}`,
  );
  checks.require(pool.capacityTypes.length > 0, `${path}.capacityTypes`, 'a pool needs at least one capacity type');
  checks.require(pool.architectures.length > 0, `${path}.architectures`, 'a pool needs at least one architecture');
  checks.require(
    pool.instanceCategories.length > 0 && pool.instanceCategories.every((c) => /^[a-z]+$/.test(c)),
    `${path}.instanceCategories`,
    `expected instance categories such as "c", "m", "r", got ${JSON.stringify(pool.instanceCategories)}`,
  );
  checks.integer(`${path}.minGeneration`, pool.minGeneration, { min: 1 });
  checks.quantity(`${path}.cpuLimit`, pool.cpuLimit).quantity(`${path}.memoryLimit`, pool.memoryLimit);
  checks.require(
    KARPENTER_DURATION.test(pool.consolidation.after) && pool.consolidation.after !== 'Never',
    `${path}.consolidation.after`,
    `expected a duration such as "30s" or "5m", got ${JSON.stringify(pool.consolidation.after)}`,
  );
  checks.require(
    KARPENTER_DURATION.test(pool.expireAfter),
    `${path}.expireAfter`,
    `expected a duration such as "720h", or "Never", got ${JSON.stringify(pool.expireAfter)}`,
  );
  pool.budgets.forEach((budget, i) => {
    const at = `${path}.budgets[${i}]`;
    checks.require(
      BUDGET_NODES.test(budget.nodes),
      `${at}.nodes`,
      `expected a count or a percentage such as "1" or "10%", got ${JSON.stringify(budget.nodes)}`,
    );
    checks.require(
      (budget.schedule === undefined) === (budget.duration === undefined),
      at,
      'schedule and duration go together (the CRD rejects one without the other)',
    );
    if (budget.duration !== undefined)
      checks.require(
        BUDGET_DURATION.test(budget.duration),
        `${at}.duration`,
        `expected hours and minutes such as "8h" or "1h30m", got ${JSON.stringify(budget.duration)}`,
      );
    if (budget.schedule !== undefined)
      checks.require(
        budget.schedule.trim().split(/\s+/).length === 5 || budget.schedule.startsWith('@'),
        `${at}.schedule`,
        `expected a cron schedule such as "0 9 * * mon-fri", got ${JSON.stringify(budget.schedule)}`,
      );
  });
  if (pool.weight !== undefined) checks.integer(`${path}.weight`, pool.weight, { min: 1, max: 100 });
  // A stable pool is what non-interruptible pods require; spot capacity there would break that promise.
  checks.require(
    pool.capacity !== 'stable' || !pool.capacityTypes.includes('spot'),
    `${path}.capacityTypes`,
    'a stable pool runs the pods that must not be interrupted, so it cannot launch spot capacity',
  );
}

/** Semantic checks of the merged configuration: what types cannot say. */
export function checkConfig(config: KarpenterConfig, checks: ConfigChecks): void {
  checks.require(
    config.clusterName !== '',
    'clusterName',
    'Karpenter needs the name of the EKS cluster it provisions nodes for',
  );
  if (config.controllerIdentity.mode === 'irsa')
    checks.require(
      IAM_ROLE_ARN.test(config.controllerIdentity.roleArn),
      'controllerIdentity.roleArn',
      `expected the controller's IAM role ARN (arn:aws:iam::<account>:role/<name>) for IRSA, or mode "pod-identity"; got ${JSON.stringify(config.controllerIdentity.roleArn)}`,
    );
  checks.integer('replicas', config.replicas, { min: 1 });
  checks.resources('resources', config.resources);
  checks.require(
    config.alerts.poolLimitRatio > 0 && config.alerts.poolLimitRatio <= 1,
    'alerts.poolLimitRatio',
    `expected a share between 0 and 1, got ${config.alerts.poolLimitRatio}`,
  );
  const merging: Problem[] = [];
  const classes: string[] = [];
  for (const { name, path, value } of nodeClasses(config, merging)) {
    classes.push(name);
    checks.require(value.role !== '', `${path}.role`, "the nodes' IAM role (not the controller's) is required");
    checks.require(
      AMI_ALIAS.test(value.amiAlias),
      `${path}.amiAlias`,
      `expected <al2|al2023|bottlerocket>@<version> such as "al2023@latest", got ${JSON.stringify(value.amiAlias)}`,
    );
    checks.quantity(`${path}.rootVolumeSize`, value.rootVolumeSize);
  }
  const pools = nodePools(config, merging);
  for (const p of merging) checks.require(false, p.path ?? '', p.message);
  for (const { path, value } of pools) checkPool(path, value, classes, checks);
  checks.require(
    pools.some((p) => p.value.capacity === 'stable'),
    'pools',
    'no pool has stable capacity, so every StatefulSet (which the workload helpers keep on stable nodes) would stay Pending',
  );
  const spot = pools.find((p) => p.value.capacityTypes.includes('spot'));
  checks.require(
    !spot || config.interruptionQueue !== '',
    'interruptionQueue',
    `pool "${spot?.name}" launches spot capacity, so Karpenter needs the SQS interruption queue to drain nodes before AWS reclaims them`,
  );
}
