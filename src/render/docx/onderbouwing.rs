//! Chapter "Onderbouwing": the region's grounds for the care, then what the expected
//! zorgreductie rests on. Pure, no I/O.

use crate::scenario::{Onderwerp, Scenario};

use super::opmaak::Doc;

pub(super) fn hoofdstuk(doc: &mut Doc, s: &Scenario) {
    doc.hoofdstuk("Onderbouwing");
    doc.toelichting(s, Onderwerp::Onderbouwing);
    doc.alinea(
        "Een deel van de patiënten in de laatste levensfase krijgt zorg die mogelijk niet passend \
         is: herhaalde ziekenhuisopnames en bezoeken aan de spoedeisende hulp, een opname op de \
         intensive care, chemotherapie kort voor het overlijden, of sterven in het ziekenhuis. Door \
         palliatieve patiënten vroeg te herkennen en hun zorg samen vooruit te plannen, wil de \
         PaTz-werkwijze die zorg voorkomen.",
    );
    if s.impact.is_some() {
        doc.alinea(
            "De verwachte zorgreductie is uitgedrukt in zes indicatoren van mogelijk niet-passende \
             zorg in de laatste 30 dagen voor overlijden (hoofdstuk Verwachte zorgreductie). Het \
             basispercentage, de verwachte reductie en de kosten per geval van elke indicator \
             staan daar; hun bronnen staan in het hoofdstuk Bronnen.",
        );
    } else {
        doc.alinea(
            "Deze businesscase kwantificeert de verwachte zorgreductie niet; zij beperkt zich tot \
             de kosten en de financiering.",
        );
    }
}
