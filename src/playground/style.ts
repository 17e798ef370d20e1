/** The playground's stylesheet (served as /playground.css, so the CSP needs no 'unsafe-inline'). */
export const styleCss = `:root {
  color-scheme: light dark;
  --fg: #1b1b1b; --bg: #fdfdfc; --muted: #5a5a5a; --line: #c9c9c9; --accent: #0b57d0;
  --error: #b3261e; --warning: #8a5a00; --info: #1f5f8b;
  --mark-error: #fbd5d2; --mark-warning: #fdebb5; --mark-info: #d6e8f7;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
@media (prefers-color-scheme: dark) {
  :root { --fg: #e8e8e6; --bg: #161616; --muted: #a8a8a8; --line: #444; --accent: #8ab4f8;
    --error: #f2b8b5; --warning: #f5d37a; --info: #9ccaf0;
    --mark-error: #5c1f1b; --mark-warning: #574100; --mark-info: #17384f; }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 80rem; padding: 1rem 1.5rem 3rem; color: var(--fg); background: var(--bg); }
h1 { margin: 0.5rem 0 0; font-size: 1.6rem; }
h2 { font-size: 1.25rem; margin: 0.5rem 0; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 0.5rem; }
header p, .hint { color: var(--muted); }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--bg); padding: 0.25rem 0.5rem; }
main { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 2rem; }
@media (max-width: 60rem) { main { grid-template-columns: minmax(0, 1fr); } }
label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
textarea { width: 100%; font: 0.95rem/1.45 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; padding: 0.5rem; color: inherit; background: transparent; border: 1px solid var(--line); border-radius: 4px; }
.drop.dragging textarea { outline: 3px dashed var(--accent); }
.controls { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-end; margin-top: 0.5rem; }
select, input[type=file], button { font: inherit; color: inherit; }
select { padding: 0.25rem; background: var(--bg); border: 1px solid var(--line); border-radius: 4px; }
button { cursor: pointer; padding: 0.35rem 0.9rem; border: 1px solid var(--accent); border-radius: 4px; background: var(--accent); color: var(--bg); font-weight: 600; }
button.quiet { background: transparent; color: var(--accent); font-weight: 500; padding: 0.1rem 0.5rem; margin: 0.15rem 0.3rem 0 0; }
button:disabled { opacity: 0.6; cursor: progress; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.scores .row { display: grid; grid-template-columns: 9rem minmax(0, 1fr) 3rem; gap: 0.5rem; align-items: center; }
.scores .row.esp { font-weight: 700; }
.scores meter { width: 100%; height: 1.1rem; }
.scores output { text-align: right; font-variant-numeric: tabular-nums; }
#findings li { margin-bottom: 0.75rem; }
.tag { display: inline-block; font-size: 0.8rem; font-weight: 700; text-transform: uppercase; margin-right: 0.4rem; }
.tag.error { color: var(--error); } .tag.warning { color: var(--warning); } .tag.info { color: var(--info); }
.rule { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.85rem; color: var(--muted); }
.reason code, #tips code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.9em; padding: 0 0.2em; border-radius: 3px; background: rgba(127, 127, 127, 0.15); }
.marked { white-space: pre-wrap; word-wrap: break-word; border: 1px solid var(--line); border-radius: 4px; padding: 0.5rem; min-height: 4rem; font: 0.95rem/1.45 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
mark { color: inherit; border-bottom: 2px solid; border-radius: 2px; }
mark.error { background: var(--mark-error); border-color: var(--error); }
mark.warning { background: var(--mark-warning); border-color: var(--warning); }
mark.info { background: var(--mark-info); border-color: var(--info); }
mark.current { outline: 3px solid var(--accent); }
.part-name { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--muted); }
.summary { font-weight: 600; }
`
