//! The businesscase as one self-contained HTML document with inline SVG charts. Pure, no I/O.
//!
//! The document follows the businesscase points of the handreiking (de te verlenen zorg,
//! onderbouwing, zorgverleners, frequentie en duur, regio, kosten, financiering, zorgreductie,
//! saldo, waarschuwingen, bronnen) and prints to A4. It needs no script, font or image from
//! elsewhere: the charts are drawn here as inline SVG.
//!
//! Every number in the document carries where it comes from, so that a test can hold it against
//! the CLI's JSON:
//!
//! - `data-json="COMMAND:/json/pointer"`: the value at that pointer in `COMMAND --format json`;
//! - `data-som='{"jaar": 2026, "post": "ict"}'`: the sum of `bedrag` over the lines of
//!   `cost --format json` whose fields equal the given ones;
//! - `data-invoer="groep[2].duur_uren"`: a value of the scenario file (groups counted from 1; a
//!   group's werkwijze field falls back to `[werkwijze]`, indicators are named by id:
//!   `indicator.ic_opname.bron`);
//! - `data-telling="groep"`: the number of `[[groep]]` tables;
//! - `data-waarschuwing`: a warning as printed on stderr;
//! - `data-as`: an axis label of a chart (a round number, not a figure of the businesscase).

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde_json::{Map, Value};

use crate::calc::Resultaat;
use crate::calc::businesscase::BusinessCase;
use crate::calc::cost::{Kosten, Post};
use crate::calc::impact::ImpactResultaat;
use crate::calc::overzicht::{Overzicht, Subtotaal, overzicht};
use crate::decimal::{dutch, euro};
use crate::onzekerheid::analyse::Gevoeligheid;
use crate::scenario::{Diagnostic, Scenario};

/// Year columns per table: wider tables do not fit an A4 page, so longer horizons are split.
const JAREN_PER_TABEL: usize = 6;

/// Tables of at most this many rows are kept on one page.
const HEEL: usize = 14;

/// Renders the whole businesscase document.
///
/// `gevoeligheid`: the one-way sensitivity of netto (`sensitivity --format json`), computed by
/// the caller for a scenario that declares `[[onzekerheid]]` and has `[impact]`; with it the
/// document gets the chapter Gevoeligheid.
pub fn report(s: &Scenario, r: &Resultaat, gevoeligheid: Option<&Gevoeligheid>) -> Vec<u8> {
    let mut out = String::with_capacity(64 * 1024);
    head(&mut out, s);
    out.push_str("<body>\n");
    titel(&mut out, s, r);
    inhoud(&mut out, r);
    zorg(&mut out, s);
    onderbouwing(&mut out, s);
    zorgverleners(&mut out, s);
    frequentie(&mut out, s);
    regio(&mut out, s);
    kosten(&mut out, s, &r.kosten);
    financiering(&mut out, s, r);
    match (&r.impact, &r.businesscase) {
        (Some(i), Some(b)) => {
            zorgreductie(&mut out, s, i);
            saldo(&mut out, s, b);
        }
        _ => geen_impact(&mut out),
    }
    if let Some(g) = gevoeligheid {
        gevoeligheid_hoofdstuk(&mut out, s, g);
    }
    waarschuwingen(&mut out, s);
    bronnen(&mut out, s);
    out.push_str(&format!(
        "<footer><p>Gemaakt met <span class=\"versie\">patz-calc {}</span>. Dezelfde invoer \
         geeft hetzelfde document; elk getal is na te rekenen met <code>patz-calc \
         explain</code>.</p></footer>\n",
        env!("CARGO_PKG_VERSION")
    ));
    out.push_str("</body>\n</html>\n");
    out.into_bytes()
}

// ---------------------------------------------------------------------------------------------
// Sensitivity (uncertainty issue)
// ---------------------------------------------------------------------------------------------

/// "Gevoeligheid": the one-way sensitivity of netto to every declared `[[onzekerheid]]`, as a
/// tornado chart and a table (the same rows as `patz-calc sensitivity --format json`).
fn gevoeligheid_hoofdstuk(out: &mut String, s: &Scenario, g: &Gevoeligheid) {
    hoofdstuk(out, "gevoeligheid", "Gevoeligheid");
    out.push_str(&format!(
        "<p>De verwachte zorgreductie rust op enkele studies. Hieronder staat wat het saldo (netto) \
         wordt als één onzekere invoer op zijn lage of hoge waarde staat en al het andere blijft \
         zoals beschreven. Netto zoals beschreven: <span{}>{}</span>. De lage en hoge waarde zijn \
         het minimum en maximum van de verdeling; bij een normale, lognormale of beta-verdeling de \
         grenzen waarbuiten een waarde maar zelden valt (zie de README van patz-calc).</p>\n",
        json("sensitivity", "/basis"),
        esc(&euro(g.basis))
    ));
    out.push_str(&svg_tornado(g));
    let rijen: Vec<Vec<String>> = g
        .rijen
        .iter()
        .enumerate()
        .map(|(k, r)| {
            let at = |veld: &str| json("sensitivity", &format!("/rijen/{k}/{veld}"));
            let verdeling = s
                .onzekerheden
                .iter()
                .find(|o| o.parameter == r.pad)
                .map_or("", |o| verdeling_naam(&o.verdeling));
            let getal = |v: Decimal| {
                let n = v.normalize();
                dutch(n, n.scale())
            };
            vec![
                th_row(&format!("<code{}>{}</code>", at("parameter"), esc(&r.pad))),
                td(verdeling),
                td_n(&getal(r.laag), &at("laag")),
                td_n(&getal(r.hoog), &at("hoog")),
                td_n(&euro(r.uitkomst_laag), &at("uitkomst_laag")),
                td_n(&euro(r.uitkomst_hoog), &at("uitkomst_hoog")),
                td_n(&euro(r.swing), &at("verschil")),
            ]
        })
        .collect();
    tabel(
        out,
        "Gevoeligheid van het saldo, grootste verschil eerst",
        &[
            ("Parameter", false),
            ("Verdeling", false),
            ("Laag", true),
            ("Hoog", true),
            ("Netto bij laag", true),
            ("Netto bij hoog", true),
            ("Verschil", true),
        ],
        &rijen,
    );
    einde(out);
}

fn verdeling_naam(v: &crate::scenario::Verdeling) -> &'static str {
    use crate::scenario::Verdeling as V;
    match v {
        V::Driehoek { .. } => "driehoek",
        V::Uniform { .. } => "uniform",
        V::Pert { .. } => "pert",
        V::Normaal { .. } => "normaal",
        V::Lognormaal { .. } => "lognormaal",
        V::Beta { .. } => "beta",
    }
}

/// The tornado: per parameter a bar from the netto at its low value to the netto at its high
/// value, around a vertical line at the netto as described.
fn svg_tornado(g: &Gevoeligheid) -> String {
    // Signed: a saldo is usually negative (the shared `f` clamps at zero for the bar charts).
    let f = |v: Decimal| v.to_f64().unwrap_or(0.0);
    let mut out = String::new();
    if g.rijen.is_empty() {
        return out;
    }
    let lo = g
        .rijen
        .iter()
        .map(|r| f(r.uitkomst_laag.min(r.uitkomst_hoog)))
        .fold(f(g.basis), f64::min);
    let hi = g
        .rijen
        .iter()
        .map(|r| f(r.uitkomst_laag.max(r.uitkomst_hoog)))
        .fold(f(g.basis), f64::max);
    let span = (hi - lo).max(1.0);
    let (links, rechts, boven, rij) = (330.0, 80.0, 30.0, 34.0);
    let breed = BREEDTE - links - rechts;
    let x = |v: f64| links + (v - lo) / span * breed;
    let hoogte = boven + rij * g.rijen.len() as f64 + 10.0;
    svg_open(
        &mut out,
        "grafiek-tornado",
        hoogte,
        "Tornado: het saldo bij de lage en hoge waarde van elke onzekere invoer",
        "Per onzekere invoer een liggende staaf van het saldo bij de lage waarde tot het saldo bij \
         de hoge waarde; de verticale lijn is het saldo zoals beschreven. Dezelfde getallen staan \
         in de tabel Gevoeligheid van het saldo.",
    );
    let xb = x(f(g.basis));
    out.push_str(&format!(
        "<line x1=\"{xb:.1}\" y1=\"{:.1}\" x2=\"{xb:.1}\" y2=\"{:.1}\" stroke=\"#333\" stroke-width=\"1\"/>\n",
        boven - 8.0,
        hoogte - 6.0
    ));
    out.push_str(&text(
        xb,
        boven - 12.0,
        "middle",
        9.5,
        &euro(g.basis),
        &json("sensitivity", "/basis"),
    ));
    for (k, r) in g.rijen.iter().enumerate() {
        let y = boven + rij * k as f64;
        out.push_str(&text(
            links - 6.0,
            y + 14.0,
            "end",
            8.0,
            &r.pad,
            &json("sensitivity", &format!("/rijen/{k}/parameter")),
        ));
        let (a, b) = (f(r.uitkomst_laag), f(r.uitkomst_hoog));
        let (x0, x1) = (x(a.min(b)), x(a.max(b)));
        out.push_str(&format!(
            "<rect x=\"{x0:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"14\" fill=\"#1f4e79\"/>\n",
            y + 4.0,
            (x1 - x0).max(1.0)
        ));
        let (left_field, right_field) = if a <= b {
            ("uitkomst_laag", "uitkomst_hoog")
        } else {
            ("uitkomst_hoog", "uitkomst_laag")
        };
        let (left_v, right_v) = if a <= b {
            (r.uitkomst_laag, r.uitkomst_hoog)
        } else {
            (r.uitkomst_hoog, r.uitkomst_laag)
        };
        out.push_str(&text(
            x1 + 4.0,
            y + 15.0,
            "start",
            8.5,
            &euro(right_v),
            &json("sensitivity", &format!("/rijen/{k}/{right_field}")),
        ));
        out.push_str(&text(
            x0 - 4.0,
            y + 28.0,
            "end",
            8.5,
            &euro(left_v),
            &json("sensitivity", &format!("/rijen/{k}/{left_field}")),
        ));
    }
    svg_close(&mut out);
    out
}

// ---------------------------------------------------------------------------------------------
// Text, numbers and where they come from
// ---------------------------------------------------------------------------------------------

/// Escapes text for HTML content and attribute values.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Where a number comes from, as an HTML attribute (with its leading space).
fn json(command: &str, pointer: &str) -> String {
    format!(" data-json=\"{}:{}\"", esc(command), esc(pointer))
}

/// A sum of cost lines: the fields a line must have to count.
#[derive(Default)]
struct Som(Map<String, Value>);

impl Som {
    fn jaar(mut self, jaar: i32) -> Self {
        self.0.insert("jaar".into(), Value::from(jaar));
        self
    }
    fn post(mut self, post: Post) -> Self {
        self.0.insert("post".into(), Value::from(post.as_str()));
        self
    }
    fn rol(mut self, rol: Option<&str>) -> Self {
        self.0
            .insert("rol".into(), rol.map_or(Value::Null, Value::from));
        self
    }
    fn groep(mut self, groep: Option<&str>) -> Self {
        self.0
            .insert("groep".into(), groep.map_or(Value::Null, Value::from));
        self
    }
    fn attr(&self) -> String {
        format!(
            " data-som=\"{}\"",
            esc(&Value::Object(self.0.clone()).to_string())
        )
    }
}

