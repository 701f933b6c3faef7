//! The cover: the scenario's name, the region and the horizon (from the scenario, never the
//! clock), the key figures, a summary in words and a short reading guide. Pure, no I/O.

use crate::calc::Resultaat;
use crate::scenario::{Onderwerp, Scenario};

use super::opmaak::{Deel, Doc, euro, looptijd, procent, verzekerden};
use super::stijl::KADER;

pub(super) fn titelblad(doc: &mut Doc, s: &Scenario, r: &Resultaat) {
    let k = &r.kosten;
    doc.titel(&s.naam);
    // Two lines, so that "TAPA$-prestatie 1" is never split from its context either.
    doc.ondertitel(&[
        "Businesscase voor PaTz (Palliatieve Zorg Thuis)",
        "via TAPA$-prestatie 1",
    ]);
    let waar = match &s.regio {
        Some(regio) => format!("{regio} · looptijd {}", looptijd(s)),
        None => format!("Looptijd {}", looptijd(s)),
    };
    doc.ondertitel(&[&waar]);
    let mut feiten: Vec<(&str, String)> = Vec::new();
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
    leeswijzer(doc, s);
}

/// How to read the document, in a framed block.
fn leeswijzer(doc: &mut Doc, s: &Scenario) {
    doc.delen_met_stijl(KADER, &[Deel::Getal("Leeswijzer".to_string())]);
    doc.met_stijl(
        KADER,
        "De eerste vijf hoofdstukken beschrijven de zorg: wat de PaTz-groepen doen, waarom, wie \
         eraan deelnemen, hoe vaak en waar. Daarna volgen de kosten, de financiering per \
         verzekerde en per verzekeraar, de verwachte zorgreductie en het saldo. Het hoofdstuk \
         Dubbele financiering laat per rol en per post zien wie wat betaalt. Evaluatie en \
         monitoring en de bronnen sluiten af.",
    );
    doc.met_stijl(
        KADER,
        "Alle bedragen zijn in euro, per regel op hele centen afgerond; elk totaal is de som van \
         de afgeronde regels. Dit document is een concept van de regio en kan vrij worden \
         bewerkt.",
    );
    let open = Onderwerp::ALL
        .iter()
        .filter(|o| s.toelichting.tekst(**o).is_none())
        .count();
    if open > 0 {
        doc.met_stijl(
            KADER,
            &format!(
                "Op {open} {} staat in een geel blok wat de regio daar nog zelf beschrijft.",
                if open == 1 { "plaats" } else { "plaatsen" }
            ),
        );
    }
}
