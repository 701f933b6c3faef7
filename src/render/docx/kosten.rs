//! Chapter "Kosten inclusief facilitaire en opleidingskosten": the costs per post, per role and
//! per group (the subtotals of [`crate::calc::overzicht`]) and the inputs of the support lines.
//! Pure, no I/O.

use crate::calc::cost::Kosten;
use crate::calc::financiering::dubbele_financiering;
use crate::calc::overzicht::overzicht;
use crate::scenario::Scenario;

use super::dubbel::{elders, van_rol};
use super::opmaak::{Doc, JaarRij, euro_invoer, procent, zoals_gegeven};
use super::rol_naam;

pub(super) fn hoofdstuk(doc: &mut Doc, s: &Scenario, k: &Kosten) {
    doc.hoofdstuk("Kosten inclusief facilitaire en opleidingskosten");
    let mut intro = String::from(
        "Alle bedragen in euro, per regel op hele centen afgerond; elk totaal is de som van de \
         afgeronde regels. ",
    );
    if !s.indexatie_percentage.is_zero() {
        intro.push_str(&format!(
            "Bedragen stijgen met {} per jaar (samengesteld) vanaf {}. ",
            procent(s.indexatie_percentage),
            s.startjaar
        ));
    }
    intro.push_str(
        "De kosten omvatten de uren van de deelnemers, de facilitaire kosten (ICT, huisvesting), \
         de opleidingskosten (scholing en startkosten van nieuwe groepen), de regionale \
         projectleiding en monitoring, en de overhead van de penvoerder.",
    );
    doc.alinea(&intro);

    let jaren: Vec<i32> = k.jaren.iter().map(|j| j.jaar).collect();
    let totaal = || {
        JaarRij::bedragen(
            "Totaal",
            k.jaren.iter().map(|j| j.totalen.kosten_totaal),
            k.totaal.kosten_totaal,
        )
        .als_totaal()
    };
    let o = overzicht(s, k);

    doc.paragraaf("Kosten per post");
    let mut rijen: Vec<JaarRij> = o
        .posten
        .iter()
        .map(|(post, t)| JaarRij::subtotaal(post.label_in(s), t))
        .collect();
    rijen.push(totaal());
    doc.jaartabel("Kosten per post", "Post", &jaren, &rijen);
    doc.grafiek("kosten-per-jaar");
    grondslag(doc, s);

    doc.paragraaf("Kosten per rol");
    let f = dubbele_financiering(s, k);
    let mut rijen: Vec<JaarRij> = o
        .rollen
        .iter()
        .map(|(rol, t)| {
            let label = match van_rol(&f, rol).and_then(elders) {
                Some(true) => format!("{} (uit een andere bron)", rol_naam(rol)),
                Some(false) => format!("{} (deels uit een andere bron)", rol_naam(rol)),
                None => rol_naam(rol),
            };
            JaarRij::subtotaal(&label, t)
        })
        .collect();
    rijen.push(JaarRij::subtotaal(
        "Zonder rol (ondersteuning, projectleiding, overhead)",
        &o.zonder_rol,
    ));
    rijen.push(totaal());
    doc.jaartabel("Kosten per rol", "Rol", &jaren, &rijen);
    doc.grafiek("kosten-per-rol");

    doc.paragraaf("Kosten per groep");
    let mut rijen: Vec<JaarRij> = s
        .groepen
        .iter()
        .zip(&o.groepen)
        .map(|(g, t)| JaarRij::subtotaal(&g.naam, t))
        .collect();
    rijen.push(JaarRij::subtotaal(
        "Regionaal (projectleiding, monitoring, overhead)",
        &o.regionaal,
    ));
    rijen.push(totaal());
    doc.jaartabel("Kosten per groep", "Groep", &jaren, &rijen);
}

/// The facilities, training and regional support: what each line is calculated from.
fn grondslag(doc: &mut Doc, s: &Scenario) {
    let o = &s.ondersteuning;
    let e = euro_invoer;
    let rijen = vec![
        vec![
            "ICT".to_string(),
            format!("{} per actieve groep per jaar", e(o.ict_per_groep)),
        ],
        vec![
            "Huisvesting".to_string(),
            format!("{} per bijeenkomst", e(o.huisvesting_per_bijeenkomst)),
        ],
        vec![
            "Startkosten nieuwe groepen".to_string(),
            format!(
                "{} per nieuwe groep, eenmalig in het startjaar",
                e(o.startkosten_per_nieuwe_groep)
            ),
        ],
        vec![
            "Scholing nieuwe deelnemers".to_string(),
            format!(
                "{} per deelnemer van een nieuwe groep, eenmalig in het startjaar",
                e(o.scholing_per_nieuwe_deelnemer)
            ),
        ],
        vec![
            "Projectleiding".to_string(),
            format!(
                "{} uur per jaar tegen {} per uur",
                zoals_gegeven(o.projectleiding_uren, 0),
                e(o.projectleiding_uurtarief)
            ),
        ],
        vec![
            "Monitoring en evaluatie".to_string(),
            format!("{} per jaar", e(o.monitoring_per_jaar)),
        ],
        vec![
            "Overhead penvoerder".to_string(),
            format!(
                "{} van de via TAPA$ gefinancierde regels van elk jaar",
                procent(o.overhead_percentage)
            ),
        ],
    ];
    doc.tabel(
        "Facilitaire kosten, opleidingskosten en regionale ondersteuning (grondslag, vóór indexatie)",
        &[("Post", false), ("Grondslag", false)],
        &rijen,
        false,
    );
}
