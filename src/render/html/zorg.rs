//! The chapters on the care itself: what PaTz is, its grounds, the professionals, frequency and
//! duration, and the region. Pure, no I/O.

use rust_decimal::Decimal;

use crate::scenario::{Groep, Scenario};

use crate::calc::financiering::{RolWijze, rol_wijze};
use crate::render::grafiek::{hoofdletter, rol_naam};
use crate::render::teksten::{BIJEENKOMSTEN_KOP, BIJEENKOMSTEN_TITEL, groep_status};
use crate::scenario::Onderwerp;

use super::opmaak::{
    einde, esc, euro_invoer, getal, hoofdstuk, invoer, looptijd, tabel, td, td_n, th_attr, th_row,
    toelichting, verzekerden, zoals_gegeven,
};

pub(super) fn zorg(out: &mut String, s: &Scenario) {
    hoofdstuk(out, "zorg", "De te verlenen zorg");
    if !toelichting(out, s, Onderwerp::Zorg) {
        out.push_str(
            "<p>In een PaTz-groep (Palliatieve Zorg Thuis) komen huisartsen en wijkverpleegkundigen \
         uit één wijk of dorp, begeleid door een consulent palliatieve zorg, een aantal keer per \
         jaar bijeen. Ze brengen palliatieve patiënten vroeg in beeld, houden hen bij in een \
         palliatief zorgregister en plannen hun zorg vooruit. Eén deelnemer zit de bijeenkomsten \
         voor; tussen de bijeenkomsten is de consulent telefonisch bereikbaar; na een bespreking \
         coördineert de huisarts de zorg voor de patiënt.</p>\n",
        );
    }
    out.push_str(&format!(
        "<p>Deze businesscase vraagt financiering van {} PaTz-groepen in de periode {} via de \
         experimentele NZa-prestatie TAPA$-prestatie 1 (Transmurale coördinatie &amp; continuïteit \
         van palliatieve zorg), als tarief per ingeschreven verzekerde. De penvoerder contracteert \
         dat tarief met elke zorgverzekeraar en betaalt de deelnemers uit.</p>\n",
        getal(&s.groepen.len().to_string(), " data-telling=\"groep\""),
        looptijd(s)
    ));
    einde(out);
}

pub(super) fn onderbouwing(out: &mut String, s: &Scenario) {
    hoofdstuk(out, "onderbouwing", "Onderbouwing");
    if !toelichting(out, s, Onderwerp::Onderbouwing) {
        out.push_str(
            "<p>Een deel van de patiënten in de laatste levensfase krijgt zorg die mogelijk niet \
             passend is: herhaalde ziekenhuisopnames en SEH-bezoeken, een opname op de IC, \
             chemotherapie kort voor het overlijden, of sterven in het ziekenhuis. Door \
             palliatieve patiënten vroeg te herkennen en hun zorg samen vooruit te plannen, wil \
             de PaTz-werkwijze die zorg voorkomen.</p>\n",
        );
    }
    if s.impact.is_some() {
        out.push_str(
            "<p>De verwachte zorgreductie is uitgedrukt in de zes indicatoren van mogelijk \
             niet-passende zorg in de laatste 30 dagen voor overlijden (hoofdstuk \
             <a href=\"#zorgreductie\">Verwachte zorgreductie</a>). Het basispercentage, de \
             verwachte reductie en de kosten per geval van elke indicator komen uit het scenario; \
             hun bronnen staan bij <a href=\"#bronnen\">Bronnen en aannames</a>.</p>\n",
        );
    } else {
        out.push_str(
            "<p>Dit scenario kwantificeert de verwachte zorgreductie niet; deze businesscase \
             beperkt zich tot de kosten en de financiering.</p>\n",
        );
    }
    out.push_str("<h3>Doelstellingen</h3>\n");
    toelichting(out, s, Onderwerp::Doelstellingen);
    out.push_str("<h3>Wat deze zorg vernieuwend maakt</h3>\n");
    toelichting(out, s, Onderwerp::Innovatie);
    einde(out);
}

/// The roles that have participants in some group, in the order of `[uurtarieven]`.
fn rollen_met_deelnemers(s: &Scenario) -> Vec<&str> {
    s.uurtarieven
        .iter()
        .map(|u| &*u.rol)
        .filter(|rol| s.groepen.iter().any(|g| g.aantal(rol) > 0))
        .collect()
}

