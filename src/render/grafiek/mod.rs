//! The charts of the businesscase, shared by the HTML report, the Word document and
//! `report --grafieken`: each chart is built once as a [`Grafiek`] and then placed as an inline
//! figure ([`Grafiek::figuur`]), written as a file of its own ([`Grafiek::svg`]) or rasterised
//! ([`png`]). Pure, no I/O (the fonts for PNG are handed in by the caller).
//!
//! The charts are drawn here as SVG rather than with a chart crate: every figure in a chart
//! carries where it comes from (`data-json`, `data-som`, see `render/html`), so that the
//! document tests hold the chart's labels against the CLI's JSON like every other number; its
//! numbers are in Dutch notation as the tables are; and a chart crate (plotters, charming)
//! would bring its own text layout and font handling, and build time, for six bar charts.
//! What every chart shares, the frame, the axis steps and the colours, is in this file.

mod financiering;
mod gevoeligheid;
mod kosten;
#[cfg(feature = "png")]
mod png;
mod zorgreductie;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::calc::Resultaat;
use crate::calc::cost::Post;
use crate::calc::overzicht::overzicht;
use crate::decimal::dutch;
use crate::onzekerheid::analyse::Gevoeligheid;
use crate::scenario::Scenario;

use super::herkomst::esc;

pub use financiering::{dekking, per_verzekeraar};
pub use gevoeligheid::tornado;
pub use kosten::{kosten_per_jaar, kosten_per_rol};
#[cfg(feature = "png")]
pub use png::{Lettertypen, PngFout, fontdb, png};
pub use zorgreductie::indicatoren;

/// Width of every chart in SVG units (pixels at scale 1; scaled to the page width in HTML).
pub const BREEDTE: f64 = 680.0;

/// The file names of every chart there is (without extension), in the report's order.
pub const NAMEN: [&str; 6] = [
    "kosten-per-jaar",
    "kosten-per-rol",
    "dekking-per-aanbod",
    "businesscase-per-verzekeraar",
    "zorgreductie-per-indicator",
    "gevoeligheid-van-het-saldo",
];

/// The font families of a chart file (the HTML report's charts take the page's font).
const LETTERS: &str = "Liberation Sans, Arial, Helvetica, DejaVu Sans, sans-serif";

/// One chart: its name, caption, description and drawing.
#[derive(Debug, Clone, PartialEq)]
pub struct Grafiek {
    /// The name of its file without extension, in Dutch (`kosten-per-jaar`); the HTML figure's
    /// id is `grafiek-` followed by it.
    pub naam: &'static str,
    /// The caption (Dutch).
    pub titel: String,
    /// What the chart shows, in words (the SVG's description, read by screen readers).
    pub omschrijving: String,
    /// Height in SVG units; the width is [`BREEDTE`].
    pub hoogte: f64,
    /// The SVG elements of the drawing, in coordinates `0..BREEDTE × 0..hoogte`.
    inhoud: String,
}

impl Grafiek {
    fn new(naam: &'static str, titel: &str, omschrijving: &str, hoogte: f64) -> Grafiek {
        Grafiek {
            naam,
            titel: titel.to_string(),
            omschrijving: omschrijving.to_string(),
            hoogte,
            inhoud: String::with_capacity(8 * 1024),
        }
    }

    /// The chart as an HTML figure with its caption and inline SVG.
    pub fn figuur(&self) -> String {
        let id = format!("grafiek-{}", self.naam);
        format!(
            "<figure>\n<figcaption id=\"{id}-titel\">{}</figcaption>\n<svg \
             xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {BREEDTE:.0} {:.0}\" role=\"img\" \
             aria-labelledby=\"{id}-titel {id}-tekst\">\n<desc id=\"{id}-tekst\">{}</desc>\n{}\
             </svg>\n</figure>\n",
            esc(&self.titel),
            self.hoogte,
            esc(&self.omschrijving),
            self.inhoud
        )
    }

