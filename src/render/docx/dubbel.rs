//! Chapter "Dubbele financiering": for every role and post how it is financed (through TAPA$ or
//! from another source), and the known risks of double financing as statements of fact. Pure,
//! no I/O.

use crate::calc::Resultaat;
use crate::calc::cost::Post;
use crate::calc::overzicht::overzicht;
use crate::scenario::{MEDISCH_SPECIALIST_EIGEN_TITEL_VANAF, Scenario};

use super::opmaak::{Doc, euro};
use super::rol_naam;

pub(super) fn hoofdstuk(doc: &mut Doc, s: &Scenario, r: &Resultaat) {
    let k = &r.kosten;
    doc.hoofdstuk("Dubbele financiering");
    doc.alinea(
        "De verzekeraar vraagt aan te tonen dat geen zorg dubbel wordt gefinancierd. Hieronder \
         staat per rol en per post hoe de kosten over de looptijd worden betaald.",
    );
    let o = overzicht(s, k);
    let mut rijen: Vec<Vec<String>> = o
        .rollen
        .iter()
        .map(|(rol, t)| {
            let hoe = if s.is_elders_gefinancierd(rol) {
                "uit een andere bron, niet via TAPA$"
            } else {
                "via TAPA$"
            };
            vec![
                format!("Uren van de {}", rol_naam(rol)),
                hoe.to_string(),
                euro(t.totaal),
            ]
        })
        .collect();
    for (post, t) in &o.posten {
        // The hour lines are in the rows per role above.
        if matches!(
            post,
            Post::Bijeenkomsten
                | Post::Voorzitter
                | Post::Coordinatie
                | Post::TelefonischeOndersteuning
        ) {
            continue;
        }
        rijen.push(vec![
            post.label().to_string(),
            "via TAPA$".to_string(),
            euro(t.totaal),
        ]);
    }
    doc.tabel(
        "Financiering per rol en per post (looptijd)",
        &[("Kosten", false), ("Betaald", false), ("Bedrag", true)],
        &rijen,
        false,
    );
    let mut feiten = Vec::new();
    if k.totaal.elders_gefinancierd.is_zero() {
        feiten.push("Alle kosten in deze businesscase worden via TAPA$ gefinancierd.".to_string());
    } else {
        feiten.push(format!(
            "Over de looptijd wordt {} uit een andere bron betaald; dat bedrag telt mee in de \
             kosten maar niet in het bedrag dat via TAPA$ wordt gefinancierd.",
            euro(k.totaal.elders_gefinancierd)
        ));
    }
    let heeft = |rol: &str| o.rollen.iter().any(|(r, _)| &**r == rol);
    if heeft("consulent") && !s.is_elders_gefinancierd("consulent") {
        feiten.push(
            "De inzet van de consulent palliatieve zorg wordt via TAPA$ gefinancierd. Waar PZNL \
             deze inzet in de regio nog vergoedt, moet die vergoeding stoppen of buiten deze \
             businesscase blijven; de regio bevestigt dit aan de verzekeraar."
                .to_string(),
        );
    }
    let ms = "medisch_specialist";
    if heeft(ms)
        && !s.is_elders_gefinancierd(ms)
        && s.eindjaar() >= MEDISCH_SPECIALIST_EIGEN_TITEL_VANAF
    {
        feiten.push(format!(
            "Uren van de medisch specialist worden via TAPA$ gefinancierd. Vanaf \
             {MEDISCH_SPECIALIST_EIGEN_TITEL_VANAF} heeft proactieve zorgplanning een eigen \
             betaaltitel; dezelfde uren mogen niet ook daaruit worden betaald."
        ));
    }
    doc.opsomming(&feiten);
}
