import { isPlainObject } from '../model/patch.js';

/** Formats a path segment list as `spec.template.spec.containers[name=ingester].image`: named list items by name. */
export function formatPath(root: unknown, segments: readonly string[]): string {
  let out = '';
  let current: unknown = root;
  for (const segment of segments) {
    if (Array.isArray(current)) {
      const item = current[Number(segment)];
      out += isPlainObject(item) && typeof item.name === 'string' ? `[name=${item.name}]` : `[${segment}]`;
      current = item;
    } else {
      out += out ? `.${segment}` : segment;
      current = isPlainObject(current) ? current[segment] : undefined;
    }
  }
  return out;
}
