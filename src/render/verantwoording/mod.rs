//! The yearly report to the insurer (`annual-report`): meetings held against plan, participants
//! and duration, the signals, the six indicators observed against expected, and the money:
//! declared, paid out and settled. Pure, no I/O; every number comes from `calc` (`monitor`,
//! `declare`, `settle`).
//!
//! The report is built once as a [`Jaarverslag`]: its facts, key figures and chapters, every
//! figure already written the Dutch way. The HTML document ([`html()`]) and
//! the Word document ([`crate::render::docx::jaarverslag`]) only lay that model out, so the two
//! cannot disagree on a figure, a heading or a sentence. The report speaks to the insurer: no
//! key of the scenario file, option of the program or file of the project appears in it.

mod geld;
mod html;

use rust_decimal::Decimal;

use crate::calc::afrekening::Afrekening;
use crate::calc::declaratie::Declaratie;
use crate::calc::monitor::{IndicatorWaarneming, Monitor, MonitorJaar, Signaal};
use crate::decimal::{dutch, euro};
use crate::registratie::Datum;
use crate::render::grafiek::rol_naam;
use crate::scenario::Scenario;

pub use html::html;

/// The money part: the declaration and the settlement of the same years.
#[derive(Debug, Clone, Copy)]
pub struct Geld<'a> {
    /// What was declared (per quarter).
    pub declaratie: &'a Declaratie,
    /// The settlement of the years of the report.
    pub afrekening: &'a Afrekening,
}

/// The yearly report, laid out by neither format: what both documents show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jaarverslag {
    /// The scenario's name (the title).
    pub naam: String,
    /// What kind of document this is (above the title).
    pub soort: &'static str,
    /// Facts under the title: a label and its value.
    pub feiten: Vec<(&'static str, String)>,
    /// The key figures of the title page.
    pub kerncijfers: Vec<Kerncijfer>,
    /// The chapters, in order.
    pub hoofdstukken: Vec<Hoofdstuk>,
}

/// One key figure: what it is, its value, and whether it is a loss (shown as such).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kerncijfer {
    /// What the figure is.
    pub wat: String,
    /// The figure, as written.
    pub waarde: String,
    /// A deficit.
    pub negatief: bool,
}

/// A chapter: its anchor, its heading and what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hoofdstuk {
    /// A short name for links within the document.
    pub id: &'static str,
    /// The heading.
    pub titel: &'static str,
    /// The paragraphs, notes, tables and lists, in order.
    pub blokken: Vec<Blok>,
}

/// A piece of a chapter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Blok {
    /// A paragraph of running text.
    Alinea(String),
    /// A note on how the figures above were made (smaller type).
    Noot(String),
    /// A table.
    Tabel(Tabel),
    /// A list of signals (deviations from the way of working).
    Signalen(Vec<String>),
}

/// A table: a caption, header cells (`true`: a figure column, right-aligned) and rows of
/// cells; the last row is a total row when `totaal` is set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tabel {
    /// The caption.
    pub titel: String,
    /// The column headings.
    pub kop: Vec<(&'static str, bool)>,
    /// The rows; the first cell of a row is its label.
    pub rijen: Vec<Vec<String>>,
    /// The last row is the total.
    pub totaal: bool,
}

/// The yearly report of the verantwoording `m`, with the money (declaration and settlement)
/// when the insured counts were given; `indicatoren`: the observed indicators were given.
pub fn jaarverslag(
    s: &Scenario,
    m: &Monitor,
    geld: Option<Geld<'_>>,
    indicatoren: bool,
) -> Jaarverslag {
    let mut feiten = Vec::new();
    if let Some(r) = &s.regio {
        feiten.push(("Regio", r.clone()));
    }
    feiten.push(("Verantwoorde jaren", jaren(m)));
    let mut gegevens = vec!["de geregistreerde bijeenkomsten"];
    if indicatoren {
        gegevens.push("de waargenomen indicatoren");
    }
    if geld.is_some() {
        gegevens.push("de verzekerden die de verzekeraars per kwartaal opgaven");
    }
    feiten.push(("Gegevens", zin(&gegevens)));
    let mut hoofdstukken = vec![
        bijeenkomsten(s, m),
        deelnemers(s, m),
        signalen(s, m),
        indicatoren_hoofdstuk(m, indicatoren),
    ];
    match geld {
        Some(g) => {
            hoofdstukken.push(geld::declaratie(s, g));
            hoofdstukken.push(geld::afrekening(s, g.afrekening));
        }
        None => hoofdstukken.push(geld::zonder()),
    }
    Jaarverslag {
        naam: s.naam.clone(),
        soort: "Verantwoording en afrekening PaTz via TAPA$-prestatie 1",
        feiten,
        kerncijfers: kerncijfers(m, geld),
        hoofdstukken,
    }
}

