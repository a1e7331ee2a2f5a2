import type { PolicyRule } from '../../model/policy.js';
import type { RenderedEnvironment } from '../../model/rendered.js';
import type { IKustomization } from './kinds.js';
import { FLUX_FOLDER, fluxPath, kustomizationName, rootName } from './names.js';

function kustomizationsOf(rendered: RenderedEnvironment): IKustomization[] {
  return rendered.objects
    .filter((o) => o.component === FLUX_FOLDER && o.object.kind === 'Kustomization')
    .map((o) => o.object as IKustomization);
}

function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'visiting') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'visiting');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of [...graph.keys()].sort()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

/** `dependsOn` names existing Kustomizations and has no cycle; a dependency that never exists blocks for ever. */
const dependencies: PolicyRule = {
  id: 'delivery.flux-dependencies',
  severity: 'error',
  rationale:
    'kustomize-controller retries a Kustomization whose dependency is missing or not ready for ever: a wrong name or a cycle stops the first sync.',
  check(rendered, report) {
    if (rendered.delivery.engine !== 'flux') return;
    const all = kustomizationsOf(rendered);
    const names = new Set(all.map((k) => k.metadata?.name));
    const graph = new Map<string, string[]>();
    for (const k of all) {
      const deps = (k.spec?.dependsOn ?? []).map((d) => d.name);
      graph.set(k.metadata!.name!, deps);
      deps.forEach((name, index) => {
        if (!names.has(name))
          report({
            component: FLUX_FOLDER,
            object: k,
            path: `spec.dependsOn[${index}].name`,
            message: `depends on Kustomization "${name}", which the environment does not render`,
          });
      });
    }
    const cycle = findCycle(graph);
    if (cycle)
      report({
        component: FLUX_FOLDER,
        message: `Kustomizations depend on each other in a cycle: ${cycle.join(' → ')}`,
      });
  },
};

/** Exactly one Kustomization per component folder, pointing at it, pruning what a commit removes. */
const coverage: PolicyRule = {
  id: 'delivery.flux-coverage',
  severity: 'error',
  rationale:
    'A component without its Kustomization is never applied; one without prune leaves removed objects running.',
  check(rendered, report) {
    if (rendered.delivery.engine !== 'flux') return;
    const all = kustomizationsOf(rendered).filter((k) => k.metadata?.name !== rootName(rendered.environment));
    for (const component of rendered.components) {
      const mine = all.filter((k) => k.metadata?.name === kustomizationName(component.name));
      if (mine.length !== 1) {
        report({
          component: component.name,
          message: `${mine.length} Kustomizations named ${kustomizationName(component.name)} are rendered; exactly one must be`,
        });
        continue;
      }
      const k = mine[0]!;
      if (k.spec?.path !== fluxPath(rendered.environment, component.name))
        report({
          component: component.name,
          object: k,
          path: 'spec.path',
          message: `points at ${k.spec?.path}, not at the component's folder`,
        });
    }
    for (const k of all) {
      if (k.spec?.prune !== true)
        report({
          component: FLUX_FOLDER,
          object: k,
          path: 'spec.prune',
          message: 'prune is not set: objects removed from git would keep running',
        });
    }
  },
};

/** Flux's delivery checks. */
export const FLUX_RULES: readonly PolicyRule[] = [dependencies, coverage];
