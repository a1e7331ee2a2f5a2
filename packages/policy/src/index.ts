/**
 * @platform/policy: the checks behind `pnpm check <env>`. Rules read the rendered objects of one environment
 * (not YAML text) and report findings located by component, object and field; annotations on an object
 * (`policy.platform.dev/waive.<rule-id>: <reason>`) waive a rule for that object, with the reason on record.
 */
export { runPolicies, engineRules, waiverRule, unusedWaiverRule, DEFAULT_SEVERITIES, type RunPoliciesOptions, type EngineRule } from './engine.js';
export { formatTable, formatJson, formatTotals } from './format.js';
export type { Finding, WaivedFinding, PolicyReport } from './report.js';
export { WAIVER_PREFIX, RULE_ID, waiverAnnotation } from './waivers.js';
export { containerRule, type ContainerCheck } from './container-rule.js';
export { inventoryOf, objectId, containersOf, describeContainer, eachContainer, workloadFinding, type Inventory, type PodWorkload, type LocatedContainer } from './inventory.js';
export { selects, isEmptySelector, type LabelSelector } from './selectors.js';
export { parseImage, registryAllowed, type ImageReference } from './images.js';
export { parseGoDuration, formatDuration } from './durations.js';
export * from './rules/index.js';
