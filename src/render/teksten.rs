//! What the HTML report and the Word document both say, renderer-neutral: fixed texts, the
//! headings of a table and the words of a cell, as plain strings (each renderer escapes and
//! lays them out itself). Pure, no I/O.

use crate::scenario::{Aanbod, Groep, Scenario};

/// Caption of the table of each group's meetings.
pub(crate) const BIJEENKOMSTEN_TITEL: &str =
    "Bijeenkomsten per groep (uren per deelnemer per bijeenkomst)";

/// Columns of the table of each group's meetings (heading, right-aligned).
pub(crate) const BIJEENKOMSTEN_KOP: [(&str, bool); 6] = [
    ("Groep", false),
    ("Bijeenkomsten per jaar", true),
    ("Duur", true),
    ("Voorbereiding", true),
    ("Reistijd", true),
    ("Patiënten per jaar", true),
];

/// How the yield and the coverage of an offer are worked out (chapter Financiering, above the
/// offers).
pub(crate) const AANBIEDINGEN_UITLEG: &str = "De opbrengst van een aanbod is het tarief per \
     verzekerde maal de verzekerden van de verzekeraar, hoogstens het plafond, in elk jaar van \
     het aanbod; tarieven worden niet geïndexeerd. De dekking is de opbrengst als percentage van \
     het kostenaandeel van de verzekeraar in diezelfde jaren.";

/// The horizon: `2026` or `2026–2028`.
pub(crate) fn looptijd(s: &Scenario) -> String {
    if s.looptijd_jaren == 1 {
        s.startjaar.to_string()
    } else {
        format!("{}–{}", s.startjaar, s.eindjaar())
    }
}

/// A group's status in the region's table of groups.
pub(crate) fn groep_status(s: &Scenario, g: &Groep) -> &'static str {
    if g.start > s.eindjaar() {
        "start na de looptijd; telt niet mee"
    } else if g.nieuw {
        "nieuw: startkosten en scholing in het startjaar"
    } else {
        "bestaande groep"
    }
}

/// The years an offer runs: "hele looptijd", or its years ("2026, 2027").
pub(crate) fn aanbod_jaren(s: &Scenario, x: &Aanbod) -> String {
    if x.jaren.len() == s.looptijd_jaren as usize {
        "hele looptijd".to_string()
    } else {
        x.jaren
            .iter()
            .map(|j| j.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    }
}
