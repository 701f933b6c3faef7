//! The title page: the scenario's name, its facts and a summary of the key figures. Pure, no
//! I/O.

use crate::calc::Resultaat;
use crate::scenario::Scenario;

use super::opmaak::{Deel, Doc, euro, looptijd, procent, verzekerden};
use super::stijl::{ONDERTITEL, TITEL};

pub(super) fn titelblad(doc: &mut Doc, s: &Scenario, r: &Resultaat) {
    let k = &r.kosten;
    doc.met_stijl(TITEL, &s.naam);
    doc.met_stijl(
        ONDERTITEL,
        "Businesscase voor PaTz (Palliatieve Zorg Thuis) via TAPA$-prestatie 1",
    );
    let mut feiten: Vec<(&str, String)> = Vec::new();
    if let Some(regio) = &s.regio {
        feiten.push(("Regio", regio.clone()));
    }
    feiten.push((
        "Looptijd",
        format!("{} ({} jaar)", looptijd(s), s.looptijd_jaren),
    ));
    feiten.push(("PaTz-groepen", s.groepen.len().to_string()));
    feiten.push(("Ingeschreven verzekerden", verzekerden(s)));
    if !s.indexatie_percentage.is_zero() {
        feiten.push((
            "Indexatie van de kosten",
            format!("{} per jaar", procent(s.indexatie_percentage)),
        ));
    }
    feiten.push((
        "Te financieren via TAPA$ (looptijd)",
        euro(k.totaal.te_financieren),
    ));
    feiten.push((
        "Kostendekkend tarief per verzekerde per jaar",
        euro(k.totaal.kostendekkend_tarief),
    ));
    if let Some(b) = &r.businesscase {
        feiten.push(("Vermeden kosten (looptijd)", euro(b.totaal.vermeden_kosten)));
        feiten.push(("Netto (looptijd)", euro(b.totaal.netto)));
    }
    doc.feiten(&feiten);

    let kosten = euro(k.totaal.kosten_totaal);
    let elders = euro(k.totaal.elders_gefinancierd);
    let te = euro(k.totaal.te_financieren);
    let tarief = euro(k.totaal.kostendekkend_tarief);
    let mut delen = vec![
        Deel::Tekst("Samenvatting. Over de looptijd kosten de PaTz-groepen "),
        Deel::Getal(kosten),
        Deel::Tekst(" in totaal. "),
    ];
    if !k.totaal.elders_gefinancierd.is_zero() {
        delen.extend([
            Deel::Tekst("Daarvan wordt "),
            Deel::Getal(elders),
            Deel::Tekst(" uit een andere bron betaald. "),
        ]);
    }
    delen.extend([
        Deel::Tekst("Via TAPA$-prestatie 1 te financieren: "),
        Deel::Getal(te),
        Deel::Tekst(", een kostendekkend tarief van "),
        Deel::Getal(tarief),
        Deel::Tekst(" per verzekerde per jaar."),
    ]);
    if let Some(b) = &r.businesscase {
        delen.extend([
            Deel::Tekst(" Daar staan naar verwachting "),
            Deel::Getal(euro(b.totaal.vermeden_kosten)),
            Deel::Tekst(" aan vermeden kosten tegenover."),
        ]);
    }
    doc.alinea_delen(&delen);
}
