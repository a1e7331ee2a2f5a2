import { type KubeObject, WAIVER_PREFIX } from '@platform/core';
import { podTemplateMetadata } from './inventory.js';

/**
 * Rule ids: lowercase words separated by `.` and `-`, at most 57 characters, so that `waive.<rule-id>` is a
 * valid annotation name (at most 63 characters of `[A-Za-z0-9_.-]`, alphanumeric at both ends).
 */
export const RULE_ID = /^[a-z0-9]([-a-z0-9.]{0,55}[a-z0-9])?$/;

/** The annotation that waives `ruleId` on an object: `policy.platform.dev/waive.pod-security.host-path`. */
export function waiverAnnotation(ruleId: string): string {
  return `${WAIVER_PREFIX}${ruleId}`;
}

/** A waiver annotation found on an object. */
export interface Waiver {
  rule: string;
  reason: string;
  /** Where it sits: `metadata.annotations["policy.platform.dev/waive.x"]` or the pod template's annotations. */
  location: string;
}

/**
 * The waiver annotations of an object: its own, then its pod template's (for Deployments, StatefulSets,
 * DaemonSets, Jobs, CronJobs ...), so that a pod-level finding can be waived on either.
 */
export function waiversOf(object: KubeObject): Waiver[] {
  const result: Waiver[] = [];
  const collect = (annotations: Record<string, string> | undefined, path: string) => {
    for (const [key, value] of Object.entries(annotations ?? {})) {
      if (key.startsWith(WAIVER_PREFIX))
        result.push({
          rule: key.slice(WAIVER_PREFIX.length),
          reason: String(value ?? '').trim(),
          location: `${path}["${key}"]`,
        });
    }
  };
  collect(object.metadata?.annotations, 'metadata.annotations');
  const template = podTemplateMetadata(object);
  if (template && template.path !== 'metadata') collect(template.metadata?.annotations, `${template.path}.annotations`);
  return result;
}
