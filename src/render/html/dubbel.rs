//! The chapter Dubbele financiering: for every role and post how it is financed, and for every
//! known risk of double financing what the businesscase does about it, as statements of fact
//! for the insurer. Pure, no I/O.

use crate::calc::cost::Post;
use crate::calc::overzicht::Overzicht;
use crate::render::grafiek::{hoofdletter, rol_naam};
use crate::scenario::{MEDISCH_SPECIALIST_EIGEN_TITEL_VANAF, Scenario};

use super::opmaak::{einde, esc, hoofdstuk, tabel, td, th_row};

/// The chapter Dubbele financiering.
pub(super) fn dubbele_financiering(out: &mut String, s: &Scenario, o: &Overzicht) {
    hoofdstuk(out, "dubbele-financiering", "Dubbele financiering");
    out.push_str(
        "<p>Via TAPA$-prestatie 1 vraagt de regio alleen de kosten die niet al op een andere \
         manier worden betaald. Per rol en per post staat hieronder hoe die wordt gefinancierd; \
         wat elders wordt betaald telt mee in de kosten, maar niet in het bedrag dat via TAPA$ \
         wordt gevraagd.</p>\n",
    );
    let mut rijen: Vec<Vec<String>> = o
        .rollen
        .iter()
        .map(|(rol, _)| {
            vec![
                th_row(&esc(&hoofdletter(&rol_naam(rol)))),
                td(if s.is_elders_gefinancierd(rol) {
                    "elders, in elk jaar volledig"
                } else {
                    "via TAPA$"
                }),
            ]
        })
        .collect();
    rijen.extend(
        o.posten
            .iter()
            .filter(|(p, _)| !met_rol(*p))
            .map(|(p, _)| vec![th_row(&esc(p.label())), td("via TAPA$")]),
    );
    tabel(
        out,
        "Financiering per rol en per post",
        &[("Rol of post", false), ("Financiering", false)],
        &rijen,
    );
    out.push_str("<h3>Bekende risico's op dubbele financiering</h3>\n");
    let risicos = risicos(s);
    if risicos.is_empty() {
        out.push_str(
            "<p>Geen van de bekende risico's doet zich in deze businesscase voor: geen rol die \
             ook uit een andere betaaltitel kan worden betaald, wordt via TAPA$ \
             gefinancierd.</p>\n",
        );
    } else {
        out.push_str("<ul class=\"risicos\">\n");
        for (risico, stand) in risicos {
            out.push_str(&format!(
                "<li>{}<span class=\"stand\">{}</span></li>\n",
                esc(&risico),
                esc(&stand)
            ));
        }
        out.push_str("</ul>\n");
    }
    einde(out);
}

/// Every known risk of double financing in `s`: what is financed through TAPA$ that another
/// title may already pay, and whether that was checked.
fn risicos(s: &Scenario) -> Vec<(String, String)> {
    let via_tapas =
        |rol: &str| !s.is_elders_gefinancierd(rol) && s.groepen.iter().any(|g| g.aantal(rol) > 0);
    let open = "Nog niet vastgelegd dat dit is nagegaan.".to_string();
    let mut out = Vec::new();
    if via_tapas("consulent") {
        out.push((
            "De consulent palliatieve zorg wordt via TAPA$ gefinancierd. Vergoedt PZNL de inzet \
             van de consulent in deze regio nog, dan is dat deel dubbel gefinancierd. "
                .to_string(),
            open.clone(),
        ));
    }
    if via_tapas("medisch_specialist") && s.eindjaar() >= MEDISCH_SPECIALIST_EIGEN_TITEL_VANAF {
        let vanaf = s.startjaar.max(MEDISCH_SPECIALIST_EIGEN_TITEL_VANAF);
        out.push((
            format!(
                "De uren van de medisch specialist worden vanaf {vanaf} via TAPA$ gefinancierd, \
                 terwijl proactieve zorgplanning door de medisch specialist vanaf \
                 {MEDISCH_SPECIALIST_EIGEN_TITEL_VANAF} een eigen betaaltitel heeft. "
            ),
            open.clone(),
        ));
    }
    out
}

/// Whether the lines of `p` are hours of a role (their financing is the role's).
fn met_rol(p: Post) -> bool {
    matches!(
        p,
        Post::Bijeenkomsten
            | Post::Voorzitter
            | Post::Coordinatie
            | Post::TelefonischeOndersteuning
    )
}
