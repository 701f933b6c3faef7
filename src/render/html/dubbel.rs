//! The chapter Dubbele financiering: for every role and post, per year, how it is financed
//! (through TAPA$, or elsewhere with financier and percentage, from
//! [`crate::calc::financiering::dubbele_financiering`], in the same cell texts as the CLI's
//! `business-case` table and the Word document), the contributions from other sources, and for
//! every known risk of double financing what the region checked, as statements of fact for the
//! insurer. Pure, no I/O.

use crate::calc::cost::{Kosten, Post};
use crate::calc::financiering::{
    DubbeleFinanciering, FinancieringRij, JaarFinanciering, Onderwerp, Wijze, dubbele_financiering,
};
use crate::decimal::euro;
use crate::render::grafiek::{hoofdletter, rol_naam};
use crate::scenario::{MEDISCH_SPECIALIST_EIGEN_TITEL_VANAF, Scenario};

use super::opmaak::{
    JAREN_PER_TABEL, LABEL_BREEDTE, breuk, einde, esc, getal, hoofdstuk, invoer, json, regels,
    tabel, td, td_attr, td_n, th_attr, th_row,
};

/// The chapter Dubbele financiering.
pub(super) fn dubbele_financiering_hoofdstuk(out: &mut String, s: &Scenario, k: &Kosten) {
    hoofdstuk(out, "dubbele-financiering", "Dubbele financiering");
    out.push_str(
        "<p>Via TAPA$-prestatie 1 vraagt de regio alleen de kosten die niet al op een andere \
         manier worden betaald. Per rol en per post staat hieronder hoe die in elk jaar wordt \
         gefinancierd; wat elders wordt betaald telt mee in de kosten, maar niet in het bedrag \
         dat via TAPA$ wordt gevraagd.</p>\n",
    );
    let d = dubbele_financiering(s, k);
    per_jaar(out, s, &d);
    if !k.totaal.elders_gefinancierd.is_zero() {
        out.push_str(&format!(
            "<p>Over de looptijd wordt {} elders betaald.</p>\n",
            getal(
                &euro(k.totaal.elders_gefinancierd),
                &json("cost", "/totaal/elders_gefinancierd")
            )
        ));
    }
    bijdragen(out, s, &d);
    risicos(out, s, &d);
    einde(out);
}

/// The label of a row: a role's name, or the post's label.
fn rij_label(r: &FinancieringRij) -> String {
    match &r.onderwerp {
        Onderwerp::Rol(rol) => hoofdletter(&rol_naam(rol)),
        Onderwerp::Post(_) => r.label.clone(),
    }
}

/// The field path of the entry that finances row `r` elsewhere in `jaar`, if any.
fn bron(s: &Scenario, r: &FinancieringRij, jaar: i32) -> Option<String> {
    let e = match &r.onderwerp {
        Onderwerp::Rol(rol) => s.elders_rol(rol, jaar),
        Onderwerp::Post(Post::Overhead) => None,
        Onderwerp::Post(p) => s.elders_post(p.naam(s), jaar),
    };
    e.map(|e| e.path.clone()).or_else(|| match &r.onderwerp {
        Onderwerp::Rol(rol) => s
            .elders_gefinancierd
            .iter()
            .position(|x| **x == **rol)
            .map(|i| format!("financiering.elders_gefinancierd[{}]", i + 1)),
        Onderwerp::Post(_) => None,
    })
}

/// One cell: the CLI's text; a cell financed elsewhere names the entry it comes from
/// (`data-financiering`), so that the document test can hold it against the scenario file.
fn cel(s: &Scenario, r: &FinancieringRij, j: &JaarFinanciering) -> String {
    let tekst = j.omschrijving();
    match (&j.wijze, bron(s, r, j.jaar)) {
        (Wijze::Elders { .. }, Some(pad)) => {
            td_attr(&tekst, &format!(" data-financiering=\"{}\"", esc(&pad)))
        }
        _ => td(&tekst),
    }
}

