//! The yearly report to the insurer (`annual-report`) as one self-contained HTML document, the
//! same kind as the businesscase report (its style sheet, A4): meetings held against plan,
//! participants and duration, the signals, the six indicators observed against expected, and
//! the money: declared, paid out and settled. Pure, no I/O; every number comes from `calc`
//! (`monitor`, `declare`, `settle`).

mod geld;

use rust_decimal::Decimal;

use super::html::{STYLE, esc};
use crate::calc::afrekening::Afrekening;
use crate::calc::declaratie::Declaratie;
use crate::calc::monitor::{Monitor, MonitorJaar};
use crate::decimal::{dutch, euro};
use crate::scenario::Scenario;

/// The files the document comes from, as shown.
#[derive(Debug, Clone, Copy)]
pub struct Bronnen<'a> {
    /// The held meetings.
    pub bijeenkomsten: &'a str,
    /// The observed indicators, if given.
    pub indicatoren: Option<&'a str>,
    /// The insured counts, if given.
    pub verzekerden: Option<&'a str>,
}

/// The money part: the declaration and the settlement of the same years.
#[derive(Debug, Clone, Copy)]
pub struct Geld<'a> {
    /// What was declared (per quarter).
    pub declaratie: &'a Declaratie,
    /// The settlement of the years of the report.
    pub afrekening: &'a Afrekening,
}

/// Renders the yearly report.
pub fn document(s: &Scenario, m: &Monitor, geld: Option<Geld<'_>>, b: &Bronnen<'_>) -> Vec<u8> {
    let mut out = String::with_capacity(32 * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!(
        "<meta name=\"generator\" content=\"patz-calc {}\">\n<title>Verantwoording en \
         afrekening — {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        esc(&s.naam)
    ));
    titel(&mut out, s, m, geld, b);
    bijeenkomsten(&mut out, s, m);
    deelnemers(&mut out, s, m);
    signalen(&mut out, s, m);
    indicatoren(&mut out, m, b);
    match geld {
        Some(g) => {
            geld::declaratie(&mut out, s, g);
            geld::afrekening(&mut out, s, g.afrekening);
        }
        None => geld::zonder(&mut out),
    }
    out.push_str(&format!(
        "<footer><p>Gemaakt met <span class=\"versie\">patz-calc {}</span> uit de registraties \
         van de regio. Dezelfde invoer geeft hetzelfde document; de rekenregels staan in \
         docs/rekenregels.md (§ 15) en docs/registraties.md.</p></footer>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION")
    ));
    out.into_bytes()
}

/// The years of the report, as written: `2026` or `2026–2027`.
fn jaren(m: &Monitor) -> String {
    match (m.jaren.first(), m.jaren.last()) {
        (Some(a), Some(z)) if a.jaar == z.jaar => a.jaar.to_string(),
        (Some(a), Some(z)) => format!("{}–{}", a.jaar, z.jaar),
        _ => "geen".to_string(),
    }
}

fn groep(s: &Scenario, gi: usize) -> &str {
    s.groepen.get(gi).map_or("", |g| g.naam.as_str())
}

fn uren(x: Decimal) -> String {
    dutch(x, 2)
}

fn titel(out: &mut String, s: &Scenario, m: &Monitor, geld: Option<Geld<'_>>, b: &Bronnen<'_>) {
    out.push_str(
        "<header>\n<p class=\"soort\">Verantwoording en afrekening PaTz via TAPA$-prestatie \
         1</p>\n",
    );
    out.push_str(&format!(
        "<h1>{}</h1>\n<dl class=\"feiten\">\n",
        esc(&s.naam)
    ));
    if let Some(r) = &s.regio {
        out.push_str(&format!("<dt>Regio</dt><dd>{}</dd>\n", esc(r)));
    }
    out.push_str(&format!(
        "<dt>Verantwoorde jaren</dt><dd>{}</dd>\n<dt>Bijeenkomsten</dt><dd>{}</dd>\n",
        jaren(m),
        esc(b.bijeenkomsten)
    ));
    if let Some(i) = b.indicatoren {
        out.push_str(&format!("<dt>Indicatoren</dt><dd>{}</dd>\n", esc(i)));
    }
    if let Some(v) = b.verzekerden {
        out.push_str(&format!("<dt>Verzekerden</dt><dd>{}</dd>\n", esc(v)));
    }
    out.push_str("</dl>\n</header>\n<div class=\"kerncijfers\">\n");
    let t = &m.totaal;
    let mut kern = vec![
        (
            "Bijeenkomsten gehouden".to_string(),
            format!(
                "{} van {}",
                t.bijeenkomsten_gehouden, t.bijeenkomsten_gepland
            ),
            false,
        ),
        (
            "Geleverde uren".to_string(),
            format!("{} van {}", uren(t.uren_geleverd), uren(t.uren_gepland)),
            false,
        ),
    ];
    if let Some(g) = geld {
        let x = &g.afrekening.totaal;
        kern.push(("Gedeclareerd".into(), euro(x.opbrengst), false));
        kern.push((
            "Uitbetaald aan deelnemers".into(),
            euro(x.uitbetaald),
            false,
        ));
        kern.push(("Kosten afgerekend".into(), euro(x.kosten), false));
        kern.push((
            format!("Resultaat ({})", super::afrekening::soort(x.resultaat)),
            euro(x.resultaat),
            x.resultaat < Decimal::ZERO,
        ));
    } else {
        kern.push((
            "Kosten geleverd (deelnemers)".into(),
            euro(t.kosten_geleverd),
            false,
        ));
    }
    for (wat, n, neg) in kern {
        let klasse = if neg { "n negatief" } else { "n" };
        out.push_str(&format!(
            "<div class=\"kerncijfer\"><span class=\"wat\">{}</span><span class=\"{klasse}\">{}\
             </span></div>\n",
            esc(&wat),
            esc(&n)
        ));
    }
    out.push_str("</div>\n");
}

