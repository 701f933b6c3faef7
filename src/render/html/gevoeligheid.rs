//! The chapter Gevoeligheid: the one-way sensitivity of netto, passed in by the caller, as a
//! tornado chart and a table. Pure, no I/O.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::decimal::{dutch, euro};
use crate::onzekerheid::analyse::Gevoeligheid;
use crate::scenario::Scenario;

use super::grafiek::{BREEDTE, svg_close, svg_open, text};
use super::opmaak::{einde, esc, hoofdstuk, json, tabel, td, td_n, th_row};

/// "Gevoeligheid": the one-way sensitivity of netto to every declared `[[onzekerheid]]`, as a
/// tornado chart and a table (the same rows as `patz-calc sensitivity --format json`).
pub(super) fn gevoeligheid_hoofdstuk(out: &mut String, s: &Scenario, g: &Gevoeligheid) {
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
