//! The chapter Verwachte zorgreductie: patients, the six indicators and the avoided costs.
//! Pure, no I/O.

use rust_decimal::Decimal;

use crate::calc::impact::ImpactResultaat;
use crate::decimal::euro;
use crate::scenario::{Impact, Scenario};

use super::opmaak::{
    Rij, aantal, einde, esc, euro_invoer, getal, hoofdstuk, invoer, jaartabel, json, procent,
    tabel, td_n, th_row,
};
use crate::render::grafiek;

pub(super) fn geen_impact(out: &mut String) {
    hoofdstuk(out, "zorgreductie", "Verwachte zorgreductie");
    out.push_str(
        "<p>Deze businesscase rekent niet met de zes indicatoren van mogelijk niet-passende \
         zorg. De verwachte zorgreductie, de vermeden kosten, het saldo en de netto contante \
         waarde zijn daarom niet berekend.</p>\n",
    );
    einde(out);
}

/// The chapter Verwachte zorgreductie.
pub(super) fn zorgreductie(out: &mut String, s: &Scenario, i: &ImpactResultaat) {
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
        &[Rij::uit_json(
            "Patiënten".into(),
            "impact",
            "patienten",
            i.jaren.iter().map(|j| aantal(j.patienten)),
            Some(aantal(i.patienten)),
        )],
    );
    if let Some(g) = grafiek::indicatoren(i) {
        out.push_str(&g.figuur());
    }

    indicatoren(out, imp, i);
    vermeden_kosten(out, imp, i, &jaren);
    einde(out);
}

/// The six indicators over the horizon: the inputs and the expected counts.
fn indicatoren(out: &mut String, imp: &Impact, i: &ImpactResultaat) {
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
}

/// The avoided costs per indicator and year, with the note on rounding.
fn vermeden_kosten(out: &mut String, imp: &Impact, i: &ImpactResultaat, jaren: &[i32]) {
    let mut rijen: Vec<Rij> = imp
        .indicatoren
        .iter()
        .enumerate()
        .map(|(k, ind)| {
            Rij::uit_json(
                esc(ind.id.omschrijving()),
                "impact",
                &format!("indicatoren/{k}/vermeden_kosten"),
                i.jaren.iter().map(|j| {
                    euro(
                        j.indicatoren
                            .get(k)
                            .map_or(Decimal::ZERO, |x| x.vermeden_kosten),
                    )
                }),
                i.totaal.get(k).map(|t| euro(t.vermeden_kosten)),
            )
        })
        .collect();
    rijen.push(Rij {
        totaalrij: true,
        ..Rij::uit_json(
            "Totaal".into(),
            "impact",
            "vermeden_kosten",
            i.jaren.iter().map(|j| euro(j.vermeden_kosten)),
            Some(euro(i.vermeden_kosten)),
        )
    });
    jaartabel(
        out,
        "Vermeden kosten per indicator",
        "Indicator",
        jaren,
        &rijen,
    );
    out.push_str(
        "<p class=\"noot\">Aantallen zijn verwachtingen; ze worden in de berekening niet afgerond \
         en hier elk apart met één decimaal getoond, zodat vermeden plus met PaTz een tiende kan \
         afwijken van zonder PaTz. De bedragen zijn per regel op centen afgerond en tellen precies \
         op.</p>\n",
    );
}
