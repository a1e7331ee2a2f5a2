import type { PolicyRule, RenderedEnvironment } from '@platform/core';
import { eachContainer, type LocatedContainer, type PodWorkload, workloadFinding } from './inventory.js';

/** What a per-container check sees of one container. */
export interface ContainerCheck {
  workload: PodWorkload;
  located: LocatedContainer;
  environment: RenderedEnvironment;
  /** Reports a finding about the container's workload at `path` (a field path inside the workload object). */
  report(path: string, message: string): void;
}

/** A rule that checks every container (init containers included) of every pod template on its own. */
export function containerRule(
  rule: Omit<PolicyRule, 'check'> & { checkContainer(check: ContainerCheck): void },
): PolicyRule {
  const { checkContainer, ...definition } = rule;
  return {
    ...definition,
    check(environment, report) {
      eachContainer(environment, (workload, located) =>
        checkContainer({
          workload,
          located,
          environment,
          report: (path, message) => report(workloadFinding(workload, path, message)),
        }),
      );
    },
  };
}
