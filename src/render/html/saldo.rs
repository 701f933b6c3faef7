//! The chapter Saldo en netto contante waarde. Pure, no I/O.

use rust_decimal::Decimal;

use crate::calc::businesscase::BusinessCase;
use crate::decimal::{dutch, euro};
use crate::scenario::Scenario;

use super::opmaak::{Rij, einde, esc, getal, hoofdstuk, invoer, jaartabel, json, procent, ratio};

pub(super) fn saldo(out: &mut String, s: &Scenario, b: &BusinessCase) {
    hoofdstuk(out, "saldo", "Saldo en netto contante waarde");
    let jaren: Vec<i32> = b.jaren.iter().map(|(j, _)| *j).collect();
    let bedrag_rij =
        |label: &str, veld: &str, f: fn(&crate::calc::businesscase::Saldo) -> Decimal| {
            Rij::uit_json(
                esc(label),
                "business-case",
                veld,
                b.jaren.iter().map(|(_, x)| euro(f(x))),
                Some(euro(f(&b.totaal))),
            )
        };
    let roi = |x: Option<Decimal>| x.map_or_else(|| "—".to_string(), ratio);
    let mut netto = bedrag_rij("Netto (vermeden − te financieren)", "netto", |x| x.netto);
    netto.totaalrij = true;
    let rijen = vec![
        bedrag_rij("Te financieren via TAPA$", "te_financieren", |x| {
            x.kosten.te_financieren
        }),
        bedrag_rij("Vermeden kosten", "vermeden_kosten", |x| x.vermeden_kosten),
        netto,
        Rij::uit_json(
            "ROI (netto als % van te financieren)".into(),
            "business-case",
            "roi_percentage",
            b.jaren.iter().map(|(_, x)| roi(x.roi_percentage)),
            Some(roi(b.totaal.roi_percentage)),
        ),
    ];
    jaartabel(out, "Saldo per jaar", "", &jaren, &rijen);
    let disconto = s
        .impact
        .as_ref()
        .map_or(Decimal::ZERO, |i| i.disconteringsvoet_percentage);
    out.push_str("<dl class=\"feiten\">\n");
    out.push_str(&format!(
        "<dt>Netto contante waarde</dt><dd>{} (disconteringsvoet {} per jaar)</dd>\n",
        getal(
            &euro(b.netto_contante_waarde),
            &json("business-case", "/totaal/netto_contante_waarde")
        ),
        getal(
            &procent(disconto),
            &invoer("impact.disconteringsvoet_percentage")
        )
    ));
    out.push_str(&format!(
        "<dt>Break-even factor</dt><dd>{}</dd>\n</dl>\n",
        getal(
            &b.totaal
                .break_even_factor
                .map_or_else(|| "—".to_string(), |f| dutch(f, 3)),
            &json("business-case", "/totaal/break_even_factor")
        )
    ));
    out.push_str(
        "<p class=\"noot\">De netto contante waarde telt het netto bedrag van elk jaar op na \
         verdiscontering naar het startjaar (per jaar op centen afgerond). De break-even factor is \
         het veelvoud van alle verwachte reducties waarbij de vermeden kosten gelijk zijn aan de \
         te financieren kosten: onder de één verdient PaTz zich naar verwachting terug, erboven is \
         meer reductie nodig dan verwacht.</p>\n",
    );
    einde(out);
}
