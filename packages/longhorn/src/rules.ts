import type { KubeObject, PolicyRule } from '@platform/core';
import type { StorageClasses } from './capability.js';

/** The StorageClass names an object's claims use (`''` for a claim that names none: the cluster's default). */
function claimedClasses(object: KubeObject): string[] {
  if (object.kind === 'PersistentVolumeClaim')
    return [(object as { spec?: { storageClassName?: string } }).spec?.storageClassName ?? ''];
  if (object.kind !== 'StatefulSet') return [];
  const templates = (object as { spec?: { volumeClaimTemplates?: Array<{ spec?: { storageClassName?: string } }> } })
    .spec?.volumeClaimTemplates;
  return (templates ?? []).map((template) => template.spec?.storageClassName ?? '');
}

/**
 * Every claim on a class a storage component serves (or on the default class, when it serves that) is synced in
 * a later step than that component: on the first sync a claim created before its provisioner runs stays Pending
 * and its pods never start. Proves the order in `pnpm check` from the rendered steps.
 */
export const storageOrderRule: PolicyRule = {
  id: 'storage.provisioner-first',
  severity: 'error',
  rationale: 'A volume claimed before its storage driver is running stays Pending, and so do the pods that mount it.',
  check(rendered, report) {
    const providers: StorageClasses[] = [];
    for (const provided of rendered.provided.values()) {
      const value = (provided as { storageClass?: StorageClasses | StorageClasses[] }).storageClass;
      if (value) providers.push(...(Array.isArray(value) ? value : [value]));
    }
    if (providers.length === 0) return;
    const waveOf = new Map(rendered.steps.flatMap((step) => step.components.map((name) => [name, step.wave] as const)));
    for (const { component, object } of rendered.objects) {
      for (const className of claimedClasses(object)) {
        // A claim without a class gets the cluster's default, which a storage component marks as its own.
        const provider = providers.find((p) => className === '' || p.classes.includes(className));
        if (!provider || provider.component === component) continue;
        const own = waveOf.get(component);
        const theirs = waveOf.get(provider.component);
        if (own === undefined || theirs === undefined || own > theirs) continue;
        report({
          component,
          object,
          message: `claims a volume of StorageClass "${className || provider.defaultClass}" in sync step ${own}, but "${provider.component}", which provides it, syncs in step ${theirs}; order this component after it (.after('${provider.component}'))`,
        });
      }
    }
  },
};
