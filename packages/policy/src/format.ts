import type { Finding, PolicyReport, WaivedFinding } from './report.js';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** `2 errors, 1 warning, 3 waived`. */
export function formatTotals(report: PolicyReport): string {
  return `${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')}, ${report.waived.length} waived`;
}

function groupByComponent<F extends Finding>(findings: F[]): Map<string, F[]> {
  const groups = new Map<string, F[]>();
  for (const finding of findings) groups.set(finding.component, [...(groups.get(finding.component) ?? []), finding]);
  return groups;
}

function entry(finding: Finding, ruleWidth: number, extra: string[]): string[] {
  const head = `  ${finding.severity.padEnd(5)}  ${finding.rule.padEnd(ruleWidth)}  ${finding.object ?? '(environment)'}`;
  const indent = ' '.repeat(9);
  return [
    head.trimEnd(),
    ...(finding.path ? [`${indent}at ${finding.path}`] : []),
    `${indent}${finding.message}`,
    ...extra.map((line) => `${indent}${line}`),
  ];
}

/**
 * The report as text for people: findings grouped by component (severity, rule id, object, then the field
 * path and the message on their own lines), then every waived finding with its reason and waiver, then totals.
 */
export function formatTable(report: PolicyReport): string {
  const width = Math.max(0, ...[...report.findings, ...report.waived].map((f) => f.rule.length));
  const lines: string[] = [`Policy check of environment "${report.environment}"`, ''];
  if (report.findings.length === 0) lines.push('No findings.', '');
  for (const [component, findings] of groupByComponent(report.findings)) {
    lines.push(component);
    for (const finding of findings) lines.push(...entry(finding, width, []));
    lines.push('');
  }
  lines.push('Waivers');
  if (report.waived.length === 0) lines.push('  none');
  for (const [component, findings] of groupByComponent<WaivedFinding>(report.waived)) {
    lines.push(`  ${component}`);
    for (const finding of findings)
      lines.push(
        ...entry(finding, width, [`reason: ${finding.reason}`, `waived by ${finding.waiver}`]).map(
          (line) => `  ${line}`,
        ),
      );
  }
  lines.push('', `${report.environment}: ${formatTotals(report)}`, '');
  return lines.join('\n');
}

function findingJson(finding: Finding): Record<string, unknown> {
  return {
    rule: finding.rule,
    severity: finding.severity,
    environment: finding.environment,
    component: finding.component,
    object: finding.object ?? null,
    path: finding.path ?? null,
    message: finding.message,
  };
}

/**
 * The report as JSON for tools. Stable: fixed key order, every key always present (`object` and `path` are
 * `null` for environment-wide findings), findings in the report's deterministic order, two-space indentation
 * and a final newline.
 */
export function formatJson(report: PolicyReport): string {
  const document = {
    environment: report.environment,
    errors: report.errors,
    warnings: report.warnings,
    findings: report.findings.map(findingJson),
    waived: report.waived.map((finding) => ({
      ...findingJson(finding),
      reason: finding.reason,
      waiver: finding.waiver,
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
