//! The chart of the expected care reduction: the six indicators without and with PaTz. Pure,
//! no I/O.

use crate::calc::impact::ImpactResultaat;
use crate::decimal::dutch;
use crate::render::herkomst::json;

use super::{Grafiek, as_getal, f, raster_liggend, streepjes, text, vlak};

/// The six indicators over the horizon, the expected patients without and with PaTz; `None`
/// when every count is zero.
pub fn indicatoren(i: &ImpactResultaat) -> Option<Grafiek> {
    let max = i
        .totaal
        .iter()
        .map(|t| f(t.basis).max(f(t.met_patz)))
        .fold(0.0, f64::max);
    if max <= 0.0 {
        return None;
    }
    let ticks = streepjes(max, 5.0);
    let top = ticks.last().map_or(max, |t| f(*t)).max(max);
    let (links, rechts, boven, rij) = (10.0, 40.0, 26.0, 44.0);
    let as_y = boven + rij * i.totaal.len() as f64;
    let mut g = Grafiek::new(
        "zorgreductie-per-indicator",
        "Verwachte aantallen patiënten per indicator over de looptijd, zonder en met PaTz",
        "Per indicator twee liggende staven: het verwachte aantal patiënten zonder PaTz (grijs) en \
         met PaTz (blauw), met de aantallen erbij. Dezelfde aantallen staan in de tabel \
         Indicatoren over de looptijd.",
        as_y + 24.0,
    );
    // Legend.
    g.inhoud.push_str(&vlak(links, 4.0, 10.0, 10.0, "#a6a6a6"));
    g.inhoud
        .push_str(&text(links + 14.0, 13.0, "start", 10.0, "zonder PaTz", ""));
    g.inhoud
        .push_str(&vlak(links + 110.0, 4.0, 10.0, 10.0, "#1f4e79"));
    g.inhoud
        .push_str(&text(links + 124.0, 13.0, "start", 10.0, "met PaTz", ""));
    let schaal = raster_liggend(
        &mut g,
        &ticks,
        (links, rechts, top),
        (boven, as_y),
        as_getal,
    );
    for (k, t) in i.totaal.iter().enumerate() {
        let y = boven + rij * k as f64;
        g.inhoud.push_str(&text(
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
            g.inhoud.push_str(&vlak(links, by, w, 11.0, kleur));
            g.inhoud.push_str(&text(
                links + w + 4.0,
                by + 9.0,
                "start",
                9.0,
                &dutch(v, 1),
                &json("impact", &format!("/totaal/indicatoren/{k}/{veld}")),
            ));
        }
    }
    Some(g)
}
