/**
 * @platform/graph: an environment as a picture. `graphModel(rendered)` reads a render (components by sync step,
 * dependency and wiring edges, pods, findings, the first-sync plan, certificates); `committedModel` reads a render
 * committed to git; `compareModels` marks what a change adds, removes or modifies; `graphPage` writes one
 * self-contained HTML page with inline SVG.
 */
export { type CommittedModelOptions, committedModel } from './committed-model.js';
export { type Change, compareModels, type GraphDiff } from './compare.js';
export { type Layout, layout } from './layout.js';
export * from './model.js';
export { graphPage } from './page.js';
