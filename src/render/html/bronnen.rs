//! The closing chapters: the warnings (double financing, deviations from the PaTz-werkwijze)
//! and the sources and assumptions. Pure, no I/O.

use crate::scenario::{Diagnostic, Scenario};

use super::opmaak::{einde, esc, getal, hoofdstuk, invoer, procent};

/// Whether a warning is about how a group departs from the PaTz-werkwijze (its size, its
/// consulent, its meetings, its start): the only warnings the document shows as they are. The
/// others are for the region (how the file is written) or become statements of fact in the
/// chapter Dubbele financiering.
fn over_de_werkwijze(d: &Diagnostic) -> bool {
    let Some(rest) = d.path.strip_prefix("groep[") else {
        return false;
    };
    let veld = rest.split_once("].").map_or("", |(_, v)| v);
    matches!(
        veld,
        "deelnemers"
            | "deelnemers.huisarts"
            | "deelnemers.wijkverpleegkundige"
            | "bijeenkomsten_per_jaar"
            | "start"
    )
}

/// The chapter Afwijkingen van de PaTz-werkwijze: every group that departs from it, as the
/// warning says it (without the hint, which speaks to the writer of the scenario file).
pub(super) fn afwijkingen(out: &mut String, s: &Scenario) {
    hoofdstuk(out, "werkwijze", "Afwijkingen van de PaTz-werkwijze");
    let alle = crate::scenario::warnings(s);
    let items: Vec<&Diagnostic> = alle.iter().filter(|d| over_de_werkwijze(d)).collect();
    if items.is_empty() {
        out.push_str(
            "<p>Alle groepen volgen de PaTz-werkwijze: vier tot tien huisartsen, twee tot vier \
             wijkverpleegkundigen en een consulent palliatieve zorg, zes bijeenkomsten per \
             jaar.</p>\n",
        );
    } else {
        out.push_str(
            "<p>De PaTz-werkwijze gaat uit van vier tot tien huisartsen, twee tot vier \
             wijkverpleegkundigen en een consulent palliatieve zorg per groep, en zes \
             bijeenkomsten per jaar. Hiervan wijkt af:</p>\n<ul class=\"afwijkingen\">\n",
        );
        for d in items {
            out.push_str(&format!(
                "<li><span data-waarschuwing>{}</span></li>\n",
                esc(&d.message)
            ));
        }
        out.push_str("</ul>\n");
    }
    einde(out);
}

pub(super) fn bronnen(out: &mut String, s: &Scenario) {
    hoofdstuk(out, "bronnen", "Bronnen en aannames");
    out.push_str("<h3>Bronnen van de indicatorcijfers</h3>\n");
    match &s.impact {
        Some(imp) => {
            out.push_str("<ol class=\"bronnen\">\n");
            for ind in &imp.indicatoren {
                out.push_str(&format!(
                    "<li><strong>{}</strong>: <span{}>{}</span></li>\n",
                    esc(ind.id.omschrijving()),
                    invoer(&format!("indicator.{}.bron", ind.id.as_str())),
                    esc(&ind.bron)
                ));
            }
            out.push_str("</ol>\n");
        }
        None => out
            .push_str("<p>Dit scenario heeft geen indicatoren en noemt daarom geen bronnen.</p>\n"),
    }
    out.push_str("<h3>Aannames en rekenregels</h3>\n<ul>\n");
    out.push_str(
        "<li>Elk getal komt uit het scenario; patz-calc kent geen ingebouwde standaardbedragen. \
         De uurtarieven, bedragen, aantallen en percentages zijn die van de tabellen in dit \
         document.</li>\n",
    );
    out.push_str(
        "<li>Elke kostenregel wordt op hele centen afgerond (half van nul af); elk totaal is de \
         som van de afgeronde regels. Het kostendekkend tarief en het break-even tarief worden \
         naar boven afgerond op de cent.</li>\n",
    );
    if s.indexatie_percentage.is_zero() {
        out.push_str("<li>De bedragen zijn niet geïndexeerd.</li>\n");
    } else {
        out.push_str(&format!(
            "<li>Elk bedrag (uurtarieven, vaste kosten, kosten per geval) stijgt met {} per jaar, \
             samengesteld vanaf {}. De tarieven van de aanbiedingen worden niet \
             geïndexeerd.</li>\n",
            getal(
                &procent(s.indexatie_percentage),
                &invoer("indexatie.kosten_percentage_per_jaar")
            ),
            s.startjaar
        ));
    }
    out.push_str(
        "<li>Een groep telt mee vanaf zijn startjaar. Een nieuwe groep betaalt in dat jaar \
         eenmalig startkosten en scholing voor al zijn deelnemers.</li>\n",
    );
    out.push_str(
        "<li>De telefonische ondersteuning telt alleen bij groepen met een consulent; de overhead \
         van de penvoerder is een percentage van de via TAPA$ gefinancierde regels van elk \
         jaar.</li>\n",
    );
    if !s.verzekeraars.is_empty() {
        out.push_str(
            "<li>Het kostenaandeel van een verzekeraar is het te financieren bedrag maal zijn \
             marktaandeel, per jaar op centen afgerond. Het beste aanbod van een verzekeraar is \
             dat met de hoogste opbrengst over de looptijd.</li>\n",
        );
    }
    if s.impact.is_some() {
        out.push_str(
            "<li>Verwachte aantallen patiënten en gevallen worden in de berekening niet \
             afgerond.</li>\n",
        );
    }
    out.push_str(
        "<li>De rekenregels zijn openbaar beschreven bij patz-calc; elke regel en elk totaal is \
         daarmee met formule en ingevulde getallen na te rekenen.</li>\n</ul>\n",
    );
    einde(out);
}
