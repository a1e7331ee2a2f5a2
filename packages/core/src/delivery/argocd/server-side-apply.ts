import type { KubeObject } from '../../model/objects.js';
import type { BuiltComponent } from '../../model/rendered.js';
import { STAGE_ANNOTATION } from '../../model/stage.js';
import { SYNC_OPTIONS, SYNC_WAVE } from './names.js';

/** Whether an object must be applied server-side: CRDs, and anything whose last-applied annotation would not fit. */
export function needsServerSideApply(object: KubeObject, serializedBytes: number): boolean {
  return object.kind === 'CustomResourceDefinition' || serializedBytes > LAST_APPLIED_BUDGET;
}

/** Kubernetes caps all annotations of an object at 256 KiB; client-side apply copies the object into one. */
export const LAST_APPLIED_LIMIT = 262144;
/** Objects above this size are applied server-side, leaving room for the object's other annotations. */
export const LAST_APPLIED_BUDGET = 200_000;

/** The sync wave CRDs are applied in, before everything else of their Application (which may use them). */
export const CRD_SYNC_WAVE = '-10';

/**
 * Argo CD's form of what the pipeline decided engine-neutrally, added before the object is serialised: the
 * first-sync stage becomes the `argocd.argoproj.io/sync-wave` annotation (a user's own sync-wave annotation
 * wins), and objects too large for client-side apply (and CRDs) are applied server-side, CRDs in the first wave.
 */
export function finaliseForArgoCd(object: KubeObject, _component: BuiltComponent): KubeObject {
  const annotations = { ...object.metadata?.annotations };
  const stage = annotations[STAGE_ANNOTATION];
  delete annotations[STAGE_ANNOTATION];
  if (stage !== undefined) annotations[SYNC_WAVE] ??= stage;
  const withAnnotations = (values: Record<string, string>): KubeObject => {
    const metadata = { ...object.metadata };
    if (Object.keys(values).length > 0) metadata.annotations = values;
    else delete metadata.annotations;
    return { ...object, metadata };
  };
  const staged = withAnnotations(annotations);
  if (!needsServerSideApply(staged, Buffer.byteLength(JSON.stringify(staged)))) return staged;
  annotations[SYNC_OPTIONS] = [annotations[SYNC_OPTIONS], 'ServerSideApply=true'].filter(Boolean).join(',');
  if (object.kind === 'CustomResourceDefinition') annotations[SYNC_WAVE] ??= CRD_SYNC_WAVE;
  return withAnnotations(annotations);
}
