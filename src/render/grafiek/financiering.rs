//! The financing charts: the coverage of every offer, grouped per insurer. Pure, no I/O.

use rust_decimal::Decimal;

use crate::calc::Resultaat;
use crate::render::herkomst::{esc, json, json_afgerond};
use crate::scenario::Scenario;

use super::{
    BREEDTE, Grafiek, as_getal, f, lijn, raster_liggend, raster_staand, streepjes, tekstbreedte,
    text, vlak,
};

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
    let schaal = raster_liggend(&mut g, &ticks, (links, rechts, top), (boven, as_y), |t| {
        format!("{} %", as_getal(t))
    });
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

/// Each insurer's businesscase over the horizon: per insurer two bars, what its chosen offer
/// pays the region (betaling) against the avoided costs among its own insured, with the amount
/// above each; `None` without `[impact]` or without insurers. (One drawing laid out from the
/// top down: legend, axis, bars and labels share its coordinates, so it stays one function.)
pub fn per_verzekeraar(s: &Scenario, r: &Resultaat) -> Option<Grafiek> {
    r.impact.as_ref()?;
    let p = &r.per_verzekeraar;
    // (name, betaling, vermeden kosten, index in the JSON's `verzekeraars`)
    let groepen: Vec<(&str, Decimal, Decimal, usize)> = p
        .verzekeraars
        .iter()
        .enumerate()
        .filter_map(|(i, z)| {
            let v = s.verzekeraars.get(z.verzekeraar)?;
            Some((
                v.naam.as_str(),
                z.totaal.betaling,
                z.totaal.vermeden_kosten?,
                i,
            ))
        })
        .collect();
    if groepen.is_empty() {
        return None;
    }
    let max = groepen
        .iter()
        .map(|g| f(g.1).max(f(g.2)))
        .fold(0.0, f64::max);
    let ticks = streepjes(max.max(1.0), 5.0);
    let top = ticks.last().map_or(max, |t| f(*t)).max(max).max(1.0);
    let (links, rechts, boven, plot_h) = (78.0, 10.0, 40.0, 200.0);
    let as_y = boven + plot_h;
    // Names under the groups, broken into lines that fit the group's width.
    let vak = (BREEDTE - links - rechts) / groepen.len() as f64;
    let namen: Vec<Vec<String>> = groepen
        .iter()
        .map(|g| super::regels(g.0, vak - 8.0, 10.0))
        .collect();
    let naam_regels = namen.iter().map(Vec::len).max().unwrap_or(1) as f64;
    let mut g = Grafiek::new(
        "businesscase-per-verzekeraar",
        "Betaling en vermeden kosten per verzekeraar (looptijd)",
        "Staven per verzekeraar: links wat zijn gekozen aanbod de regio over de looptijd betaalt, \
         rechts de vermeden zorgkosten bij zijn eigen verzekerden. Is de rechter staaf hoger, dan \
         bespaart de verzekeraar meer dan hij betaalt. Dezelfde bedragen staan in de tabel \
         Businesscase per verzekeraar.",
        as_y + 14.0 + 13.0 * naam_regels + 6.0,
    );
    const BETALING: &str = "#2e75b6";
    const VERMEDEN: &str = "#4f7f2f";
    // Legend at the top.
    let mut lx = links;
    for (kleur, label) in [
        (BETALING, "Betaling (gekozen aanbod)"),
        (VERMEDEN, "Vermeden kosten bij eigen verzekerden"),
    ] {
        g.inhoud.push_str(&vlak(lx, 4.0, 10.0, 10.0, kleur));
        g.inhoud
            .push_str(&text(lx + 14.0, 13.0, "start", 10.0, label, ""));
        lx += 14.0 + tekstbreedte(label, 10.0) + 24.0;
    }
    let schaal = raster_staand(&mut g, &ticks, (plot_h, top), as_y, (links, rechts));
    let staaf = (vak * 0.3).min(56.0);
    for (k, ((_, betaling, vermeden, i), naam)) in groepen.iter().zip(&namen).enumerate() {
        let midden = links + vak * (k as f64 + 0.5);
        for (x, v, kleur, veld) in [
            (midden - staaf - 2.0, *betaling, BETALING, "betaling"),
            (midden + 2.0, *vermeden, VERMEDEN, "vermeden_kosten"),
        ] {
            let h = f(v) * schaal;
            g.inhoud.push_str(&vlak(x, as_y - h, staaf, h, kleur));
            g.inhoud.push_str(&text(
                x + staaf / 2.0,
                as_y - h - 4.0,
                "middle",
                8.5,
                &euro_kort(v),
                &json_afgerond("offers", &format!("/verzekeraars/{i}/totaal/{veld}"), 0),
            ));
        }
        // One text element per name (its lines as tspans), so that the name is one figure.
        let mut tspans = String::new();
        let laatste = naam.len().saturating_sub(1);
        for (n, regel) in naam.iter().enumerate() {
            let spatie = if n < laatste { " " } else { "" };
            tspans.push_str(&format!(
                "<tspan x=\"{midden:.1}\" y=\"{:.1}\">{}{spatie}</tspan>",
                as_y + 14.0 + 13.0 * n as f64,
                esc(regel)
            ));
        }
        g.inhoud.push_str(&format!(
            "<text text-anchor=\"middle\" font-size=\"10.0\"{}>{tspans}</text>\n",
            json("offers", &format!("/verzekeraars/{i}/naam"))
        ));
    }
    g.inhoud
        .push_str(&lijn(links, as_y, BREEDTE - rechts, as_y, "#333", 1.0));
    Some(g)
}

/// An amount in whole euro (`€ 12.346`), for a label above a bar where cents do not fit.
fn euro_kort(v: Decimal) -> String {
    format!(
        "€ {}",
        crate::decimal::dutch(
            v.round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero),
            0
        )
    )
}
