//! Chapter "Saldo": costs against avoided costs per year and over the horizon, the return, the
//! net present value and the break-even factor. Pure, no I/O.

use rust_decimal::Decimal;

use crate::calc::Resultaat;
use crate::calc::businesscase::Saldo;
use crate::decimal::dutch;
use crate::scenario::Scenario;

use super::opmaak::{Doc, JaarRij, euro, procent};

pub(super) fn hoofdstuk(doc: &mut Doc, s: &Scenario, r: &Resultaat) {
    doc.hoofdstuk("Saldo");
    let Some(b) = &r.businesscase else {
        doc.alinea(
            "Zonder verwachte zorgreductie is er geen saldo van kosten en vermeden kosten; deze \
             businesscase toont alleen de kosten en hun financiering.",
        );
        return;
    };
    doc.alinea(
        "Het saldo zet de via TAPA$ te financieren kosten tegenover de kosten die naar verwachting \
         worden vermeden doordat minder patiënten mogelijk niet-passende zorg krijgen.",
    );
    let jaren: Vec<i32> = b.jaren.iter().map(|(j, _)| *j).collect();
    let rij = |label: &str, f: fn(&Saldo) -> Decimal| {
        JaarRij::bedragen(label, b.jaren.iter().map(|(_, x)| f(x)), f(&b.totaal))
    };
    let rijen = vec![
        rij("Te financieren via TAPA$", |x| x.kosten.te_financieren),
        rij("Vermeden kosten", |x| x.vermeden_kosten),
        rij("Netto (vermeden min te financieren)", |x| x.netto),
        JaarRij::procenten(
            "Rendement (netto als % van te financieren)",
            b.jaren.iter().map(|(_, x)| x.roi_percentage),
            b.totaal.roi_percentage,
        ),
    ];
    doc.jaartabel("Saldo per jaar", "", &jaren, &rijen);
    let disconto = s
        .impact
        .as_ref()
        .map_or(Decimal::ZERO, |i| i.disconteringsvoet_percentage);
    doc.feiten(&[
        (
            "Netto contante waarde",
            format!(
                "{} (disconteringsvoet {} per jaar)",
                euro(b.netto_contante_waarde),
                procent(disconto)
            ),
        ),
        (
            "Break-even factor",
            b.totaal
                .break_even_factor
                .map_or_else(|| "—".to_string(), |f| dutch(f, 3)),
        ),
    ]);
    doc.noot(
        "De netto contante waarde telt het netto bedrag van elk jaar op na verdiscontering naar \
         het startjaar (per jaar op centen afgerond). De break-even factor is het veelvoud van alle \
         verwachte reducties waarbij de vermeden kosten gelijk zijn aan de te financieren kosten: \
         onder de één verdient PaTz zich naar verwachting terug, erboven is meer reductie nodig dan \
         verwacht.",
    );
    if doc.heeft_grafiek("gevoeligheid-van-het-saldo") {
        doc.paragraaf("Gevoeligheid van het saldo");
        doc.alinea_bij_volgende(
            "De grafiek hieronder laat zien hoe het netto bedrag over de looptijd verandert wanneer één \
             onzekere aanname naar de lage of de hoge waarde van haar bandbreedte gaat en de \
             andere aannamen gelijk blijven.",
        );
        doc.grafiek("gevoeligheid-van-het-saldo");
    }
}
