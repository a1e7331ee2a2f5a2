/**
 * @platform/core: the composition model of the platform toolkit. Components are pure functions from typed
 * configuration to named Kubernetes objects; environments compose them; the render pipeline turns an
 * environment into validated YAML plus the delivery engine's objects that apply it in a safe order.
 */
// The composition model.

export * from './delivery/api-availability.js';
export * from './delivery/argocd/health-check.js';
export * from './delivery/argocd/kinds.js';
export * from './delivery/argocd/names.js';
export {
  CRD_SYNC_WAVE,
  LAST_APPLIED_BUDGET,
  LAST_APPLIED_LIMIT,
  needsServerSideApply,
} from './delivery/argocd/server-side-apply.js';
export { type GeneratedApplication, generatedApplications, templateKeys } from './delivery/argocd/template-keys.js';
export * from './delivery/chart-conditions.js';
export * from './delivery/chart-value-paths.js';
// Delivery.
export * from './delivery/engine.js';
export * from './delivery/first-sync-plan.js';
export * from './delivery/flux/kinds.js';
export * from './delivery/flux/names.js';
export * from './delivery/ordering.js';
export { DELIVERY_RULES, firstSyncShareRule } from './delivery/rules.js';
export * from './k8s/alerts.js';
export * from './k8s/autoscaling.js';
export * from './k8s/checksum.js';
export * from './k8s/config-map.js';
export * from './k8s/images.js';
// Kubernetes building blocks.
export * from './k8s/labels.js';
export * from './k8s/mixins.js';
export * from './k8s/namespace.js';
export * from './k8s/network/endpoints.js';
export * from './k8s/network/policies.js';
export * from './k8s/network/types.js';
export * from './k8s/node-affinity.js';
export * from './k8s/object-storage.js';
export * from './k8s/pod-spec.js';
export * from './k8s/probes.js';
export * from './k8s/resources-table.js';
export * from './k8s/resources-table-format.js';
export * from './k8s/security.js';
export * from './k8s/trust-bundle.js';
export * from './k8s/vertical-scaling.js';
export * from './k8s/workload/named.js';
export * from './k8s/workload/options.js';
export * from './k8s/workload/workloads.js';
export * from './model/capabilities.js';
export * from './model/chart.js';
export * from './model/component.js';
export * from './model/config-checks.js';
export * from './model/config-merge.js';
export * from './model/definition.js';
export * from './model/environment.js';
export * from './model/errors.js';
export * from './model/mixin.js';
export * from './model/objects.js';
export * from './model/patch.js';
export * from './model/peers.js';
export * from './model/platform-capabilities.js';
export * from './model/policy.js';
export * from './model/rendered.js';
export * from './model/routes.js';
export * from './model/settings.js';
export * from './model/stage.js';
export * from './model/sync.js';
export * from './model/telemetry-stores.js';
export * from './model/tiers.js';
// The render pipeline.
export { defineEnvironment, renderEnvironment } from './pipeline/render.js';
export { serialize } from './pipeline/serialise.js';
export * from './registry/builtin-kinds.js';
// Kinds and their validation.
export * from './registry/kinds.js';
export type * from './registry/kubernetes-types.js';
// Small shared grammars.
export * from './util/cron.js';
export * from './util/durations.js';
export * from './util/names.js';
export * from './util/quantities.js';
export { didYouMean } from './util/suggest.js';
export * from './util/urls.js';
export * from './validation/structural-schema.js';
export { validateObject } from './validation/validate.js';
