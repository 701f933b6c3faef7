//! Chapter "Bronnen": where the indicator figures come from, and the assumptions and rules of
//! the calculation. Pure, no I/O.

use crate::scenario::Scenario;

use super::opmaak::{Doc, procent};

pub(super) fn hoofdstuk(doc: &mut Doc, s: &Scenario) {
    doc.hoofdstuk("Bronnen");
    doc.paragraaf("Bronnen van de indicatorcijfers");
    match &s.impact {
        Some(imp) => {
            let items: Vec<String> = imp
                .indicatoren
                .iter()
                .map(|i| format!("{}: {}", i.id.omschrijving(), i.bron))
                .collect();
            doc.opsomming(&items);
        }
        None => doc.alinea("Deze businesscase noemt geen indicatorcijfers en daarom geen bronnen."),
    }
    doc.paragraaf("Aannames en rekenregels");
    let mut items = vec![
        "Elk getal komt uit de invoer van de regio; er zijn geen ingebouwde standaardbedragen. De \
         uurtarieven, bedragen, aantallen en percentages zijn die van de tabellen in dit document."
            .to_string(),
        "Elke kostenregel wordt op hele centen afgerond (half van nul af); elk totaal is de som van \
         de afgeronde regels. Het kostendekkend tarief en het break-even tarief worden naar boven \
         afgerond op de cent."
            .to_string(),
    ];
    if s.indexatie_percentage.is_zero() {
        items.push("De bedragen zijn niet geïndexeerd.".to_string());
    } else {
        items.push(format!(
            "Elk bedrag (uurtarieven, vaste kosten, kosten per geval) stijgt met {} per jaar, \
             samengesteld vanaf {}. De tarieven van de aanbiedingen worden niet geïndexeerd.",
            procent(s.indexatie_percentage),
            s.startjaar
        ));
    }
    items.push(
        "Een groep telt mee vanaf zijn startjaar. Een nieuwe groep betaalt in dat jaar eenmalig \
         startkosten en scholing voor al zijn deelnemers."
            .to_string(),
    );
    items.push(
        "De telefonische ondersteuning telt alleen bij groepen met een consulent; de overhead van \
         de penvoerder is een percentage van de via TAPA$ gefinancierde regels van elk jaar."
            .to_string(),
    );
    if !s.verzekeraars.is_empty() {
        items.push(
            "Het kostenaandeel van een verzekeraar is het te financieren bedrag maal zijn \
             marktaandeel, per jaar op centen afgerond. Het beste aanbod van een verzekeraar is dat \
             met de hoogste opbrengst over de looptijd."
                .to_string(),
        );
    }
    if s.impact.is_some() {
        items.push(
            "Verwachte aantallen patiënten en gevallen worden in de berekening niet afgerond."
                .to_string(),
        );
    }
    items.push(
        "Elke regel en elk totaal is met formule en ingevulde getallen na te rekenen; de regio \
         levert dat rekenspoor op verzoek."
            .to_string(),
    );
    doc.opsomming(&items);
}