/// `a`, `a en b`, `a, b en c`.
fn zin(delen: &[&str]) -> String {
    match delen {
        [] => String::new(),
        [a] => (*a).to_string(),
        [rest @ .., z] => format!("{} en {z}", rest.join(", ")),
    }
}

/// The years of the report, as written: `2026` or `2026–2027`.
fn jaren(m: &Monitor) -> String {
    match (m.jaren.first(), m.jaren.last()) {
        (Some(a), Some(z)) if a.jaar == z.jaar => a.jaar.to_string(),
        (Some(a), Some(z)) => format!("{}–{}", a.jaar, z.jaar),
        _ => "geen".to_string(),
    }
}

/// A date as a Dutch reader writes it: `12 maart 2026`.
fn datum(d: Datum) -> String {
    const MAANDEN: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    let maand = (d.maand as usize)
        .checked_sub(1)
        .and_then(|i| MAANDEN.get(i))
        .map_or_else(|| format!("maand {}", d.maand), |m| (*m).to_string());
    format!("{} {maand} {}", d.dag, d.jaar)
}

fn groep(s: &Scenario, gi: usize) -> &str {
    s.groepen.get(gi).map_or("", |g| g.naam.as_str())
}

fn uren(x: Decimal) -> String {
    dutch(x, 2)
}

fn kerncijfers(m: &Monitor, geld: Option<Geld<'_>>) -> Vec<Kerncijfer> {
    let k = |wat: &str, waarde: String, negatief: bool| Kerncijfer {
        wat: wat.to_string(),
        waarde,
        negatief,
    };
    let t = &m.totaal;
    let mut kern = vec![
        k(
            "Bijeenkomsten gehouden",
            format!(
                "{} van {}",
                t.bijeenkomsten_gehouden, t.bijeenkomsten_gepland
            ),
            false,
        ),
        k(
            "Geleverde uren",
            format!("{} van {}", uren(t.uren_geleverd), uren(t.uren_gepland)),
            false,
        ),
    ];
    match geld {
        Some(g) => {
            let x = &g.afrekening.totaal;
            kern.push(k("Gedeclareerd", euro(x.opbrengst), false));
            kern.push(k("Uitbetaald aan deelnemers", euro(x.uitbetaald), false));
            kern.push(k("Kosten afgerekend", euro(x.kosten), false));
            kern.push(k(
                &format!("Resultaat ({})", super::afrekening::soort(x.resultaat)),
                euro(x.resultaat),
                x.resultaat < Decimal::ZERO,
            ));
        }
        None => kern.push(k(
            "Kosten geleverd (deelnemers)",
            euro(t.kosten_geleverd),
            false,
        )),
    }
    kern
}

