import type { PolicyContext, Problem, RenderedEnvironment } from '@platform/core';
import { type Finding, formatJson, formatTable, type PolicyReport, runPolicies } from '@platform/policy';
import type { CliInput } from '../cli-input.js';
import type { ParsedCommand } from '../command-line.js';
import { inSelection, selectComponents } from '../components.js';
import { renderNamed, selectNames } from '../environments.js';
import { problemsOf, reportFailure } from '../errors.js';
import { paint } from '../output.js';
import { pinnedVersions } from '../pins.js';
import { targetConflicts } from '../targets.js';

/** One environment's entry of `check --format json`: the same keys whether it rendered or not. */
interface CheckEntry {
  environment: string;
  /** False when the environment did not render; `problems` says why and `findings` is empty. */
  rendered: boolean;
  errors: number;
  warnings: number;
  findings: Record<string, unknown>[];
  waived: Record<string, unknown>[];
  problems: Problem[];
}

interface Checked {
  name: string;
  rendered?: RenderedEnvironment;
  report?: PolicyReport;
  problems?: Problem[];
  timings?: { render: number; checks: number };
}

function withFindings(report: PolicyReport, extra: Finding[]): PolicyReport {
  if (extra.length === 0) return report;
  const findings = [...report.findings, ...extra];
  return {
    ...report,
    findings,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warn').length,
  };
}

function onlyComponents(report: PolicyReport, selection: Set<string> | undefined): PolicyReport {
  if (!selection) return report;
  const keep = (finding: Finding) =>
    selection.has(finding.component) || inSelection(selection, `${finding.component}/`);
  const findings = report.findings.filter(keep);
  return {
    ...report,
    findings,
    waived: report.waived.filter(keep),
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warn').length,
  };
}

/**
 * `platform check`: renders each environment (which validates every object), runs the policy rules, and
 * compares the environments' targets with each other. With `--format json` stdout holds exactly one JSON
 * array, one entry per environment, whether it rendered or not.
 */
export async function checkCommand(input: CliInput, parsed: ParsedCommand): Promise<number> {
  const json = parsed.flags.format === 'json';
  const names = selectNames(input, parsed.positionals, parsed.flags.all === true);
  const context: PolicyContext = input.environmentDirs
    ? { componentVersions: pinnedVersions(input.root, input.environmentDirs) }
    : {};
  const components = parsed.flags.component as string[];
  let code = 0;
  const checked: Checked[] = [];
  for (const name of names) {
    const started = performance.now();
    try {
      const rendered = await renderNamed(input, name);
      const selection = selectComponents(rendered, components);
      const rendering = performance.now() - started;
      const report = onlyComponents(runPolicies(rendered, { context }), selection);
      checked.push({
        name,
        rendered,
        report,
        timings: { render: rendering, checks: performance.now() - started - rendering },
      });
    } catch (error) {
      const problems = problemsOf(error, input.root, name);
      if (!problems) {
        code = 2;
        if (!json) {
          reportFailure(error, input.root, name);
          continue;
        }
        reportFailure(error, input.root, name);
      }
      checked.push({
        name,
        problems: problems ?? [
          { environment: name, message: 'internal error: a bug in the platform toolkit (details on stderr)' },
        ],
      });
    }
  }
  const conflicts = targetConflicts(checked.flatMap((c) => (c.rendered ? [c.rendered] : [])));
  for (const entry of checked) {
    if (entry.report)
      entry.report = withFindings(
        entry.report,
        conflicts.filter((f) => f.environment === entry.name),
      );
  }

  const entries: CheckEntry[] = [];
  for (const entry of checked) {
    if (entry.report) {
      if (entry.report.errors > 0) code = Math.max(code, 1);
      if (json)
        entries.push({
          ...(JSON.parse(formatJson(entry.report)) as Omit<CheckEntry, 'rendered' | 'problems'>),
          rendered: true,
          problems: [],
        });
      else {
        console.log(formatTable(entry.report));
        const { report, rendered, timings } = entry;
        console.log(
          `${paint('bold', entry.name)}: ${rendered!.objects.length} objects valid against their schemas; policy: ${report.errors} errors, ${report.warnings} warnings, ${report.waived.length} waived (render ${timings!.render.toFixed(0)} ms, checks ${timings!.checks.toFixed(0)} ms)\n`,
        );
      }
    } else if (entry.problems) {
      code = Math.max(code, 1);
      if (json)
        entries.push({
          environment: entry.name,
          rendered: false,
          errors: entry.problems.length,
          warnings: 0,
          findings: [],
          waived: [],
          problems: entry.problems,
        });
      else reportFailure(problemsError(entry.problems), input.root, entry.name);
    }
  }
  if (json) process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
  return code;
}

/** Problems as the PlatformError-like value {@link reportFailure} prints. */
function problemsError(problems: Problem[]): Error {
  return Object.assign(new Error(problems.map((p) => p.message).join('\n')), { name: 'PlatformError', problems });
}