pub(super) fn zorgverleners(out: &mut String, s: &Scenario) {
    hoofdstuk(out, "zorgverleners", "De uitvoerende zorgverleners");
    toelichting(out, s, Onderwerp::Zorgverleners);
    out.push_str(
        "<p>De uren van de deelnemers worden betaald tegen de uurtarieven hieronder. Een rol die \
         uit een andere titel wordt betaald, telt mee in de kosten maar niet in het bedrag dat via \
         TAPA$ wordt gefinancierd.</p>\n",
    );
    let rijen: Vec<Vec<String>> = s
        .uurtarieven
        .iter()
        .map(|u| {
            vec![
                th_row(&esc(&hoofdletter(&rol_naam(&u.rol)))),
                td_n(
                    &euro_invoer(u.bedrag),
                    &invoer(&format!("uurtarieven.{}", u.rol)),
                ),
                td(match rol_wijze(s, &u.rol) {
                    RolWijze::Tapas => "via TAPA$",
                    RolWijze::Deels => "deels elders gefinancierd, rest via TAPA$",
                    RolWijze::Elders => "elders gefinancierd",
                }),
            ]
        })
        .collect();
    tabel(
        out,
        "Uurtarieven per rol",
        &[("Rol", false), ("Uurtarief", true), ("Financiering", false)],
        &rijen,
    );

    let rollen = rollen_met_deelnemers(s);
    let namen: Vec<String> = rollen.iter().map(|r| hoofdletter(&rol_naam(r))).collect();
    let mut kop: Vec<(&str, bool)> = vec![("Groep", false)];
    kop.extend(namen.iter().map(|r| (r.as_str(), true)));
    let rijen: Vec<Vec<String>> = s
        .groepen
        .iter()
        .enumerate()
        .map(|(gi, g)| {
            let mut rij = vec![groep_naam(gi, g)];
            rij.extend(rollen.iter().map(|rol| {
                td_n(
                    &g.aantal(rol).to_string(),
                    &invoer(&format!("groep[{}].deelnemers.{rol}", gi + 1)),
                )
            }));
            rij
        })
        .collect();
    tabel(out, "Deelnemers per groep", &kop, &rijen);
    einde(out);
}

pub(super) fn frequentie(out: &mut String, s: &Scenario) {
    hoofdstuk(out, "frequentie", "Frequentie en duur");
    toelichting(out, s, Onderwerp::Frequentie);
    out.push_str(
        "<p>Per deelnemer en per bijeenkomst tellen de duur van de bijeenkomst, de voorbereiding \
         en de reistijd. De voorzitter krijgt extra uren per bijeenkomst voor agenda en verslag. \
         Na de bespreking coördineert een deelnemer de zorg voor elke besproken patiënt, en de \
         consulent is tussen de bijeenkomsten telefonisch bereikbaar.</p>\n",
    );
    let uur = |v: Decimal, path: String| td_n(&zoals_gegeven(v, 1), &invoer(&path));
    let rijen: Vec<Vec<String>> = s
        .groepen
        .iter()
        .enumerate()
        .map(|(gi, g)| {
            let w = &g.werkwijze;
            let p = format!("groep[{}]", gi + 1);
            vec![
                groep_naam(gi, g),
                td_n(
                    &w.bijeenkomsten_per_jaar.to_string(),
                    &invoer(&format!("{p}.bijeenkomsten_per_jaar")),
                ),
                uur(w.duur_uren, format!("{p}.duur_uren")),
                uur(w.voorbereiding_uren, format!("{p}.voorbereiding_uren")),
                uur(w.reistijd_uren, format!("{p}.reistijd_uren")),
                uur(w.patienten_per_jaar, format!("{p}.patienten_per_jaar")),
            ]
        })
        .collect();
    tabel(out, BIJEENKOMSTEN_TITEL, &BIJEENKOMSTEN_KOP, &rijen);
    voorzitter_coordinatie(out, s);
    einde(out);
}

