import type { GraphEdge, GraphModel, GraphNode, UnknownFact } from './model.js';

/** How a node, edge or object differs between two renders. */
export type Change = 'added' | 'removed' | 'changed';

/** What a change does to the page: per node, edge and object file. */
export interface GraphDiff {
  /** What the page compares against, e.g. `origin/main` or `staging`. */
  against: string;
  nodes: Record<string, Change>;
  edges: Record<string, Change>;
  /** By object file path. */
  objects: Record<string, Change>;
  /** Nodes only the other render has, drawn as removed. */
  removedNodes: GraphNode[];
  removedEdges: GraphEdge[];
  /** Per changed node, what changed, in words (`library 1.0.0 → 1.1.0`, `3 objects changed`). */
  reasons: Record<string, string[]>;
  /** Facts one side does not know (a committed render has no dependency graph), so they were not compared. */
  unknown: UnknownFact[];
}

function versionOf(node: GraphNode): string | undefined {
  return node.library
    ? `${node.library.version}${node.library.source === 'workspace' ? ' (workspace)' : ''}`
    : undefined;
}

/**
 * The differences between the model of a base render (another environment, or the render at a git ref) and the
 * current one, by component name; objects are matched by their file's path below `rendered/<env>/`, so two
 * environments (staging and prod) compare like two revisions of one.
 */
export function compareModels(before: GraphModel, after: GraphModel, against: string): GraphDiff {
  const diff: GraphDiff = {
    against,
    nodes: {},
    edges: {},
    objects: {},
    removedNodes: [],
    removedEdges: [],
    reasons: {},
    unknown: [...new Set([...(before.unknown ?? []), ...(after.unknown ?? [])])].sort(),
  };
  const knows = (fact: UnknownFact) => !diff.unknown.includes(fact);
  const old = new Map(before.nodes.map((n) => [n.id, n]));
  for (const node of after.nodes) {
    const was = old.get(node.id);
    if (!was) {
      diff.nodes[node.id] = 'added';
      for (const o of node.objects) diff.objects[o.path] = 'added';
      continue;
    }
    const reasons: string[] = [];
    if (knows('libraries') && versionOf(was) !== versionOf(node))
      reasons.push(`library ${versionOf(was) ?? 'none'} → ${versionOf(node) ?? 'none'}`);
    if (was.chart?.version !== node.chart?.version)
      reasons.push(`chart ${was.chart?.version ?? 'none'} → ${node.chart?.version ?? 'none'}`);
    if (was.step !== node.step) reasons.push(`sync step ${was.step} → ${node.step}`);
    if (knows('pods') && was.pods !== node.pods) reasons.push(`pods ${was.pods} → ${node.pods}`);
    const files = new Map(was.objects.map((o) => [o.path, o.hash]));
    let changed = 0;
    for (const object of node.objects) {
      const hash = files.get(object.path);
      if (hash === undefined) diff.objects[object.path] = 'added';
      else if (hash !== object.hash) diff.objects[object.path] = 'changed';
      else continue;
      changed++;
    }
    const present = new Set(node.objects.map((o) => o.path));
    for (const object of was.objects) {
      if (!present.has(object.path)) {
        diff.objects[object.path] = 'removed';
        changed++;
      }
    }
    if (changed > 0) reasons.push(`${changed} object${changed === 1 ? '' : 's'} added, removed or changed`);
    if (reasons.length > 0) {
      diff.nodes[node.id] = 'changed';
      diff.reasons[node.id] = reasons;
    }
  }
  const current = new Set(after.nodes.map((n) => n.id));
  diff.removedNodes = before.nodes.filter((n) => !current.has(n.id));
  for (const node of diff.removedNodes) diff.nodes[node.id] = 'removed';
  // Without one side's dependency graph, only the dependency edges of added components are known to be new.
  const compared = (edge: GraphEdge) => edge.type !== 'dependency' || knows('dependencies');
  const oldEdges = new Map(before.edges.map((e) => [e.id, e]));
  for (const edge of after.edges) {
    if (!compared(edge)) {
      if (diff.nodes[edge.from] === 'added' || diff.nodes[edge.to] === 'added') diff.edges[edge.id] = 'added';
      continue;
    }
    const was = oldEdges.get(edge.id);
    if (!was) diff.edges[edge.id] = 'added';
    else if (JSON.stringify(was.ports ?? []) !== JSON.stringify(edge.ports ?? [])) diff.edges[edge.id] = 'changed';
  }
  const newEdges = new Set(after.edges.map((e) => e.id));
  diff.removedEdges = before.edges.filter((e) => compared(e) && !newEdges.has(e.id));
  for (const edge of diff.removedEdges) diff.edges[edge.id] = 'removed';
  return diff;
}
