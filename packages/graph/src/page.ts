import type { GraphDiff } from './compare.js';
import { type Layout, layout } from './layout.js';
import type { GraphEdge, GraphModel, GraphNode } from './model.js';
import { PAGE_SCRIPT } from './page-script.js';
import { PAGE_STYLE } from './page-style.js';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

function status(node: GraphNode): 'error' | 'warn' | 'ok' {
  return node.findings.errors > 0 ? 'error' : node.findings.warnings > 0 ? 'warn' : 'ok';
}

/** Characters of a node's line that fit its box at the page's font size; longer lines end in an ellipsis. */
const LINE_CHARACTERS = 40;

function fit(text: string, width = LINE_CHARACTERS): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

function nodeSvg(node: GraphNode, box: Layout['nodes'][number], change: string | undefined): string {
  const version = node.library
    ? `${node.library.name} ${node.library.version}${node.library.source === 'workspace' ? ' (workspace)' : ''}`
    : 'no library';
  const chart = node.chart ? `chart ${node.chart.chart} ${node.chart.version}` : 'no chart';
  const objects = Object.values(node.kinds).reduce((a, b) => a + b, 0);
  const findings =
    node.findings.errors + node.findings.warnings > 0
      ? ` · ${node.findings.errors} errors, ${node.findings.warnings} warnings`
      : node.findings.waived > 0
        ? ` · ${node.findings.waived} waived`
        : '';
  const lines = [
    `${node.tier} · step ${node.step} · ns ${node.namespace}`,
    version,
    chart,
    `${node.pods} pods · ${objects} objects${findings}`,
  ];
  return [
    `<g class="node tier-${node.tier} status-${status(node)}${change ? ` change-${change}` : ''}" data-component="${escapeHtml(node.id)}"${change ? ` data-change="${change}"` : ''} transform="translate(${box.x},${box.y})" tabindex="0">`,
    `<title>${escapeHtml([node.id, ...lines].join('\n'))}</title>`,
    `<rect width="${box.width}" height="${box.height}" rx="8"/>`,
    `<text class="name" x="10" y="20">${escapeHtml(fit(node.id, change ? 28 : 34))}${change ? ` <tspan class="badge">${change}</tspan>` : ''}</text>`,
    ...lines.map((line, index) => `<text x="10" y="${38 + index * 15}">${escapeHtml(fit(line))}</text>`),
    '</g>',
  ].join('');
}

function edgeSvg(edge: GraphEdge, path: Layout['edges'][number] | undefined, change: string | undefined): string {
  if (!path || path.points.length < 2) return '';
  const d = path.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
  const title =
    edge.type === 'wiring'
      ? `${edge.from} → ${edge.to} on ${(edge.ports ?? []).join(', ')} (${(edge.policies ?? []).join(', ')})`
      : `${edge.to} comes after ${edge.from}`;
  return `<path class="edge ${edge.type}${change ? ` change-${change}` : ''}" data-edge="${escapeHtml(edge.id)}" data-from="${escapeHtml(edge.from)}" data-to="${escapeHtml(edge.to)}"${change ? ` data-change="${change}"` : ''} d="${d}" marker-end="url(#arrow-${edge.type})"><title>${escapeHtml(title)}</title></path>`;
}

function timeline(model: GraphModel): string {
  const rows = model.steps.map((step) => {
    const stages = step.stages
      .map(
        (s) =>
          `<span class="stage${s.share > model.maxShare ? ' over' : ''}" style="width:${(s.share * 100).toFixed(1)}%" title="stage ${s.stage}: ${s.pods} pods (${percent(s.share)})"></span>`,
      )
      .join('');
    return `<li data-step="${step.wave}"><span class="label">${step.wave}. ${escapeHtml(step.tier)}: ${escapeHtml(step.components.join(', '))}</span><span class="bar">${stages}</span><span class="share">${step.pods} pods · ${percent(step.share)}</span></li>`;
  });
  return `<section id="timeline"><h2>First sync</h2><p>${model.totalPods} pods in ${model.steps.length} steps; no stage may start more than ${percent(model.maxShare)} of them.</p><ol>${rows.join('')}</ol></section>`;
}

