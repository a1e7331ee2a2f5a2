import type { IApplicationSet } from './kinds.js';

const ACTION = /\{\{-?([\s\S]*?)-?\}\}/g;
/** A field of the dot (`.component`, the first segment of `.a.b`), not of a variable or the result of a call. */
const FIELD = /(?<![\w)\]$.])\.([A-Za-z_]\w*)/g;

function strings(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) strings(item, out);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) strings(item, out);
  return out;
}

/**
 * The keys of the generator's parameters an ApplicationSet's `template` and `templatePatch` read as `.key`.
 * A static reading of Go template actions, for `pnpm check`; the test suite executes the templates with Go's
 * own text/template and sprig to prove the renders right.
 */
export function templateKeys(set: IApplicationSet): string[] {
  const keys = new Set<string>();
  for (const text of [...strings(set.spec.template, []), set.spec.templatePatch ?? '']) {
    for (const [, action] of text.matchAll(ACTION)) {
      for (const [, key] of action!.matchAll(FIELD)) keys.add(key!);
    }
  }
  return [...keys].sort();
}

/** `{{.key}}` (and `{{ .key }}`) substituted from an element; other actions are left as they are. */
function substitute(text: string, element: Record<string, unknown>): string {
  return text.replace(/\{\{-?\s*\.([A-Za-z_]\w*)\s*-?\}\}/g, (whole, key: string) =>
    typeof element[key] === 'string' ? (element[key] as string) : whole,
  );
}

/** What the delivery checks need of one generated Application. */
export interface GeneratedApplication {
  name: string;
  namespace: string;
  /** Repository paths of its directory sources. */
  paths: string[];
}

/** The Applications a list-generator ApplicationSet of ours generates: name, destination namespace and paths. */
export function generatedApplications(set: IApplicationSet): GeneratedApplication[] {
  const template = set.spec.template;
  return (set.spec.generators ?? []).flatMap((generator) =>
    (generator.list?.elements ?? []).map((raw) => {
      const element = raw as Record<string, unknown>;
      const sources = (element.sources as Array<{ path?: string }> | undefined) ?? [];
      return {
        name: substitute(template.metadata.name ?? '', element),
        namespace: substitute(template.spec.destination.namespace ?? '', element),
        paths: sources.map((s) => s.path).filter((p): p is string => typeof p === 'string'),
      };
    }),
  );
}
