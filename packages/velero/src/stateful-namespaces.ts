import { type BuildContext, PlatformError, type Problem } from '@platform/core';
import type { StatefulData } from './capability.js';
import type { VeleroConfig } from './config.js';

/** A namespace to back up, with what marked it. */
export interface StatefulNamespace {
  namespace: string;
  /** Components that marked it, sorted. */
  components: string[];
  /** Reasons, one per mark. */
  reasons: string[];
  /** Whether its volumes are copied (any mark asking for it wins). */
  volumes: boolean;
}

/**
 * The namespaces the environment marks as stateful: those of the components named in `stateful` (the
 * environment's mark) and of every `statefulData` provider (the libraries' own). A component in `stateful` that
 * the environment does not have is a render error naming it, since a backup that silently covers nothing is
 * the failure this library exists to prevent.
 */
export function statefulNamespaces({ config, peers }: BuildContext<VeleroConfig>): StatefulNamespace[] {
  const marks: StatefulData[] = [...peers.all('statefulData')];
  const problems: Problem[] = [];
  for (const [component, mark] of Object.entries(config.stateful)) {
    const namespace = peers.namespaceOf(component);
    if (namespace === undefined) {
      problems.push({
        path: `stateful.${component}`,
        message: `the environment has no component named "${component}"`,
      });
      continue;
    }
    const { reason, volumes } = typeof mark === 'string' ? { reason: mark, volumes: 'filesystem' as const } : mark;
    marks.push({ component, namespace, reason, volumes });
  }
  if (problems.length > 0) throw new PlatformError(problems);
  const byNamespace = new Map<string, StatefulNamespace>();
  for (const mark of marks) {
    const entry = byNamespace.get(mark.namespace) ?? {
      namespace: mark.namespace,
      components: [],
      reasons: [],
      volumes: false,
    };
    if (!entry.components.includes(mark.component)) entry.components.push(mark.component);
    entry.reasons.push(mark.reason);
    entry.volumes ||= (mark.volumes ?? 'filesystem') === 'filesystem';
    byNamespace.set(mark.namespace, entry);
  }
  return [...byNamespace.values()]
    .map((entry) => ({ ...entry, components: entry.components.sort() }))
    .sort((a, b) => (a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : 0));
}
