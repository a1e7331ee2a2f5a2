import type { PolicyRule } from '@platform/core';
import { queryCheckRules } from '@platform/query-checks';
import { autoscalingRules } from './autoscaling.js';
import { availabilityRules } from './availability.js';
import { certificateRules } from './certificates.js';
import { imageRules } from './images.js';
import { namespaceRules } from './namespaces.js';
import { podSecurityRules } from './pod-security.js';
import { probeRules } from './probes.js';
import { promotionRules } from './promotion.js';
import { referenceRules } from './references.js';
import { resourceRules } from './resources.js';
import { secretRules } from './secrets.js';
import { serviceAccountRules } from './service-accounts.js';
import { serviceIngressRule } from './service-ingress.js';

export * from './autoscaling.js';
export * from './availability.js';
export * from './certificates.js';
export * from './images.js';
export * from './namespaces.js';
export * from './pod-security.js';
export * from './probes.js';
export * from './promotion.js';
export * from './references.js';
export * from './resources.js';
export * from './secrets.js';
export * from './service-accounts.js';
export * from './service-ingress.js';

/**
 * Every rule `pnpm check` runs unless an environment turns it off (`images.digest` is off by default). The query
 * checks (`queries.promql`, `queries.logql`, `queries.traceql`, `alerts.required-fields`) parse what Prometheus,
 * Loki, Tempo and Grafana would otherwise be the first to read.
 */
export const builtinRules: PolicyRule[] = [
  ...podSecurityRules,
  ...resourceRules,
  ...probeRules,
  ...availabilityRules,
  ...autoscalingRules,
  ...imageRules,
  ...namespaceRules,
  serviceIngressRule,
  ...serviceAccountRules,
  ...secretRules,
  ...referenceRules,
  ...certificateRules,
  ...promotionRules,
  ...queryCheckRules,
];
