//! The document head and its print style sheet (A4, no fonts or files from elsewhere). Pure,
//! no I/O.

use crate::scenario::Scenario;

use super::opmaak::esc;

/// The print style sheet (also used by the yearly report, `render::verantwoording`).
pub(crate) const STYLE: &str = r#"
@page { size: A4 portrait; margin: 16mm 15mm 18mm 15mm;
  @bottom-right { content: "pagina " counter(page) " van " counter(pages); font-family: "Segoe UI", Calibri, "Liberation Sans", Arial, sans-serif; font-size: 8pt; color: #555; } }
:root { --inkt: #1b1b1b; --grijs: #5a5a5a; --lijn: #c9d0d6; --kop: #e9eef3; --accent: #1f4e79; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Segoe UI", Calibri, "Liberation Sans", Arial, "DejaVu Sans", sans-serif;
  font-size: 10pt; line-height: 1.4; color: var(--inkt); margin: 0 auto; max-width: 190mm; padding: 8mm 6mm; counter-reset: hoofdstuk; }
@media print { body { max-width: none; padding: 0; } }
h1 { font-size: 19pt; line-height: 1.2; margin: 0 0 2mm; color: var(--accent); }
h2 { font-size: 13.5pt; margin: 9mm 0 2.5mm; color: var(--accent); border-bottom: 1.5px solid var(--accent); padding-bottom: 1mm; break-after: avoid; }
h2::before { counter-increment: hoofdstuk; content: counter(hoofdstuk) ". "; }
h3 { font-size: 11pt; margin: 5mm 0 1.5mm; break-after: avoid; }
p, li { orphans: 3; widows: 3; }
.soort { text-transform: uppercase; letter-spacing: 0.06em; font-size: 9pt; color: var(--grijs); margin: 0 0 1mm; }
dl.feiten { display: grid; grid-template-columns: max-content 1fr; gap: 0.6mm 5mm; margin: 3mm 0; }
dl.feiten dt { color: var(--grijs); }
dl.feiten dd { margin: 0; }
.kerncijfers { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 3mm; margin: 4mm 0.8mm 4mm 0; break-inside: avoid; }
.kerncijfer { border: 0.3mm solid var(--lijn); border-left: 1.2mm solid var(--accent); padding: 2mm 3mm; min-width: 0; }
.kerncijfer .wat { font-size: 8.5pt; color: var(--grijs); display: block; }
.kerncijfer .n { font-size: 13pt; font-weight: 600; display: block; margin-top: 1mm; text-align: left; }
.negatief { color: #9c2b23; }
nav.inhoud { break-inside: avoid; }
nav.inhoud ol { columns: 2; column-gap: 8mm; padding-left: 5mm; margin: 0; }
nav.inhoud li { break-inside: avoid; }
nav.inhoud a { color: inherit; text-decoration: none; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 8.8pt; }
caption { text-align: left; font-weight: 600; padding: 0 0 1mm; caption-side: top; break-after: avoid; }
thead { display: table-header-group; }
th, td { border-bottom: 1px solid var(--lijn); padding: 0.9mm 1.6mm; vertical-align: top; text-align: left; }
thead th { background: var(--kop); font-weight: 600; border-bottom: 1.5px solid #8a99a8; vertical-align: bottom; }
thead th.n { white-space: normal; }
table.smal { width: auto; min-width: 60%; }
table.heel { break-inside: avoid; }
a { color: var(--accent); }
.waarschuwing > span:first-child::first-letter, .hint > span::first-letter { text-transform: uppercase; }
tbody th { font-weight: normal; }
.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.totaal th, tr.totaal td { font-weight: 600; border-top: 1.5px solid #555; }
tr { break-inside: avoid; }
tbody tr:nth-child(-n+2), tbody tr:nth-last-child(-n+2) { break-before: avoid; }
table.hoog tbody tr { break-before: auto; }
table.jaren th[scope=row] { width: 38%; }
figure { margin: 3mm 0 5mm; break-inside: avoid; }
figure svg { width: 100%; height: auto; display: block; }
figcaption { font-weight: 600; margin-bottom: 1.5mm; }
svg text { font-family: inherit; fill: #222; }
.noot { font-size: 8.8pt; color: var(--grijs); }
.invullen { border: 0.3mm dashed #c9822b; background: #fffaf0; padding: 1.5mm 3mm; color: #6b4a12; }
ul.risicos, ul.afwijkingen { padding-left: 5mm; }
ul.risicos li { margin-bottom: 1.5mm; }
.stand { display: block; color: var(--grijs); font-size: 9pt; }
.waarschuwing { border-left: 4px solid #c9822b; background: #fdf6ec; padding: 1.5mm 3mm; margin: 0 0 2mm; list-style: none; }
ul.waarschuwingen { padding-left: 0; }
.hint { display: block; color: var(--grijs); font-size: 9pt; }
ol.bronnen li { margin-bottom: 1.5mm; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 9pt; }
footer { break-before: avoid; margin-top: 6mm; border-top: 1px solid var(--lijn); padding-top: 2mm; font-size: 8.5pt; color: var(--grijs); }
"#;

pub(super) fn head(out: &mut String, s: &Scenario) {
    out.push_str("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!(
        "<meta name=\"generator\" content=\"patz-calc {}\">\n",
        env!("CARGO_PKG_VERSION")
    ));
    out.push_str(&format!("<title>Businesscase — {}</title>\n", esc(&s.naam)));
    out.push_str("<style>");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n");
}
