//! The title page: the scenario's facts, the summary and the key figures. Pure, no I/O.

use crate::calc::Resultaat;
use crate::decimal::{dutch, euro};
use crate::scenario::Scenario;

use super::opmaak::{esc, getal, invoer, json, looptijd, procent, verzekerden};

/// The title page: the scenario's facts, then the summary.
pub(super) fn titel(out: &mut String, s: &Scenario, r: &Resultaat) {
    out.push_str("<header>\n<p class=\"soort\">Businesscase PaTz via TAPA$-prestatie 1</p>\n");
    out.push_str(&format!(
        "<h1{}>{}</h1>\n",
        invoer("scenario.naam"),
        esc(&s.naam)
    ));
    out.push_str("<dl class=\"feiten\">\n");
    if let Some(regio) = &s.regio {
        out.push_str(&format!(
            "<dt>Regio</dt><dd{}>{}</dd>\n",
            invoer("scenario.regio"),
            esc(regio)
        ));
    }
    out.push_str(&format!(
        "<dt>Looptijd</dt><dd>{} ({} jaar)</dd>\n",
        looptijd(s),
        getal(
            &s.looptijd_jaren.to_string(),
            &invoer("scenario.looptijd_jaren")
        )
    ));
    out.push_str(&format!(
        "<dt>Verzekerden</dt><dd>{}</dd>\n",
        verzekerden(s)
    ));
    out.push_str(&format!(
        "<dt>PaTz-groepen</dt><dd>{}</dd>\n",
        getal(&s.groepen.len().to_string(), " data-telling=\"groep\"")
    ));
    if !s.indexatie_percentage.is_zero() {
        out.push_str(&format!(
            "<dt>Indexatie</dt><dd>{} per jaar</dd>\n",
            getal(
                &procent(s.indexatie_percentage),
                &invoer("indexatie.kosten_percentage_per_jaar")
            )
        ));
    }
    out.push_str("</dl>\n</header>\n");
    samenvatting(out, r);
}

/// The summary: a paragraph and the key figures.
fn samenvatting(out: &mut String, r: &Resultaat) {
    let k = &r.kosten;
    out.push_str("<section id=\"samenvatting\">\n<h3>Samenvatting</h3>\n<p>");
    out.push_str(&format!(
        "Over de looptijd kosten de PaTz-groepen {} in totaal. ",
        getal(
            &euro(k.totaal.kosten_totaal),
            &json("cost", "/totaal/kosten_totaal")
        )
    ));
    if !k.totaal.elders_gefinancierd.is_zero() {
        out.push_str(&format!(
            "Daarvan wordt {} uit een andere titel betaald. ",
            getal(
                &euro(k.totaal.elders_gefinancierd),
                &json("cost", "/totaal/elders_gefinancierd")
            )
        ));
    }
    if !k.totaal.bijdragen.is_zero() {
        out.push_str(&format!(
            "Bijdragen uit andere bronnen dekken {}. ",
            getal(
                &euro(k.totaal.bijdragen),
                &json("cost", "/totaal/bijdragen")
            )
        ));
    }
    out.push_str(&format!(
        "Via TAPA$-prestatie 1 te financieren: {}, een kostendekkend tarief van {} per verzekerde \
         per jaar.",
        getal(
            &euro(k.totaal.te_financieren),
            &json("cost", "/totaal/te_financieren")
        ),
        getal(
            &euro(k.totaal.kostendekkend_tarief),
            &json("cost", "/totaal/kostendekkend_tarief")
        )
    ));
    if let Some(b) = &r.businesscase {
        out.push_str(&format!(
            " Daar staan naar verwachting {} aan vermeden kosten tegenover.",
            getal(
                &euro(b.totaal.vermeden_kosten),
                &json("business-case", "/totaal/vermeden_kosten")
            )
        ));
    }
    out.push_str("</p>\n<div class=\"kerncijfers\">\n");
    kerncijfers(out, r);
    out.push_str("</div>\n</section>\n");
}

/// The key figures: to be financed, the tariff, and the businesscase or the cost totals.
fn kerncijfers(out: &mut String, r: &Resultaat) {
    let k = &r.kosten;
    let mut kern = |wat: &str, tekst: String, attr: String, negatief: bool| {
        let klasse = if negatief { "n negatief" } else { "n" };
        out.push_str(&format!(
            "<div class=\"kerncijfer\"><span class=\"wat\">{}</span><span class=\"{klasse}\"{attr}>{}</span></div>\n",
            esc(wat),
            esc(&tekst)
        ));
    };
    kern(
        "Te financieren via TAPA$ (looptijd)",
        euro(k.totaal.te_financieren),
        json("cost", "/totaal/te_financieren"),
        false,
    );
    kern(
        "Kostendekkend tarief per verzekerde per jaar",
        euro(k.totaal.kostendekkend_tarief),
        json("cost", "/totaal/kostendekkend_tarief"),
        false,
    );
    match &r.businesscase {
        Some(b) => {
            kern(
                "Verwachte vermeden kosten (looptijd)",
                euro(b.totaal.vermeden_kosten),
                json("business-case", "/totaal/vermeden_kosten"),
                false,
            );
            kern(
                "Netto (vermeden − te financieren)",
                euro(b.totaal.netto),
                json("business-case", "/totaal/netto"),
                b.totaal.netto.is_sign_negative() && !b.totaal.netto.is_zero(),
            );
            kern(
                "Netto contante waarde",
                euro(b.netto_contante_waarde),
                json("business-case", "/totaal/netto_contante_waarde"),
                b.netto_contante_waarde.is_sign_negative() && !b.netto_contante_waarde.is_zero(),
            );
            kern(
                "Break-even factor",
                b.totaal
                    .break_even_factor
                    .map_or_else(|| "—".to_string(), |f| dutch(f, 3)),
                json("business-case", "/totaal/break_even_factor"),
                false,
            );
        }
        None => {
            kern(
                "Kosten totaal (looptijd)",
                euro(k.totaal.kosten_totaal),
                json("cost", "/totaal/kosten_totaal"),
                false,
            );
            kern(
                "Elders gefinancierd (looptijd)",
                euro(k.totaal.elders_gefinancierd),
                json("cost", "/totaal/elders_gefinancierd"),
                false,
            );
        }
    }
}
