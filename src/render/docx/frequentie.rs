//! Chapter "Frequentie en duur": the region's description, each group's meetings and hours, the
//! chair, coordination and phone support, and where a group departs from the PaTz-werkwijze.
//! Pure, no I/O.

use crate::scenario::{
    BIJEENKOMSTEN, Groep, HUISARTSEN, Onderwerp, Scenario, WIJKVERPLEEGKUNDIGEN,
};

use crate::render::teksten::{BIJEENKOMSTEN_KOP, BIJEENKOMSTEN_TITEL};

use super::opmaak::{Doc, zoals_gegeven};
use super::rol_naam;

pub(super) fn hoofdstuk(doc: &mut Doc, s: &Scenario) {
    doc.hoofdstuk("Frequentie en duur");
    doc.toelichting(s, Onderwerp::Frequentie);
    doc.alinea(
        "Per deelnemer en per bijeenkomst tellen de duur van de bijeenkomst, de voorbereiding en \
         de reistijd. De voorzitter krijgt extra uren per bijeenkomst voor agenda en verslag. Na de \
         bespreking coördineert een deelnemer de zorg voor elke besproken patiënt, en de consulent \
         is tussen de bijeenkomsten telefonisch bereikbaar.",
    );
    let uur = |v| zoals_gegeven(v, 1);
    let rijen = per_groep(s, |g| {
        let w = &g.werkwijze;
        vec![
            w.bijeenkomsten_per_jaar.to_string(),
            uur(w.duur_uren),
            uur(w.voorbereiding_uren),
            uur(w.reistijd_uren),
            uur(w.patienten_per_jaar),
        ]
    });
    doc.tabel(BIJEENKOMSTEN_TITEL, &BIJEENKOMSTEN_KOP, &rijen, false);
    let rijen = per_groep(s, |g| {
        let w = &g.werkwijze;
        vec![
            format!(
                "{}, {} uur per bijeenkomst",
                rol_naam(&w.voorzitter_rol),
                uur(w.voorzitter_uren)
            ),
            format!(
                "{}, {} uur per patiënt",
                rol_naam(&w.coordinatie_rol),
                uur(w.coordinatie_uren_per_patient)
            ),
            if g.aantal("consulent") > 0 {
                format!("{} uur per jaar", uur(w.telefonische_ondersteuning_uren))
            } else {
                "geen consulent".to_string()
            },
        ]
    });
    doc.tabel(
        "Voorzitter, coördinatie en telefonische ondersteuning",
        &[
            ("Groep", false),
            ("Voorzitter (extra)", false),
            ("Coördinatie na bespreking", false),
            ("Telefonische ondersteuning", false),
        ],
        &rijen,
        false,
    );
    afwijkingen(doc, s);
}

/// A table row per group: its name, then `cellen` of it.
fn per_groep(s: &Scenario, cellen: impl Fn(&Groep) -> Vec<String>) -> Vec<Vec<String>> {
    s.groepen
        .iter()
        .map(|g| {
            let mut rij = vec![g.naam.clone()];
            rij.extend(cellen(g));
            rij
        })
        .collect()
}

/// Where a group departs from the PaTz-werkwijze, as statements of fact.
fn afwijkingen(doc: &mut Doc, s: &Scenario) {
    let mut items = Vec::new();
    for g in &s.groepen {
        let buiten = |n: u32, (lo, hi): (u32, u32)| n < lo || n > hi;
        let ha = g.aantal("huisarts");
        if buiten(ha, HUISARTSEN) {
            items.push(format!(
                "{}: {ha} huisartsen (de werkwijze gaat uit van {} tot {}).",
                g.naam, HUISARTSEN.0, HUISARTSEN.1
            ));
        }
        let wv = g.aantal("wijkverpleegkundige");
        if buiten(wv, WIJKVERPLEEGKUNDIGEN) {
            items.push(format!(
                "{}: {wv} wijkverpleegkundigen (de werkwijze gaat uit van {} tot {}).",
                g.naam, WIJKVERPLEEGKUNDIGEN.0, WIJKVERPLEEGKUNDIGEN.1
            ));
        }
        if g.aantal("consulent") == 0 {
            items.push(format!(
                "{}: geen consulent palliatieve zorg (de werkwijze vraagt er één).",
                g.naam
            ));
        }
        let b = g.werkwijze.bijeenkomsten_per_jaar;
        if b != BIJEENKOMSTEN {
            items.push(format!(
                "{}: {b} bijeenkomsten per jaar (de werkwijze gaat uit van {BIJEENKOMSTEN}).",
                g.naam
            ));
        }
        if g.start > s.eindjaar() {
            items.push(format!(
                "{}: start in {}, na de looptijd; de groep telt in deze businesscase niet mee.",
                g.naam, g.start
            ));
        }
    }
    doc.paragraaf("Afwijkingen van de PaTz-werkwijze");
    if items.is_empty() {
        doc.alinea(&format!(
            "Alle groepen volgen de PaTz-werkwijze: {} tot {} huisartsen, {} tot {} \
             wijkverpleegkundigen, een consulent palliatieve zorg en {BIJEENKOMSTEN} bijeenkomsten \
             per jaar.",
            HUISARTSEN.0, HUISARTSEN.1, WIJKVERPLEEGKUNDIGEN.0, WIJKVERPLEEGKUNDIGEN.1
        ));
    } else {
        doc.alinea("Waar groepen afwijken van de PaTz-werkwijze:");
        doc.opsomming(&items);
    }
}
