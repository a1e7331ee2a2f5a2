/** An image reference split into its parts: `registry/repository[:tag][@digest]`. */
export interface ImageReference {
  /** Registry host (with port), `docker.io` for short names such as `nginx` or `grafana/mimir`. */
  registry: string;
  /** Repository path without registry, e.g. `grafana/mimir` or `library/nginx`. */
  repository: string;
  tag?: string;
  digest?: string;
}

/** Docker Hub's other host names, all meaning `docker.io`. */
const DOCKER_HUB_ALIASES = new Set(['index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

/** `index.docker.io` → `docker.io`; other hosts lowercased. */
function normalizeRegistry(host: string): string {
  const lower = host.toLowerCase();
  return DOCKER_HUB_ALIASES.has(lower) ? 'docker.io' : lower;
}

/** Parses an image reference the way container runtimes resolve it (short names are Docker Hub's). */
export function parseImage(image: string): ImageReference {
  const at = image.indexOf('@');
  const digest = at === -1 ? undefined : image.slice(at + 1);
  const named = at === -1 ? image : image.slice(0, at);
  const slash = named.lastIndexOf('/');
  const colon = named.lastIndexOf(':');
  const tag = colon > slash ? named.slice(colon + 1) : undefined;
  const name = colon > slash ? named.slice(0, colon) : named;
  const first = name.split('/')[0]!;
  const hasRegistry = name.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  const registry = hasRegistry ? normalizeRegistry(first) : 'docker.io';
  const path = hasRegistry ? name.slice(first.length + 1) : name;
  const repository = registry === 'docker.io' && !path.includes('/') ? `library/${path}` : path;
  return { registry, repository, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) };
}

/**
 * Whether an image comes from an allowed registry. An entry without `/` is a registry host (`quay.io`,
 * `registry.example.com:5000`); an entry with `/` also fixes a repository prefix (`ghcr.io/acme`), matched at
 * path-segment boundaries.
 */
export function registryAllowed(image: ImageReference, allowed: string[]): boolean {
  const qualified = `${image.registry}/${image.repository}`;
  return allowed.some((entry) => {
    const slash = entry.indexOf('/');
    const host = normalizeRegistry(slash === -1 ? entry : entry.slice(0, slash));
    if (slash === -1) return image.registry === host;
    const prefix = `${host}/${entry.slice(slash + 1).replace(/\/+$/, '')}`;
    return qualified === prefix || qualified.startsWith(`${prefix}/`);
  });
}
