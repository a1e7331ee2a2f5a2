/**
 * @platform/policy: the checks behind `pnpm check <env>`. Rules read the rendered objects of one environment
 * (not YAML text) and report findings located by component, object and field; annotations on an object
 * (`policy.platform.dev/waive.<rule-id>: <reason>`) waive a rule for that object, with the reason on record.
 */

export { type ContainerCheck, containerRule } from './container-rule.js';
export {
  DEFAULT_SEVERITIES,
  type EngineRule,
  engineRules,
  type RunPoliciesOptions,
  runPolicies,
  unusedWaiverRule,
  waiverRule,
} from './engine.js';
export { formatJson, formatTable, formatTotals } from './format.js';
export { type ImageReference, parseImage, registryAllowed } from './images.js';
export {
  describeContainer,
  eachContainer,
  type Inventory,
  inventoryOf,
  type LocatedContainer,
  locatedContainers,
  objectId,
  type PodWorkload,
  workloadFinding,
} from './inventory.js';
export type { Finding, PolicyReport, WaivedFinding } from './report.js';
export * from './rules/index.js';
export { isEmptySelector, type LabelSelector, selects } from './selectors.js';
export { RULE_ID, waiverAnnotation } from './waivers.js';
