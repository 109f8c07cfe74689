/** The report's print style: A4, black on white, nothing split across a page that need not be. */
export const REPORT_CSS = `
@page { size: A4; margin: 18mm 16mm; }
:root { color-scheme: light; }
body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  color: #111; background: #fff; max-width: 48rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 18pt; margin: 0 0 .25rem; }
h2 { font-size: 13pt; margin: 1.4rem 0 .4rem; padding-bottom: .15rem; border-bottom: 1px solid #999;
  break-after: avoid; }
p, li, dd, figcaption, .prose { overflow-wrap: anywhere; }
.intro { color: #444; }
.banner { font-weight: 700; border: 2px solid #111; padding: .3rem .6rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0; }
dt { font-weight: 600; }
dd { margin: 0; }
ul { margin: .2rem 0; padding-left: 1.2rem; }
li { break-inside: avoid; }
li.check { list-style: none; margin-left: -1.2rem; }
time { font-variant-numeric: tabular-nums; font-weight: 600; }
.prose { white-space: pre-wrap; border-left: 3px solid #bbb; padding-left: .6rem; }
.empty { color: #666; font-style: italic; }
.warning { font-weight: 700; }
.unverified { color: #555; font-style: italic; }
figure { margin: .6rem 0 1rem; break-inside: avoid; }
figure img { display: block; max-width: 100%; max-height: 60vh; border: 1px solid #999; }
figure.deleted figcaption { color: #555; }
figcaption { font-size: 9.5pt; margin-top: .25rem; }
#integrity { font-size: 9.5pt; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } }
`;