fn invoer(path: &str) -> String {
    format!(" data-invoer=\"{}\"", esc(path))
}

/// A figure in running text.
fn getal(text: &str, attr: &str) -> String {
    format!("<span class=\"n\"{attr}>{}</span>", esc(text))
}

/// An expected count, one decimal.
fn aantal(v: Decimal) -> String {
    dutch(v, 1)
}

/// A calculated percentage, one decimal.
fn ratio(v: Decimal) -> String {
    format!("{} %", dutch(v, 1))
}

/// A number as written in the scenario, with at least `min` decimals.
fn zoals_gegeven(v: Decimal, min: u32) -> String {
    let n = v.normalize();
    dutch(n, n.scale().max(min))
}

/// A percentage as written in the scenario: `45 %`, `5,3 %`.
fn procent(v: Decimal) -> String {
    format!("{} %", zoals_gegeven(v, 0))
}

/// An amount as written in the scenario, in euro with at least two decimals.
fn euro_invoer(v: Decimal) -> String {
    format!("€ {}", zoals_gegeven(v, 2))
}

/// A table cell holding a figure.
struct Cel {
    tekst: String,
    attr: String,
}

impl Cel {
    fn new(tekst: String, attr: String) -> Self {
        Cel { tekst, attr }
    }
    fn html(&self) -> String {
        format!("<td class=\"n\"{}>{}</td>", self.attr, esc(&self.tekst))
    }
}

/// A row of a table with one column per year.
struct Rij {
    /// The label, already HTML.
    label: String,
    jaren: Vec<Cel>,
    totaal: Option<Cel>,
    totaalrij: bool,
}

