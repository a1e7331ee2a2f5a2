import { PlatformError, type RenderedEnvironment } from '@platform/core';

/** The delivery engine's output folder of a render (a render of core 1.x has no `delivery` and uses `_argocd`). */
function deliveryFolder(rendered: RenderedEnvironment): string {
  return (rendered as Partial<RenderedEnvironment>).delivery?.folder ?? '_argocd';
}

/** The folders `-c` may name: every component, and the delivery folder. */
function componentFolders(rendered: RenderedEnvironment): string[] {
  return [...rendered.components.map((component) => component.name), deliveryFolder(rendered)];
}

/**
 * Checks the components `-c` names against the render and returns them as a set of output folders; undefined
 * when none are named (everything is selected).
 */
export function selectComponents(rendered: RenderedEnvironment, names: string[]): Set<string> | undefined {
  if (names.length === 0) return undefined;
  const known = componentFolders(rendered);
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new PlatformError(
      unknown.map((name) => ({
        environment: rendered.environment.name,
        message: `no component ${name}; components: ${known.join(', ')}`,
      })),
    );
  }
  return new Set(names);
}

/** Whether a file of `rendered/<env>/` (`mimir/deployment-x.yaml`) belongs to one of the selected folders. */
export function inSelection(selection: Set<string> | undefined, path: string): boolean {
  return selection === undefined || selection.has(path.slice(0, path.indexOf('/')));
}

/** The files of the selected folders. */
export function selectFiles(files: Map<string, string>, selection: Set<string> | undefined): Map<string, string> {
  return selection === undefined ? files : new Map([...files].filter(([path]) => inSelection(selection, path)));
}
