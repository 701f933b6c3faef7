//! Chapter "Verwachte zorgreductie": the patients, the six indicators (inputs and expected
//! counts) and the avoided costs per indicator and year. Pure, no I/O.

use rust_decimal::Decimal;

use crate::calc::Resultaat;
use crate::calc::impact::ImpactResultaat;
use crate::scenario::{Impact, Scenario};

use super::opmaak::{Doc, JaarRij, aantal, euro, euro_invoer, procent};

/// The chapter, or without an `[impact]` a paragraph saying it is not quantified.
pub(super) fn hoofdstuk(doc: &mut Doc, s: &Scenario, r: &Resultaat) {
    doc.hoofdstuk("Verwachte zorgreductie");
    let (Some(imp), Some(i)) = (&s.impact, &r.impact) else {
        doc.alinea(
            "Deze businesscase kwantificeert de verwachte zorgreductie niet: de zes indicatoren \
             van mogelijk niet-passende zorg zijn niet ingevuld. De vermeden kosten, het saldo en \
             de netto contante waarde zijn daarom niet berekend.",
        );
        return;
    };
    doc.alinea(&format!(
        "De zes indicatoren tellen overleden palliatieve patiënten met mogelijk niet-passende zorg \
         in de laatste 30 dagen voor overlijden. Per jaar is het aantal patiënten de som van de \
         patiënten van de actieve groepen; chemotherapie geldt alleen voor het aandeel met kanker \
         ({}). Zonder PaTz heeft het basispercentage van die patiënten de indicator; met PaTz is \
         dat aantal verminderd met de verwachte reductie. Elk vermeden geval bespaart de kosten per \
         geval (geïndexeerd).",
        procent(imp.aandeel_kanker_percentage)
    ));
    let jaren: Vec<i32> = i.jaren.iter().map(|j| j.jaar).collect();
    doc.jaartabel(
        "Palliatieve patiënten van de actieve groepen",
        "",
        &jaren,
        &[JaarRij {
            label: "Patiënten".to_string(),
            jaren: i.jaren.iter().map(|j| aantal(j.patienten)).collect(),
            totaal: Some(aantal(i.patienten)),
            totaalrij: false,
        }],
    );
    indicatoren(doc, imp, i);
    vermeden_kosten(doc, imp, i, &jaren);
    doc.grafiek("zorgreductie-per-indicator");
    doc.noot(
        "Verwachte aantallen worden in de berekening niet afgerond; ze staan hier met één \
         decimaal. De vermeden kosten zijn per indicator en jaar op hele centen afgerond.",
    );
}

/// The six indicators: their inputs, and the expected counts over the horizon.
fn indicatoren(doc: &mut Doc, imp: &Impact, i: &ImpactResultaat) {
    let rijen: Vec<Vec<String>> = imp
        .indicatoren
        .iter()
        .map(|ind| {
            vec![
                ind.id.omschrijving().to_string(),
                procent(ind.basis_percentage),
                procent(ind.reductie_percentage),
                euro_invoer(ind.kosten_per_geval),
            ]
        })
        .collect();
    doc.tabel(
        "De zes indicatoren: basispercentage, verwachte reductie en kosten per geval",
        &[
            ("Indicator (laatste 30 dagen)", false),
            ("Basis\u{ad}percentage", true),
            ("Verwachte reductie", true),
            ("Kosten per geval (vóór indexatie)", true),
        ],
        &rijen,
        false,
    );
    let rijen: Vec<Vec<String>> = imp
        .indicatoren
        .iter()
        .zip(&i.totaal)
        .map(|(ind, tot)| {
            vec![
                ind.id.omschrijving().to_string(),
                aantal(tot.basis),
                aantal(tot.met_patz),
                aantal(tot.vermeden),
                euro(tot.vermeden_kosten),
            ]
        })
        .collect();
    doc.tabel(
        "Verwachte aantallen patiënten over de looptijd",
        &[
            ("Indicator (laatste 30 dagen)", false),
            ("Zonder PaTz", true),
            ("Met PaTz", true),
            ("Vermeden", true),
            ("Vermeden kosten", true),
        ],
        &rijen,
        false,
    );
}

/// The avoided costs per indicator and year, with their total.
fn vermeden_kosten(doc: &mut Doc, imp: &Impact, i: &ImpactResultaat, jaren: &[i32]) {
    let mut rijen: Vec<JaarRij> = imp
        .indicatoren
        .iter()
        .enumerate()
        .map(|(k, ind)| JaarRij {
            label: ind.id.omschrijving().to_string(),
            jaren: i
                .jaren
                .iter()
                .map(|j| {
                    euro(
                        j.indicatoren
                            .get(k)
                            .map_or(Decimal::ZERO, |x| x.vermeden_kosten),
                    )
                })
                .collect(),
            totaal: i.totaal.get(k).map(|t| euro(t.vermeden_kosten)),
            totaalrij: false,
        })
        .collect();
    rijen.push(
        JaarRij::bedragen(
            "Totaal",
            i.jaren.iter().map(|j| j.vermeden_kosten),
            i.vermeden_kosten,
        )
        .als_totaal(),
    );
    doc.jaartabel("Vermeden kosten per indicator", "Indicator", jaren, &rijen);
}
