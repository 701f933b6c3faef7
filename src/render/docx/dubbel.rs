//! Chapter "Dubbele financiering": for every role and post, per year, how it is financed
//! (through TAPA$, or elsewhere with the financier and the share), the amounts of each part,
//! what the region has checked (`[[financiering.nagegaan]]`, with its toelichting) and the
//! contributions from other sources, all from [`crate::calc::financiering`] so that the
//! document says what the `business-case` table says; then the known risks as statements of
//! fact. Pure, no I/O.

use crate::calc::Resultaat;
use crate::calc::financiering::{
    DubbeleFinanciering, FinancieringRij, Onderwerp, Wijze, dubbele_financiering,
};
use crate::scenario::{MEDISCH_SPECIALIST_EIGEN_TITEL_VANAF, Scenario};

use super::opmaak::{Doc, JAREN_PER_TABEL, euro};
use super::rol_naam;

pub(super) fn hoofdstuk(doc: &mut Doc, s: &Scenario, r: &Resultaat) {
    let k = &r.kosten;
    let f = dubbele_financiering(s, k);
    doc.hoofdstuk("Dubbele financiering");
    doc.alinea(
        "De verzekeraar vraagt aan te tonen dat geen zorg dubbel wordt gefinancierd. Hieronder \
         staat per rol en per post, per jaar, hoe de kosten worden betaald: via TAPA$, of uit \
         een andere bron (met de financier en het deel dat die betaalt). Een deel dat elders \
         wordt betaald telt mee in de kosten, maar niet in het bedrag dat via TAPA$ wordt \
         gefinancierd.",
    );
    wijze_per_jaar(doc, &f);
    bedragen(doc, &f);
    if !f.nagegaan.is_empty() {
        doc.paragraaf("Nagegaan door de regio");
        let items: Vec<String> = f
            .nagegaan
            .iter()
            .map(|n| format!("{}: {}", hoofdletter(&rol_naam(&n.rol)), n.toelichting))
            .collect();
        doc.opsomming(&items);
    }
    if !f.bijdragen.is_empty() {
        doc.paragraaf("Bijdragen uit andere bronnen");
        doc.alinea(
            "Deze bijdragen verlagen het bedrag dat via TAPA$ moet worden gefinancierd in hun jaar.",
        );
        let rijen: Vec<Vec<String>> = f
            .bijdragen
            .iter()
            .map(|b| {
                vec![
                    b.naam.clone(),
                    b.jaar.to_string(),
                    b.financier.clone(),
                    euro(b.bedrag),
                ]
            })
            .collect();
        doc.tabel(
            "Bijdragen uit andere bronnen",
            &[
                ("Bijdrage", false),
                ("Jaar", false),
                ("Financier", false),
                ("Bedrag", true),
            ],
            &rijen,
            false,
        );
    }
    feiten(doc, s, r, &f);
}

/// The table "wie betaalt wat": a row per role and post, a column per year (in tables of at
/// most [`JAREN_PER_TABEL`] years), each cell [`crate::calc::financiering::JaarFinanciering::omschrijving`].
fn wijze_per_jaar(doc: &mut Doc, f: &DubbeleFinanciering) {
    let stukken: Vec<&[i32]> = f.jaren.chunks(JAREN_PER_TABEL).collect();
    let n = stukken.len();
    for (i, stuk) in stukken.iter().enumerate() {
        let begin = i * JAREN_PER_TABEL;
        let titel = match (n > 1, stuk.first(), stuk.last()) {
            (true, Some(a), Some(b)) => format!("Wie betaalt wat, per jaar ({a}–{b})"),
            _ => "Wie betaalt wat, per jaar".to_string(),
        };
        let jaar_koppen: Vec<String> = stuk.iter().map(|j| j.to_string()).collect();
        let mut kop: Vec<(&str, bool)> = vec![("Rol of post", false)];
        kop.extend(jaar_koppen.iter().map(|j| (j.as_str(), false)));
        let rijen: Vec<Vec<String>> = f
            .rijen
            .iter()
            .map(|rij| {
                let mut cellen = vec![label(rij)];
                cellen.extend(
                    rij.jaren
                        .iter()
                        .skip(begin)
                        .take(stuk.len())
                        .map(|j| j.omschrijving()),
                );
                cellen
            })
            .collect();
        doc.tabel(&titel, &kop, &rijen, false);
    }
}

/// The amounts over the horizon: per role and post what goes through TAPA$ and what is paid
/// elsewhere.
fn bedragen(doc: &mut Doc, f: &DubbeleFinanciering) {
    let rijen: Vec<Vec<String>> = f
        .rijen
        .iter()
        .map(|rij| {
            let tapas = rij.jaren.iter().map(|j| j.tapas).sum();
            let elders = rij.jaren.iter().map(|j| j.elders).sum();
            vec![label(rij), euro(tapas), euro(elders)]
        })
        .collect();
    doc.tabel(
        "Bedragen per rol en per post (looptijd)",
        &[
            ("Rol of post", false),
            ("Via TAPA$", true),
            ("Uit een andere bron", true),
        ],
        &rijen,
        false,
    );
}