/// The table of every role and post per year (split into tables of at most
/// [`JAREN_PER_TABEL`] years).
fn per_jaar(out: &mut String, s: &Scenario, d: &DubbeleFinanciering) {
    let stukken: Vec<(usize, &[i32])> = d
        .jaren
        .chunks(JAREN_PER_TABEL)
        .enumerate()
        .map(|(i, c)| (i * JAREN_PER_TABEL, c))
        .collect();
    let n = stukken.len();
    for (begin, stuk) in stukken {
        let titel = match (n > 1, stuk.first(), stuk.last()) {
            (true, Some(a), Some(b)) => format!("Financiering per rol en per post ({a}–{b})"),
            _ => "Financiering per rol en per post".to_string(),
        };
        let heel = breuk(d.rijen.iter().map(|r| {
            let cellen: String = r
                .jaren
                .iter()
                .skip(begin)
                .take(stuk.len())
                .map(|j| cel(s, r, j))
                .collect();
            regels(&cellen, 100 - LABEL_BREEDTE).max(regels(&esc(&rij_label(r)), LABEL_BREEDTE))
        }));
        out.push_str(&format!(
            "<table class=\"jaren financiering{heel}\">\n<caption>{}</caption>\n<thead><tr>\
             <th scope=\"col\">Rol of post</th>",
            esc(&titel)
        ));
        for j in stuk {
            out.push_str(&format!("<th scope=\"col\">{j}</th>"));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for r in &d.rijen {
            out.push_str("<tr>");
            out.push_str(&th_row(&esc(&rij_label(r))));
            for j in r.jaren.iter().skip(begin).take(stuk.len()) {
                out.push_str(&cel(s, r, j));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
    }
}

/// The contributions from other sources (only when the scenario has any).
fn bijdragen(out: &mut String, s: &Scenario, d: &DubbeleFinanciering) {
    if d.bijdragen.is_empty() {
        return;
    }
    out.push_str("<h3>Bijdragen uit andere bronnen</h3>\n");
    out.push_str(
        "<p>Deze bijdragen verlagen in hun jaar het bedrag dat via TAPA$ wordt gevraagd; ze \
         worden niet geïndexeerd.</p>\n",
    );
    let rijen: Vec<Vec<String>> = d
        .bijdragen
        .iter()
        .zip(&s.bijdragen)
        .map(|(b, x)| {
            vec![
                th_attr(&b.naam, &invoer(&format!("{}.naam", x.path))),
                td(&b.jaar.to_string()),
                td_attr(&b.financier, &invoer(&format!("{}.financier", x.path))),
                td_n(&euro(b.bedrag), &invoer(&format!("{}.bedrag", x.path))),
            ]
        })
        .collect();
    tabel(
        out,
        "Bijdragen",
        &[
            ("Bijdrage", false),
            ("Jaar", false),
            ("Betaald door", false),
            ("Bedrag", true),
        ],
        &rijen,
    );
}

/// The roles that another title may already pay, with what that title is (the reminders of
/// docs/rekenregels.md § 6), and the first year the risk exists.
fn bekende_risicos(s: &Scenario) -> [(&'static str, String, i32); 4] {
    let ms = MEDISCH_SPECIALIST_EIGEN_TITEL_VANAF;
    [
        (
            "consulent",
            "Vergoedt PZNL de inzet van de consulent in deze regio nog, dan is dat deel dubbel \
             gefinancierd."
                .to_string(),
            s.startjaar,
        ),
        (
            "medisch_specialist",
            format!(
                "Proactieve zorgplanning door de medisch specialist heeft vanaf {ms} een eigen \
                 betaaltitel."
            ),
            ms,
        ),
        (
            "wijkverpleegkundige",
            "De PaTz-tijd moet buiten de urenindicatie onder het integraal uurtarief van de \
             wijkverpleging blijven."
                .to_string(),
            s.startjaar,
        ),
        (
            "specialist_ouderengeneeskunde",
            "Overleg kan al binnen de mpt-prestatie (multidisciplinaire zorg) worden betaald."
                .to_string(),
            s.startjaar,
        ),
    ]
}

/// The years (from `vanaf`) in which row `r` has a part financed through TAPA$.
fn tapas_jaren(r: &FinancieringRij, vanaf: i32) -> Vec<i32> {
    r.jaren
        .iter()
        .filter(|j| j.jaar >= vanaf && !j.tapas.is_zero())
        .map(|j| j.jaar)
        .collect()
}

/// `2026`, `2026 en 2027`, `2026, 2027 en 2028`.
fn opsomming(jaren: &[i32]) -> String {
    let t: Vec<String> = jaren.iter().map(i32::to_string).collect();
    match t.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} en {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

/// Every known risk of double financing in `s`: what is financed through TAPA$ that another
/// title may already pay, and what the region checked (`[[financiering.nagegaan]]`); then the
/// region's other answers.
fn risicos(out: &mut String, s: &Scenario, d: &DubbeleFinanciering) {
    out.push_str("<h3>Bekende risico's op dubbele financiering</h3>\n");
    let mut items = Vec::new();
    for (rol, wat, vanaf) in bekende_risicos(s) {
        let Some(r) = d
            .rijen
            .iter()
            .find(|r| matches!(&r.onderwerp, Onderwerp::Rol(x) if &**x == rol))
        else {
            continue;
        };
        let jaren = tapas_jaren(r, vanaf);
        if jaren.is_empty() {
            continue;
        }
        // The years of those in which part of the hours is paid elsewhere.
        let deels: Vec<i32> = r
            .jaren
            .iter()
            .filter(|j| jaren.contains(&j.jaar) && !j.elders.is_zero())
            .map(|j| j.jaar)
            .collect();
        let in_jaren = if jaren.len() == r.jaren.len() {
            String::new()
        } else {
            format!(" in {}", opsomming(&jaren))
        };
        let deel = if deels.is_empty() {
            String::new()
        } else {
            format!(", in {} voor een deel", opsomming(&deels))
        };
        let risico = format!(
            "De uren van de {} worden{in_jaren} via TAPA$ gefinancierd{deel}. {wat} ",
            rol_naam(rol)
        );
        items.push(format!(
            "<li>{}<span class=\"stand\">{}</span></li>\n",
            esc(&risico),
            stand(s, rol)
        ));
    }
    if items.is_empty() {
        out.push_str(
            "<p>Geen van de bekende risico's doet zich in deze businesscase voor: geen rol die \
             ook uit een andere betaaltitel kan worden betaald, wordt via TAPA$ \
             gefinancierd.</p>\n",
        );
    } else {
        out.push_str("<ul class=\"risicos\">\n");
        for i in items {
            out.push_str(&i);
        }
        out.push_str("</ul>\n");
    }
    let overig: Vec<_> = s
        .nagegaan
        .iter()
        .filter(|n| {
            !bekende_risicos(s)
                .iter()
                .any(|(rol, _, _)| *rol == &*n.rol && heeft_tapas(d, rol))
        })
        .collect();
    if !overig.is_empty() {
        out.push_str("<h3>Verder nagegaan</h3>\n<ul class=\"risicos\">\n");
        for n in overig {
            out.push_str(&format!(
                "<li>{}: <span{}>{}</span></li>\n",
                esc(&hoofdletter(&rol_naam(&n.rol))),
                invoer(&format!("{}.toelichting", n.path)),
                esc(&n.toelichting)
            ));
        }
        out.push_str("</ul>\n");
    }
}

/// Whether role `rol` has a part through TAPA$ in some year.
fn heeft_tapas(d: &DubbeleFinanciering, rol: &str) -> bool {
    d.rijen.iter().any(|r| {
        matches!(&r.onderwerp, Onderwerp::Rol(x) if &**x == rol)
            && r.jaren.iter().any(|j| !j.tapas.is_zero())
    })
}

/// What the region checked about `rol` (HTML), or that this is not yet recorded.
fn stand(s: &Scenario, rol: &str) -> String {
    let antwoorden: Vec<String> = s
        .nagegaan
        .iter()
        .filter(|n| &*n.rol == rol)
        .map(|n| {
            format!(
                "<span{}>{}</span>",
                invoer(&format!("{}.toelichting", n.path)),
                esc(&n.toelichting)
            )
        })
        .collect();
    if antwoorden.is_empty() {
        esc("Nog niet vastgelegd dat dit is nagegaan.")
    } else {
        format!("Nagegaan: {}", antwoorden.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_listed_as_a_dutch_sentence_says_them() {
        assert_eq!(opsomming(&[]), "");
        assert_eq!(opsomming(&[2026]), "2026");
        assert_eq!(opsomming(&[2026, 2027]), "2026 en 2027");
        assert_eq!(opsomming(&[2026, 2027, 2028]), "2026, 2027 en 2028");
    }
}
