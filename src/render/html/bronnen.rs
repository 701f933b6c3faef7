//! The closing chapters: the warnings (double financing, deviations from the PaTz-werkwijze)
//! and the sources and assumptions. Pure, no I/O.

use crate::scenario::{Diagnostic, Scenario};

use super::opmaak::{einde, esc, getal, hoofdstuk, invoer, procent};

/// Whether a warning is about double financing (as opposed to the PaTz-werkwijze).
fn dubbele_financiering(d: &Diagnostic) -> bool {
    d.path == "uurtarieven.consulent" || d.path.ends_with(".medisch_specialist")
}

fn waarschuwing_items(out: &mut String, items: &[&Diagnostic]) {
    out.push_str("<ul class=\"waarschuwingen\">\n");
    for d in items {
        out.push_str(&format!(
            "<li class=\"waarschuwing\"><span data-waarschuwing>{}</span>",
            esc(&d.message)
        ));
        if let Some(h) = &d.hint {
            out.push_str(&format!(
                "<span class=\"hint\">Oplossing: <span data-waarschuwing>{}</span></span>",
                esc(h)
            ));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
}

pub(super) fn waarschuwingen(out: &mut String, s: &Scenario) {
    hoofdstuk(out, "waarschuwingen", "Waarschuwingen");
    let alle = crate::scenario::warnings(s);
    let (dubbel, werkwijze): (Vec<&Diagnostic>, Vec<&Diagnostic>) =
        alle.iter().partition(|d| dubbele_financiering(d));
    out.push_str("<h3>Dubbele financiering</h3>\n");
    if s.elders_gefinancierd.is_empty() {
        out.push_str("<p>Alle regels worden via TAPA$ gefinancierd.</p>\n");
    } else {
        let rollen: Vec<String> = s
            .elders_gefinancierd
            .iter()
            .map(|r| format!("<em>{}</em>", esc(r)))
            .collect();
        out.push_str(&format!(
            "<p>De uren van deze rollen worden uit een andere titel betaald en tellen niet mee in \
             het te financieren bedrag: {}.</p>\n",
            rollen.join(", ")
        ));
    }
    if dubbel.is_empty() {
        out.push_str(
            "<p>patz-calc vond in dit scenario geen regels met een bekend risico op dubbele \
             financiering.</p>\n",
        );
    } else {
        waarschuwing_items(out, &dubbel);
    }
    out.push_str("<h3>Afwijkingen van de PaTz-werkwijze</h3>\n");
    if werkwijze.is_empty() {
        out.push_str("<p>Alle groepen volgen de PaTz-werkwijze.</p>\n");
    } else {
        waarschuwing_items(out, &werkwijze);
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
        "<li>Elke regel en elk totaal is met formule en ingevulde getallen na te rekenen met \
         <code>patz-calc explain</code>.</li>\n</ul>\n",
    );
    einde(out);
}
