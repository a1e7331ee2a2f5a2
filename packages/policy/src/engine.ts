import {
  apiGroup,
  type FindingInput,
  type KubeObject,
  PlatformError,
  type PolicyContext,
  type PolicyRule,
  type RenderedEnvironment,
  type Severity,
  WAIVER_PREFIX,
} from '@platform/core';
import { objectId } from './inventory.js';
import { compareFindings, type Finding, type PolicyReport, type WaivedFinding } from './report.js';
import { builtinRules } from './rules/index.js';
import { RULE_ID, waiversOf } from './waivers.js';

/** What {@link runPolicies} accepts besides the rendered environment. */
export interface RunPoliciesOptions {
  /** More rules; a rule with the id of a built-in or environment rule replaces it. */
  rules?: PolicyRule[];
  /** Severity overrides by rule id, applied after the environment's `policy.severities`. */
  severities?: Record<string, Severity | 'off'>;
  /** Facts from outside the environment (published component versions ...). */
  context?: PolicyContext;
}

/** A rule the engine itself enforces (it has no `check`): listed so that its severity can be overridden. */
export interface EngineRule {
  id: string;
  severity: Severity;
  rationale: string;
}

/** Waiver annotations that name no rule or give no reason. */
export const waiverRule: EngineRule = {
  id: 'policy.waiver',
  severity: 'error',
  rationale:
    'A waiver must name a rule that exists and say why the rule does not apply, or it hides a problem without a record.',
};

/** Waiver annotations that waive nothing (left behind after the problem was fixed, or on the wrong object). */
export const unusedWaiverRule: EngineRule = {
  id: 'policy.unused-waiver',
  severity: 'warn',
  rationale: 'A stale waiver would silently hide the same problem if it came back.',
};

export const engineRules: EngineRule[] = [waiverRule, unusedWaiverRule];

/** Severities that differ from the rules' own until an environment overrides them: opt-in rules. */
export const DEFAULT_SEVERITIES: Readonly<Record<string, Severity | 'off'>> = { 'images.digest': 'off' };

function collectRules(
  environment: string,
  layers: Array<{ origin: string; rules: PolicyRule[] }>,
): Map<string, PolicyRule> {
  const rules = new Map<string, PolicyRule>();
  const problems: Array<{ environment: string; path: string; message: string }> = [];
  for (const { origin, rules: list } of layers) {
    const seen = new Set<string>();
    list.forEach((rule, index) => {
      const path = `${origin}[${index}]`;
      if (!RULE_ID.test(rule.id)) {
        problems.push({
          environment,
          path,
          message: `rule id "${rule.id}" must be lowercase letters, digits, "-" and "." (at most 57 characters, alphanumeric at both ends), because it is part of the waiver annotation ${WAIVER_PREFIX}<rule-id>`,
        });
      } else if (seen.has(rule.id)) {
        problems.push({ environment, path, message: `two rules have the id "${rule.id}"` });
      } else if (engineRules.some((r) => r.id === rule.id)) {
        problems.push({ environment, path, message: `rule id "${rule.id}" is reserved for the policy engine` });
      }
      seen.add(rule.id);
      rules.set(rule.id, rule);
    });
  }
  if (problems.length > 0) throw new PlatformError(problems);
  return rules;
}

function resolveSeverities(
  environment: string,
  defaults: Map<string, Severity>,
  layers: Array<{ origin: string; severities: Record<string, Severity | 'off'> | undefined }>,
): Map<string, Severity | 'off'> {
  const result = new Map<string, Severity | 'off'>(defaults);
  for (const [id, severity] of Object.entries(DEFAULT_SEVERITIES)) if (result.has(id)) result.set(id, severity);
  const problems: Array<{ environment: string; path: string; message: string }> = [];
  for (const { origin, severities } of layers) {
    for (const [id, severity] of Object.entries(severities ?? {})) {
      if (!defaults.has(id))
        problems.push({
          environment,
          path: `${origin}.${id}`,
          message: `names no rule; known rules: ${[...defaults.keys()].sort().join(', ')}`,
        });
      else if (severity !== 'error' && severity !== 'warn' && severity !== 'off')
        problems.push({
          environment,
          path: `${origin}.${id}`,
          message: `expected "error", "warn" or "off", got ${JSON.stringify(severity)}`,
        });
      else result.set(id, severity);
    }
  }
  if (problems.length > 0) throw new PlatformError(problems);
  return result;
}

function waiverKey(object: KubeObject, location: string): string {
  return `${apiGroup(object)}/${objectId(object)}|${location}`;
}

