import { type BuildContext, stageAnnotations, standardLabels, WAIVER_PREFIX } from '@platform/core';
import type { Enforcement, KyvernoConfig } from './config.js';
import type { IValidatingPolicy } from './kinds.js';

type Spec = IValidatingPolicy['spec'];

/*
 * Policies sync after the chart (wave 0), so that Kyverno's admission controller, which validates policies and
 * compiles their CEL, is up when they arrive.
 */
const POLICY_STAGE = 1;

/** `Enforce` rejects; `Audit` admits, reports and warns the client (Argo CD shows the warning on the sync). */
export function validationActions(enforcement: Enforcement): Array<'Deny' | 'Audit' | 'Warn'> {
  return enforcement === 'Enforce' ? ['Deny'] : ['Audit', 'Warn'];
}

/**
 * Enforced policies fail closed (a request Kyverno could not judge is refused); audited ones fail open, since
 * blocking admission while Kyverno is down buys nothing for a policy that would have admitted anyway.
 */
export function failurePolicy(enforcement: Enforcement): 'Fail' | 'Ignore' {
  return enforcement === 'Enforce' ? 'Fail' : 'Ignore';
}

/** Namespaces no admission policy judges: the control plane's, Kyverno's own, and the configured ones. */
function excludedNamespaces(context: Pick<BuildContext<KyvernoConfig>, 'namespace' | 'config'>): string[] {
  return [...new Set(['kube-system', context.namespace, ...context.config.policies.excludeNamespaces])].sort();
}

/**
 * Pods, created or updated, outside the excluded namespaces. Kyverno's autogen (on by default for
 * ValidatingPolicies) derives the same checks for Deployments, StatefulSets, DaemonSets, Jobs, CronJobs and
 * ReplicaSets, rewriting `object.spec`/`object.metadata` to the pod template (`pkg/cel/autogen/data.go`), so a bad
 * template is refused when it is applied, not when its controller tries to create pods.
 */
function podMatchConstraints(namespaces: string[]): Spec['matchConstraints'] {
  return {
    resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE', 'UPDATE'], resources: ['pods'] }],
    namespaceSelector: {
      matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: namespaces }],
    },
  };
}

/** Variables every pod policy reads: the containers (init containers included) and the pod's annotations. */
export const POD_VARIABLES: NonNullable<Spec['variables']> = [
  { name: 'containers', expression: 'object.spec.containers + object.spec.?initContainers.orValue([])' },
  { name: 'annotations', expression: 'object.metadata.?annotations.orValue({})' },
];

/** One check, named like the `pnpm check` rule it enforces at run time, waivable by the same annotation. */
export interface Check {
  rule: string;
  /** CEL over `object` and `variables`, true when the pod complies. */
  expression: string;
  message: string;
}

/**
 * A check as a validation that passes when the pod carries the rule's waiver annotation
 * (`policy.platform.dev/waive.<rule>`, on the pod template), so one waiver, with its reason, serves `pnpm check`
 * and admission alike.
 */
export function validation(check: Check): NonNullable<Spec['validations']>[number] {
  return {
    expression: `'${WAIVER_PREFIX}${check.rule}' in variables.annotations || (${check.expression})`,
    message: `${check.rule}: ${check.message} (waive with the annotation ${WAIVER_PREFIX}${check.rule} on the pod template, giving the reason)`,
    reason: 'Forbidden',
  };
}

/** A ValidatingPolicy of pod checks with the environment's enforcement. */
export function podPolicy(
  context: BuildContext<KyvernoConfig>,
  name: string,
  enforcement: Enforcement,
  checks: Check[],
  extraVariables: NonNullable<Spec['variables']> = [],
): IValidatingPolicy {
  return {
    apiVersion: 'policies.kyverno.io/v1',
    kind: 'ValidatingPolicy',
    metadata: {
      name,
      labels: standardLabels(context.name, 'policy'),
      annotations: stageAnnotations(POLICY_STAGE),
    },
    spec: {
      matchConstraints: podMatchConstraints(excludedNamespaces(context)),
      failurePolicy: failurePolicy(enforcement),
      validationActions: validationActions(enforcement),
      variables: [...POD_VARIABLES, ...extraVariables],
      validations: checks.map(validation),
    },
  };
}

export { POLICY_STAGE };
