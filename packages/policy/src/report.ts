import type { Severity } from '@platform/core';

/** One policy violation, located as precisely as the rule can. */
export interface Finding {
  /** Id of the rule that reported it, e.g. `pod-security.run-as-non-root`. */
  rule: string;
  /** Effective severity, after the environment's and the caller's overrides. */
  severity: Severity;
  environment: string;
  /** Component the finding belongs to; `_argocd` for delivery objects, `_environment` for the environment as a whole. */
  component: string;
  /** The object concerned as `Kind/namespace/name` (`Kind//name` when cluster-scoped); absent for environment-wide findings. */
  object?: string;
  /** Field path inside the object, e.g. `spec.template.spec.containers[name=web].securityContext.runAsNonRoot`. */
  path?: string;
  message: string;
}

/** A finding that an annotation on its object waives, with the reason the annotation gives. */
export interface WaivedFinding extends Finding {
  reason: string;
  /** The annotation that waives it and where it sits, e.g. `spec.template.metadata.annotations["policy.platform.dev/waive.pod-security.host-path"]`. */
  waiver: string;
}

/** The result of {@link runPolicies} over one rendered environment. */
export interface PolicyReport {
  environment: string;
  /** Findings that count, sorted by component, object, rule, path and message. */
  findings: Finding[];
  /** Findings waived by annotations, sorted the same way; they count neither as errors nor as warnings. */
  waived: WaivedFinding[];
  /** Number of findings with severity `error`: `pnpm check` fails when it is above zero. */
  errors: number;
  warnings: number;
}

function compare(a: string | undefined, b: string | undefined): number {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Deterministic order of findings: component, object, rule, path, message (plain code-unit comparison, locale-independent). */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compare(a.component, b.component) ||
    compare(a.object, b.object) ||
    compare(a.rule, b.rule) ||
    compare(a.path, b.path) ||
    compare(a.message, b.message)
  );
}