/// A table with a label column, one column per year and a total column; split into several
/// tables of at most [`JAREN_PER_TABEL`] years (the total in the last one).
fn jaartabel(out: &mut String, titel: &str, kop: &str, jaren: &[i32], rijen: &[Rij]) {
    let heeft_totaal = rijen.iter().any(|r| r.totaal.is_some());
    let stukken: Vec<(usize, &[i32])> = jaren
        .chunks(JAREN_PER_TABEL)
        .enumerate()
        .map(|(i, c)| (i * JAREN_PER_TABEL, c))
        .collect();
    let n = stukken.len();
    for (k, (begin, stuk)) in stukken.iter().enumerate() {
        let laatste = k + 1 == n;
        let caption = match (n > 1, stuk.first(), stuk.last()) {
            (true, Some(a), Some(b)) => format!("{} ({a}–{b})", esc(titel)),
            _ => esc(titel),
        };
        let heel = if rijen.len() <= HEEL { " heel" } else { "" };
        out.push_str(&format!(
            "<table class=\"jaren{heel}\">\n<caption>{caption}</caption>\n<thead><tr><th scope=\"col\">{}</th>",
            esc(kop)
        ));
        for j in *stuk {
            out.push_str(&format!("<th scope=\"col\" class=\"n\">{j}</th>"));
        }
        if laatste && heeft_totaal {
            out.push_str("<th scope=\"col\" class=\"n\">Totaal</th>");
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for r in rijen {
            out.push_str(if r.totaalrij {
                "<tr class=\"totaal\">"
            } else {
                "<tr>"
            });
            out.push_str(&format!("<th scope=\"row\">{}</th>", r.label));
            for c in r.jaren.iter().skip(*begin).take(stuk.len()) {
                out.push_str(&c.html());
            }
            if laatste && heeft_totaal {
                match &r.totaal {
                    Some(c) => out.push_str(&c.html()),
                    None => out.push_str("<td></td>"),
                }
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
    }
}

/// A plain table: header cells, then rows of ready HTML cells.
fn tabel(out: &mut String, titel: &str, kop: &[(&str, bool)], rijen: &[Vec<String>]) {
    let mut klassen = Vec::new();
    if kop.len() <= 3 {
        klassen.push("smal");
    }
    if rijen.len() <= HEEL {
        klassen.push("heel");
    }
    out.push_str(&format!(
        "<table class=\"{}\">\n<caption>{}</caption>\n<thead><tr>",
        klassen.join(" "),
        esc(titel)
    ));
    for (k, rechts) in kop {
        if *rechts {
            out.push_str(&format!("<th scope=\"col\" class=\"n\">{}</th>", esc(k)));
        } else {
            out.push_str(&format!("<th scope=\"col\">{}</th>", esc(k)));
        }
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for r in rijen {
        out.push_str("<tr>");
        for c in r {
            out.push_str(c);
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn td(text: &str) -> String {
    format!("<td>{}</td>", esc(text))
}

fn td_attr(text: &str, attr: &str) -> String {
    format!("<td{attr}>{}</td>", esc(text))
}

fn td_n(text: &str, attr: &str) -> String {
    format!("<td class=\"n\"{attr}>{}</td>", esc(text))
}

fn th_row(html: &str) -> String {
    format!("<th scope=\"row\">{html}</th>")
}

fn hoofdstuk(out: &mut String, id: &str, titel: &str) {
    out.push_str(&format!(
        "<section class=\"hoofdstuk\" id=\"{id}\">\n<h2>{}</h2>\n",
        esc(titel)
    ));
}

fn einde(out: &mut String) {
    out.push_str("</section>\n");
}

/// A row of a year table: a subtotal of cost lines per year and over the horizon; each cell
/// carries its source as a cost-line filter (`som` adds the fields to the year, or to nothing
/// for the total).
fn subtotaal_rij(k: &Kosten, label: String, t: &Subtotaal, som: impl Fn(Som) -> Som) -> Rij {
    Rij {
        label,
        jaren: k
            .jaren
            .iter()
            .zip(&t.per_jaar)
            .map(|(j, v)| Cel::new(euro(*v), som(Som::default().jaar(j.jaar)).attr()))
            .collect(),
        totaal: Some(Cel::new(euro(t.totaal), som(Som::default()).attr())),
        totaalrij: false,
    }
}

/// The cells of an offer's row (label, kostenaandeel, opbrengst, saldo, dekking), each with its
/// source at JSON pointer `p` of `offers --format json`.
fn aanbod_cellen(
    p: &str,
    label: &str,
    bedragen: [Decimal; 3],
    dekking: Option<Decimal>,
) -> Vec<String> {
    let mut cellen = vec![format!(
        "<th scope=\"row\"{}>{}</th>",
        json("offers", &format!("{p}/aanbod")),
        esc(label)
    )];
    for (veld, v) in ["kostenaandeel", "opbrengst", "saldo"]
        .into_iter()
        .zip(bedragen)
    {
        cellen.push(td_n(&euro(v), &json("offers", &format!("{p}/{veld}"))));
    }
    cellen.push(td_n(
        &dekking.map_or_else(|| "—".to_string(), ratio),
        &json("offers", &format!("{p}/dekking_percentage")),
    ));
    cellen
}

fn looptijd(s: &Scenario) -> String {
    if s.looptijd_jaren == 1 {
        s.startjaar.to_string()
    } else {
        format!("{}–{}", s.startjaar, s.eindjaar())
    }
}

// ---------------------------------------------------------------------------------------------
// Head and style
// ---------------------------------------------------------------------------------------------

const STYLE: &str = r#"
@page { size: A4; margin: 16mm 15mm 18mm 15mm;
  @bottom-right { content: "pagina " counter(page) " van " counter(pages); font-family: "Segoe UI", Calibri, "Liberation Sans", Arial, sans-serif; font-size: 8pt; color: #555; } }
:root { --inkt: #1b1b1b; --grijs: #5a5a5a; --lijn: #c9d0d6; --kop: #e9eef3; --accent: #1f4e79; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Segoe UI", Calibri, "Liberation Sans", Arial, "DejaVu Sans", sans-serif;
  font-size: 10pt; line-height: 1.4; color: var(--inkt); margin: 0 auto; max-width: 190mm; padding: 8mm 6mm; counter-reset: hoofdstuk; }
@media print { body { max-width: none; padding: 0; } nav.inhoud { break-after: page; } }
h1 { font-size: 19pt; line-height: 1.2; margin: 0 0 2mm; color: var(--accent); }
h2 { font-size: 13.5pt; margin: 9mm 0 2.5mm; color: var(--accent); border-bottom: 1.5px solid var(--accent); padding-bottom: 1mm; break-after: avoid; }
h2::before { counter-increment: hoofdstuk; content: counter(hoofdstuk) ". "; }
h3 { font-size: 11pt; margin: 5mm 0 1.5mm; break-after: avoid; }
p, li { orphans: 3; widows: 3; }
.soort { text-transform: uppercase; letter-spacing: 0.06em; font-size: 9pt; color: var(--grijs); margin: 0 0 1mm; }
dl.feiten { display: grid; grid-template-columns: max-content 1fr; gap: 0.6mm 5mm; margin: 3mm 0; }
dl.feiten dt { color: var(--grijs); }
dl.feiten dd { margin: 0; }
.kerncijfers { display: grid; grid-template-columns: repeat(3, 1fr); gap: 3mm; margin: 4mm 0; break-inside: avoid; }
.kerncijfer { border: 1px solid var(--lijn); border-left: 4px solid var(--accent); padding: 2mm 3mm; }
.kerncijfer .wat { font-size: 8.5pt; color: var(--grijs); display: block; }
.kerncijfer .n { font-size: 13pt; font-weight: 600; display: block; margin-top: 1mm; text-align: left; }
.negatief { color: #9c2b23; }
nav.inhoud ol { columns: 2; padding-left: 5mm; }
nav.inhoud a { color: inherit; text-decoration: none; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 8.8pt; }
caption { text-align: left; font-weight: 600; padding: 0 0 1mm; caption-side: top; }
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
table.jaren th[scope=row] { width: 38%; }
figure { margin: 3mm 0 5mm; break-inside: avoid; }
figure svg { width: 100%; height: auto; display: block; }
figcaption { font-weight: 600; margin-bottom: 1.5mm; }
svg text { font-family: inherit; fill: #222; }
.noot { font-size: 8.8pt; color: var(--grijs); }
.waarschuwing { border-left: 4px solid #c9822b; background: #fdf6ec; padding: 1.5mm 3mm; margin: 0 0 2mm; list-style: none; }
ul.waarschuwingen { padding-left: 0; }
.hint { display: block; color: var(--grijs); font-size: 9pt; }
ol.bronnen li { margin-bottom: 1.5mm; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 9pt; }
footer { break-before: avoid; margin-top: 6mm; border-top: 1px solid var(--lijn); padding-top: 2mm; font-size: 8.5pt; color: var(--grijs); }
"#;

fn head(out: &mut String, s: &Scenario) {
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

// ---------------------------------------------------------------------------------------------
// Title page and summary
// ---------------------------------------------------------------------------------------------

fn titel(out: &mut String, s: &Scenario, r: &Resultaat) {
    let k = &r.kosten;
    out.push_str("<header>\n<p class=\"soort\">Businesscase PaTz via TAPA$-prestatie 1</p>\n");
    out.push_str(&format!(
        "<h1{}>{}</h1>\n",
        invoer("scenario.naam"),
        esc(&s.naam)
    ));
    out.push_str("<dl class=\"feiten\">\n");
    if let Some(regio) = &s.regio {
        out.push_str(&format!(
            "<dt>Regio</dt><dd{}>{}</dd>\n",
            invoer("scenario.regio"),
            esc(regio)
        ));
    }
    out.push_str(&format!(
        "<dt>Looptijd</dt><dd>{} ({} jaar)</dd>\n",
        looptijd(s),
        getal(
            &s.looptijd_jaren.to_string(),
            &invoer("scenario.looptijd_jaren")
        )
    ));
    out.push_str(&format!(
        "<dt>Verzekerden</dt><dd>{}</dd>\n",
        getal(&dutch(s.verzekerden, 0), &invoer("scenario.verzekerden"))
    ));
    out.push_str(&format!(
        "<dt>PaTz-groepen</dt><dd>{}</dd>\n",
        getal(&s.groepen.len().to_string(), " data-telling=\"groep\"")
    ));
    if !s.indexatie_percentage.is_zero() {
        out.push_str(&format!(
            "<dt>Indexatie</dt><dd>{} per jaar</dd>\n",
            getal(
                &procent(s.indexatie_percentage),
                &invoer("indexatie.kosten_percentage_per_jaar")
            )
        ));
    }
    out.push_str("</dl>\n</header>\n");

    out.push_str("<section id=\"samenvatting\">\n<h3>Samenvatting</h3>\n<p>");
    out.push_str(&format!(
        "Over de looptijd kosten de PaTz-groepen {} in totaal. ",
        getal(
            &euro(k.totaal.kosten_totaal),
            &json("cost", "/totaal/kosten_totaal")
        )
    ));
    if !k.totaal.elders_gefinancierd.is_zero() {
        out.push_str(&format!(
            "Daarvan wordt {} uit een andere titel betaald. ",
            getal(
                &euro(k.totaal.elders_gefinancierd),
                &json("cost", "/totaal/elders_gefinancierd")
            )
        ));
    }
    out.push_str(&format!(
        "Via TAPA$-prestatie 1 te financieren: {}, een kostendekkend tarief van {} per verzekerde \
         per jaar.",
        getal(
            &euro(k.totaal.te_financieren),
            &json("cost", "/totaal/te_financieren")
        ),
        getal(
            &euro(k.totaal.kostendekkend_tarief),
            &json("cost", "/totaal/kostendekkend_tarief")
        )
    ));
    if let Some(b) = &r.businesscase {
        out.push_str(&format!(
            " Daar staan naar verwachting {} aan vermeden kosten tegenover.",
            getal(
                &euro(b.totaal.vermeden_kosten),
                &json("business-case", "/totaal/vermeden_kosten")
            )
        ));
    }
    out.push_str("</p>\n<div class=\"kerncijfers\">\n");
    let mut kern = |wat: &str, tekst: String, attr: String, negatief: bool| {
        let klasse = if negatief { "n negatief" } else { "n" };
        out.push_str(&format!(
            "<div class=\"kerncijfer\"><span class=\"wat\">{}</span><span class=\"{klasse}\"{attr}>{}</span></div>\n",
            esc(wat),
            esc(&tekst)
        ));
    };
    kern(
        "Te financieren via TAPA$ (looptijd)",
        euro(k.totaal.te_financieren),
        json("cost", "/totaal/te_financieren"),
        false,
    );
    kern(
        "Kostendekkend tarief per verzekerde per jaar",
        euro(k.totaal.kostendekkend_tarief),
        json("cost", "/totaal/kostendekkend_tarief"),
        false,
    );
    match &r.businesscase {
        Some(b) => {
            kern(
                "Verwachte vermeden kosten (looptijd)",
                euro(b.totaal.vermeden_kosten),
                json("business-case", "/totaal/vermeden_kosten"),
                false,
            );
            kern(
                "Netto (vermeden − te financieren)",
                euro(b.totaal.netto),
                json("business-case", "/totaal/netto"),
                b.totaal.netto.is_sign_negative() && !b.totaal.netto.is_zero(),
            );
            kern(
                "Netto contante waarde",
                euro(b.netto_contante_waarde),
                json("business-case", "/totaal/netto_contante_waarde"),
                b.netto_contante_waarde.is_sign_negative() && !b.netto_contante_waarde.is_zero(),
            );
            kern(
                "Break-even factor",
                b.totaal
                    .break_even_factor
                    .map_or_else(|| "—".to_string(), |f| dutch(f, 3)),
                json("business-case", "/totaal/break_even_factor"),
                false,
            );
        }
        None => {
            kern(
                "Kosten totaal (looptijd)",
                euro(k.totaal.kosten_totaal),
                json("cost", "/totaal/kosten_totaal"),
                false,
            );
            kern(
                "Elders gefinancierd (looptijd)",
                euro(k.totaal.elders_gefinancierd),
                json("cost", "/totaal/elders_gefinancierd"),
                false,
            );
        }
    }
    out.push_str("</div>\n</section>\n");
}

fn inhoud(out: &mut String, r: &Resultaat) {
    let mut items = vec![
        ("zorg", "De te verlenen zorg"),
        ("onderbouwing", "Onderbouwing"),
        ("zorgverleners", "De uitvoerende zorgverleners"),
        ("frequentie", "Frequentie en duur"),
        ("regio", "Locatie en regio"),
        ("kosten", "Geschatte kosten"),
        ("financiering", "Financiering"),
    ];
    if r.businesscase.is_some() {
        items.push(("zorgreductie", "Verwachte zorgreductie"));
        items.push(("saldo", "Saldo en netto contante waarde"));
    } else {
        items.push(("zorgreductie", "Verwachte zorgreductie"));
    }
    items.push(("waarschuwingen", "Waarschuwingen"));
    items.push(("bronnen", "Bronnen en aannames"));
    out.push_str("<nav class=\"inhoud\">\n<h3>Inhoud</h3>\n<ol>\n");
    for (id, t) in items {
        out.push_str(&format!("<li><a href=\"#{id}\">{}</a></li>\n", esc(t)));
    }
    out.push_str("</ol>\n</nav>\n");
}

// ---------------------------------------------------------------------------------------------
// The care, its grounds, the professionals, frequency and region
// ---------------------------------------------------------------------------------------------

fn zorg(out: &mut String, s: &Scenario) {
    hoofdstuk(out, "zorg", "De te verlenen zorg");
    out.push_str(
        "<p>In een PaTz-groep (Palliatieve Zorg Thuis) komen huisartsen en wijkverpleegkundigen \
         uit één wijk of dorp, begeleid door een consulent palliatieve zorg, een aantal keer per \
         jaar bijeen. Ze brengen palliatieve patiënten vroeg in beeld, houden hen bij in een \
         palliatief zorgregister en plannen hun zorg vooruit. Eén deelnemer zit de bijeenkomsten \
         voor; tussen de bijeenkomsten is de consulent telefonisch bereikbaar; na een bespreking \
         coördineert de huisarts de zorg voor de patiënt.</p>\n",
    );
    out.push_str(&format!(
        "<p>Deze businesscase vraagt financiering van {} PaTz-groepen in de periode {} via de \
         experimentele NZa-prestatie TAPA$-prestatie 1 (Transmurale coördinatie &amp; continuïteit \
         van palliatieve zorg), als tarief per ingeschreven verzekerde. De penvoerder contracteert \
         dat tarief met elke zorgverzekeraar en betaalt de deelnemers uit.</p>\n",
        getal(&s.groepen.len().to_string(), " data-telling=\"groep\""),
        looptijd(s)
    ));
    einde(out);
}

fn onderbouwing(out: &mut String, s: &Scenario) {
    hoofdstuk(out, "onderbouwing", "Onderbouwing");
    out.push_str(
        "<p>Een deel van de patiënten in de laatste levensfase krijgt zorg die mogelijk niet \
         passend is: herhaalde ziekenhuisopnames en SEH-bezoeken, een opname op de IC, \
         chemotherapie kort voor het overlijden, of sterven in het ziekenhuis. Door palliatieve \
         patiënten vroeg te herkennen en hun zorg samen vooruit te plannen, wil de PaTz-werkwijze \
         die zorg voorkomen.</p>\n",
    );
    if s.impact.is_some() {
        out.push_str(
            "<p>De verwachte zorgreductie is uitgedrukt in de zes indicatoren van mogelijk \
             niet-passende zorg in de laatste 30 dagen voor overlijden (hoofdstuk \
             <a href=\"#zorgreductie\">Verwachte zorgreductie</a>). Het basispercentage, de \
             verwachte reductie en de kosten per geval van elke indicator komen uit het scenario; \
             hun bronnen staan bij <a href=\"#bronnen\">Bronnen en aannames</a>.</p>\n",
        );
    } else {
        out.push_str(
            "<p>Dit scenario kwantificeert de verwachte zorgreductie niet; deze businesscase \
             beperkt zich tot de kosten en de financiering.</p>\n",
        );
    }
    einde(out);
}

/// The roles that have participants in some group, in the order of `[uurtarieven]`.
fn rollen_met_deelnemers(s: &Scenario) -> Vec<&str> {
    s.uurtarieven
        .iter()
        .map(|u| &*u.rol)
        .filter(|rol| s.groepen.iter().any(|g| g.aantal(rol) > 0))
        .collect()
}

fn zorgverleners(out: &mut String, s: &Scenario) {
    hoofdstuk(out, "zorgverleners", "De uitvoerende zorgverleners");
    out.push_str(
        "<p>De uren van de deelnemers worden betaald tegen de uurtarieven hieronder. Een rol die \
         uit een andere titel wordt betaald, telt mee in de kosten maar niet in het bedrag dat via \
         TAPA$ wordt gefinancierd.</p>\n",
    );
    let rijen: Vec<Vec<String>> = s
        .uurtarieven
        .iter()
        .map(|u| {
            vec![
                th_row(&esc(&u.rol)),
                td_n(
                    &euro_invoer(u.bedrag),
                    &invoer(&format!("uurtarieven.{}", u.rol)),
                ),
                td(if s.is_elders_gefinancierd(&u.rol) {
                    "elders gefinancierd"
                } else {
                    "via TAPA$"
                }),
            ]
        })
        .collect();
    tabel(
        out,
        "Uurtarieven per rol",
        &[("Rol", false), ("Uurtarief", true), ("Financiering", false)],
        &rijen,
    );

    let rollen = rollen_met_deelnemers(s);
    let mut kop: Vec<(&str, bool)> = vec![("Groep", false)];
    kop.extend(rollen.iter().map(|r| (*r, true)));
    let rijen: Vec<Vec<String>> = s
        .groepen
        .iter()
        .enumerate()
        .map(|(gi, g)| {
            let mut rij = vec![format!(
                "<th scope=\"row\"{}>{}</th>",
                invoer(&format!("groep[{}].naam", gi + 1)),
                esc(&g.naam)
            )];
            rij.extend(rollen.iter().map(|rol| {
                td_n(
                    &g.aantal(rol).to_string(),
                    &invoer(&format!("groep[{}].deelnemers.{rol}", gi + 1)),
                )
            }));
            rij
        })
        .collect();
    tabel(out, "Deelnemers per groep", &kop, &rijen);
    einde(out);
}

fn frequentie(out: &mut String, s: &Scenario) {
    hoofdstuk(out, "frequentie", "Frequentie en duur");
    out.push_str(
        "<p>Per deelnemer en per bijeenkomst tellen de duur van de bijeenkomst, de voorbereiding \
         en de reistijd. De voorzitter krijgt extra uren per bijeenkomst voor agenda en verslag. \
         Na de bespreking coördineert een deelnemer de zorg voor elke besproken patiënt, en de \
         consulent is tussen de bijeenkomsten telefonisch bereikbaar.</p>\n",
    );
    let uur = |v: Decimal, path: String| td_n(&zoals_gegeven(v, 1), &invoer(&path));
    let naam = |gi: usize, g: &crate::scenario::Groep| {
        format!(
            "<th scope=\"row\"{}>{}</th>",
            invoer(&format!("groep[{}].naam", gi + 1)),
            esc(&g.naam)
        )
    };
    let rijen: Vec<Vec<String>> = s
        .groepen
        .iter()
        .enumerate()
        .map(|(gi, g)| {
            let w = &g.werkwijze;
            let p = format!("groep[{}]", gi + 1);
            vec![
                naam(gi, g),
                td_n(
                    &w.bijeenkomsten_per_jaar.to_string(),
                    &invoer(&format!("{p}.bijeenkomsten_per_jaar")),
                ),
                uur(w.duur_uren, format!("{p}.duur_uren")),
                uur(w.voorbereiding_uren, format!("{p}.voorbereiding_uren")),
                uur(w.reistijd_uren, format!("{p}.reistijd_uren")),
                uur(w.patienten_per_jaar, format!("{p}.patienten_per_jaar")),
            ]
        })
        .collect();
    tabel(
        out,
        "Bijeenkomsten per groep (uren per deelnemer per bijeenkomst)",
        &[
            ("Groep", false),
            ("Bijeenkomsten per jaar", true),
            ("Duur", true),
            ("Voorbereiding", true),
            ("Reistijd", true),
            ("Patiënten per jaar", true),
        ],
        &rijen,
    );
    let rijen: Vec<Vec<String>> = s
        .groepen
        .iter()
        .enumerate()
        .map(|(gi, g)| {
            let w = &g.werkwijze;
            let p = format!("groep[{}]", gi + 1);
            let tel = if g.aantal("consulent") > 0 {
                format!(
                    "<td class=\"n\">{} uur per jaar</td>",
                    getal(
                        &zoals_gegeven(w.telefonische_ondersteuning_uren, 1),
                        &invoer(&format!("{p}.telefonische_ondersteuning_uren"))
                    )
                )
            } else {
                "<td class=\"n\">geen consulent</td>".to_string()
            };
            vec![
                naam(gi, g),
                format!(
                    "<td>{}, {} uur per bijeenkomst</td>",
                    esc(&w.voorzitter_rol),
                    getal(
                        &zoals_gegeven(w.voorzitter_uren, 1),
                        &invoer(&format!("{p}.voorzitter_uren"))
                    )
                ),
                format!(
                    "<td>{}, {} uur per patiënt</td>",
                    esc(&w.coordinatie_rol),
                    getal(
                        &zoals_gegeven(w.coordinatie_uren_per_patient, 1),
                        &invoer(&format!("{p}.coordinatie_uren_per_patient"))
                    )
                ),
                tel,
            ]
        })
        .collect();
    tabel(
        out,
        "Voorzitter, coördinatie en telefonische ondersteuning",
        &[
            ("Groep", false),
            ("Voorzitter (extra)", false),
            ("Coördinatie na bespreking", false),
            ("Telefonische ondersteuning", true),
        ],
        &rijen,
    );
    einde(out);
}

fn regio(out: &mut String, s: &Scenario) {
    hoofdstuk(out, "regio", "Locatie en regio");
    out.push_str("<dl class=\"feiten\">\n");
    match &s.regio {
        Some(r) => out.push_str(&format!(
            "<dt>Regio</dt><dd{}>{}</dd>\n",
            invoer("scenario.regio"),
            esc(r)
        )),
        None => out.push_str("<dt>Regio</dt><dd>niet opgegeven in het scenario</dd>\n"),
    }
    out.push_str(&format!(
        "<dt>Verzekerden</dt><dd>{} ingeschreven verzekerden, over wie het tarief wordt \
         verdeeld</dd>\n",
        getal(&dutch(s.verzekerden, 0), &invoer("scenario.verzekerden"))
    ));
    out.push_str(&format!(
        "<dt>Looptijd</dt><dd>{}</dd>\n</dl>\n",
        looptijd(s)
    ));
    let rijen: Vec<Vec<String>> = s
        .groepen
        .iter()
        .enumerate()
        .map(|(gi, g)| {
            let status = if g.start > s.eindjaar() {
                "start na de looptijd; telt niet mee"
            } else if g.nieuw {
                "nieuw: startkosten en scholing in het startjaar"
            } else {
                "bestaande groep"
            };
            vec![
                format!(
                    "<th scope=\"row\"{}>{}</th>",
                    invoer(&format!("groep[{}].naam", gi + 1)),
                    esc(&g.naam)
                ),
                td_n(
                    &g.start.to_string(),
                    &invoer(&format!("groep[{}].start", gi + 1)),
                ),
                td(status),
            ]
        })
        .collect();
    tabel(
        out,
        "Groepen in de regio",
        &[("Groep", false), ("Actief vanaf", true), ("Status", false)],
        &rijen,
    );
    einde(out);
}

// ---------------------------------------------------------------------------------------------
// Costs
// ---------------------------------------------------------------------------------------------

fn kosten(out: &mut String, s: &Scenario, k: &Kosten) {
    hoofdstuk(out, "kosten", "Geschatte kosten");
    let jaren: Vec<i32> = k.jaren.iter().map(|j| j.jaar).collect();
    let mut intro = String::from(
        "<p>Alle bedragen in euro, per regel op hele centen afgerond; elk totaal is de som van de \
         afgeronde regels. ",
    );
    if !s.indexatie_percentage.is_zero() {
        intro.push_str(&format!(
            "Bedragen stijgen met {} per jaar (samengesteld) vanaf {}. ",
            getal(
                &procent(s.indexatie_percentage),
                &invoer("indexatie.kosten_percentage_per_jaar")
            ),
            s.startjaar
        ));
    }
    intro.push_str(
        "De kosten omvatten de uren van de deelnemers en de facilitaire kosten (ICT, \
         huisvesting), de opleidingskosten (scholing en startkosten van nieuwe groepen), de \
         regionale projectleiding en monitoring, en de overhead van de penvoerder.</p>\n",
    );
    out.push_str(&intro);

    let o = overzicht(s, k);

    // Per post.
    out.push_str(&svg_kosten_per_jaar(k, &o.posten));
    let mut rijen: Vec<Rij> = o
        .posten
        .iter()
        .map(|(post, t)| {
            subtotaal_rij(
                k,
                format!("{}{}", kleur_blokje(*post), esc(post.label())),
                t,
                |som| som.post(*post),
            )
        })
        .collect();
    rijen.push(totaal_rij(k, "Totaal", "kosten_totaal", |t| {
        t.kosten_totaal
    }));
    jaartabel(out, "Kosten per post", "Post", &jaren, &rijen);

    // Facilities and training: the inputs.
    ondersteuning(out, s);

    // Per role.
    out.push_str(&svg_kosten_per_rol(s, &o));
    let mut rijen: Vec<Rij> = o
        .rollen
        .iter()
        .map(|(rol, t)| {
            let label = if s.is_elders_gefinancierd(rol) {
                format!("{} (elders gefinancierd)", esc(rol))
            } else {
                esc(rol)
            };
            subtotaal_rij(k, label, t, |som| som.rol(Some(rol)))
        })
        .collect();
    rijen.push(subtotaal_rij(
        k,
        "Zonder rol (ondersteuning, projectleiding, overhead)".into(),
        &o.zonder_rol,
        |som| som.rol(None),
    ));
    rijen.push(totaal_rij(k, "Totaal", "kosten_totaal", |t| {
        t.kosten_totaal
    }));
    jaartabel(out, "Kosten per rol", "Rol", &jaren, &rijen);

    // Per group.
    let mut rijen: Vec<Rij> = s
        .groepen
        .iter()
        .zip(&o.groepen)
        .enumerate()
        .map(|(gi, (g, t))| {
            let label = format!(
                "<span{}>{}</span>",
                invoer(&format!("groep[{}].naam", gi + 1)),
                esc(&g.naam)
            );
            subtotaal_rij(k, label, t, |som| som.groep(Some(&g.naam)))
        })
        .collect();
    rijen.push(subtotaal_rij(
        k,
        "Regionaal (projectleiding, monitoring, overhead)".into(),
        &o.regionaal,
        |som| som.groep(None),
    ));
    rijen.push(totaal_rij(k, "Totaal", "kosten_totaal", |t| {
        t.kosten_totaal
    }));
    jaartabel(out, "Kosten per groep", "Groep", &jaren, &rijen);
    einde(out);
}

/// A row of one of the cost totals, per year and over the horizon.
fn totaal_rij(
    k: &Kosten,
    label: &str,
    veld: &str,
    f: fn(&crate::calc::cost::Totalen) -> Decimal,
) -> Rij {
    Rij {
        label: esc(label),
        jaren: k
            .jaren
            .iter()
            .enumerate()
            .map(|(yi, j)| {
                Cel::new(
                    euro(f(&j.totalen)),
                    json("cost", &format!("/jaren/{yi}/{veld}")),
                )
            })
            .collect(),
        totaal: Some(Cel::new(
            euro(f(&k.totaal)),
            json("cost", &format!("/totaal/{veld}")),
        )),
        totaalrij: matches!(veld, "kosten_totaal" | "te_financieren"),
    }
}

fn ondersteuning(out: &mut String, s: &Scenario) {
    let o = &s.ondersteuning;
    let e =
        |v: Decimal, path: &str| getal(&euro_invoer(v), &invoer(&format!("ondersteuning.{path}")));
    let rijen = vec![
        vec![
            th_row("ICT"),
            format!(
                "<td>{} per actieve groep per jaar</td>",
                e(o.ict_per_groep, "ict_per_groep")
            ),
        ],
        vec![
            th_row("Huisvesting"),
            format!(
                "<td>{} per bijeenkomst</td>",
                e(o.huisvesting_per_bijeenkomst, "huisvesting_per_bijeenkomst")
            ),
        ],
        vec![
            th_row("Startkosten nieuwe groepen"),
            format!(
                "<td>{} per nieuwe groep, eenmalig in het startjaar</td>",
                e(
                    o.startkosten_per_nieuwe_groep,
                    "startkosten_per_nieuwe_groep"
                )
            ),
        ],
        vec![
            th_row("Scholing nieuwe deelnemers"),
            format!(
                "<td>{} per deelnemer van een nieuwe groep, eenmalig in het startjaar</td>",
                e(
                    o.scholing_per_nieuwe_deelnemer,
                    "scholing_per_nieuwe_deelnemer"
                )
            ),
        ],
        vec![
            th_row("Projectleiding"),
            format!(
                "<td>{} uur per jaar tegen {} per uur</td>",
                getal(
                    &zoals_gegeven(o.projectleiding_uren, 0),
                    &invoer("ondersteuning.projectleiding_uren")
                ),
                e(o.projectleiding_uurtarief, "projectleiding_uurtarief")
            ),
        ],
        vec![
            th_row("Monitoring en evaluatie"),
            format!(
                "<td>{} per jaar</td>",
                e(o.monitoring_per_jaar, "monitoring_per_jaar")
            ),
        ],
        vec![
            th_row("Overhead penvoerder"),
            format!(
                "<td>{} van de via TAPA$ gefinancierde regels van elk jaar</td>",
                getal(
                    &procent(o.overhead_percentage),
                    &invoer("ondersteuning.overhead_percentage")
                )
            ),
        ],
    ];
    tabel(
        out,
        "Facilitaire kosten, opleidingskosten en regionale ondersteuning (grondslag, vóór indexatie)",
        &[("Post", false), ("Grondslag", false)],
        &rijen,
    );
}

// ---------------------------------------------------------------------------------------------
// Financing
// ---------------------------------------------------------------------------------------------

fn financiering(out: &mut String, s: &Scenario, r: &Resultaat) {
    let k = &r.kosten;
    let a = &r.aanbiedingen;
    hoofdstuk(out, "financiering", "Financiering");
    let jaren: Vec<i32> = k.jaren.iter().map(|j| j.jaar).collect();
    let mut kosten_rij = totaal_rij(k, "Kosten totaal", "kosten_totaal", |t| t.kosten_totaal);
    kosten_rij.totaalrij = false;
    let rijen = vec![
        kosten_rij,
        totaal_rij(k, "Elders gefinancierd", "elders_gefinancierd", |t| {
            t.elders_gefinancierd
        }),
        totaal_rij(k, "Te financieren via TAPA$", "te_financieren", |t| {
            t.te_financieren
        }),
        totaal_rij(
            k,
            "Kostendekkend tarief per verzekerde",
            "kostendekkend_tarief",
            |t| t.kostendekkend_tarief,
        ),
    ];
    jaartabel(out, "Financiering per jaar", "", &jaren, &rijen);
    out.push_str(&format!(
        "<p class=\"noot\">Het kostendekkend tarief is het te financieren bedrag gedeeld door het \
         aantal verzekerden, naar boven afgerond op hele centen. In de kolom Totaal staat het vaste \
         tarief per verzekerde per jaar dat de hele looptijd dekt ({} verzekerden, {} jaar).</p>\n",
        getal(&dutch(s.verzekerden, 0), &invoer("scenario.verzekerden")),
        getal(
            &s.looptijd_jaren.to_string(),
            &invoer("scenario.looptijd_jaren")
        )
    ));

    if s.verzekeraars.is_empty() {
        out.push_str(
            "<p>Dit scenario noemt geen zorgverzekeraars; de verdeling over verzekeraars en hun \
             aanbiedingen zijn daarom niet berekend.</p>\n",
        );
        einde(out);
        return;
    }

    out.push_str("<h3>Per zorgverzekeraar</h3>\n");
    out.push_str(
        "<p>Elke verzekeraar draagt het deel van het te financieren bedrag dat overeenkomt met zijn \
         marktaandeel. Het break-even tarief is het vaste tarief per verzekerde per jaar waarmee \
         de verzekeraar zijn aandeel over de looptijd dekt (naar boven afgerond). Het tekort als \
         alleen deze tekent is wat van het hele te financieren bedrag ongedekt blijft als alleen \
         deze verzekeraar zijn beste aanbod contracteert.</p>\n",
    );
    let rijen: Vec<Vec<String>> = a
        .verzekeraars
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            let vz = s.verzekeraars.get(v.verzekeraar)?;
            let p = format!("/totaal/verzekeraars/{i}");
            let beste = v.beste_aanbod.and_then(|b| s.aanbiedingen.get(b));
            let opbrengst = v
                .beste_aanbod
                .and_then(|b| a.totalen.get(b))
                .map_or(Decimal::ZERO, |t| t.opbrengst);
            Some(vec![
                format!(
                    "<th scope=\"row\"{}>{}</th>",
                    invoer(&format!("verzekeraar[{}].naam", v.verzekeraar + 1)),
                    esc(&vz.naam)
                ),
                td_n(
                    &procent(vz.marktaandeel_percentage),
                    &invoer(&format!(
                        "verzekeraar[{}].marktaandeel_percentage",
                        v.verzekeraar + 1
                    )),
                ),
                td_n(
                    &aantal(v.verzekerden),
                    &json("offers", &format!("{p}/verzekerden")),
                ),
                td_n(
                    &euro(v.kostenaandeel),
                    &json("offers", &format!("{p}/kostenaandeel")),
                ),
                td_n(
                    &v.break_even_tarief.map_or_else(|| "—".to_string(), euro),
                    &json("offers", &format!("{p}/break_even_tarief")),
                ),
                match beste {
                    Some(b) => td_attr(&b.label, &json("offers", &format!("{p}/beste_aanbod"))),
                    None => td("geen aanbod"),
                },
                td_n(
                    &euro(k.totaal.te_financieren - opbrengst),
                    &json("offers", &format!("{p}/tekort_als_enige")),
                ),
            ])
        })
        .collect();
    tabel(
        out,
        "Kostenaandeel en break-even tarief per verzekeraar (looptijd)",
        &[
            ("Verzekeraar", false),
            ("Marktaandeel", true),
            ("Verzekerden", true),
            ("Kostenaandeel", true),
            ("Break-even tarief", true),
            ("Beste aanbod", false),
            ("Tekort als alleen deze tekent", true),
        ],
        &rijen,
    );

    if s.aanbiedingen.is_empty() {
        out.push_str("<p>Dit scenario bevat geen aanbiedingen van verzekeraars.</p>\n");
    } else {
        out.push_str("<h3>Aanbiedingen</h3>\n");
        out.push_str(
            "<p>De opbrengst van een aanbod is het tarief per verzekerde maal de verzekerden van \
             de verzekeraar, hoogstens het plafond, in elk jaar van het aanbod; tarieven worden \
             niet geïndexeerd. De dekking is de opbrengst als percentage van het kostenaandeel \
             van de verzekeraar in diezelfde jaren.</p>\n",
        );
        let rijen: Vec<Vec<String>> = s
            .aanbiedingen
            .iter()
            .enumerate()
            .map(|(ai, x)| {
                let p = format!("aanbod[{}]", ai + 1);
                let jaren = if x.jaren.len() == s.looptijd_jaren as usize {
                    "hele looptijd".to_string()
                } else {
                    x.jaren
                        .iter()
                        .map(|j| j.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                vec![
                    format!(
                        "<th scope=\"row\"{}>{}</th>",
                        invoer(&format!("{p}.label")),
                        esc(&x.label)
                    ),
                    td_attr(&x.verzekeraar, &invoer(&format!("{p}.verzekeraar"))),
                    td_n(
                        &euro_invoer(x.tarief_per_verzekerde),
                        &invoer(&format!("{p}.tarief_per_verzekerde")),
                    ),
                    match x.plafond {
                        Some(pl) => td_n(&euro_invoer(pl), &invoer(&format!("{p}.plafond"))),
                        None => td_n("geen", ""),
                    },
                    td(&jaren),
                ]
            })
            .collect();
        tabel(
            out,
            "Voorwaarden van de aanbiedingen",
            &[
                ("Aanbod", false),
                ("Verzekeraar", false),
                ("Tarief per verzekerde", true),
                ("Plafond per jaar", true),
                ("Jaren", false),
            ],
            &rijen,
        );
        let rijen: Vec<Vec<String>> = a
            .totalen
            .iter()
            .enumerate()
            .filter_map(|(i, t)| {
                let x = s.aanbiedingen.get(t.aanbod)?;
                Some(aanbod_cellen(
                    &format!("/totaal/aanbiedingen/{i}"),
                    &x.label,
                    [t.kostenaandeel, t.opbrengst, t.saldo],
                    t.dekking_percentage,
                ))
            })
            .collect();
        tabel(
            out,
            "Uitkomst per aanbod over zijn jaren",
            &[
                ("Aanbod", false),
                ("Kostenaandeel", true),
                ("Opbrengst", true),
                ("Saldo", true),
                ("Dekking", true),
            ],
            &rijen,
        );
        out.push_str(&svg_dekking(s, r));

        let mut rijen = Vec::new();
        for (yi, j) in k.jaren.iter().enumerate() {
            for (k_in_jaar, x) in a.regels.iter().filter(|x| x.jaar == j.jaar).enumerate() {
                let Some(aanbod) = s.aanbiedingen.get(x.aanbod) else {
                    continue;
                };
                let mut rij = vec![td(&j.jaar.to_string())];
                rij.extend(aanbod_cellen(
                    &format!("/jaren/{yi}/aanbiedingen/{k_in_jaar}"),
                    &aanbod.label,
                    [x.kostenaandeel, x.opbrengst, x.saldo],
                    x.dekking_percentage,
                ));
                rijen.push(rij);
            }
        }
        tabel(
            out,
            "Aanbiedingen per jaar",
            &[
                ("Jaar", false),
                ("Aanbod", false),
                ("Kostenaandeel", true),
                ("Opbrengst", true),
                ("Saldo", true),
                ("Dekking", true),
            ],
            &rijen,
        );
    }

    let mut te_rij = totaal_rij(k, "Te financieren via TAPA$", "te_financieren", |t| {
        t.te_financieren
    });
    te_rij.totaalrij = false;
    let rijen = vec![
        te_rij,
        Rij {
            label: "Niet toegerekend aan een verzekeraar".into(),
            jaren: a
                .niet_toegerekend
                .iter()
                .enumerate()
                .map(|(yi, (_, x))| {
                    Cel::new(
                        euro(*x),
                        json("offers", &format!("/jaren/{yi}/niet_toegerekend")),
                    )
                })
                .collect(),
            totaal: Some(Cel::new(
                euro(a.niet_toegerekend_totaal),
                json("offers", "/totaal/niet_toegerekend"),
            )),
            totaalrij: false,
        },
    ];
    out.push_str("<h3>Niet toegerekend</h3>\n");
    out.push_str(
        "<p>Het deel van de verzekerden dat bij geen van de genoemde verzekeraars is verzekerd, \
         draagt ook een deel van de kosten. Dat deel is aan geen verzekeraar toegerekend en moet \
         op een andere manier worden gedekt.</p>\n",
    );
    jaartabel(out, "Niet toegerekende kosten", "", &jaren, &rijen);
    einde(out);
}

// ---------------------------------------------------------------------------------------------
// Zorgreductie and saldo
// ---------------------------------------------------------------------------------------------

fn geen_impact(out: &mut String) {
    hoofdstuk(out, "zorgreductie", "Verwachte zorgreductie");
    out.push_str(
        "<p>Dit scenario bevat geen <code>[impact]</code>-sectie met de zes indicatoren. De \
         verwachte zorgreductie, de vermeden kosten, het saldo en de netto contante waarde zijn \
         daarom niet berekend.</p>\n",
    );
    einde(out);
}

fn zorgreductie(out: &mut String, s: &Scenario, i: &ImpactResultaat) {
    hoofdstuk(out, "zorgreductie", "Verwachte zorgreductie");
    let Some(imp) = &s.impact else {
        einde(out);
        return;
    };
    out.push_str(&format!(
        "<p>De zes indicatoren tellen overleden palliatieve patiënten met mogelijk niet-passende \
         zorg in de laatste 30 dagen voor overlijden. Per jaar is het aantal patiënten de som van \
         de patiënten van de actieve groepen; chemotherapie geldt alleen voor het aandeel met \
         kanker ({}). Zonder PaTz is het basispercentage van die patiënten; met PaTz is dat aantal \
         verminderd met de verwachte reductie. Elk vermeden geval bespaart de kosten per geval \
         (geïndexeerd).</p>\n",
        getal(
            &procent(imp.aandeel_kanker_percentage),
            &invoer("impact.aandeel_kanker_percentage")
        )
    ));
    let jaren: Vec<i32> = i.jaren.iter().map(|j| j.jaar).collect();
    jaartabel(
        out,
        "Palliatieve patiënten van de actieve groepen",
        "",
        &jaren,
        &[Rij {
            label: "Patiënten".into(),
            jaren: i
                .jaren
                .iter()
                .enumerate()
                .map(|(yi, j)| {
                    Cel::new(
                        aantal(j.patienten),
                        json("impact", &format!("/jaren/{yi}/patienten")),
                    )
                })
                .collect(),
            totaal: Some(Cel::new(
                aantal(i.patienten),
                json("impact", "/totaal/patienten"),
            )),
            totaalrij: false,
        }],
    );
    out.push_str(&svg_indicatoren(i));

    let rijen: Vec<Vec<String>> = imp
        .indicatoren
        .iter()
        .zip(&i.totaal)
        .enumerate()
        .map(|(k, (ind, tot))| {
            let p = format!("/totaal/indicatoren/{k}");
            let id = ind.id.as_str();
            vec![
                th_row(&esc(ind.id.omschrijving())),
                td_n(
                    &procent(ind.basis_percentage),
                    &invoer(&format!("indicator.{id}.basis_percentage")),
                ),
                td_n(
                    &procent(ind.reductie_percentage),
                    &invoer(&format!("indicator.{id}.reductie_percentage")),
                ),
                td_n(
                    &euro_invoer(ind.kosten_per_geval),
                    &invoer(&format!("indicator.{id}.kosten_per_geval")),
                ),
                td_n(&aantal(tot.basis), &json("impact", &format!("{p}/basis"))),
                td_n(
                    &aantal(tot.met_patz),
                    &json("impact", &format!("{p}/met_patz")),
                ),
                td_n(
                    &aantal(tot.vermeden),
                    &json("impact", &format!("{p}/vermeden")),
                ),
                td_n(
                    &euro(tot.vermeden_kosten),
                    &json("impact", &format!("{p}/vermeden_kosten")),
                ),
            ]
        })
        .collect();
    tabel(
        out,
        "Indicatoren over de looptijd (aantallen patiënten)",
        &[
            ("Indicator (laatste 30 dagen)", false),
            ("Basis", true),
            ("Reductie", true),
            ("Kosten per geval", true),
            ("Zonder PaTz", true),
            ("Met PaTz", true),
            ("Vermeden", true),
            ("Vermeden kosten", true),
        ],
        &rijen,
    );

    let mut rijen: Vec<Rij> = imp
        .indicatoren
        .iter()
        .enumerate()
        .map(|(k, ind)| Rij {
            label: esc(ind.id.omschrijving()),
            jaren: i
                .jaren
                .iter()
                .enumerate()
                .map(|(yi, j)| {
                    let v = j
                        .indicatoren
                        .get(k)
                        .map_or(Decimal::ZERO, |x| x.vermeden_kosten);
                    Cel::new(
                        euro(v),
                        json(
                            "impact",
                            &format!("/jaren/{yi}/indicatoren/{k}/vermeden_kosten"),
                        ),
                    )
                })
                .collect(),
            totaal: i.totaal.get(k).map(|t| {
                Cel::new(
                    euro(t.vermeden_kosten),
                    json(
                        "impact",
                        &format!("/totaal/indicatoren/{k}/vermeden_kosten"),
                    ),
                )
            }),
            totaalrij: false,
        })
        .collect();
    rijen.push(Rij {
        label: "Totaal".into(),
        jaren: i
            .jaren
            .iter()
            .enumerate()
            .map(|(yi, j)| {
                Cel::new(
                    euro(j.vermeden_kosten),
                    json("impact", &format!("/jaren/{yi}/vermeden_kosten")),
                )
            })
            .collect(),
        totaal: Some(Cel::new(
            euro(i.vermeden_kosten),
            json("impact", "/totaal/vermeden_kosten"),
        )),
        totaalrij: true,
    });
    jaartabel(
        out,
        "Vermeden kosten per indicator",
        "Indicator",
        &jaren,
        &rijen,
    );
    out.push_str(
        "<p class=\"noot\">Aantallen zijn verwachtingen; ze worden in de berekening niet afgerond \
         en hier elk apart met één decimaal getoond, zodat vermeden plus met PaTz een tiende kan \
         afwijken van zonder PaTz. De bedragen zijn per regel op centen afgerond en tellen precies \
         op.</p>\n",
    );
    einde(out);
}

fn saldo(out: &mut String, s: &Scenario, b: &BusinessCase) {
    hoofdstuk(out, "saldo", "Saldo en netto contante waarde");
    let jaren: Vec<i32> = b.jaren.iter().map(|(j, _)| *j).collect();
    let bedrag_rij =
        |label: &str, veld: &str, f: fn(&crate::calc::businesscase::Saldo) -> Decimal| Rij {
            label: esc(label),
            jaren: b
                .jaren
                .iter()
                .enumerate()
                .map(|(yi, (_, x))| {
                    Cel::new(
                        euro(f(x)),
                        json("business-case", &format!("/jaren/{yi}/{veld}")),
                    )
                })
                .collect(),
            totaal: Some(Cel::new(
                euro(f(&b.totaal)),
                json("business-case", &format!("/totaal/{veld}")),
            )),
            totaalrij: false,
        };
    let roi = |x: Option<Decimal>| x.map_or_else(|| "—".to_string(), ratio);
    let mut netto = bedrag_rij("Netto (vermeden − te financieren)", "netto", |x| x.netto);
    netto.totaalrij = true;
    let rijen = vec![
        bedrag_rij("Te financieren via TAPA$", "te_financieren", |x| {
            x.kosten.te_financieren
        }),
        bedrag_rij("Vermeden kosten", "vermeden_kosten", |x| x.vermeden_kosten),
        netto,
        Rij {
            label: "ROI (netto als % van te financieren)".into(),
            jaren: b
                .jaren
                .iter()
                .enumerate()
                .map(|(yi, (_, x))| {
                    Cel::new(
                        roi(x.roi_percentage),
                        json("business-case", &format!("/jaren/{yi}/roi_percentage")),
                    )
                })
                .collect(),
            totaal: Some(Cel::new(
                roi(b.totaal.roi_percentage),
                json("business-case", "/totaal/roi_percentage"),
            )),
            totaalrij: false,
        },
    ];
    jaartabel(out, "Saldo per jaar", "", &jaren, &rijen);
    let disconto = s
        .impact
        .as_ref()
        .map_or(Decimal::ZERO, |i| i.disconteringsvoet_percentage);
    out.push_str("<dl class=\"feiten\">\n");
    out.push_str(&format!(
        "<dt>Netto contante waarde</dt><dd>{} (disconteringsvoet {} per jaar)</dd>\n",
        getal(
            &euro(b.netto_contante_waarde),
            &json("business-case", "/totaal/netto_contante_waarde")
        ),
        getal(
            &procent(disconto),
            &invoer("impact.disconteringsvoet_percentage")
        )
    ));
    out.push_str(&format!(
        "<dt>Break-even factor</dt><dd>{}</dd>\n</dl>\n",
        getal(
            &b.totaal
                .break_even_factor
                .map_or_else(|| "—".to_string(), |f| dutch(f, 3)),
            &json("business-case", "/totaal/break_even_factor")
        )
    ));
    out.push_str(
        "<p class=\"noot\">De netto contante waarde telt het netto bedrag van elk jaar op na \
         verdiscontering naar het startjaar (per jaar op centen afgerond). De break-even factor is \
         het veelvoud van alle verwachte reducties waarbij de vermeden kosten gelijk zijn aan de \
         te financieren kosten: onder de één verdient PaTz zich naar verwachting terug, erboven is \
         meer reductie nodig dan verwacht.</p>\n",
    );
    einde(out);
}

// ---------------------------------------------------------------------------------------------
// Warnings, sources and assumptions
// ---------------------------------------------------------------------------------------------

/// Whether a warning is about double financing (as opposed to the PaTz-werkwijze).
fn dubbele_financiering(d: &Diagnostic) -> bool {
    d.path == "uurtarieven.consulent" || d.path.ends_with(".medisch_specialist")
}

fn waarschuwing_items(out: &mut String, items: &[&Diagnostic]) {
    out.push_str("<ul class=\"waarschuwingen\">\n");
    for d in items {
        out.push_str(&format!(
            "<li class=\"waarschuwing\"><span data-waarschuwing>{}</span>",
            esc(&d.message)
        ));
        if let Some(h) = &d.hint {
            out.push_str(&format!(
                "<span class=\"hint\">Oplossing: <span data-waarschuwing>{}</span></span>",
                esc(h)
            ));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
}

fn waarschuwingen(out: &mut String, s: &Scenario) {
    hoofdstuk(out, "waarschuwingen", "Waarschuwingen");
    let alle = crate::scenario::warnings(s);
    let (dubbel, werkwijze): (Vec<&Diagnostic>, Vec<&Diagnostic>) =
        alle.iter().partition(|d| dubbele_financiering(d));
    out.push_str("<h3>Dubbele financiering</h3>\n");
    if s.elders_gefinancierd.is_empty() {
        out.push_str("<p>Alle regels worden via TAPA$ gefinancierd.</p>\n");
    } else {
        let rollen: Vec<String> = s
            .elders_gefinancierd
            .iter()
            .map(|r| format!("<em>{}</em>", esc(r)))
            .collect();
        out.push_str(&format!(
            "<p>De uren van deze rollen worden uit een andere titel betaald en tellen niet mee in \
             het te financieren bedrag: {}.</p>\n",
            rollen.join(", ")
        ));
    }
    if dubbel.is_empty() {
        out.push_str(
            "<p>patz-calc vond in dit scenario geen regels met een bekend risico op dubbele \
             financiering.</p>\n",
        );
    } else {
        waarschuwing_items(out, &dubbel);
    }
    out.push_str("<h3>Afwijkingen van de PaTz-werkwijze</h3>\n");
    if werkwijze.is_empty() {
        out.push_str("<p>Alle groepen volgen de PaTz-werkwijze.</p>\n");
    } else {
        waarschuwing_items(out, &werkwijze);
    }
    einde(out);
}

fn bronnen(out: &mut String, s: &Scenario) {
    hoofdstuk(out, "bronnen", "Bronnen en aannames");
    out.push_str("<h3>Bronnen van de indicatorcijfers</h3>\n");
    match &s.impact {
        Some(imp) => {
            out.push_str("<ol class=\"bronnen\">\n");
            for ind in &imp.indicatoren {
                out.push_str(&format!(
                    "<li><strong>{}</strong>: <span{}>{}</span></li>\n",
                    esc(ind.id.omschrijving()),
                    invoer(&format!("indicator.{}.bron", ind.id.as_str())),
                    esc(&ind.bron)
                ));
            }
            out.push_str("</ol>\n");
        }
        None => out
            .push_str("<p>Dit scenario heeft geen indicatoren en noemt daarom geen bronnen.</p>\n"),
    }
    out.push_str("<h3>Aannames en rekenregels</h3>\n<ul>\n");
    out.push_str(
        "<li>Elk getal komt uit het scenario; patz-calc kent geen ingebouwde standaardbedragen. \
         De uurtarieven, bedragen, aantallen en percentages zijn die van de tabellen in dit \
         document.</li>\n",
    );
    out.push_str(
        "<li>Elke kostenregel wordt op hele centen afgerond (half van nul af); elk totaal is de \
         som van de afgeronde regels. Het kostendekkend tarief en het break-even tarief worden \
         naar boven afgerond op de cent.</li>\n",
    );
    if s.indexatie_percentage.is_zero() {
        out.push_str("<li>De bedragen zijn niet geïndexeerd.</li>\n");
    } else {
        out.push_str(&format!(
            "<li>Elk bedrag (uurtarieven, vaste kosten, kosten per geval) stijgt met {} per jaar, \
             samengesteld vanaf {}. De tarieven van de aanbiedingen worden niet \
             geïndexeerd.</li>\n",
            getal(
                &procent(s.indexatie_percentage),
                &invoer("indexatie.kosten_percentage_per_jaar")
            ),
            s.startjaar
        ));
    }
    out.push_str(
        "<li>Een groep telt mee vanaf zijn startjaar. Een nieuwe groep betaalt in dat jaar \
         eenmalig startkosten en scholing voor al zijn deelnemers.</li>\n",
    );
    out.push_str(
        "<li>De telefonische ondersteuning telt alleen bij groepen met een consulent; de overhead \
         van de penvoerder is een percentage van de via TAPA$ gefinancierde regels van elk \
         jaar.</li>\n",
    );
    if !s.verzekeraars.is_empty() {
        out.push_str(
            "<li>Het kostenaandeel van een verzekeraar is het te financieren bedrag maal zijn \
             marktaandeel, per jaar op centen afgerond. Het beste aanbod van een verzekeraar is \
             dat met de hoogste opbrengst over de looptijd.</li>\n",
        );
    }
    if s.impact.is_some() {
        out.push_str(
            "<li>Verwachte aantallen patiënten en gevallen worden in de berekening niet \
             afgerond.</li>\n",
        );
    }
    out.push_str(
        "<li>Elke regel en elk totaal is met formule en ingevulde getallen na te rekenen met \
         <code>patz-calc explain</code>.</li>\n</ul>\n",
    );
    einde(out);
}

// ---------------------------------------------------------------------------------------------
// Charts (inline SVG)
// ---------------------------------------------------------------------------------------------

/// Width of every chart in SVG units (scaled to the page width).
const BREEDTE: f64 = 680.0;

/// The colour of a post in the charts and the table.
fn kleur(post: Post) -> &'static str {
    match post {
        Post::Bijeenkomsten => "#1f4e79",
        Post::Voorzitter => "#2e75b6",
        Post::Coordinatie => "#6fa8dc",
        Post::TelefonischeOndersteuning => "#b4d3ee",
        Post::Ict => "#4f7f2f",
        Post::Huisvesting => "#a9d18e",
        Post::Startkosten => "#b07d00",
        Post::Scholing => "#f2c94c",
        Post::Projectleiding => "#6a3d9a",
        Post::Monitoring => "#c2b0e0",
        Post::Overhead => "#7f7f7f",
    }
}

fn kleur_blokje(post: Post) -> String {
    format!(
        "<svg width=\"9\" height=\"9\" viewBox=\"0 0 9 9\" aria-hidden=\"true\" \
         style=\"display:inline;width:9px;height:9px;margin-right:4px\"><rect width=\"9\" \
         height=\"9\" fill=\"{}\"/></svg>",
        kleur(post)
    )
}

fn f(v: Decimal) -> f64 {
    v.to_f64().unwrap_or(0.0).max(0.0)
}

/// A round step for about `doel` ticks up to `max`, as (step, decimals to show).
fn stap(max: f64, doel: f64) -> Decimal {
    if !(max.is_finite() && max > 0.0) {
        return Decimal::ONE;
    }
    let ruw = max / doel;
    let macht = ruw.log10().floor();
    let norm = ruw / 10f64.powf(macht);
    let m: i64 = if norm <= 1.0 {
        10
    } else if norm <= 2.0 {
        20
    } else if norm <= 2.5 {
        25
    } else if norm <= 5.0 {
        50
    } else {
        100
    };
    // step = m / 10 × 10^macht, built exactly.
    let e = macht as i64 - 1;
    let mut d = Decimal::from(m);
    if e >= 0 {
        for _ in 0..e.min(27) {
            d = d.checked_mul(Decimal::TEN).unwrap_or(Decimal::MAX);
        }
    } else {
        for _ in 0..(-e).min(27) {
            d = d.checked_div(Decimal::TEN).unwrap_or(Decimal::ZERO);
        }
    }
    if d.is_zero() {
        Decimal::ONE
    } else {
        d.normalize()
    }
}

/// Tick values from 0 up to at least `max`.
fn streepjes(max: f64, doel: f64) -> Vec<Decimal> {
    let s = stap(max, doel);
    let mut out = vec![Decimal::ZERO];
    let mut v = Decimal::ZERO;
    while f(v) < max && out.len() < 50 {
        v = v.checked_add(s).unwrap_or(Decimal::MAX);
        out.push(v);
    }
    out
}

fn as_euro(v: Decimal) -> String {
    let n = v.normalize();
    format!("€ {}", dutch(n, n.scale()))
}

fn svg_open(out: &mut String, id: &str, hoogte: f64, titel: &str, omschrijving: &str) {
    out.push_str(&format!(
        "<figure>\n<figcaption id=\"{id}-titel\">{}</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" \
         viewBox=\"0 0 {BREEDTE:.0} {hoogte:.0}\" role=\"img\" aria-labelledby=\"{id}-titel {id}-tekst\">\n\
         <desc id=\"{id}-tekst\">{}</desc>\n",
        esc(titel),
        esc(omschrijving)
    ));
}

fn svg_close(out: &mut String) {
    out.push_str("</svg>\n</figure>\n");
}

fn text(x: f64, y: f64, anchor: &str, size: f64, inhoud: &str, attr: &str) -> String {
    format!(
        "<text x=\"{x:.1}\" y=\"{y:.1}\" text-anchor=\"{anchor}\" font-size=\"{size:.1}\"{attr}>{}</text>\n",
        esc(inhoud)
    )
}

/// Rough text width in SVG units, for laying out legends.
fn tekstbreedte(t: &str, size: f64) -> f64 {
    t.chars().count() as f64 * size * 0.56
}

/// Costs per year, stacked by post.
fn svg_kosten_per_jaar(k: &Kosten, posten: &[(Post, Subtotaal)]) -> String {
    let mut out = String::new();
    let max = k
        .jaren
        .iter()
        .map(|j| f(j.totalen.kosten_totaal))
        .fold(0.0, f64::max);
    if max <= 0.0 || posten.is_empty() {
        return out;
    }
    let ticks = streepjes(max, 5.0);
    let top = ticks.last().map_or(max, |t| f(*t)).max(max);
    let (links, rechts, boven, plot_h) = (78.0, 10.0, 22.0, 230.0);
    // Legend: rows of items.
    let mut legenda = Vec::new();
    let (mut lx, mut ly) = (links, 0.0);
    for (p, _) in posten {
        let w = 16.0 + tekstbreedte(p.label(), 10.0) + 14.0;
        if lx + w > BREEDTE - rechts && lx > links {
            lx = links;
            ly += 16.0;
        }
        legenda.push((lx, ly, *p));
        lx += w;
    }
    let as_y = boven + plot_h;
    let legenda_y = as_y + 30.0;
    let hoogte = legenda_y + ly + 14.0;
    svg_open(
        &mut out,
        "grafiek-kosten-jaar",
        hoogte,
        "Kosten per jaar, opgebouwd per post",
        "Gestapelde staven: per jaar de kosten van elke post; boven elke staaf het totaal van het \
         jaar. Dezelfde bedragen staan in de tabel Kosten per post.",
    );
    let schaal = plot_h / top;
    for t in &ticks {
        let y = as_y - f(*t) * schaal;
        out.push_str(&format!(
            "<line x1=\"{links:.1}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"#d5dbe0\" stroke-width=\"0.8\"/>\n",
            BREEDTE - rechts
        ));
        out.push_str(&text(
            links - 6.0,
            y + 3.5,
            "end",
            10.0,
            &as_euro(*t),
            " data-as",
        ));
    }
    let n = k.jaren.len() as f64;
    let vak = (BREEDTE - links - rechts) / n;
    let staaf = (vak * 0.62).min(70.0);
    let labels = k.jaren.len() <= 8;
    for (yi, j) in k.jaren.iter().enumerate() {
        let x = links + vak * yi as f64 + (vak - staaf) / 2.0;
        let mut y = as_y;
        for (p, t) in posten {
            let v = f(t.per_jaar.get(yi).copied().unwrap_or_default());
            if v <= 0.0 {
                continue;
            }
            let h = v * schaal;
            y -= h;
            out.push_str(&format!(
                "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{staaf:.1}\" height=\"{h:.1}\" fill=\"{}\" stroke=\"#fff\" stroke-width=\"0.4\"/>\n",
                kleur(*p)
            ));
        }
        if labels {
            out.push_str(&text(
                x + staaf / 2.0,
                y - 5.0,
                "middle",
                9.5,
                &euro(j.totalen.kosten_totaal),
                &json("cost", &format!("/jaren/{yi}/kosten_totaal")),
            ));
        }
        let toon_jaar = k.jaren.len() <= 15 || yi % 5 == 0 || yi + 1 == k.jaren.len();
        if toon_jaar {
            out.push_str(&text(
                x + staaf / 2.0,
                as_y + 14.0,
                "middle",
                10.0,
                &j.jaar.to_string(),
                "",
            ));
        }
    }
    out.push_str(&format!(
        "<line x1=\"{links:.1}\" y1=\"{as_y:.1}\" x2=\"{:.1}\" y2=\"{as_y:.1}\" stroke=\"#333\" stroke-width=\"1\"/>\n",
        BREEDTE - rechts
    ));
    for (x, y, p) in legenda {
        let yy = legenda_y + y;
        out.push_str(&format!(
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"10\" height=\"10\" fill=\"{}\"/>\n",
            yy - 9.0,
            kleur(p)
        ));
        out.push_str(&text(x + 14.0, yy, "start", 10.0, p.label(), ""));
    }
    svg_close(&mut out);
    out
}

/// Costs per role over the horizon, horizontal bars.
fn svg_kosten_per_rol(s: &Scenario, o: &Overzicht) -> String {
    let mut out = String::new();
    let mut balken: Vec<(String, Decimal, String, bool)> = o
        .rollen
        .iter()
        .map(|(rol, t)| {
            let label = if s.is_elders_gefinancierd(rol) {
                format!("{rol} (elders gefinancierd)")
            } else {
                rol.to_string()
            };
            (
                label,
                t.totaal,
                Som::default().rol(Some(rol)).attr(),
                s.is_elders_gefinancierd(rol),
            )
        })
        .collect();
    balken.push((
        "zonder rol (ondersteuning, projectleiding, overhead)".into(),
        o.zonder_rol.totaal,
        Som::default().rol(None).attr(),
        false,
    ));
    let max = balken.iter().map(|b| f(b.1)).fold(0.0, f64::max);
    if max <= 0.0 {
        return out;
    }
    let ticks = streepjes(max, 4.0);
    let top = ticks.last().map_or(max, |t| f(*t)).max(max);
    let links = 10.0;
    let rechts = 34.0;
    let rij = 34.0;
    let boven = 8.0;
    let hoogte = boven + rij * balken.len() as f64 + 24.0;
    svg_open(
        &mut out,
        "grafiek-kosten-rol",
        hoogte,
        "Kosten per rol over de looptijd",
        "Liggende staven: per rol de kosten over de hele looptijd, met het bedrag erbij. Dezelfde \
         bedragen staan in de tabel Kosten per rol.",
    );
    let breed = BREEDTE - links - rechts;
    let schaal = breed / top;
    let as_y = boven + rij * balken.len() as f64;
    for t in &ticks {
        let x = links + f(*t) * schaal;
        out.push_str(&format!(
            "<line x1=\"{x:.1}\" y1=\"{boven:.1}\" x2=\"{x:.1}\" y2=\"{as_y:.1}\" stroke=\"#d5dbe0\" stroke-width=\"0.8\"/>\n"
        ));
        out.push_str(&text(
            x,
            as_y + 14.0,
            "middle",
            9.5,
            &as_euro(*t),
            " data-as",
        ));
    }
    for (i, (label, v, attr, elders)) in balken.iter().enumerate() {
        let y = boven + rij * i as f64;
        out.push_str(&text(links, y + 11.0, "start", 10.0, label, ""));
        let w = f(*v) * schaal;
        let kleur = if *elders { "#9aa5b1" } else { "#2e75b6" };
        out.push_str(&format!(
            "<rect x=\"{links:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"13\" fill=\"{kleur}\"/>\n",
            y + 15.0
        ));
        let tekst = euro(*v);
        let tw = tekstbreedte(&tekst, 9.5);
        let (tx, anchor) = if links + w + 6.0 + tw <= BREEDTE - 2.0 {
            (links + w + 5.0, "start")
        } else {
            (links + w - 5.0, "end")
        };
        let fill = if anchor == "end" {
            " fill=\"#fff\""
        } else {
            ""
        };
        out.push_str(&format!(
            "<text x=\"{tx:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\" font-size=\"9.5\"{fill}{attr}>{}</text>\n",
            y + 25.5,
            esc(&tekst)
        ));
    }
    svg_close(&mut out);
    out
}

/// The six indicators over the horizon, without and with PaTz.
fn svg_indicatoren(i: &ImpactResultaat) -> String {
    let mut out = String::new();
    let max = i
        .totaal
        .iter()
        .map(|t| f(t.basis).max(f(t.met_patz)))
        .fold(0.0, f64::max);
    if max <= 0.0 {
        return out;
    }
    let ticks = streepjes(max, 5.0);
    let top = ticks.last().map_or(max, |t| f(*t)).max(max);
    let (links, rechts, boven) = (10.0, 40.0, 26.0);
    let rij = 44.0;
    let as_y = boven + rij * i.totaal.len() as f64;
    let hoogte = as_y + 24.0;
    svg_open(
        &mut out,
        "grafiek-indicatoren",
        hoogte,
        "Verwachte aantallen patiënten per indicator over de looptijd, zonder en met PaTz",
        "Per indicator twee liggende staven: het verwachte aantal patiënten zonder PaTz (grijs) en \
         met PaTz (blauw), met de aantallen erbij. Dezelfde aantallen staan in de tabel \
         Indicatoren over de looptijd.",
    );
    // Legend.
    out.push_str(&format!(
        "<rect x=\"{links:.1}\" y=\"4\" width=\"10\" height=\"10\" fill=\"#a6a6a6\"/>\n{}\
         <rect x=\"{:.1}\" y=\"4\" width=\"10\" height=\"10\" fill=\"#1f4e79\"/>\n{}",
        text(links + 14.0, 13.0, "start", 10.0, "zonder PaTz", ""),
        links + 110.0,
        text(links + 124.0, 13.0, "start", 10.0, "met PaTz", "")
    ));
    let breed = BREEDTE - links - rechts;
    let schaal = breed / top;
    for t in &ticks {
        let x = links + f(*t) * schaal;
        out.push_str(&format!(
            "<line x1=\"{x:.1}\" y1=\"{boven:.1}\" x2=\"{x:.1}\" y2=\"{as_y:.1}\" stroke=\"#d5dbe0\" stroke-width=\"0.8\"/>\n"
        ));
        let n = t.normalize();
        out.push_str(&text(
            x,
            as_y + 14.0,
            "middle",
            9.5,
            &dutch(n, n.scale()),
            " data-as",
        ));
    }
    for (k, t) in i.totaal.iter().enumerate() {
        let y = boven + rij * k as f64;
        out.push_str(&text(
            links,
            y + 10.0,
            "start",
            10.0,
            t.indicator.omschrijving(),
            "",
        ));
        for (m, (v, veld, kleur)) in [
            (t.basis, "basis", "#a6a6a6"),
            (t.met_patz, "met_patz", "#1f4e79"),
        ]
        .into_iter()
        .enumerate()
        {
            let by = y + 14.0 + 13.0 * m as f64;
            let w = f(v) * schaal;
            out.push_str(&format!(
                "<rect x=\"{links:.1}\" y=\"{by:.1}\" width=\"{w:.1}\" height=\"11\" fill=\"{kleur}\"/>\n"
            ));
            out.push_str(&text(
                links + w + 4.0,
                by + 9.0,
                "start",
                9.0,
                &aantal(v),
                &json("impact", &format!("/totaal/indicatoren/{k}/{veld}")),
            ));
        }
    }
    svg_close(&mut out);
    out
}

/// The coverage of every offer over its years, grouped per insurer, with the 100 % line.
fn svg_dekking(s: &Scenario, r: &Resultaat) -> String {
    let mut out = String::new();
    let a = &r.aanbiedingen;
    // Offers grouped per insurer, in the insurers' order.
    let mut balken = Vec::new();
    for v in &s.verzekeraars {
        for (i, t) in a.totalen.iter().enumerate() {
            let Some(x) = s.aanbiedingen.get(t.aanbod) else {
                continue;
            };
            if x.verzekeraar == v.naam {
                let aanbod = format!(
                    "<tspan{}>{}</tspan>",
                    json("offers", &format!("/totaal/aanbiedingen/{i}/aanbod")),
                    esc(&x.label)
                );
                let label = if x.label.contains(&v.naam) {
                    aanbod
                } else {
                    format!(
                        "<tspan{}>{}</tspan>: {aanbod}",
                        json("offers", &format!("/totaal/aanbiedingen/{i}/verzekeraar")),
                        esc(&v.naam)
                    )
                };
                balken.push((label, t.dekking_percentage, i));
            }
        }
    }
    if balken.is_empty() {
        return out;
    }
    let max = balken
        .iter()
        .filter_map(|b| b.1.map(f))
        .fold(100.0, f64::max);
    let ticks = streepjes(max, 5.0);
    let top = ticks.last().map_or(max, |t| f(*t)).max(max);
    let (links, rechts, boven) = (10.0, 46.0, 22.0);
    let rij = 32.0;
    let as_y = boven + rij * balken.len() as f64;
    let hoogte = as_y + 24.0;
    svg_open(
        &mut out,
        "grafiek-dekking",
        hoogte,
        "Dekking per aanbod, per verzekeraar",
        "Liggende staven: per aanbod de opbrengst als percentage van het kostenaandeel van de \
         verzekeraar in de jaren van het aanbod. De streeplijn markeert volledige dekking: \
         daar dekt het aanbod precies de kosten. Dezelfde percentages staan in de tabel Uitkomst per aanbod.",
    );
    let breed = BREEDTE - links - rechts;
    let schaal = breed / top;
    for t in &ticks {
        let x = links + f(*t) * schaal;
        out.push_str(&format!(
            "<line x1=\"{x:.1}\" y1=\"{boven:.1}\" x2=\"{x:.1}\" y2=\"{as_y:.1}\" stroke=\"#d5dbe0\" stroke-width=\"0.8\"/>\n"
        ));
        let n = t.normalize();
        out.push_str(&text(
            x,
            as_y + 14.0,
            "middle",
            9.5,
            &format!("{} %", dutch(n, n.scale())),
            " data-as",
        ));
    }
    for (k, (label, dekking, i)) in balken.iter().enumerate() {
        let y = boven + rij * k as f64;
        out.push_str(&format!(
            "<text x=\"{links:.1}\" y=\"{:.1}\" text-anchor=\"start\" font-size=\"10.0\">{label}</text>\n",
            y + 10.0
        ));
        let (w, kleur) = match dekking {
            Some(d) => (
                f(*d) * schaal,
                if *d >= Decimal::ONE_HUNDRED {
                    "#4f7f2f"
                } else {
                    "#c9822b"
                },
            ),
            None => (0.0, "#a6a6a6"),
        };
        out.push_str(&format!(
            "<rect x=\"{links:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"12\" fill=\"{kleur}\"/>\n",
            y + 14.0
        ));
        out.push_str(&text(
            links + w + 4.0,
            y + 24.0,
            "start",
            9.5,
            &dekking.map_or_else(|| "—".to_string(), ratio),
            &json(
                "offers",
                &format!("/totaal/aanbiedingen/{i}/dekking_percentage"),
            ),
        ));
    }
    let x100 = links + 100.0 * schaal;
    out.push_str(&format!(
        "<line x1=\"{x100:.1}\" y1=\"{:.1}\" x2=\"{x100:.1}\" y2=\"{as_y:.1}\" stroke=\"#222\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\"/>\n",
        boven - 6.0
    ));
    out.push_str(&text(
        x100,
        boven - 10.0,
        "middle",
        9.5,
        "kostendekkend",
        "",
    ));
    svg_close(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_every_character_that_could_open_markup() {
        assert_eq!(
            esc("<script>\"a\" & 'b'</script>"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
        );
    }

    #[test]
    fn axis_steps_are_round_numbers() {
        assert_eq!(stap(234_816.19, 5.0), Decimal::from(50_000));
        assert_eq!(stap(163.4, 5.0), Decimal::from(50));
        assert_eq!(stap(0.9, 5.0), Decimal::new(2, 1));
        assert_eq!(stap(120.0, 5.0), Decimal::from(25));
        let t = streepjes(234_816.19, 5.0);
        assert_eq!(t.first(), Some(&Decimal::ZERO));
        assert_eq!(t.last(), Some(&Decimal::from(250_000)));
    }
}