    /// The chart as an SVG file of its own, with its caption drawn above it (for a slide) when
    /// `met_titel`, on a white background.
    pub fn svg(&self, met_titel: bool) -> String {
        let kop = if met_titel { 30.0 } else { 0.0 };
        let hoogte = self.hoogte + kop + 8.0;
        let mut out = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" \
             width=\"{w:.0}\" height=\"{hoogte:.0}\" viewBox=\"0 0 {w:.0} {hoogte:.0}\" \
             font-family=\"{LETTERS}\">\n<title>{}</title>\n<desc>{}</desc>\n<rect width=\"{w:.0}\" \
             height=\"{hoogte:.0}\" fill=\"#ffffff\"/>\n",
            esc(&self.titel),
            esc(&self.omschrijving),
            w = BREEDTE + 16.0,
        );
        if met_titel {
            out.push_str(&format!(
                "<text x=\"8\" y=\"20\" font-size=\"13\" font-weight=\"bold\" fill=\"#1f4e79\">{}</text>\n",
                esc(&self.titel)
            ));
        }
        out.push_str(&format!(
            "<g transform=\"translate(8 {kop:.0})\" fill=\"#222222\">\n{}</g>\n</svg>\n",
            self.inhoud
        ));
        out
    }
}

/// Every chart of the report, in the order of its chapters (a chart without anything to draw
/// is left out). `gevoeligheid` as for [`crate::render::html::report`].
pub fn alle(s: &Scenario, r: &Resultaat, gevoeligheid: Option<&Gevoeligheid>) -> Vec<Grafiek> {
    let o = overzicht(s, &r.kosten);
    let mut out = Vec::new();
    out.extend(kosten_per_jaar(s, &r.kosten, &o.posten));
    out.extend(kosten_per_rol(s, &o));
    out.extend(dekking(s, r));
    if !s.aanbiedingen.is_empty() {
        out.extend(per_verzekeraar(s, r));
    }
    if let Some(i) = &r.impact {
        out.extend(indicatoren(i));
    }
    if let Some(g) = gevoeligheid {
        out.extend(tornado(s, g));
    }
    out
}

/// A role as people write it, with how it is financed when not through TAPA$:
/// `Consulent (deels elders gefinancierd)` ([`crate::calc::financiering::rol_wijze`]).
pub(crate) fn rol_label(s: &Scenario, rol: &str) -> String {
    let naam = hoofdletter(&rol_naam(rol));
    match crate::calc::financiering::rol_wijze(s, rol).tekst() {
        Some(t) => format!("{naam} ({t})"),
        None => naam,
    }
}

/// A role as people write it: `medisch_specialist` → `medisch specialist`.
pub(crate) fn rol_naam(rol: &str) -> String {
    rol.replace('_', " ")
}

/// `t` with its first letter in upper case.
pub(crate) fn hoofdletter(t: &str) -> String {
    let mut c = t.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The colour of a post in the charts and the table.
pub fn kleur(post: Post) -> &'static str {
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
        // Own posts: a few distinct warm tones, in turn.
        Post::Kostenpost(i) => match i % 4 {
            0 => "#d9a3a3",
            1 => "#b5651d",
            2 => "#e6b8d4",
            _ => "#8c564b",
        },
        Post::Overhead => "#7f7f7f",
    }
}

/// A small square in a post's colour, for a table's legend (inline SVG).
pub fn kleur_blokje(post: Post) -> String {
    format!(
        "<svg width=\"9\" height=\"9\" viewBox=\"0 0 9 9\" aria-hidden=\"true\" \
         style=\"display:inline;width:9px;height:9px;margin-right:4px\"><rect width=\"9\" \
         height=\"9\" fill=\"{}\"/></svg>",
        kleur(post)
    )
}

/// A value as a drawing coordinate (never below zero: the bar charts start at zero).
fn f(v: Decimal) -> f64 {
    v.to_f64().unwrap_or(0.0).max(0.0)
}

/// A round step for about `doel` ticks up to `max`.
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

/// An axis label in euro, as short as the round number allows.
fn as_euro(v: Decimal) -> String {
    let n = v.normalize();
    format!("€ {}", dutch(n, n.scale()))
}

/// An axis label without unit.
fn as_getal(v: Decimal) -> String {
    let n = v.normalize();
    dutch(n, n.scale())
}

/// A text element.
fn text(x: f64, y: f64, anchor: &str, size: f64, inhoud: &str, attr: &str) -> String {
    format!(
        "<text x=\"{x:.1}\" y=\"{y:.1}\" text-anchor=\"{anchor}\" font-size=\"{size:.1}\"{attr}>{}</text>\n",
        esc(inhoud)
    )
}

