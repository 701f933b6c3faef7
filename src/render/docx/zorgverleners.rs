//! Chapter "De uitvoerende zorgverleners": the region's description, the hourly rate of each
//! role with how its hours are financed (per year, as in the chapter Dubbele financiering) and
//! the participants of each group. Pure, no I/O.

use crate::calc::cost::Kosten;
use crate::calc::financiering::dubbele_financiering;
use crate::scenario::{Onderwerp, Scenario};

use super::dubbel::{samengevat, van_rol};
use super::opmaak::{Doc, euro_invoer};
use super::rol_naam;

pub(super) fn hoofdstuk(doc: &mut Doc, s: &Scenario, k: &Kosten) {
    let f = dubbele_financiering(s, k);
    doc.hoofdstuk("De uitvoerende zorgverleners");
    doc.toelichting(s, Onderwerp::Zorgverleners);
    doc.alinea(
        "De uren van de deelnemers worden betaald tegen de uurtarieven hieronder. Uren die uit \
         een andere bron worden betaald, tellen mee in de kosten maar niet in het bedrag dat via \
         TAPA$ wordt gefinancierd (zie het hoofdstuk Dubbele financiering, per jaar).",
    );
    let rijen: Vec<Vec<String>> = s
        .uurtarieven
        .iter()
        .map(|u| {
            vec![
                rol_naam(&u.rol),
                euro_invoer(u.bedrag),
                van_rol(&f, &u.rol).map_or_else(|| "geen uren".to_string(), samengevat),
            ]
        })
        .collect();
    doc.tabel(
        "Uurtarieven per rol (vóór indexatie)",
        &[("Rol", false), ("Uurtarief", true), ("Financiering", false)],
        &rijen,
        false,
    );

    let rollen: Vec<&str> = s
        .uurtarieven
        .iter()
        .map(|u| &*u.rol)
        .filter(|rol| s.groepen.iter().any(|g| g.aantal(rol) > 0))
        .collect();
    let namen: Vec<String> = rollen.iter().map(|r| rol_naam(r)).collect();
    let mut kop: Vec<(&str, bool)> = vec![("Groep", false)];
    kop.extend(namen.iter().map(|r| (r.as_str(), true)));
    let rijen: Vec<Vec<String>> = s
        .groepen
        .iter()
        .map(|g| {
            let mut rij = vec![g.naam.clone()];
            rij.extend(rollen.iter().map(|rol| g.aantal(rol).to_string()));
            rij
        })
        .collect();
    doc.tabel("Deelnemers per groep", &kop, &rijen, false);
}
