import { defineComponent, type IContainer, type IPodSpec, type KubeObject, type Provided } from '@platform/core';

/** A component that only exists (and optionally provides something), to stand in for Alloy, Grafana or Mimir. */
export function stub(name: string, provides: Provided = {}) {
  return defineComponent({ name, tier: 'platform', defaults: {}, provides: () => provides, build: () => ({}) })();
}

/** The pod spec of a Deployment or StatefulSet. */
export function podSpec(object: KubeObject | undefined): IPodSpec {
  const spec = (object as { spec?: { template?: { spec?: IPodSpec } } } | undefined)?.spec?.template?.spec;
  if (!spec) throw new Error(`no pod spec in ${object?.kind}/${object?.metadata?.name}`);
  return spec;
}

/** The one container of a workload named like it. */
export function container(object: KubeObject | undefined, name?: string): IContainer {
  const spec = podSpec(object);
  const found = spec.containers.find((c) => c.name === (name ?? object?.metadata?.name));
  if (!found) throw new Error(`no container ${name ?? object?.metadata?.name}`);
  return found;
}

/** Keys of the objects of a given kind, sorted. */
export function keysOfKind(objects: Record<string, KubeObject>, kind: string): string[] {
  return Object.keys(objects).filter((key) => objects[key]!.kind === kind).sort();
}

/** Object counts by kind. */
export function countByKind(objects: Record<string, KubeObject>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const object of Object.values(objects)) counts[object.kind] = (counts[object.kind] ?? 0) + 1;
  return counts;
}

/**
 * The top-level blocks of a serialised config file by key, each as `serialize({ [key]: value })` writes it, so a
 * test can compare one section exactly: `expect(blocks(yaml).memberlist).toBe(serialize({ memberlist: {...} }))`.
 */
export function blocks(yaml: string): Record<string, string> {
  const result: Record<string, string> = {};
  let current: string | undefined;
  for (const line of yaml.split('\n')) {
    if (line === '') continue;
    if (!line.startsWith(' ') && !line.startsWith('-')) current = line.slice(0, line.indexOf(':'));
    result[current!] = `${result[current!] ?? ''}${line}\n`;
  }
  return result;
}

/** The config file of a component's ConfigMap. */
export function configFile(object: KubeObject | undefined, key = 'config.yaml'): string {
  const data = (object as { data?: Record<string, string> } | undefined)?.data?.[key];
  if (data === undefined) throw new Error(`no ${key} in ${object?.kind}/${object?.metadata?.name}`);
  return data;
}