/// A thin line.
fn lijn(x1: f64, y1: f64, x2: f64, y2: f64, kleur: &str, dikte: f64) -> String {
    format!(
        "<line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" stroke=\"{kleur}\" stroke-width=\"{dikte}\"/>\n"
    )
}

/// A filled rectangle.
fn vlak(x: f64, y: f64, w: f64, h: f64, kleur: &str) -> String {
    format!(
        "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" fill=\"{kleur}\"/>\n"
    )
}

/// Rough text width in SVG units, for laying out labels (a generous estimate for the usual
/// sans-serif fonts, so that a label fits wherever it is drawn).
fn tekstbreedte(t: &str, size: f64) -> f64 {
    t.chars().count() as f64 * size * 0.56
}

/// `t` broken at spaces into lines of at most `breedte` units at font `size`; a word longer
/// than a line keeps its own line.
fn regels(t: &str, breedte: f64, size: f64) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    for w in t.split_whitespace() {
        let probeer = if cur.is_empty() {
            w.to_string()
        } else {
            format!("{cur} {w}")
        };
        if tekstbreedte(&probeer, size) <= breedte || cur.is_empty() {
            cur = probeer;
        } else {
            out.push(std::mem::take(&mut cur));
            cur = w.to_string();
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Horizontal grid lines with their amounts left of the axis, for a chart of standing bars
/// `plot_h` high whose axis (at `as_y`) runs to `top`: a line at every tick, from `links` to
/// `rechts` short of the right edge. Returns the scale (SVG units per unit of value).
fn raster_staand(
    g: &mut Grafiek,
    ticks: &[Decimal],
    (plot_h, top): (f64, f64),
    as_y: f64,
    (links, rechts): (f64, f64),
) -> f64 {
    let schaal = plot_h / top;
    for t in ticks {
        let yt = as_y - f(*t) * schaal;
        g.inhoud
            .push_str(&lijn(links, yt, BREEDTE - rechts, yt, "#d5dbe0", 0.8));
        g.inhoud.push_str(&text(
            links - 6.0,
            yt + 3.5,
            "end",
            10.0,
            &as_euro(*t),
            " data-as=\"\"",
        ));
    }
    schaal
}

/// Vertical grid lines with axis labels below, for a horizontal bar chart whose axis runs from
/// `links` to `rechts` short of the right edge for the values `0..top`. Returns the scale (SVG
/// units per unit of value).
fn raster_liggend(
    g: &mut Grafiek,
    ticks: &[Decimal],
    (links, rechts, top): (f64, f64, f64),
    (boven, as_y): (f64, f64),
    label: impl Fn(Decimal) -> String,
) -> f64 {
    let schaal = (BREEDTE - links - rechts) / top;
    for t in ticks {
        let xt = links + f(*t) * schaal;
        g.inhoud
            .push_str(&lijn(xt, boven, xt, as_y, "#d5dbe0", 0.8));
        g.inhoud.push_str(&text(
            xt,
            as_y + 14.0,
            "middle",
            9.5,
            &label(*t),
            " data-as=\"\"",
        ));
    }
    schaal
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn long_labels_break_at_spaces_into_lines_that_fit() {
        // 10 units per character at size 10/0.56: "aaa bbb" is 7 characters = 70 units.
        let size = 10.0 / 0.56;
        assert_eq!(
            regels("aaa bbb cc dddddddddddd e", 70.0, size),
            vec!["aaa bbb", "cc", "dddddddddddd", "e"]
        );
        assert_eq!(regels("", 70.0, size), Vec::<String>::new());
    }

    #[test]
    fn a_chart_file_stands_alone_with_its_title_and_a_white_background() {
        let mut g = Grafiek::new("proef", "Proef <1>", "Omschrijving & meer", 100.0);
        g.inhoud.push_str(&vlak(0.0, 0.0, 10.0, 10.0, "#000000"));
        let svg = g.svg(true);
        assert!(svg.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg"));
        assert!(svg.contains("<title>Proef &lt;1&gt;</title>"));
        assert!(svg.contains("<desc>Omschrijving &amp; meer</desc>"));
        // 100 high + 30 for the title + 8 margin.
        assert!(svg.contains("width=\"696\" height=\"138\""));
        assert!(svg.ends_with("</g>\n</svg>\n"));
        let html = g.figuur();
        assert!(html.contains("aria-labelledby=\"grafiek-proef-titel grafiek-proef-tekst\""));
        assert!(!html.contains("<?xml"));
    }
}
