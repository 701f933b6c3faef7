//! Chapter "Evaluatie en monitoring": the region's plan, what is registered and monitored, and
//! the yearly cost of monitoring. Pure, no I/O.

use crate::calc::Resultaat;
use crate::calc::cost::Post;
use crate::calc::overzicht::overzicht;
use crate::scenario::{Onderwerp, Scenario};

use super::opmaak::{Doc, JaarRij};

pub(super) fn hoofdstuk(doc: &mut Doc, s: &Scenario, r: &Resultaat) {
    let k = &r.kosten;
    doc.hoofdstuk("Evaluatie en monitoring");
    doc.toelichting(s, Onderwerp::Evaluatie);
    doc.alinea(
        "Voor de verantwoording registreert de regio per groep de gehouden bijeenkomsten, de \
         aanwezige deelnemers en de duur. Zo is na te gaan of de zorg is geleverd zoals in deze \
         businesscase begroot.",
    );
    match &s.impact {
        Some(imp) => {
            doc.alinea(
                "De regio volgt de zes indicatoren van mogelijk niet-passende zorg in de laatste 30 \
                 dagen voor overlijden en vergelijkt ze met de verwachting:",
            );
            let items: Vec<String> = imp
                .indicatoren
                .iter()
                .map(|i| i.id.omschrijving().to_string())
                .collect();
            doc.opsomming(&items);
        }
        None => doc.alinea(
            "Deze businesscase noemt geen verwachte waarden van de zes indicatoren van mogelijk \
             niet-passende zorg; de evaluatie kan ze wel volgen.",
        ),
    }
    let o = overzicht(s, k);
    if let Some((_, t)) = o.posten.iter().find(|(p, _)| *p == Post::Monitoring) {
        let jaren: Vec<i32> = k.jaren.iter().map(|j| j.jaar).collect();
        doc.jaartabel(
            "Kosten van monitoring en evaluatie",
            "",
            &jaren,
            &[JaarRij::subtotaal(Post::Monitoring.label(), t)],
        );
    } else {
        doc.alinea("Deze businesscase begroot geen aparte kosten voor monitoring en evaluatie.");
    }
}