/// Opens a chapter.
pub(super) fn hoofdstuk(out: &mut String, id: &str, titel: &str) {
    out.push_str(&format!(
        "<section class=\"hoofdstuk\" id=\"{id}\">\n<h2>{}</h2>\n",
        esc(titel)
    ));
}

/// A table: a caption, header cells (`true`: a number column) and rows of plain text cells;
/// the last row is a total row when `totaal` is set.
pub(super) fn tabel(
    out: &mut String,
    titel: &str,
    kop: &[(&str, bool)],
    rijen: &[Vec<String>],
    totaal: bool,
) {
    let heel = if rijen.len() <= 14 {
        " class=\"heel\""
    } else {
        ""
    };
    out.push_str(&format!(
        "<table{heel}>\n<caption>{}</caption>\n<thead><tr>",
        esc(titel)
    ));
    for (k, n) in kop {
        let c = if *n { " class=\"n\"" } else { "" };
        out.push_str(&format!("<th scope=\"col\"{c}>{}</th>", esc(k)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (ri, r) in rijen.iter().enumerate() {
        let last = totaal && ri + 1 == rijen.len();
        out.push_str(if last {
            "<tr class=\"totaal\">"
        } else {
            "<tr>"
        });
        for (ci, c) in r.iter().enumerate() {
            let n = kop.get(ci).is_some_and(|(_, n)| *n);
            match (ci, n) {
                (0, _) => out.push_str(&format!("<th scope=\"row\">{}</th>", esc(c))),
                (_, true) => out.push_str(&format!("<td class=\"n\">{}</td>", esc(c))),
                _ => out.push_str(&format!("<td>{}</td>", esc(c))),
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

pub(super) fn alinea(out: &mut String, tekst: &str) {
    out.push_str(&format!("<p>{}</p>\n", esc(tekst)));
}

pub(super) fn noot(out: &mut String, tekst: &str) {
    out.push_str(&format!("<p class=\"noot\">{}</p>\n", esc(tekst)));
}

fn bijeenkomsten(out: &mut String, s: &Scenario, m: &Monitor) {
    hoofdstuk(out, "bijeenkomsten", "Gehouden bijeenkomsten");
    if m.jaren.is_empty() {
        alinea(out, "Er zijn geen bijeenkomsten geregistreerd.");
    }
    for j in &m.jaren {
        let mut rijen: Vec<Vec<String>> = j
            .groepen
            .iter()
            .map(|g| {
                vec![
                    groep(s, g.groep).to_string(),
                    g.bijeenkomsten_gepland.to_string(),
                    g.bijeenkomsten_gehouden.to_string(),
                    uren(g.duur_uren_gepland),
                    uren(g.duur_uren_gehouden),
                    uren(g.uren_gepland),
                    uren(g.uren_geleverd),
                    euro(g.kosten_begroot),
                    euro(g.kosten_geleverd),
                ]
            })
            .collect();
        let t = &j.totaal;
        rijen.push(vec![
            "Totaal".into(),
            t.bijeenkomsten_gepland.to_string(),
            t.bijeenkomsten_gehouden.to_string(),
            String::new(),
            String::new(),
            uren(t.uren_gepland),
            uren(t.uren_geleverd),
            euro(t.kosten_begroot),
            euro(t.kosten_geleverd),
        ]);
        tabel(
            out,
            &format!(
                "{}: bijeenkomsten, duur en uren, gepland en gehouden",
                j.jaar
            ),
            &[
                ("Groep", false),
                ("Gepland", true),
                ("Gehouden", true),
                ("Duur gepland (uur)", true),
                ("Duur gehouden (uur)", true),
                ("Uren gepland", true),
                ("Uren geleverd", true),
                ("Kosten begroot", true),
                ("Kosten geleverd", true),
            ],
            &rijen,
            true,
        );
    }
    noot(
        out,
        "Uren: de uren van de deelnemers (bijeenkomst, voorbereiding en reistijd per aanwezige, \
         de extra uren van de voorzitter, de coördinatie per besproken patiënt en de telefonische \
         ondersteuning van de consulent). Kosten: die uren tegen de tarieven van de begroting, \
         van de rollen die via TAPA$ betaald worden.",
    );
    out.push_str("</section>\n");
}

fn deelnemers(out: &mut String, s: &Scenario, m: &Monitor) {
    hoofdstuk(out, "deelnemers", "Deelnemers en aanwezigheid");
    for j in &m.jaren {
        let rijen: Vec<Vec<String>> = j
            .groepen
            .iter()
            .flat_map(|g| {
                g.rollen.iter().map(|r| {
                    vec![
                        format!("{} · {}", groep(s, g.groep), r.rol),
                        r.deelnemers.to_string(),
                        r.aanwezigheden_gepland.to_string(),
                        r.aanwezigheden.to_string(),
                        r.opkomst_percentage
                            .map_or_else(|| "–".into(), |p| format!("{} %", dutch(p, 1))),
                    ]
                })
            })
            .collect();
        tabel(
            out,
            &format!("{}: aanwezigheid per groep en rol", j.jaar),
            &[
                ("Groep · rol", false),
                ("Deelnemers", true),
                ("Aanwezig gepland", true),
                ("Aanwezig", true),
                ("Opkomst", true),
            ],
            &rijen,
            false,
        );
    }
    noot(
        out,
        "Opkomst: de aanwezigen van een rol gedeeld door (gehouden bijeenkomsten × deelnemers van \
         die rol in de groep).",
    );
    out.push_str("</section>\n");
}

fn signalen(out: &mut String, s: &Scenario, m: &Monitor) {
    hoofdstuk(out, "signalen", "Afwijkingen van de werkwijze");
    let alle: Vec<(&MonitorJaar, usize, &crate::calc::monitor::Signaal)> = m
        .jaren
        .iter()
        .flat_map(|j| {
            j.groepen
                .iter()
                .flat_map(move |g| g.signalen.iter().map(move |x| (j, g.groep, x)))
        })
        .collect();
    if alle.is_empty() {
        alinea(
            out,
            "Geen: elke groep hield de geplande bijeenkomsten, met een consulent en genoeg \
             huisartsen en wijkverpleegkundigen.",
        );
    } else {
        out.push_str("<ul class=\"waarschuwingen\">\n");
        for (j, gi, x) in alle {
            let datum = x.datum.map(|d| format!(" op {d}")).unwrap_or_default();
            out.push_str(&format!(
                "<li class=\"waarschuwing\"><span>{} · {}{}: {}</span></li>\n",
                j.jaar,
                esc(groep(s, gi)),
                esc(&datum),
                esc(&x.toelichting)
            ));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

fn indicatoren(out: &mut String, m: &Monitor, b: &Bronnen<'_>) {
    hoofdstuk(
        out,
        "indicatoren",
        "De zes indicatoren: waargenomen en verwacht",
    );
    if b.indicatoren.is_none() {
        alinea(
            out,
            "Niet opgegeven: geef de waargenomen indicatoren mee met --indicatoren om ze hier \
             tegen de basis en de verwachting te zetten.",
        );
        out.push_str("</section>\n");
        return;
    }
    let pct =
        |x: Option<Decimal>, dp| x.map_or_else(|| "–".into(), |p| format!("{} %", dutch(p, dp)));
    let mut rijen: Vec<Vec<String>> = m
        .indicatoren
        .iter()
        .map(|i| {
            vec![
                format!("{} · {}", i.jaar, i.indicator.omschrijving()),
                format!(
                    "{} van {}",
                    i.gevallen,
                    dutch(i.noemer, i.noemer.normalize().scale().min(2))
                ),
                pct(i.waargenomen_percentage, 2),
                pct(Some(i.basis_percentage), 2),
                pct(Some(i.verwacht_percentage), 2),
                pct(i.gerealiseerde_reductie_percentage, 1),
                pct(Some(i.verwachte_reductie_percentage), 1),
                euro(i.vermeden_kosten),
            ]
        })
        .collect();
    rijen.push(vec![
        "Totaal vermeden kosten".into(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        euro(m.vermeden_kosten),
    ]);
    tabel(
        out,
        "Waargenomen tegen basis en verwachting",
        &[
            ("Jaar · indicator", false),
            ("Gevallen", true),
            ("Waargenomen", true),
            ("Basis", true),
            ("Verwacht met PaTz", true),
            ("Reductie gerealiseerd", true),
            ("Reductie verwacht", true),
            ("Vermeden kosten", true),
        ],
        &rijen,
        true,
    );
    noot(
        out,
        "Gevallen: overleden patiënten met de indicator in de laatste 30 dagen, van de overleden \
         patiënten (bij chemotherapie het aandeel met kanker). Gerealiseerde reductie: (basis − \
         waargenomen) / basis. Vermeden kosten: (verwachte gevallen zonder PaTz − gevallen) × \
         kosten per geval, geïndexeerd.",
    );
    out.push_str("</section>\n");
}
