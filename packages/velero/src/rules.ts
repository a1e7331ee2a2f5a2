import type { FindingInput, KubeObject, PolicyRule, RenderedEnvironment } from '@platform/core';
import type { StatefulData } from './capability.js';
import type { ISchedule } from './kinds.js';

/** What the rendered Schedules cover: namespaces whose volumes are copied, and namespaces whose objects are saved. */
function coverage(rendered: RenderedEnvironment): { volumes: Set<string>; objects: Set<string> } {
  const volumes = new Set<string>();
  const objects = new Set<string>();
  for (const { object } of rendered.objects) {
    if (object.apiVersion !== 'velero.io/v1' || object.kind !== 'Schedule') continue;
    const template = (object as ISchedule).spec?.template;
    if (!template || (template.includedResources && !template.includedResources.includes('*'))) continue;
    const namespaces = template.includedNamespaces ?? ['*'];
    const copiesVolumes = template.defaultVolumesToFsBackup === true || template.snapshotVolumes === true;
    for (const namespace of namespaces) {
      objects.add(namespace);
      if (copiesVolumes) volumes.add(namespace);
    }
  }
  return { volumes, objects };
}

const covers = (set: Set<string>, namespace: string) => set.has(namespace) || set.has('*');

/** Whether a rendered object claims a volume: a PersistentVolumeClaim, or a StatefulSet with claim templates. */
function claimsVolumes(object: KubeObject): boolean {
  if (object.kind === 'PersistentVolumeClaim') return true;
  const templates = (object as { spec?: { volumeClaimTemplates?: unknown[] } }).spec?.volumeClaimTemplates;
  return object.kind === 'StatefulSet' && Array.isArray(templates) && templates.length > 0;
}

/**
 * Every namespace a library marks as stateful (`statefulData`) is backed up by a Velero Schedule, volumes
 * included unless the mark says its data is saved elsewhere. Catches an environment that has stateful components
 * but no backups, and an override that removed or weakened a Schedule.
 */
export const statefulNamespacesRule: PolicyRule = {
  id: 'backup.stateful-namespaces',
  severity: 'error',
  rationale: 'State that git cannot recreate is lost with the cluster unless something backs it up.',
  check(rendered, report) {
    const { volumes, objects } = coverage(rendered);
    for (const [component, provided] of rendered.provided) {
      const marks = (provided as { statefulData?: StatefulData | StatefulData[] }).statefulData;
      for (const mark of marks === undefined ? [] : Array.isArray(marks) ? marks : [marks]) {
        const needsVolumes = (mark.volumes ?? 'filesystem') === 'filesystem';
        if (needsVolumes ? covers(volumes, mark.namespace) : covers(objects, mark.namespace)) continue;
        const finding: FindingInput = {
          component,
          message: `namespace "${mark.namespace}" is stateful (${mark.reason}) but no Velero Schedule backs up its ${needsVolumes ? 'volumes' : 'objects'}`,
        };
        const namespaceObject = rendered.objects.find(
          (o) => o.object.kind === 'Namespace' && o.object.metadata?.name === mark.namespace,
        );
        report(namespaceObject ? { ...finding, object: namespaceObject.object } : finding);
      }
    }
  },
};

/**
 * In an environment that backs up with Velero, a workload that claims volumes in a namespace no Schedule copies
 * is reported, so that leaving data out is a decision on record (a waiver with its reason, e.g. "rebuilt from
 * object storage") rather than an accident.
 */
export const unscheduledVolumesRule: PolicyRule = {
  id: 'backup.unscheduled-volumes',
  severity: 'warn',
  rationale: 'A volume nobody decided not to back up is usually one somebody forgot.',
  check(rendered, report) {
    const { volumes, objects } = coverage(rendered);
    if (objects.size === 0) return;
    for (const { component, object } of rendered.objects) {
      const namespace = object.metadata?.namespace;
      if (!namespace || !claimsVolumes(object) || covers(volumes, namespace)) continue;
      report({
        component,
        object,
        message: `claims volumes in namespace "${namespace}", which no Velero Schedule backs up: mark its component stateful (velero({ stateful })) or waive this with the reason its data may be lost`,
      });
    }
  },
};

/** The backup rules: the library's `rules`, run wherever Velero is composed. */
export const backupRules: readonly PolicyRule[] = [statefulNamespacesRule, unscheduledVolumesRule];
