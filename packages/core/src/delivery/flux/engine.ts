import type { KubeObject } from '../../model/objects.js';
import { STAGE_ANNOTATION } from '../../model/stage.js';
import type { DeliveryEngine, DeliveryInput, DeliveryObject } from '../engine.js';
import { bootstrapObjects } from './bootstrap.js';
import { chartObjects, chartSource } from './charts.js';
import { FLUX_KINDS } from './kinds.js';
import { kustomizations } from './kustomizations.js';
import { FLUX_FOLDER, fluxNamespace } from './names.js';
import { notificationObjects } from './notifications.js';
import { FLUX_RULES } from './rules.js';

/**
 * Flux: a root Kustomization (applied once by hand) applies `_flux/`: the GitRepository, one Kustomization per
 * component folder and one per chart, ordered by `dependsOn` like Argo CD's sync steps, and the notifications.
 * kustomize-controller applies each Kustomization's CRDs, ClusterRoles and Namespaces first and waits for them
 * (fluxcd/pkg ssa/manager_apply.go:347-387 at ssa/v0.76.1), server-side always, so no object needs an
 * annotation: the neutral first-sync stage annotation is simply removed.
 */
export const fluxEngine: DeliveryEngine = {
  name: 'flux',
  folder: FLUX_FOLDER,
  kinds: FLUX_KINDS,
  namespace: fluxNamespace,
  finaliseObject(object: KubeObject): KubeObject {
    const annotations = { ...object.metadata?.annotations };
    if (!(STAGE_ANNOTATION in annotations)) return object;
    delete annotations[STAGE_ANNOTATION];
    const metadata = { ...object.metadata };
    if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
    else delete metadata.annotations;
    return { ...object, metadata };
  },
  objects({ environment, components, steps, provided }: DeliveryInput): DeliveryObject[] {
    const bootstrap = bootstrapObjects(environment);
    return [
      { key: 'bootstrap_gitrepository', object: bootstrap.repository },
      { key: 'bootstrap_root', object: bootstrap.root },
      ...kustomizations(environment, steps, components).map((object) => ({
        key: `kustomization_${object.metadata!.name!.replace(/-/g, '_')}`,
        object,
      })),
      ...chartSources(environment, components),
      ...components.filter((c) => c.helm).flatMap((c) => chartObjects(environment, c)),
      ...notificationObjects(environment, provided),
    ];
  },
  rules: FLUX_RULES,
};

/** One source per chart repository (or OCI chart and version), however many chart components use it. */
function chartSources(environment: DeliveryInput['environment'], components: DeliveryInput['components']) {
  const sources = new Map<string, DeliveryObject>();
  for (const component of components.filter((c) => c.helm)) {
    const source = chartSource(environment, component);
    const key = `source_${source.kind.toLowerCase()}_${source.metadata!.name!.replace(/-/g, '_')}`;
    if (!sources.has(key)) sources.set(key, { key, object: source });
  }
  return [...sources.values()];
}
