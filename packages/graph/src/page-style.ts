/** The page's stylesheet: legible with ~30 components, colour-blind-safe status and change marks (shape + colour). */
export const PAGE_STYLE = `
:root { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2330; background: #f7f8fa; }
body { margin: 0; }
header { padding: 12px 20px; background: #fff; border-bottom: 1px solid #dfe3ea; }
h1 { margin: 0 0 4px; font-size: 20px; }
h2 { font-size: 16px; margin: 0 0 8px; }
header p { margin: 2px 0; font-size: 13px; color: #4a5263; }
main { display: grid; grid-template-columns: minmax(0, 1fr) 380px; gap: 0; }
#graph { overflow: auto; background: #fff; border-right: 1px solid #dfe3ea; max-height: 78vh; }
#details { padding: 14px 16px; font-size: 13px; overflow: auto; max-height: 78vh; }
#details h3 { margin: 0 0 6px; font-size: 16px; }
#details table { border-collapse: collapse; width: 100%; }
#details td, #details th { text-align: left; padding: 2px 4px; border-bottom: 1px solid #eef0f4; vertical-align: top; font-size: 12px; overflow-wrap: anywhere; }
.hint { color: #6b7385; }
svg text { font-size: 11px; fill: #2b3140; }
svg text.name { font-size: 13px; font-weight: 600; }
svg text.column { font-size: 12px; font-weight: 600; fill: #6b7385; }
.node { cursor: pointer; }
.node rect { fill: #fff; stroke: #9aa3b5; stroke-width: 1.5; }
.node.tier-crds rect { fill: #f3effc; }
.node.tier-operators rect { fill: #eaf3fb; }
.node.tier-platform rect { fill: #ecf7ef; }
.node.tier-workloads rect { fill: #fdf5e8; }
.node.status-error rect { stroke: #c62828; stroke-width: 3; }
.node.status-warn rect { stroke: #c77700; stroke-width: 2.5; stroke-dasharray: 6 3; }
.node.selected rect { stroke: #1b4fd8; stroke-width: 3.5; }
.node.change-added rect { stroke: #1b7f3b; stroke-width: 4; }
.node.change-changed rect { stroke: #b35c00; stroke-width: 4; stroke-dasharray: 10 4; }
.node.change-removed { opacity: 0.55; }
.node.change-removed rect { stroke: #8a1c1c; stroke-width: 4; stroke-dasharray: 3 3; }
.badge { font-size: 10px; font-weight: 700; fill: #b35c00; }
.edge { fill: none; stroke-width: 1.6; }
.edge.dependency { stroke: #39404f; }
.edge.wiring { stroke: #2f7bd9; stroke-dasharray: 5 4; opacity: 0.75; }
.edge.change-added { stroke: #1b7f3b; stroke-width: 3; opacity: 1; }
.edge.change-removed { stroke: #8a1c1c; stroke-width: 3; opacity: 1; }
.edge.change-changed { stroke: #b35c00; stroke-width: 3; opacity: 1; }
.edge.dim { opacity: 0.12; }
#arrow-dependency path { fill: #39404f; }
#arrow-wiring path { fill: #2f7bd9; }
.key { display: inline-block; padding: 0 6px; margin-right: 6px; border-radius: 3px; font-size: 12px; }
.key.dependency { border-bottom: 2px solid #39404f; }
.key.wiring { border-bottom: 2px dashed #2f7bd9; }
.key.change-added { border: 2px solid #1b7f3b; }
.key.change-changed { border: 2px dashed #b35c00; }
.key.change-removed { border: 2px dotted #8a1c1c; }
#timeline, #certificates { padding: 12px 20px; background: #fff; border-top: 1px solid #dfe3ea; font-size: 13px; }
#timeline ol { list-style: none; margin: 0; padding: 0; }
#timeline li { display: grid; grid-template-columns: 420px 1fr 130px; align-items: center; gap: 10px; margin: 3px 0; }
#timeline .bar { display: flex; height: 14px; background: #eef0f4; border-radius: 3px; overflow: hidden; }
#timeline .stage { background: #4f7fd9; border-right: 2px solid #fff; }
#timeline .stage.over { background: #c62828; }
#certificates table { border-collapse: collapse; }
#certificates td, #certificates th { padding: 2px 10px 2px 0; text-align: left; }
.change-mark-added { color: #1b7f3b; font-weight: 600; }
.change-mark-changed { color: #b35c00; font-weight: 600; }
.change-mark-removed { color: #8a1c1c; font-weight: 600; text-decoration: line-through; }
`;
