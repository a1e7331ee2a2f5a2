/** The text form of `pnpm resources`: aligned columns, quantities in Kubernetes units. */
import type {
  PodAmounts,
  ReplicaRange,
  ResourcesComparison,
  ResourcesTable,
  ResourceTotals,
} from './resources-table.js';

/** Millicores as Kubernetes writes CPU: `250m`, `2`, `1.5`. */
function formatCpu(millicores: number): string {
  if (millicores === 0) return '0';
  if (millicores % 1000 === 0) return String(millicores / 1000);
  if (millicores < 1000) return `${millicores}m`;
  return String(Number((millicores / 1000).toFixed(3)));
}

/** Bytes in the largest binary unit that keeps them readable: `512Mi`, `1.5Gi`. */
function formatMemory(bytes: number): string {
  const units = ['Ki', 'Mi', 'Gi', 'Ti'] as const;
  let value = bytes;
  let unit = '';
  for (const next of units) {
    if (value < 1024) break;
    value /= 1024;
    unit = next;
  }
  return `${Number(value.toFixed(2))}${unit}`;
}

function range(min: string, max: string): string {
  return min === max ? min : `${min}–${max}`;
}

function replicas(r: ReplicaRange): string {
  if (r.by === 'node') return 'per node';
  const count = range(String(r.min), String(r.max));
  return r.by === 'fixed' ? count : `${count} (${r.by})`;
}

/** A limit, marked `+` when some container has none (the sum is then only a floor) and `none` when no container has one. */
function limit(amounts: PodAmounts, resource: 'cpu' | 'memory'): string {
  const value = amounts.limits[resource];
  if (amounts.unlimited[resource] && value === 0) return 'none';
  const text = resource === 'cpu' ? formatCpu(value) : formatMemory(value);
  return amounts.unlimited[resource] ? `${text}+` : text;
}

function request(amounts: PodAmounts, resource: 'cpu' | 'memory'): string {
  return resource === 'cpu' ? formatCpu(amounts.requests.cpu) : formatMemory(amounts.requests.memory);
}

function columns(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const AMOUNT_HEADERS = ['CPU REQ', 'CPU LIM', 'MEM REQ', 'MEM LIM'];

function totalCells(totals: ResourceTotals): string[] {
  return (['cpu', 'memory'] as const).flatMap((resource) => [
    range(request(totals.min, resource), request(totals.max, resource)),
    range(limit(totals.min, resource), limit(totals.max, resource)),
  ]);
}

function perNode(totals: ResourceTotals): string {
  const p = totals.perNode;
  if (p.requests.cpu === 0 && p.requests.memory === 0) return '';
  return `+ per node ${request(p, 'cpu')} CPU, ${request(p, 'memory')} memory`;
}

/**
 * The table as text: one row per workload (replicas, one pod's requests and limits, all its pods' totals),
 * then the totals per tier and for the environment, then the chart components it cannot count.
 */
export function formatResourcesTable(table: ResourcesTable): string {
  const rows = [['COMPONENT', 'WORKLOAD', 'REPLICAS', ...AMOUNT_HEADERS, ...AMOUNT_HEADERS.map((h) => `TOTAL ${h}`)]];
  for (const w of table.workloads) {
    const pod = (['cpu', 'memory'] as const).flatMap((r) => [request(w.pod, r), limit(w.pod, r)]);
    const totals = totalCells({ min: w.total.min, max: w.total.max, perNode: w.pod });
    rows.push([
      w.component,
      `${w.kind}/${w.name}`,
      replicas(w.replicas),
      ...pod,
      ...(w.replicas.by === 'node' ? pod : totals),
    ]);
  }
  const lines = [`resources of ${table.environment} (requests and limits; per pod, then all pods)`, columns(rows), ''];
  const summary = [['TOTAL', ...AMOUNT_HEADERS]];
  for (const { tier, totals } of table.tiers) summary.push([`tier ${tier}`, ...totalCells(totals)]);
  summary.push([`environment ${table.environment}`, ...totalCells(table.total)]);
  lines.push(columns(summary));
  const node = perNode(table.total);
  if (node) lines.push(node);
  if (table.charts.length > 0)
    lines.push(
      `not counted (workloads rendered by the delivery engine from charts): ${table.charts.map((c) => `${c.component} (${c.chart} ${c.version})`).join(', ')}`,
    );
  return lines.join('\n');
}

/** A comparison as text: the workloads that differ (before → after), then the totals of both environments. */
export function formatResourcesComparison(comparison: ResourcesComparison): string {
  const { from, to } = comparison;
  const cell = (w: ResourcesComparison['changes'][number]['from']) =>
    w ? `${replicas(w.replicas)} × ${request(w.pod, 'cpu')} CPU / ${request(w.pod, 'memory')}` : 'absent';
  const rows = [['COMPONENT', 'WORKLOAD', from, to]];
  for (const change of comparison.changes)
    rows.push([change.component, `${change.kind}/${change.name}`, cell(change.from), cell(change.to)]);
  const lines = [`resources: ${from} → ${to}`];
  lines.push(comparison.changes.length > 0 ? columns(rows) : 'no workload differs');
  lines.push('');
  const summary = [['TOTAL', 'ENV', ...AMOUNT_HEADERS]];
  for (const { tier, from: a, to: b } of comparison.tiers) {
    summary.push([`tier ${tier}`, from, ...totalCells(a)]);
    summary.push(['', to, ...totalCells(b)]);
  }
  summary.push(['environment', from, ...totalCells(comparison.total.from)]);
  summary.push(['', to, ...totalCells(comparison.total.to)]);
  lines.push(columns(summary));
  return lines.join('\n');
}
