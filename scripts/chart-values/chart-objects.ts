/**
 * The API objects a chart can create that matter before it is synced: the CRDs it installs and the
 * cluster-scoped kinds its templates contain (Argo CD's AppProject must whitelist those).
 */

import { formatValuePath } from '@platform/core';
import { builtInClusterGroup, isBuiltInClusterScoped } from './cluster-scoped-kinds.js';
import { ACTION, type TemplateDocument } from './template-documents.js';
import { parseYaml } from './yaml.js';

/** A CRD the chart installs; `conditions` are the chart conditions it is rendered under (outermost first). */
export interface FoundCrd {
  group: string;
  kind: string;
  plural: string;
  scope: 'Namespaced' | 'Cluster';
  conditions: string[];
}

/** A cluster-scoped kind the chart's templates can create. */
export interface ClusterKind {
  group: string;
  kind: string;
}

/**
 * A template condition with its `.Values` chains written as value paths of the (parent) chart:
 * `or .Values.crds.enabled .Values.installCRDs` → `or crds.enabled installCRDs`.
 */
export function rewriteCondition(condition: string, prefix: readonly string[] = []): string {
  return condition
    .replace(
      /(?:\$[A-Za-z0-9_]*|\.[A-Za-z_][A-Za-z0-9_]*)*\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)*)/g,
      (_, fields: string) => formatValuePath([...prefix, ...fields.split('.').filter((f) => f !== '')]) || 'Values',
    )
    .trim();
}

/** The conditions as one template-syntax expression, or undefined when there are none. */
export function joinConditions(conditions: readonly string[]): string | undefined {
  if (conditions.length === 0) return undefined;
  if (conditions.length === 1) return conditions[0];
  return `and ${conditions.map((c) => `(${c})`).join(' ')}`;
}

function commonPrefix(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.min(a.length, b.length) && a[i] === b[i]; i++) out.push(a[i]!);
  return out;
}

function crdFields(text: string): Omit<FoundCrd, 'conditions'> | undefined {
  const plain = text
    .split('\n')
    .filter((line) => line.replaceAll(ACTION, '').trim() !== '' || !line.includes(ACTION))
    .join('\n')
    .replaceAll(ACTION, 'x');
  let spec: Record<string, unknown> | undefined;
  try {
    const doc = parseYaml(plain) as { spec?: Record<string, unknown> } | null;
    spec = doc?.spec;
  } catch {
    spec = undefined;
  }
  const names = (spec?.names ?? {}) as Record<string, unknown>;
  const group = typeof spec?.group === 'string' ? spec.group : /^ {2}group:\s*(\S+)/m.exec(plain)?.[1];
  const kind = typeof names.kind === 'string' ? names.kind : /^ {4}kind:\s*(\S+)/m.exec(plain)?.[1];
  const plural = typeof names.plural === 'string' ? names.plural : /^ {4}plural:\s*(\S+)/m.exec(plain)?.[1];
  const scope = typeof spec?.scope === 'string' ? spec.scope : /^ {2}scope:\s*(\S+)/m.exec(plain)?.[1];
  if (!group || !kind || !plural || (scope !== 'Namespaced' && scope !== 'Cluster')) return undefined;
  return { group, kind, plural, scope };
}

function groupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
}

/**
 * CRDs and cluster-scoped kinds of a chart's documents (templates and crds/). A CRD found under several
 * condition sets (an `if`/`else` that both install it) keeps the conditions they share. Condition value paths are
 * written relative to `prefix` (a dependency's alias in its parent).
 */
export function chartObjects(
  documents: readonly TemplateDocument[],
  prefix: readonly string[] = [],
): { crds: FoundCrd[]; clusterKinds: ClusterKind[] } {
  const crds = new Map<string, FoundCrd>();
  for (const document of documents) {
    if (document.kind !== 'CustomResourceDefinition') continue;
    const fields = crdFields(document.text);
    if (!fields) {
      throw new Error(`${document.source}: a CustomResourceDefinition whose group, names or scope cannot be read`);
    }
    const conditions = document.conditions.map((c) => rewriteCondition(c, prefix));
    const key = `${fields.group}/${fields.kind}`;
    const seen = crds.get(key);
    crds.set(
      key,
      seen ? { ...seen, conditions: commonPrefix(seen.conditions, conditions) } : { ...fields, conditions },
    );
  }
  const clusterKinds = new Map<string, ClusterKind>();
  for (const document of documents) {
    if (!document.kind) continue;
    const group = document.apiVersion !== undefined ? groupOf(document.apiVersion) : builtInClusterGroup(document.kind);
    if (group === undefined) continue;
    const ownCrd = crds.get(`${group}/${document.kind}`);
    if (isBuiltInClusterScoped(group, document.kind) || ownCrd?.scope === 'Cluster') {
      clusterKinds.set(`${group}/${document.kind}`, { group, kind: document.kind });
    }
  }
  const byGroupKind = (a: ClusterKind, b: ClusterKind) =>
    a.group.localeCompare(b.group) || a.kind.localeCompare(b.kind);
  return { crds: [...crds.values()].sort(byGroupKind), clusterKinds: [...clusterKinds.values()].sort(byGroupKind) };
}