fn bijeenkomsten(s: &Scenario, m: &Monitor) -> Hoofdstuk {
    let mut blokken = Vec::new();
    if m.jaren.is_empty() {
        blokken.push(Blok::Alinea(
            "Er zijn geen bijeenkomsten geregistreerd.".into(),
        ));
    }
    for j in &m.jaren {
        let t = &j.totaal;
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
                ]
            })
            .collect();
        rijen.push(vec![
            "Totaal".into(),
            t.bijeenkomsten_gepland.to_string(),
            t.bijeenkomsten_gehouden.to_string(),
            String::new(),
            String::new(),
        ]);
        blokken.push(Blok::Tabel(Tabel {
            titel: format!("{}: bijeenkomsten en hun duur, gepland en gehouden", j.jaar),
            kop: vec![
                ("Groep", false),
                ("Bijeenkomsten gepland", true),
                ("Bijeenkomsten gehouden", true),
                ("Duur gepland (uur)", true),
                ("Duur gehouden (uur)", true),
            ],
            rijen,
            totaal: true,
        }));
        let mut rijen: Vec<Vec<String>> = j
            .groepen
            .iter()
            .map(|g| {
                vec![
                    groep(s, g.groep).to_string(),
                    uren(g.uren_gepland),
                    uren(g.uren_geleverd),
                    euro(g.kosten_begroot),
                    euro(g.kosten_geleverd),
                ]
            })
            .collect();
        rijen.push(vec![
            "Totaal".into(),
            uren(t.uren_gepland),
            uren(t.uren_geleverd),
            euro(t.kosten_begroot),
            euro(t.kosten_geleverd),
        ]);
        blokken.push(Blok::Tabel(Tabel {
            titel: format!(
                "{}: uren en kosten van de deelnemers, gepland en geleverd",
                j.jaar
            ),
            kop: vec![
                ("Groep", false),
                ("Uren gepland", true),
                ("Uren geleverd", true),
                ("Kosten begroot", true),
                ("Kosten geleverd", true),
            ],
            rijen,
            totaal: true,
        }));
    }
    blokken.push(Blok::Noot(
        "Uren: de uren van de deelnemers (bijeenkomst, voorbereiding en reistijd per aanwezige, \
         de extra uren van de voorzitter, de coördinatie per besproken patiënt en de telefonische \
         ondersteuning van de consulent). Kosten: die uren tegen de tarieven van de begroting, \
         van de rollen die via TAPA$ betaald worden."
            .into(),
    ));
    Hoofdstuk {
        id: "bijeenkomsten",
        titel: "Gehouden bijeenkomsten",
        blokken,
    }
}

fn deelnemers(s: &Scenario, m: &Monitor) -> Hoofdstuk {
    let mut blokken = Vec::new();
    for j in &m.jaren {
        let rijen: Vec<Vec<String>> = j
            .groepen
            .iter()
            .flat_map(|g| {
                g.rollen.iter().map(|r| {
                    vec![
                        format!("{} · {}", groep(s, g.groep), rol_naam(&r.rol)),
                        r.deelnemers.to_string(),
                        r.aanwezigheden_gepland.to_string(),
                        r.aanwezigheden.to_string(),
                        r.opkomst_percentage
                            .map_or_else(|| "–".into(), |p| format!("{} %", dutch(p, 1))),
                    ]
                })
            })
            .collect();
        if rijen.is_empty() {
            continue;
        }
        blokken.push(Blok::Tabel(Tabel {
            titel: format!("{}: aanwezigheid per groep en rol", j.jaar),
            kop: vec![
                ("Groep · rol", false),
                ("Deelnemers", true),
                ("Aanwezig gepland", true),
                ("Aanwezig", true),
                ("Opkomst", true),
            ],
            rijen,
            totaal: false,
        }));
    }
    blokken.push(Blok::Noot(
        "Opkomst: de aanwezigen van een rol gedeeld door (gehouden bijeenkomsten × deelnemers van \
         die rol in de groep)."
            .into(),
    ));
    Hoofdstuk {
        id: "deelnemers",
        titel: "Deelnemers en aanwezigheid",
        blokken,
    }
}

