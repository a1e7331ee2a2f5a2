import elk from 'elkjs/lib/elk.bundled.js';
import type { ELK, ElkNode } from 'elkjs/lib/elk-api.js';
import type { GraphEdge, GraphNode } from './model.js';

/** Where the page draws a node. */
interface NodeBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The polyline of an edge. */
interface EdgePath {
  id: string;
  points: Array<{ x: number; y: number }>;
}

/** A layout of the graph: node boxes, edge polylines, and the canvas size. */
export interface Layout {
  width: number;
  height: number;
  nodes: NodeBox[];
  edges: EdgePath[];
  /** The x range of each sync step's column, for the step headers. */
  columns: Array<{ step: number; x: number; width: number }>;
}

const NODE_WIDTH = 250;
const NODE_HEIGHT = 94;

/**
 * A layered layout (ELK's `layered` algorithm, left to right) with one column per sync step (ELK partitions),
 * so the first sync reads from left to right. Dependency and wiring edges are both routed; only dependencies
 * constrain the layers. Deterministic: ELK's layered algorithm is, for the same input order.
 */
export async function layout(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): Promise<Layout> {
  // A CommonJS module: its default export is the constructor itself at run time.
  const Elk = ((elk as unknown as { default?: unknown }).default ?? elk) as new () => ELK;
  const ids = new Set(nodes.map((n) => n.id));
  const graph: ElkNode = await new Elk().layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.partitioning.activate': 'true',
      // Partitions order the layers of one connected component only: lay every component out as one graph.
      'elk.separateConnectedComponents': 'false',
      'elk.layered.spacing.nodeNodeBetweenLayers': '70',
      'elk.spacing.nodeNode': '28',
      'elk.edgeRouting': 'SPLINES',
      'elk.randomSeed': '1',
    },
    children: nodes.map((node) => ({
      id: node.id,
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      layoutOptions: { 'elk.partitioning.partition': String(node.step) },
    })),
    edges: edges
      .filter((e) => ids.has(e.from) && ids.has(e.to))
      .map((edge) => ({
        id: edge.id,
        sources: [edge.from],
        targets: [edge.to],
        layoutOptions: (edge.type === 'wiring'
          ? { 'elk.layered.priority.direction': '0', 'elk.edge.type': 'ASSOCIATION' }
          : {}) as Record<string, string>,
      })),
  });
  const boxes = (graph.children ?? []).map((c) => ({
    id: c.id,
    x: c.x ?? 0,
    y: (c.y ?? 0) + 40,
    width: c.width ?? NODE_WIDTH,
    height: c.height ?? NODE_HEIGHT,
  }));
  const paths = (graph.edges ?? []).map((edge) => ({
    id: edge.id,
    points: (edge.sections ?? [])
      .flatMap((section) => [section.startPoint, ...(section.bendPoints ?? []), section.endPoint])
      .map((p) => ({ x: p.x, y: p.y + 40 })),
  }));
  const steps = new Map<number, { min: number; max: number }>();
  for (const node of nodes) {
    const box = boxes.find((b) => b.id === node.id)!;
    const column = steps.get(node.step) ?? { min: Infinity, max: -Infinity };
    column.min = Math.min(column.min, box.x);
    column.max = Math.max(column.max, box.x + box.width);
    steps.set(node.step, column);
  }
  return {
    width: Math.ceil((graph.width ?? 0) + 20),
    height: Math.ceil((graph.height ?? 0) + 60),
    nodes: boxes.sort((a, b) => a.id.localeCompare(b.id)),
    edges: paths.sort((a, b) => a.id.localeCompare(b.id)),
    columns: [...steps].sort(([a], [b]) => a - b).map(([step, { min, max }]) => ({ step, x: min, width: max - min })),
  };
}