/**
 * Runs the built-in rules, the delivery engine's, those of the composed libraries, the environment's own rules
 * (`policy.rules`, replacing a library rule of the same id) and `options.rules` over a rendered
 * environment. Severities come from each rule, then `DEFAULT_SEVERITIES`, then the environment's
 * `policy.severities`, then `options.severities`; rules set to `off` do not run. A finding on an object that
 * carries the annotation `policy.platform.dev/waive.<rule-id>` with a non-empty reason (on the object itself or
 * on its pod template) is moved to `waived`. Throws a PlatformError for malformed rule ids, duplicate ids and
 * overrides of unknown rules.
 */
export function runPolicies(rendered: RenderedEnvironment, options: RunPoliciesOptions = {}): PolicyReport {
  const environment = rendered.environment.name;
  const rules = collectRules(environment, [
    { origin: 'builtinRules', rules: builtinRules },
    // The delivery checks of the engine that rendered the environment (API availability, chart values, the
    // engine's own); renders of an older core carry none.
    { origin: 'deliveryRules', rules: [...(rendered.delivery?.rules ?? [])] },
    // The rules of the libraries the environment composes; renders of an older core carry none.
    { origin: 'libraryRules', rules: [...(rendered.libraryRules ?? [])] },
    { origin: 'policy.rules', rules: rendered.environment.policy?.rules ?? [] },
    { origin: 'options.rules', rules: options.rules ?? [] },
  ]);
  const defaults = new Map<string, Severity>([
    ...engineRules.map((r): [string, Severity] => [r.id, r.severity]),
    ...[...rules.values()].map((r): [string, Severity] => [r.id, r.severity]),
  ]);
  const severities = resolveSeverities(environment, defaults, [
    { origin: 'policy.severities', severities: rendered.environment.policy?.severities },
    { origin: 'options.severities', severities: options.severities },
  ]);

  const findings: Finding[] = [];
  const waived: WaivedFinding[] = [];
  const usedWaivers = new Set<string>();
  const context = options.context ?? {};

  for (const rule of [...rules.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const severity = severities.get(rule.id)!;
    if (severity === 'off') continue;
    const report = (input: FindingInput) => {
      const finding: Finding = {
        rule: rule.id,
        severity,
        environment,
        component: input.component,
        ...(input.object ? { object: objectId(input.object) } : {}),
        ...(input.path ? { path: input.path } : {}),
        message: input.message,
      };
      // The object's own annotation wins over its pod template's; both count as used, so a waiver may sit on either or both.
      const waivers = input.object ? waiversOf(input.object).filter((w) => w.rule === rule.id && w.reason !== '') : [];
      if (waivers.length > 0) {
        for (const waiver of waivers) usedWaivers.add(waiverKey(input.object!, waiver.location));
        waived.push({ ...finding, reason: waivers[0]!.reason, waiver: waivers[0]!.location });
      } else {
        findings.push(finding);
      }
    };
    try {
      rule.check(rendered, report, context);
    } catch (error) {
      if (error instanceof PlatformError) throw error.within({ environment });
      throw new Error(`policy rule "${rule.id}" failed on environment "${environment}": ${(error as Error).message}`, {
        cause: error,
      });
    }
  }

  const engineFinding = (rule: EngineRule, component: string, object: KubeObject, path: string, message: string) => {
    const severity = severities.get(rule.id)!;
    if (severity === 'off') return;
    findings.push({ rule: rule.id, severity, environment, component, object: objectId(object), path, message });
  };
  for (const { component, object } of rendered.objects) {
    for (const waiver of waiversOf(object)) {
      const known = severities.get(waiver.rule);
      if (known === undefined) {
        engineFinding(
          waiverRule,
          component,
          object,
          waiver.location,
          `waives "${waiver.rule}", which is not a rule of this environment`,
        );
      } else if (waiver.reason === '') {
        engineFinding(
          waiverRule,
          component,
          object,
          waiver.location,
          `the waiver of "${waiver.rule}" gives no reason; the annotation's value must say why the rule does not apply`,
        );
      } else if (known !== 'off' && !usedWaivers.has(waiverKey(object, waiver.location))) {
        engineFinding(
          unusedWaiverRule,
          component,
          object,
          waiver.location,
          `the waiver of "${waiver.rule}" waives nothing here; remove it`,
        );
      }
    }
  }

  findings.sort(compareFindings);
  waived.sort(compareFindings);
  return {
    environment,
    findings,
    waived,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warn').length,
  };
}