/// A row's label as a reader writes it: "Uren van de huisarts", or the post's label.
fn label(rij: &FinancieringRij) -> String {
    match &rij.onderwerp {
        Onderwerp::Rol(rol) => format!("Uren van de {}", rol_naam(rol)),
        Onderwerp::Post(_) => rij.label.clone(),
    }
}

/// How a role's or post's lines are financed over the horizon, in a few words: one
/// description when every year with lines is the same (`TAPA$`, `elders: Stichting PZNL`),
/// else the years grouped (`2026 TAPA$; 2027–2028 elders: Stichting PZNL`); `—` without lines.
pub(super) fn samengevat(rij: &FinancieringRij) -> String {
    let mut groepen: Vec<(i32, i32, String)> = Vec::new();
    for j in rij.jaren.iter().filter(|j| j.wijze != Wijze::Geen) {
        let o = j.omschrijving();
        match groepen.last_mut() {
            Some((_, tot, vorige)) if *vorige == o && *tot + 1 == j.jaar => *tot = j.jaar,
            _ => groepen.push((j.jaar, j.jaar, o)),
        }
    }
    let verschillend = groepen
        .windows(2)
        .any(|w| matches!(w, [a, b] if a.2 != b.2));
    match groepen.as_slice() {
        [] => "—".to_string(),
        [(_, _, o), ..] if !verschillend => o.clone(),
        _ => groepen
            .iter()
            .map(|(van, tot, o)| {
                if van == tot {
                    format!("{van} {o}")
                } else {
                    format!("{van}–{tot} {o}")
                }
            })
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// Whether every year with lines of `rij` is paid entirely elsewhere (`Some(true)`), some part
/// of some year is (`Some(false)`), or none is (`None`).
pub(super) fn elders(rij: &FinancieringRij) -> Option<bool> {
    let jaren: Vec<&Wijze> = rij
        .jaren
        .iter()
        .map(|j| &j.wijze)
        .filter(|w| **w != Wijze::Geen)
        .collect();
    let geheel = |w: &&Wijze| matches!(w, Wijze::Elders { percentage, .. } if *percentage == rust_decimal::Decimal::ONE_HUNDRED);
    if !jaren.is_empty() && jaren.iter().all(geheel) {
        Some(true)
    } else if jaren.iter().any(|w| matches!(w, Wijze::Elders { .. })) {
        Some(false)
    } else {
        None
    }
}

/// The row of role `rol` in `f`, when it has lines.
pub(super) fn van_rol<'a>(f: &'a DubbeleFinanciering, rol: &str) -> Option<&'a FinancieringRij> {
    f.rijen
        .iter()
        .find(|r| matches!(&r.onderwerp, Onderwerp::Rol(x) if **x == *rol))
}

/// The known risks of double financing, as statements of fact.
fn feiten(doc: &mut Doc, s: &Scenario, r: &Resultaat, f: &DubbeleFinanciering) {
    let k = &r.kosten;
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
    if !k.totaal.bijdragen.is_zero() {
        feiten.push(format!(
            "Bijdragen uit andere bronnen verlagen het via TAPA$ te financieren bedrag met {}.",
            euro(k.totaal.bijdragen)
        ));
    }
    let via_tapas = |rol: &str| van_rol(f, rol).is_some_and(|rij| elders(rij) != Some(true));
    if via_tapas("consulent") && !s.is_nagegaan("consulent") {
        feiten.push(
            "De inzet van de consulent palliatieve zorg wordt (deels) via TAPA$ gefinancierd. Waar \
             PZNL deze inzet in de regio nog vergoedt, moet die vergoeding stoppen of buiten deze \
             businesscase blijven; de regio bevestigt dit aan de verzekeraar."
                .to_string(),
        );
    }
    let ms = "medisch_specialist";
    let ms_tapas_vanaf = van_rol(f, ms).is_some_and(|rij| {
        rij.jaren
            .iter()
            .any(|j| j.jaar >= MEDISCH_SPECIALIST_EIGEN_TITEL_VANAF && !j.tapas.is_zero())
    });
    if ms_tapas_vanaf && !s.is_nagegaan(ms) {
        feiten.push(format!(
            "Uren van de medisch specialist worden via TAPA$ gefinancierd. Vanaf \
             {MEDISCH_SPECIALIST_EIGEN_TITEL_VANAF} heeft proactieve zorgplanning een eigen \
             betaaltitel; dezelfde uren mogen niet ook daaruit worden betaald."
        ));
    }
    doc.opsomming(&feiten);
}

/// `t` with its first letter upper case.
fn hoofdletter(t: &str) -> String {
    let mut c = t.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
