import type { KubeObject } from './objects.js';

/**
 * The first-sync stage of an object inside its component, engine-neutral: stage N starts only once every
 * object of the earlier stages is healthy. The delivery engine turns it into its own mechanism (Argo CD: the
 * `argocd.argoproj.io/sync-wave` annotation) when it finalises objects, and removes this annotation.
 */
export const STAGE_ANNOTATION = 'platform.dev/sync-stage';

/** The annotation that puts an object in first-sync stage `stage` (an integer; 0 is the default stage). */
export function stageAnnotations(stage: number | undefined): Record<string, string> {
  if (stage === undefined) return {};
  if (!Number.isInteger(stage)) throw new TypeError(`a sync stage must be an integer, got ${stage}`);
  return { [STAGE_ANNOTATION]: String(stage) };
}

/** The stage of an object (0 when it has none). */
export function stageOf(object: KubeObject): number {
  const value = object.metadata?.annotations?.[STAGE_ANNOTATION];
  return value === undefined ? 0 : Number(value);
}
