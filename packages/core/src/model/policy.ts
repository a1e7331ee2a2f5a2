import type { KubeObject } from './objects.js';
import type { RenderedEnvironment } from './rendered.js';

/** How serious a finding is: errors fail `pnpm check`, warnings are shown. */
export type Severity = 'error' | 'warn';

/** What a rule reports about one object (or the environment as a whole, when `object` is absent). */
export interface FindingInput {
  /** Component the finding belongs to (`_argocd` for delivery objects, `_environment` for the whole environment). */
  component: string;
  object?: KubeObject;
  /** Field path inside the object, e.g. `spec.template.spec.containers[name=ingester].resources.limits.memory`. */
  path?: string;
  message: string;
}

/** Facts from outside one rendered environment that some rules need. */
export interface PolicyContext {
  /** Published component versions each environment pins, by environment then package name (`@platform/mimir` → `1.2.0`). */
  componentVersions?: Record<string, Record<string, string>>;
}

/**
 * A check over a rendered environment. Rules are small and typed: they read rendered objects (not YAML text)
 * and report findings with the object and field they concern.
 */
export interface PolicyRule {
  /** Stable id, used in waivers and severity overrides, e.g. `pod-security.run-as-non-root` (dots, not slashes: ids become annotation keys). */
  id: string;
  /** Default severity. */
  severity: Severity;
  /** One line: why the rule exists. */
  rationale: string;
  check(environment: RenderedEnvironment, report: (finding: FindingInput) => void, context: PolicyContext): void;
}

/** An environment's policy settings: extra rules and severity overrides by rule id. */
export interface PolicySettings {
  rules?: PolicyRule[];
  severities?: Record<string, Severity | 'off'>;
}

/**
 * Waivers: annotations that tell `pnpm check` a rule is broken on purpose, with the reason as the value.
 * The key is `policy.platform.dev/waive.<rule-id>`; rule ids use dots (`pod-security.host-path`) because an
 * annotation key may hold only one `/`.
 */
export const WAIVER_PREFIX = 'policy.platform.dev/waive.';

/** Annotations waiving rules, by rule id: `waiverAnnotations({ 'pod-security.host-path': 'reads node logs' })`. */
export function waiverAnnotations(reasons: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(reasons).map(([rule, reason]) => [`${WAIVER_PREFIX}${rule}`, reason]));
}
