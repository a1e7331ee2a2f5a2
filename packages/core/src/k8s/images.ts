/** `nginx:1` → `docker.io/library/nginx:1`; `grafana/mimir:3` → `docker.io/grafana/mimir:3`; registries kept. */
export function qualifyImage(image: string): string {
  const first = image.split('/')[0]!;
  const hasRegistry = image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasRegistry) return image;
  return image.includes('/') ? `docker.io/${image}` : `docker.io/library/${image}`;
}

/**
 * An image or repository reference pulled through a registry mirror (`quay.io/jetstack/x` →
 * `<mirror>/quay.io/jetstack/x`); unchanged without a mirror or when it is already on the mirror. Chart
 * components use it for the image keys of their charts, which mixins cannot reach.
 */
export function mirroredImage(image: string, mirror: string | undefined): string {
  if (!mirror) return image;
  const prefix = mirror.replace(/\/+$/, '');
  return image.startsWith(`${prefix}/`) ? image : `${prefix}/${qualifyImage(image)}`;
}

/** The registry host of an image reference (`docker.io` for Docker Hub short names). */
export function imageRegistry(image: string): string {
  return qualifyImage(image).split('/')[0]!;
}
