/** The page's whole stylesheet, inlined: system fonts only, so the page renders the same offline. */
export const PAGE_STYLE = `
:root { color-scheme: light; --ink: #1d2733; --muted: #5b6675; --line: #d9dee5; --panel: #f5f7fa; --accent: #1f4e79; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: var(--ink); overflow-wrap: anywhere; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1040px; margin: 0 auto; padding: 32px 28px 64px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 21px; margin: 40px 0 12px; padding-bottom: 6px; border-bottom: 2px solid var(--line); color: var(--accent); }
h3 { font-size: 17px; margin: 24px 0 8px; }
h4 { font-size: 15px; margin: 18px 0 6px; }
h5, h6 { font-size: 14px; margin: 14px 0 4px; color: var(--muted); }
p { margin: 8px 0; }
code { font: 13px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--panel); padding: 1px 4px; border-radius: 3px; }
pre { background: var(--panel); padding: 10px 12px; border-radius: 6px; overflow-x: auto; }
pre code { padding: 0; }
blockquote { margin: 12px 0; padding: 4px 14px; border-left: 4px solid var(--line); color: var(--muted); background: #fafbfc; }
table { border-collapse: collapse; margin: 10px 0; font-size: 14px; }
th, td { padding: 5px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { background: var(--panel); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.subtitle { color: var(--muted); margin: 0 0 18px; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 18px; margin: 12px 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; }
.mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
.badge { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 13px; font-weight: 600; }
.badge.good { background: #dff3e4; color: #17652f; }
.badge.bad { background: #fbe0df; color: #9b1c1c; }
.badge.warn { background: #fdf0d2; color: #7a5200; }
.badge.neutral { background: var(--panel); color: var(--muted); }
.banner { margin: 16px 0; padding: 10px 14px; border-radius: 6px; background: #fff6dc; border: 1px solid #f0d68a; color: #5c4400; }
.error { margin: 16px 0; padding: 10px 14px; border-radius: 6px; background: #fdecec; border: 1px solid #f2b8b5; color: #7f1d1d; }
.not-available { margin: 12px 0; padding: 12px 14px; border-radius: 6px; background: var(--panel); border: 1px dashed #aab3bf; color: var(--muted); }
.note { color: var(--muted); font-size: 13px; }
.link-url { color: var(--muted); font-size: 13px; word-break: break-all; }
.report { max-width: 820px; }
.chart { margin: 24px 0 32px; padding: 0; }
.chart h3 { margin-top: 0; }
figcaption { color: var(--muted); font-size: 14px; margin-top: 6px; max-width: 760px; }
figcaption .meta { font-size: 12px; }
.chart-svg { max-width: 100%; height: auto; display: block; }
.chart-svg text { font-size: 11px; fill: #3c4654; }
.chart-svg .grid { stroke: #e6e9ee; stroke-width: 1; }
.chart-svg .baseline { stroke: #1d2733; stroke-width: 1.5; }
.chart-svg .bar-value { font-size: 10.5px; fill: #1d2733; }
.chart-svg .axis-title { font-size: 12px; fill: var(--muted); }
.chart-svg .empty { fill: #eef1f5; stroke: #c5ccd6; stroke-dasharray: 4 4; }
.chart-svg .donut-total { font-size: 12px; fill: var(--muted); }
.chart-svg .donut-total.value { font-size: 14px; font-weight: 600; fill: var(--ink); }
.chart-svg .band-outer { fill: #cfe0f1; }
.chart-svg .band-inner { fill: #8fb6dc; }
.chart-svg .band-median { stroke: #1f4e79; stroke-width: 2.5; }
.chart-svg .marker { stroke: #7a5200; stroke-width: 1.2; stroke-dasharray: 5 4; }
.chart-svg .marker-label { fill: #7a5200; }
.pie-layout { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 28px; }
.legend { margin: 0; }
.swatch { display: inline-block; width: 11px; height: 11px; border-radius: 2px; margin-right: 7px; vertical-align: -1px; }
.stats { display: flex; flex-wrap: wrap; gap: 14px; margin: 14px 0; }
.stat { background: var(--panel); border-radius: 8px; padding: 10px 16px; min-width: 200px; }
.stat .value { font-size: 24px; font-weight: 650; color: var(--accent); }
.stat .label { color: var(--muted); font-size: 13px; }
.stat .caveat { font-size: 13px; font-weight: 600; }
.fan-legend { display: flex; flex-wrap: wrap; gap: 4px 18px; font-size: 13px; color: var(--muted); margin: 4px 0 0 80px; }
.columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(300px, 100%), 1fr)); gap: 28px; }
#headline .stat .value { font-size: 28px; }
.observations { padding-left: 20px; margin: 8px 0; }
.observations li { margin: 4px 0; }
.assumptions, .answers { font-size: 14px; padding-left: 20px; }
.table-scroll { max-width: 100%; overflow-x: auto; }
.table-scroll > table { margin: 0; }
/* Long words break anywhere in text, never inside table cells (a table scrolls) or figures. */
table, .stat .value { overflow-wrap: normal; }
.stat .value { white-space: nowrap; }
.narrow-only { display: none; }
/* Phones: the narrow drawings (360 units) keep chart labels at their size; tables scroll in their own box. */
@media (max-width: 720px) {
  main { padding: 20px 14px 48px; }
  h1 { font-size: 23px; }
  h2 { margin-top: 32px; }
  .wide-only { display: none; }
  .narrow-only { display: block; }
  .stat { min-width: 0; flex: 1 1 150px; padding: 10px 14px; }
  .stat .value, #headline .stat .value { font-size: 22px; }
  .fan-legend { margin-left: 0; }
  .pie-layout { gap: 12px; }
}
footer { margin-top: 48px; color: var(--muted); font-size: 12px; }
`;
