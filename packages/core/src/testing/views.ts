import type { KubeObject } from '../model/objects.js';
import type { IContainer, IPodSpec } from '../registry/kubernetes-types.js';

/** The pod spec of a Deployment, StatefulSet or DaemonSet. */
export function podSpec(object: KubeObject | undefined): IPodSpec {
  const spec = (object as { spec?: { template?: { spec?: IPodSpec } } } | undefined)?.spec?.template?.spec;
  if (!spec) throw new Error(`no pod spec in ${object?.kind}/${object?.metadata?.name}`);
  return spec;
}

/** A container of a workload by name; by default the one named like the workload. */
export function container(object: KubeObject | undefined, name?: string): IContainer {
  const wanted = name ?? object?.metadata?.name;
  const found = podSpec(object).containers.find((c) => c.name === wanted);
  if (!found) throw new Error(`no container ${wanted} in ${object?.kind}/${object?.metadata?.name}`);
  return found;
}

/** Keys of the objects of a given kind, sorted. */
export function keysOfKind(objects: Record<string, KubeObject>, kind: string): string[] {
  return Object.keys(objects)
    .filter((key) => objects[key]!.kind === kind)
    .sort();
}

/** Object counts by kind. */
export function countByKind(objects: Record<string, KubeObject>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const object of Object.values(objects)) counts[object.kind] = (counts[object.kind] ?? 0) + 1;
  return counts;
}

/** A file of a rendered ConfigMap. */
export function configMapFile(object: KubeObject | undefined, key: string): string {
  const data = (object as { data?: Record<string, string> } | undefined)?.data?.[key];
  if (data === undefined) throw new Error(`no ${key} in ${object?.kind}/${object?.metadata?.name}`);
  return data;
}

/**
 * The top-level blocks of a serialised YAML file by key, each as `serialize({ [key]: value })` writes it, so a
 * test can compare one section exactly: `expect(yamlBlocks(yaml).memberlist).toBe(serialize({ memberlist: {...} }))`.
 */
export function yamlBlocks(yaml: string): Record<string, string> {
  const result: Record<string, string> = {};
  let current: string | undefined;
  for (const line of yaml.split('\n')) {
    if (line === '') continue;
    if (!line.startsWith(' ') && !line.startsWith('-')) current = line.slice(0, line.indexOf(':'));
    result[current!] = `${result[current!] ?? ''}${line}\n`;
  }
  return result;
}
