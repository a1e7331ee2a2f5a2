import type { PolicyRule } from '@platform/core';
import { compareVersions, isExactVersion } from '../semver.js';

/** Options of {@link promotionGate}. */
export interface PromotionGateOptions {
  /** Environment the gate guards. Default `prod`. */
  target?: string;
  /** Environment that must run a version first. Default `staging`. */
  source?: string;
  /**
   * Packages that run first in another environment than `source`, with that environment: e.g.
   * `{ '@platform/mimir': 'dev' }` while staging runs another metrics backend. Default `{}`.
   */
  sourceOf?: Record<string, string>;
}

/**
 * The promotion gate: the target environment may only pin component package versions that the source
 * environment already runs, i.e. not newer than the source's version (the source may be ahead while it tests
 * the next release). Uses `context.componentVersions`; with no versions for either environment there is
 * nothing to compare and the rule reports nothing.
 */
export function promotionGate({
  target = 'prod',
  source = 'staging',
  sourceOf = {},
}: PromotionGateOptions = {}): PolicyRule {
  return {
    id: 'promotion.gate',
    severity: 'error',
    rationale: `${target} may only run component versions that ${source} has run first.`,
    check(environment, report, context) {
      if (environment.environment.name !== target) return;
      const pinned = context.componentVersions?.[target];
      if (!pinned || !context.componentVersions?.[source]) return;
      for (const pkg of Object.keys(pinned).sort()) {
        const version = pinned[pkg]!;
        const from = sourceOf[pkg] ?? source;
        const ran = context.componentVersions[from]?.[pkg];
        let problem: string | undefined;
        if (ran === undefined) problem = `${from} does not run ${pkg} at all`;
        else if (!isExactVersion(version) || !isExactVersion(ran)) {
          if (version !== ran) problem = `${from} runs ${ran}, and versions that are not exact cannot be ordered`;
        } else if (compareVersions(version, ran) > 0) problem = `${from} runs only ${ran}`;
        if (problem)
          report({
            component: '_environment',
            message: `${target} pins ${pkg} ${version}, but ${problem}; promote it to ${from} first`,
          });
      }
    },
  };
}

export const promotionGateRule = promotionGate();

export const promotionRules: PolicyRule[] = [promotionGateRule];
