/**
 * The environment page's folder inside `rendered/<env>/`. It is not part of the render: `render` carries it over
 * untouched, `diff` ignores it, and no delivery engine's source path includes it (Argo CD's Applications read
 * `rendered/<env>/<component>`, the root one `rendered/<env>/_argocd`). The repository git-ignores it.
 */
const GRAPH_FOLDER = '_graph';

/** The page's file below `rendered/<env>/`. */
export const GRAPH_PAGE = `${GRAPH_FOLDER}/index.html`;

/** Whether a path below `rendered/<env>/` belongs to the page rather than to the render. */
export function isGraphFile(path: string): boolean {
  return path.startsWith(`${GRAPH_FOLDER}/`);
}
