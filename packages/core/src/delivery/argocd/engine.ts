import type { DeliveryEngine, DeliveryInput, DeliveryObject } from '../engine.js';
import { appProject } from './app-project.js';
import { applicationSets } from './application-sets.js';
import { bootstrapObjects } from './bootstrap.js';
import { ARGOCD_KINDS } from './kinds.js';
import { argocdNamespace, DELIVERY_FOLDER } from './names.js';
import { ARGOCD_RULES } from './rules.js';
import { finaliseForArgoCd } from './server-side-apply.js';

/**
 * Argo CD: a root Application (applied once by hand) syncs, wave by wave, the AppProject and one
 * ApplicationSet per sync step; each ApplicationSet generates one Application per component of its step.
 */
export const argoCdEngine: DeliveryEngine = {
  name: 'argocd',
  folder: DELIVERY_FOLDER,
  kinds: ARGOCD_KINDS,
  namespace: argocdNamespace,
  finaliseObject: finaliseForArgoCd,
  objects({ environment, components, steps, kinds }: DeliveryInput): DeliveryObject[] {
    const bootstrap = bootstrapObjects(environment);
    return [
      { key: 'bootstrap_project', object: bootstrap.project },
      { key: 'bootstrap_root', object: bootstrap.root },
      { key: 'appproject', object: appProject(environment, components, kinds) },
      ...applicationSets(environment, steps, components).map((set, index) => ({
        key: `applicationset_${index + 1}`,
        object: set,
      })),
    ];
  },
  rules: ARGOCD_RULES,
};
