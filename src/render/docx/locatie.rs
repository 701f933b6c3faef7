//! Chapter "Locatie": the region's description of where the care is given, the region, its
//! insured persons and horizon, and the groups with their start years. Pure, no I/O.

use crate::render::teksten::groep_status;
use crate::scenario::{Onderwerp, Scenario};

use super::opmaak::{Doc, looptijd, verzekerden};

pub(super) fn hoofdstuk(doc: &mut Doc, s: &Scenario) {
    doc.hoofdstuk("Locatie");
    doc.toelichting(s, Onderwerp::Locatie);
    doc.feiten(&[
        (
            "Regio",
            s.regio
                .clone()
                .unwrap_or_else(|| "niet opgegeven".to_string()),
        ),
        (
            "Ingeschreven verzekerden",
            format!("{}, over wie het tarief wordt verdeeld", verzekerden(s)),
        ),
        ("Looptijd", looptijd(s)),
    ]);
    let rijen: Vec<Vec<String>> = s
        .groepen
        .iter()
        .map(|g| {
            vec![
                g.naam.clone(),
                g.start.to_string(),
                groep_status(s, g).to_string(),
            ]
        })
        .collect();
    doc.tabel(
        "Groepen in de regio",
        &[("Groep", false), ("Actief vanaf", true), ("Status", false)],
        &rijen,
        false,
    );
}
