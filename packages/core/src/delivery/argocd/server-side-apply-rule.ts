import type { PolicyRule } from '../../model/policy.js';
import type { RenderedEnvironment } from '../../model/rendered.js';
import type { IApplicationSet } from './kinds.js';
import { DELIVERY_FOLDER, SYNC_OPTIONS } from './names.js';
import { LAST_APPLIED_LIMIT } from './server-side-apply.js';

/** The annotation client-side apply stores the whole object in. */
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

function options(list: string | undefined): string[] {
  return (list ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
}

/** Sync options of each component's generated Application, read from the rendered ApplicationSets' list elements. */
function applicationSyncOptions(rendered: RenderedEnvironment): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const { component, object } of rendered.objects) {
    if (component !== DELIVERY_FOLDER || object.kind !== 'ApplicationSet') continue;
    for (const generator of (object as IApplicationSet).spec?.generators ?? []) {
      for (const element of (generator.list?.elements ?? []) as Array<{ component?: string; syncOptions?: string[] }>) {
        if (element.component) result.set(element.component, element.syncOptions ?? []);
      }
    }
  }
  return result;
}

/**
 * Objects too large for client-side apply are applied server-side. An Argo CD rule only: Flux's
 * kustomize-controller applies every object with server-side apply (v1.9.4
 * internal/controller/kustomization_controller.go:458, 960: `ssa.NewResourceManager`, `ApplyAllStaged`).
 */
export const serverSideApplyRule: PolicyRule = {
  id: 'argocd.server-side-apply',
  severity: 'error',
  rationale: `Client-side apply copies the object into the ${LAST_APPLIED} annotation; objects too large for the ${LAST_APPLIED_LIMIT}-byte annotation limit fail to sync unless applied server-side.`,
  check(rendered, report) {
    if (rendered.delivery.engine !== 'argocd') return;
    let applications: Map<string, string[]> | undefined;
    for (const { component, object } of rendered.objects) {
      const annotations = object.metadata?.annotations ?? {};
      let size = Buffer.byteLength(JSON.stringify(object)) + Buffer.byteLength(LAST_APPLIED);
      for (const [key, value] of Object.entries(annotations))
        size += Buffer.byteLength(key) + Buffer.byteLength(String(value));
      if (size <= LAST_APPLIED_LIMIT) continue;
      const own = options(annotations[SYNC_OPTIONS]);
      if (own.includes('ServerSideApply=true')) continue;
      applications ??= applicationSyncOptions(rendered);
      if (
        !own.includes('ServerSideApply=false') &&
        (applications.get(component) ?? []).includes('ServerSideApply=true')
      )
        continue;
      report({
        component,
        object,
        path: `metadata.annotations["${SYNC_OPTIONS}"]`,
        message: `${object.kind} "${object.metadata?.name}" needs ${size} bytes of annotations under client-side apply, more than Kubernetes' limit of ${LAST_APPLIED_LIMIT}; apply it server-side (${SYNC_OPTIONS}: ServerSideApply=true, or serverSideApply in the component's sync settings)`,
      });
    }
  },
};
