//! The financing charts: the coverage of every offer, grouped per insurer. Pure, no I/O.

use rust_decimal::Decimal;

use crate::calc::Resultaat;
use crate::render::herkomst::{esc, json};
use crate::scenario::Scenario;

use super::{BREEDTE, Grafiek, as_getal, f, raster_liggend, streepjes, text, vlak};

/// A calculated percentage, one decimal.
fn ratio(v: Decimal) -> String {
    format!("{} %", crate::decimal::dutch(v, 1))
}

/// The coverage of every offer over its years, grouped per insurer, with the 100 % line;
/// `None` without offers. (One drawing laid out from the top down: bars, axis and labels share
/// its coordinates, so it stays one function.)
pub fn dekking(s: &Scenario, r: &Resultaat) -> Option<Grafiek> {
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
        return None;
    }
    let max = balken
        .iter()
        .filter_map(|b| b.1.map(f))
        .fold(100.0, f64::max);
    let ticks = streepjes(max, 5.0);
    let top = ticks.last().map_or(max, |t| f(*t)).max(max);
    let (links, rechts, boven, rij) = (10.0, 46.0, 22.0, 32.0);
    let as_y = boven + rij * balken.len() as f64;
    let mut g = Grafiek::new(
        "dekking-per-aanbod",
        "Dekking per aanbod, per verzekeraar",
        "Liggende staven: per aanbod de opbrengst als percentage van het kostenaandeel van de \
         verzekeraar in de jaren van het aanbod. De streeplijn markeert volledige dekking: \
         daar dekt het aanbod precies de kosten. Dezelfde percentages staan in de tabel Uitkomst \
         per aanbod.",
        as_y + 24.0,
    );
    let schaal = (BREEDTE - links - rechts) / top;
    raster_liggend(
        &mut g,
        &ticks,
        |v| links + v * schaal,
        (boven, as_y),
        |t| format!("{} %", as_getal(t)),
    );
    for (k, (label, dekking, i)) in balken.iter().enumerate() {
        let y = boven + rij * k as f64;
        g.inhoud.push_str(&format!(
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
        g.inhoud.push_str(&vlak(links, y + 14.0, w, 12.0, kleur));
        g.inhoud.push_str(&text(
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
    g.inhoud.push_str(&format!(
        "<line x1=\"{x100:.1}\" y1=\"{:.1}\" x2=\"{x100:.1}\" y2=\"{as_y:.1}\" stroke=\"#222\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\"/>\n",
        boven - 6.0
    ));
    g.inhoud.push_str(&text(
        x100,
        boven - 10.0,
        "middle",
        9.5,
        "kostendekkend",
        "",
    ));
    Some(g)
}
