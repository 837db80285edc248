// The report's stylesheet: plain, printable, readable at a glance.

export const PAGE_CSS = `
:root { color-scheme: light; --fg: #1d1d1f; --dim: #666; --line: #ddd; --bad: #fff3f2; --warn: #b3261e; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); margin: 0 auto; padding: 0 24px 48px; max-width: 1400px; }
header { border-bottom: 2px solid var(--fg); padding: 16px 0 8px; }
h1 { margin: 0; font-size: 22px; } h2 { margin-top: 32px; border-bottom: 1px solid var(--line); } h3 { margin: 18px 0 6px; font-size: 15px; }
nav a { margin-right: 14px; }
a { color: #0b57d0; }
.dim { color: var(--dim); font-size: 12px; } .warn { color: var(--warn); }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f5f5f7; position: sticky; top: 0; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.bad td { background: var(--bad); }
td.knobs, td.ops { font-size: 12px; max-width: 420px; word-break: break-word; }
:target { outline: 3px solid #f9ab00; outline-offset: 2px; }
figure.chart { margin: 16px 0 28px; } figcaption { color: var(--dim); max-width: 900px; }
.vis { overflow-x: auto; min-height: 60px; }
.vis.vega-embed { display: flex; flex-direction: column; align-items: flex-start; }
.vis .vega-bindings { order: -1; margin: 4px 0 8px; font-size: 13px; } .vis select { max-width: 720px; }
.chart-error { color: var(--warn); white-space: pre-wrap; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
dt { color: var(--dim); } dd { margin: 0; word-break: break-word; }
.cols { display: grid; grid-template-columns: repeat(auto-fit, minmax(360px, 1fr)); gap: 24px; }
tr.per-op td { color: var(--dim); font-size: 12px; } tr.per-op td:first-child { padding-left: 20px; }
tr.baseline td { color: var(--dim); font-style: italic; }
table.micro td { vertical-align: middle; } table.micro td[rowspan] { vertical-align: top; max-width: 360px; }
code { font-size: 12px; background: #f5f5f7; padding: 1px 4px; border-radius: 3px; }
`;