/// Per group: the chair's extra hours, the coordination and the phone support.
fn voorzitter_coordinatie(out: &mut String, s: &Scenario) {
    let rijen: Vec<Vec<String>> = s
        .groepen
        .iter()
        .enumerate()
        .map(|(gi, g)| {
            let w = &g.werkwijze;
            let p = format!("groep[{}]", gi + 1);
            let tel = if g.aantal("consulent") > 0 {
                format!(
                    "<td class=\"n\">{} uur per jaar</td>",
                    getal(
                        &zoals_gegeven(w.telefonische_ondersteuning_uren, 1),
                        &invoer(&format!("{p}.telefonische_ondersteuning_uren"))
                    )
                )
            } else {
                "<td class=\"n\">geen consulent</td>".to_string()
            };
            vec![
                groep_naam(gi, g),
                format!(
                    "<td>{}, {} uur per bijeenkomst</td>",
                    esc(&rol_naam(&w.voorzitter_rol)),
                    getal(
                        &zoals_gegeven(w.voorzitter_uren, 1),
                        &invoer(&format!("{p}.voorzitter_uren"))
                    )
                ),
                format!(
                    "<td>{}, {} uur per patiënt</td>",
                    esc(&rol_naam(&w.coordinatie_rol)),
                    getal(
                        &zoals_gegeven(w.coordinatie_uren_per_patient, 1),
                        &invoer(&format!("{p}.coordinatie_uren_per_patient"))
                    )
                ),
                tel,
            ]
        })
        .collect();
    tabel(
        out,
        "Voorzitter, coördinatie en telefonische ondersteuning",
        &[
            ("Groep", false),
            ("Voorzitter (extra)", false),
            ("Coördinatie na bespreking", false),
            ("Telefonische ondersteuning", true),
        ],
        &rijen,
    );
}

/// A group's name as a row header, with its source.
fn groep_naam(gi: usize, g: &Groep) -> String {
    th_attr(&g.naam, &invoer(&format!("groep[{}].naam", gi + 1)))
}

pub(super) fn regio(out: &mut String, s: &Scenario) {
    hoofdstuk(out, "regio", "Locatie en regio");
    toelichting(out, s, Onderwerp::Locatie);
    out.push_str("<dl class=\"feiten\">\n");
    match &s.regio {
        Some(r) => out.push_str(&format!(
            "<dt>Regio</dt><dd{}>{}</dd>\n",
            invoer("scenario.regio"),
            esc(r)
        )),
        None => out.push_str("<dt>Regio</dt><dd>niet opgegeven in het scenario</dd>\n"),
    }
    out.push_str(&format!(
        "<dt>Verzekerden</dt><dd>{} ingeschreven verzekerden, over wie het tarief wordt \
         verdeeld</dd>\n",
        verzekerden(s)
    ));
    out.push_str(&format!(
        "<dt>Looptijd</dt><dd>{}</dd>\n</dl>\n",
        looptijd(s)
    ));
    let rijen: Vec<Vec<String>> = s
        .groepen
        .iter()
        .enumerate()
        .map(|(gi, g)| {
            let status = groep_status(s, g);
            vec![
                groep_naam(gi, g),
                td_n(
                    &g.start.to_string(),
                    &invoer(&format!("groep[{}].start", gi + 1)),
                ),
                td(status),
            ]
        })
        .collect();
    tabel(
        out,
        "Groepen in de regio",
        &[("Groep", false), ("Actief vanaf", true), ("Status", false)],
        &rijen,
    );
    einde(out);
}

/// The chapter Evaluatie en monitoring: the region's plan, and what the businesscase budgets for
/// it.
pub(super) fn evaluatie(out: &mut String, s: &Scenario) {
    hoofdstuk(out, "evaluatie", "Evaluatie en monitoring");
    toelichting(out, s, Onderwerp::Evaluatie);
    out.push_str(
        "<p>Na afloop legt de regio verantwoording af over de geleverde zorg: het aantal \
         bijeenkomsten per groep, de deelnemers en de duur. De zes indicatoren van mogelijk \
         niet-passende zorg worden gevolgd, zodat de verwachte zorgreductie uit deze \
         businesscase te toetsen is.</p>\n",
    );
    let m = s.ondersteuning.monitoring_per_jaar;
    if m.is_zero() {
        out.push_str(
            "<p>Deze businesscase begroot geen aparte kosten voor monitoring en evaluatie.</p>\n",
        );
    } else {
        out.push_str(&format!(
            "<p>Voor monitoring en evaluatie is {} per jaar begroot (vóór indexatie); dat bedrag \
             staat bij de regionale kosten.</p>\n",
            getal(
                &euro_invoer(m),
                &invoer("ondersteuning.monitoring_per_jaar")
            )
        ));
    }
    einde(out);
}
