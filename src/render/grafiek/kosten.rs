//! The cost charts: costs per year stacked by post, and costs per role over the horizon. Pure,
//! no I/O.

use rust_decimal::Decimal;

use crate::calc::cost::{Kosten, Post};
use crate::calc::financiering::{RolWijze, rol_wijze};
use crate::calc::overzicht::{Overzicht, Subtotaal};
use crate::decimal::euro;
use crate::render::herkomst::{Som, esc, json};
use crate::scenario::Scenario;

use super::{
    BREEDTE, Grafiek, as_euro, f, kleur, lijn, raster_liggend, raster_staand, rol_label, streepjes,
    tekstbreedte, text, vlak,
};

/// Costs per year, stacked by post, with each year's total above its bar; `None` when there
/// is nothing to draw. (One drawing laid out from the top down: legend, axis, bars and labels
/// share its coordinates, so it stays one function.)
pub fn kosten_per_jaar(s: &Scenario, k: &Kosten, posten: &[(Post, Subtotaal)]) -> Option<Grafiek> {
    let max = k
        .jaren
        .iter()
        .map(|j| f(j.totalen.kosten_totaal))
        .fold(0.0, f64::max);
    if max <= 0.0 || posten.is_empty() {
        return None;
    }
    let ticks = streepjes(max, 5.0);
    let top = ticks.last().map_or(max, |t| f(*t)).max(max);
    let (links, rechts, boven, plot_h) = (78.0, 10.0, 22.0, 230.0);
    // Legend: rows of items.
    let mut legenda = Vec::new();
    let (mut lx, mut ly) = (links, 0.0);
    for (p, _) in posten {
        let w = 16.0 + tekstbreedte(p.label_in(s), 10.0) + 14.0;
        if lx + w > BREEDTE - rechts && lx > links {
            lx = links;
            ly += 16.0;
        }
        legenda.push((lx, ly, *p));
        lx += w;
    }
    let as_y = boven + plot_h;
    let legenda_y = as_y + 30.0;
    let mut g = Grafiek::new(
        "kosten-per-jaar",
        "Kosten per jaar, opgebouwd per post",
        "Gestapelde staven: per jaar de kosten van elke post; boven elke staaf het totaal van het \
         jaar. Dezelfde bedragen staan in de tabel Kosten per post.",
        legenda_y + ly + 14.0,
    );
    let schaal = raster_staand(&mut g, &ticks, (plot_h, top), as_y, (links, rechts));
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
            g.inhoud.push_str(&format!(
                "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{staaf:.1}\" height=\"{h:.1}\" fill=\"{}\" stroke=\"#fff\" stroke-width=\"0.4\"/>\n",
                kleur(*p)
            ));
        }
        if labels {
            g.inhoud.push_str(&text(
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
            g.inhoud.push_str(&text(
                x + staaf / 2.0,
                as_y + 14.0,
                "middle",
                10.0,
                &j.jaar.to_string(),
                "",
            ));
        }
    }
    g.inhoud
        .push_str(&lijn(links, as_y, BREEDTE - rechts, as_y, "#333", 1.0));
    for (x, y, p) in legenda {
        let yy = legenda_y + y;
        g.inhoud.push_str(&vlak(x, yy - 9.0, 10.0, 10.0, kleur(p)));
        g.inhoud
            .push_str(&text(x + 14.0, yy, "start", 10.0, p.label_in(s), ""));
    }
    Some(g)
}

/// Costs per role over the horizon, horizontal bars with the amount beside each; `None` when
/// there is nothing to draw.
pub fn kosten_per_rol(s: &Scenario, o: &Overzicht) -> Option<Grafiek> {
    let mut balken: Vec<(String, Decimal, String, RolWijze)> = o
        .rollen
        .iter()
        .map(|(rol, t)| {
            (
                rol_label(s, rol),
                t.totaal,
                Som::default().rol(Some(rol)).attr(),
                rol_wijze(s, rol),
            )
        })
        .collect();
    balken.push((
        "Zonder rol (ondersteuning, projectleiding, overhead)".into(),
        o.zonder_rol.totaal,
        Som::default().rol(None).attr(),
        RolWijze::Tapas,
    ));
    let max = balken.iter().map(|b| f(b.1)).fold(0.0, f64::max);
    if max <= 0.0 {
        return None;
    }
    let ticks = streepjes(max, 4.0);
    let top = ticks.last().map_or(max, |t| f(*t)).max(max);
    let (links, rechts, boven, rij) = (10.0, 34.0, 8.0, 34.0);
    let as_y = boven + rij * balken.len() as f64;
    let mut g = Grafiek::new(
        "kosten-per-rol",
        "Kosten per rol over de looptijd",
        "Liggende staven: per rol de kosten over de hele looptijd, met het bedrag erbij. Dezelfde \
         bedragen staan in de tabel Kosten per rol.",
        as_y + 24.0,
    );
    let schaal = raster_liggend(&mut g, &ticks, (links, rechts, top), (boven, as_y), as_euro);
    for (i, (label, v, attr, deel)) in balken.iter().enumerate() {
        let y = boven + rij * i as f64;
        g.inhoud
            .push_str(&text(links, y + 11.0, "start", 10.0, label, ""));
        let w = f(*v) * schaal;
        let kleur = match deel {
            RolWijze::Tapas => "#2e75b6",
            RolWijze::Deels => "#6f8fae",
            RolWijze::Elders => "#9aa5b1",
        };
        g.inhoud.push_str(&vlak(links, y + 15.0, w, 13.0, kleur));
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
        g.inhoud.push_str(&format!(
            "<text x=\"{tx:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\" font-size=\"9.5\"{fill}{attr}>{}</text>\n",
            y + 25.5,
            esc(&tekst)
        ));
    }
    Some(g)
}