function calendar(model: GraphModel): string {
  if (model.certificates.length === 0) return '';
  const rows = model.certificates.map(
    (c) =>
      `<tr data-certificate="${escapeHtml(`${c.component}/${c.name}`)}"><td>${escapeHtml(c.expiries.join(', '))}</td><td>${escapeHtml(c.role)}</td><td>${escapeHtml(c.name)}${c.explicit ? '' : ' (cert-manager defaults)'}</td><td>${escapeHtml(c.component)}</td><td>${escapeHtml(c.issuer ?? '')}</td><td>${escapeHtml(c.duration ?? 'does not parse')}</td><td>${escapeHtml(c.renewBefore ?? '')}</td><td>${c.rotation}</td></tr>`,
  );
  return `<section id="certificates"><h2>Certificates</h2><p>Expiries counted from the first sync, when each is first issued (<code>pnpm plan ${escapeHtml(model.environment)} --certificates</code>).</p><table><thead><tr><th>expires</th><th>role</th><th>certificate</th><th>component</th><th>issuer</th><th>lifetime</th><th>replaced ahead</th><th>rotation</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

/** JSON inside a `<script>` element: `<` escaped so no string can end the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * One self-contained HTML page of an environment (or of a change, with `diff`): inline SVG laid out at
 * generation time, inline style and script, no network access. Deterministic for the same model.
 */
export async function graphPage(model: GraphModel, diff?: GraphDiff): Promise<string> {
  const nodes = [...model.nodes, ...(diff?.removedNodes ?? [])];
  const edges = [...model.edges, ...(diff?.removedEdges ?? [])];
  const placed = await layout(nodes, edges);
  const boxes = new Map(placed.nodes.map((b) => [b.id, b]));
  const paths = new Map(placed.edges.map((p) => [p.id, p]));
  const columns = placed.columns.map((c) => {
    const step = model.steps.find((s) => s.wave === c.step);
    return `<text class="column" x="${(c.x + c.width / 2).toFixed(1)}" y="24" text-anchor="middle">step ${c.step}${step ? ` · ${escapeHtml(step.tier)}` : ''}</text>`;
  });
  const svg = [
    `<svg id="canvas" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${placed.width} ${placed.height}" width="${placed.width}" height="${placed.height}" role="img" aria-label="components of ${escapeHtml(model.environment)} by sync step">`,
    '<defs>',
    '<marker id="arrow-dependency" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker>',
    '<marker id="arrow-wiring" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker>',
    '</defs>',
    ...columns,
    ...edges.map((e) => edgeSvg(e, paths.get(e.id), diff?.edges[e.id])),
    ...nodes.map((n) => nodeSvg(n, boxes.get(n.id)!, diff?.nodes[n.id])),
    '</svg>',
  ].join('\n');
  const title = diff ? `${model.environment} compared with ${diff.against}` : model.environment;
  const unknown = diff?.unknown ?? [];
  const legend = diff
    ? `<p class="legend">Compared with <b>${escapeHtml(diff.against)}</b>: <span class="key change-added">added</span> <span class="key change-changed">changed</span> <span class="key change-removed">removed</span>${unknown.length > 0 ? ` · not compared (not in that render): ${escapeHtml(unknown.join(', '))}` : ''}</p>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>platform: ${escapeHtml(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p>${model.nodes.length} components · ${model.totalPods} pods · ${model.steps.length} sync steps · delivered by ${escapeHtml(model.engine)}. <span class="key dependency">depends on</span> <span class="key wiring">connects to</span></p>
${legend}
</header>
<main>
<section id="graph">${svg}</section>
<aside id="details"><p class="hint">Select a component to see its objects, files, chart and findings.</p></aside>
</main>
${timeline(model)}
${calendar(model)}
<script type="application/json" id="graph-data">${scriptJson({ model, diff: diff ?? null })}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
