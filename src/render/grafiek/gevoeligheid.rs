//! The tornado chart of the one-way sensitivity of netto. Pure, no I/O.
//!
//! Its layout keeps every label clear of every other: the parameter names have a column of
//! their own on the left (broken into lines that fit it), and the bars are drawn inside a
//! margin as wide as the widest amount, so that the amount at either end of a bar always fits
//! beside it on the bar's own line and never reaches the names.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::decimal::euro;
use crate::onzekerheid::analyse::{Gevoeligheid, GevoeligheidRij};
use crate::render::herkomst::{json, parameter};
use crate::scenario::Scenario;
use crate::scenario::param;

use super::{BREEDTE, Grafiek, hoofdletter, lijn, regels, tekstbreedte, text, vlak};

/// Font size of the parameter names and of the amounts.
const NAAM: f64 = 9.5;
const BEDRAG: f64 = 8.5;

/// The tornado: per parameter a bar from the netto at its low value to the netto at its high
/// value, around a vertical line at the netto as described; `None` without rows.
pub fn tornado(s: &Scenario, g: &Gevoeligheid) -> Option<Grafiek> {
    if g.rijen.is_empty() {
        return None;
    }
    let f = getal;
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
    let namen_breed = 230.0;
    let marge = g
        .rijen
        .iter()
        .flat_map(|r| [r.uitkomst_laag, r.uitkomst_hoog])
        .map(|v| tekstbreedte(&euro(v), BEDRAG))
        .fold(0.0, f64::max)
        + 8.0;
    let (links, rechts) = (namen_breed + marge, BREEDTE - marge);
    let x = |v: f64| links + (v - lo) / span * (rechts - links);
    let namen: Vec<Vec<String>> = g
        .rijen
        .iter()
        .map(|r| {
            regels(
                &hoofdletter(&param::label(s, &r.pad)),
                namen_breed - 12.0,
                NAAM,
            )
        })
        .collect();
    let boven = 30.0;
    let hoogtes: Vec<f64> = namen
        .iter()
        .map(|n| (n.len().max(1) as f64 * 12.0 + 10.0).max(30.0))
        .collect();
    let hoogte = boven + hoogtes.iter().sum::<f64>() + 10.0;
    let mut grafiek = Grafiek::new(
        "gevoeligheid-van-het-saldo",
        "Het saldo bij de lage en de hoge waarde van elke onzekere invoer",
        "Per onzekere invoer een liggende staaf van het saldo bij de lage waarde tot het saldo bij \
         de hoge waarde; de verticale lijn is het saldo zoals beschreven. Dezelfde getallen staan \
         in de tabel Gevoeligheid van het saldo.",
        hoogte,
    );
    let inhoud = &mut grafiek.inhoud;
    let xb = x(f(g.basis));
    inhoud.push_str(&lijn(xb, boven - 8.0, xb, hoogte - 6.0, "#333", 1.0));
    inhoud.push_str(&text(
        xb,
        boven - 12.0,
        "middle",
        9.5,
        &euro(g.basis),
        &json("sensitivity", "/basis"),
    ));
    let mut y = boven;
    for (k, (r, naam)) in g.rijen.iter().zip(&namen).enumerate() {
        let h = hoogtes.get(k).copied().unwrap_or(30.0);
        let midden = y + h / 2.0;
        staaf(inhoud, (k, r), naam, (midden, namen_breed), &x);
        y += h;
    }
    Some(grafiek)
}

/// An amount as a coordinate, signed: a saldo may be negative (the shared `f` clamps at zero for
/// the bar charts).
fn getal(v: Decimal) -> f64 {
    v.to_f64().unwrap_or(0.0)
}

/// Row `k`'s name (its lines `naam` right-aligned before `namen_breed`, centred on `midden`), its
/// bar on the scale `x` and the amount at either end.
fn staaf(
    inhoud: &mut String,
    (k, r): (usize, &GevoeligheidRij),
    naam: &[String],
    (midden, namen_breed): (f64, f64),
    x: &dyn Fn(f64) -> f64,
) {
    // The name, its lines centred on the bar.
    let eerste = midden - (naam.len() as f64 - 1.0) * 6.0 + 3.5;
    inhoud.push_str(&format!("<g{}>\n", parameter(&r.pad)));
    for (n, regel) in naam.iter().enumerate() {
        inhoud.push_str(&text(
            namen_breed - 12.0,
            eerste + 12.0 * n as f64,
            "end",
            NAAM,
            regel,
            "",
        ));
    }
    inhoud.push_str("</g>\n");
    let (a, b) = (getal(r.uitkomst_laag), getal(r.uitkomst_hoog));
    let (x0, x1) = (x(a.min(b)), x(a.max(b)));
    inhoud.push_str(&vlak(x0, midden - 7.0, (x1 - x0).max(1.0), 14.0, "#1f4e79"));
    let ((links_veld, links_v), (rechts_veld, rechts_v)) = if a <= b {
        (
            ("uitkomst_laag", r.uitkomst_laag),
            ("uitkomst_hoog", r.uitkomst_hoog),
        )
    } else {
        (
            ("uitkomst_hoog", r.uitkomst_hoog),
            ("uitkomst_laag", r.uitkomst_laag),
        )
    };
    inhoud.push_str(&text(
        x0 - 4.0,
        midden + 3.0,
        "end",
        BEDRAG,
        &euro(links_v),
        &json("sensitivity", &format!("/rijen/{k}/{links_veld}")),
    ));
    inhoud.push_str(&text(
        x1 + 4.0,
        midden + 3.0,
        "start",
        BEDRAG,
        &euro(rechts_v),
        &json("sensitivity", &format!("/rijen/{k}/{rechts_veld}")),
    ));
}
