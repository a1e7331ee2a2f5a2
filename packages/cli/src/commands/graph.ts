import { join } from 'node:path';
import type { PolicyContext, RenderedEnvironment } from '@platform/core';
import type { GraphDiff, GraphFinding, GraphLibrary, GraphModel } from '@platform/graph';
import { runPolicies } from '@platform/policy';
import type { CliInput } from '../cli-input.js';
import { daemonSetNodes, type ParsedCommand } from '../command-line.js';
import { knownEnvironment, renderNamed } from '../environments.js';
import { CliError, reportFailure } from '../errors.js';
import { committedFiles } from '../git.js';
import { GRAPH_PAGE, isGraphFile } from '../graph-folder.js';
import { paint } from '../output.js';
import { environmentPins, pinnedVersions } from '../pins.js';
import { writeTree } from '../write-tree.js';

/** The page's library is loaded on demand: its layout engine is a large module no other command needs. */
type GraphLibraryModule = typeof import('@platform/graph');

/** Every finding of `pnpm check` about the environment, waived ones marked, as the page lists them. */
function findingsOf(input: CliInput, rendered: RenderedEnvironment): GraphFinding[] {
  const context: PolicyContext = input.environmentDirs
    ? { componentVersions: pinnedVersions(input.root, input.environmentDirs) }
    : {};
  const report = runPolicies(rendered, { context });
  const shape = (finding: (typeof report.findings)[number], waived: boolean): GraphFinding => ({
    component: finding.component,
    severity: finding.severity === 'error' ? 'error' : 'warn',
    rule: finding.rule,
    ...(finding.object ? { object: finding.object } : {}),
    ...(finding.path ? { path: finding.path } : {}),
    message: finding.message,
    ...(waived ? { waived: true } : {}),
  });
  return [...report.findings.map((f) => shape(f, false)), ...report.waived.map((f) => shape(f, true))];
}

/**
 * The library of each component: the `@platform/<name>` package named like the component's library definition,
 * when the environment depends on it (`mimir` → `@platform/mimir`). Components of a library under another name
 * (`istiod` of `@platform/istio`) show none rather than a guess.
 */
function librariesOf(input: CliInput, name: string, rendered: RenderedEnvironment): Record<string, GraphLibrary> {
  const dir = input.environmentDirs?.[name];
  if (!dir) return {};
  const pins = new Map(environmentPins(input.root, dir).map((pin) => [pin.name, pin]));
  const libraries: Record<string, GraphLibrary> = {};
  for (const component of rendered.environment.components) {
    const pin = pins.get(`@platform/${component.plan.definition.name}`);
    const version = pin?.version ?? pin?.installed;
    if (!pin || !version) continue;
    libraries[component.name] = {
      name: pin.name,
      version,
      source: pin.spec.startsWith('workspace:') ? 'workspace' : 'published',
    };
  }
  return libraries;
}

/** Renders an environment for the page; renders of @platform/core 1 carry no delivery facts to draw. */
async function renderForPage(input: CliInput, name: string): Promise<RenderedEnvironment> {
  const rendered = await renderNamed(input, name);
  if (!(rendered as Partial<RenderedEnvironment>).delivery)
    throw new CliError(
      `graph needs @platform/core 2; environments/${name} renders with an older @platform/core (promote core 2 to it first)`,
    );
  return rendered;
}

/**
 * The base of a compare page: another environment of the project (rendered now), or this environment's render
 * as committed at a git ref (`rendered/<env>/` read from git's object store).
 */
async function baseModel(
  input: CliInput,
  graph: GraphLibraryModule,
  name: string,
  against: string,
  daemonSetNodes: number,
): Promise<GraphModel> {
  if (input.known.includes(against)) {
    const other = await renderForPage(input, against);
    return graph.graphModel(other, { libraries: librariesOf(input, against, other), daemonSetNodes });
  }
  const files = committedFiles(join(input.root, 'rendered', name), against);
  if (!files)
    throw new CliError(
      `rendered/${name}/ is not committed at ${against}; --compare takes an environment (${input.known.join(', ')}) or a git ref whose commit holds rendered/${name}/`,
    );
  return graph.committedModel(name, new Map([...files].filter(([path]) => !isGraphFile(path))), { daemonSetNodes });
}

function changeSummary(diff: GraphDiff): string {
  const count = (change: string) => Object.values(diff.nodes).filter((c) => c === change).length;
  const objects = Object.keys(diff.objects).length;
  return `compared with ${diff.against}: ${count('added')} components added, ${count('changed')} changed, ${count('removed')} removed; ${objects} object file${objects === 1 ? '' : 's'} differ`;
}

/**
 * `platform graph <env> [--compare <env|ref>]`: the environment as one self-contained HTML page, written to
 * rendered/<env>/_graph/index.html through the same atomic tree write as a render (the rest of rendered/<env>/
 * is carried over untouched; a failure leaves the previous page whole).
 */
export async function graphCommand(input: CliInput, parsed: ParsedCommand): Promise<number> {
  const [name, ...rest] = parsed.positionals;
  if (name === undefined || rest.length > 0)
    throw new CliError('name one environment: platform graph <env> [--compare <env|git-ref>]');
  knownEnvironment(input, name);
  const nodes = daemonSetNodes(parsed);
  const against = parsed.flags.compare as string | undefined;
  if (against === name)
    throw new CliError(`--compare ${name} compares ${name} with itself; name another environment or a git ref`);
  const started = performance.now();
  let rendered: RenderedEnvironment;
  try {
    rendered = await renderForPage(input, name);
  } catch (error) {
    return reportFailure(error, input.root, name);
  }
  const renderedAt = performance.now();
  const findings = findingsOf(input, rendered);
  const checkedAt = performance.now();
  const graph: GraphLibraryModule = await import('@platform/graph');
  const model = graph.graphModel(rendered, {
    findings,
    libraries: librariesOf(input, name, rendered),
    daemonSetNodes: nodes,
  });
  let diff: GraphDiff | undefined;
  if (against !== undefined) {
    try {
      diff = graph.compareModels(await baseModel(input, graph, name, against, nodes), model, against);
    } catch (error) {
      return reportFailure(error, input.root, input.known.includes(against) ? against : name);
    }
  }
  const comparedAt = performance.now();
  const page = await graph.graphPage(model, diff);
  const pageAt = performance.now();
  const write = writeTree(join(input.root, 'rendered', name), new Map([[GRAPH_PAGE, page]]), {
    keep: (path) => !isGraphFile(path),
  });
  if (write.recovered) console.error(`note: ${write.recovered}`);
  const edges = model.edges.length;
  const ms = (from: number, to: number) => `${(to - from).toFixed(0)} ms`;
  // The split is what `pnpm bench` reports as page generation time.
  console.log(
    `${paint('bold', name)}: rendered/${name}/${GRAPH_PAGE} (${model.nodes.length} components, ${edges} edges, ${(page.length / 1024).toFixed(0)} KiB${write.written === 0 ? ', unchanged' : ''}) in ${ms(started, performance.now())} (render ${ms(started, renderedAt)}, checks ${ms(renderedAt, checkedAt)}, model${diff ? ' and compare' : ''} ${ms(checkedAt, comparedAt)}, layout and page ${ms(comparedAt, pageAt)})${diff ? `\n  ${changeSummary(diff)}` : ''}`,
  );
  return 0;
}