fn signalen(s: &Scenario, m: &Monitor) -> Hoofdstuk {
    let alle: Vec<(&MonitorJaar, usize, &Signaal)> = m
        .jaren
        .iter()
        .flat_map(|j| {
            j.groepen
                .iter()
                .flat_map(move |g| g.signalen.iter().map(move |x| (j, g.groep, x)))
        })
        .collect();
    let blok = if alle.is_empty() {
        Blok::Alinea(
            "Geen: elke groep hield de geplande bijeenkomsten, met een consulent en genoeg \
             huisartsen en wijkverpleegkundigen."
                .into(),
        )
    } else {
        Blok::Signalen(
            alle.into_iter()
                .map(|(j, gi, x)| {
                    let wanneer = x.datum.map_or_else(|| j.jaar.to_string(), datum);
                    format!("{}, {wanneer}: {}", groep(s, gi), x.toelichting)
                })
                .collect(),
        )
    };
    Hoofdstuk {
        id: "signalen",
        titel: "Afwijkingen van de werkwijze",
        blokken: vec![blok],
    }
}

fn indicatoren_hoofdstuk(m: &Monitor, gegeven: bool) -> Hoofdstuk {
    let mut h = Hoofdstuk {
        id: "indicatoren",
        titel: "De zes indicatoren: waargenomen en verwacht",
        blokken: Vec::new(),
    };
    if !gegeven {
        h.blokken.push(Blok::Alinea(
            "De waargenomen indicatoren zijn voor dit verslag niet aangeleverd; daarom staan ze \
             hier niet tegenover de basis en de verwachting."
                .into(),
        ));
        return h;
    }
    let pct =
        |x: Option<Decimal>, dp| x.map_or_else(|| "–".into(), |p| format!("{} %", dutch(p, dp)));
    let label = |i: &IndicatorWaarneming| format!("{} · {}", i.jaar, i.indicator.omschrijving());
    let rijen: Vec<Vec<String>> = m
        .indicatoren
        .iter()
        .map(|i| {
            vec![
                label(i),
                format!(
                    "{} van {}",
                    i.gevallen,
                    dutch(i.noemer, i.noemer.normalize().scale().min(2))
                ),
                pct(i.waargenomen_percentage, 2),
                pct(Some(i.basis_percentage), 2),
                pct(Some(i.verwacht_percentage), 2),
            ]
        })
        .collect();
    h.blokken.push(Blok::Tabel(Tabel {
        titel: "Waargenomen tegen basis en verwachting".into(),
        kop: vec![
            ("Jaar · indicator", false),
            ("Gevallen", true),
            ("Waargenomen", true),
            ("Basis", true),
            ("Verwacht met PaTz", true),
        ],
        rijen,
        totaal: false,
    }));
    let mut rijen: Vec<Vec<String>> = m
        .indicatoren
        .iter()
        .map(|i| {
            vec![
                label(i),
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
        euro(m.vermeden_kosten),
    ]);
    h.blokken.push(Blok::Tabel(Tabel {
        titel: "Reductie en vermeden kosten".into(),
        kop: vec![
            ("Jaar · indicator", false),
            ("Reductie gerealiseerd", true),
            ("Reductie verwacht", true),
            ("Vermeden kosten", true),
        ],
        rijen,
        totaal: true,
    }));
    h.blokken.push(Blok::Noot(
        "Gevallen: overleden patiënten met de indicator in de laatste 30 dagen, van de overleden \
         patiënten (bij chemotherapie het aandeel met kanker). Gerealiseerde reductie: (basis − \
         waargenomen) / basis. Vermeden kosten: (verwachte gevallen zonder PaTz − gevallen) × \
         kosten per geval, geïndexeerd."
            .into(),
    ));
    h
}

#[cfg(test)]
mod tests {
    use super::{datum, zin};
    use crate::registratie::Datum;

    #[test]
    fn a_list_of_sources_reads_as_a_dutch_sentence() {
        assert_eq!(zin(&["a"]), "a");
        assert_eq!(zin(&["a", "b"]), "a en b");
        assert_eq!(zin(&["a", "b", "c"]), "a, b en c");
    }

    #[test]
    fn a_date_is_written_with_the_dutch_month_name() {
        let d = |jaar, maand, dag| Datum { jaar, maand, dag };
        assert_eq!(datum(d(2026, 3, 12)), "12 maart 2026");
        assert_eq!(datum(d(2027, 1, 1)), "1 januari 2027");
        assert_eq!(datum(d(2026, 12, 31)), "31 december 2026");
    }
}
