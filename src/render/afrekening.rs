//! `settle` output: the settlement per year as a table, CSV and JSON. Pure, no I/O.

use comfy_table::Cell;
use rust_decimal::Decimal;
use serde_json::{Map, Value, json};

use super::csv::{Csv, text};
use super::declaratie::{aantal, tarief};
use super::json::{dec, finish, opt};
use super::monitor::{note, section};
use super::table::{heading, money_row, new_table, right};
use super::{Format, Options};
use crate::calc::afrekening::{Afrekening, AfrekeningJaar, Saldi};
use crate::decimal::{dutch, euro};
use crate::scenario::Scenario;

/// The CSV header of `settle` (stable: scripts depend on it).
pub const SETTLE_HEADER: [&str; 6] = [
    "jaar",
    "onderdeel",
    "post",
    "verzekeraar",
    "begroot",
    "bedrag",
];

/// The `post` of the participants' hours in the settlement.
pub const UITBETALING: &str = "uitbetaling_deelnemers";

/// The files a settlement comes from, as shown.
#[derive(Debug, Clone, Copy)]
pub struct Bronnen<'a> {
    /// The insured counts.
    pub verzekerden: &'a str,
    /// The held meetings.
    pub bijeenkomsten: &'a str,
}

/// Renders the result of `settle`.
pub fn settle(s: &Scenario, a: &Afrekening, bronnen: &Bronnen<'_>, opts: Options) -> Vec<u8> {
    match opts.format {
        Format::Table => settle_table(s, a, bronnen).into_bytes(),
        Format::Csv => settle_csv(s, a, opts.csv_nl),
        Format::Json => settle_json(s, a, bronnen),
    }
}

pub(crate) fn verzekeraar(s: &Scenario, vi: usize) -> &str {
    s.verzekeraars.get(vi).map_or("", |v| v.naam.as_str())
}

pub(crate) fn aanbod(s: &Scenario, ai: Option<usize>) -> Option<&str> {
    ai.and_then(|ai| s.aanbiedingen.get(ai))
        .map(|a| a.label.as_str())
}

/// `overschot` or `tekort` for a result.
pub fn soort(resultaat: Decimal) -> &'static str {
    if resultaat < Decimal::ZERO {
        "tekort"
    } else {
        "overschot"
    }
}

/// The label of a post line, with the meetings it is based on for a meeting-bound post.
pub(crate) fn post_label(p: &crate::calc::afrekening::Kostenpost) -> String {
    match (p.bijeenkomsten, p.groepen) {
        (Some((h, g)), _) => format!("{} ({h} van {g} bijeenkomsten)", p.label),
        (None, Some((h, g))) => format!("{} ({h} van {g} groepen met een bijeenkomst)", p.label),
        (None, None) => p.label.clone(),
    }
}

fn settle_table(s: &Scenario, a: &Afrekening, b: &Bronnen<'_>) -> String {
    let mut out = String::new();
    heading(&mut out, "Afrekening", s);
    out.push_str(&format!(
        "Bronnen: de verzekerden in {} · de gehouden bijeenkomsten in {}\n\n",
        b.verzekerden, b.bijeenkomsten
    ));
    if a.jaren.is_empty() {
        out.push_str("Er is niets af te rekenen: er zijn geen tellingen en geen bijeenkomsten.\n");
        return out;
    }
    for j in &a.jaren {
        year_tables(&mut out, s, j);
    }
    let met_bijdragen = !s.bijdragen.is_empty();
    if a.jaren.len() > 1 {
        let mut kop = vec!["Jaar", "Opbrengst"];
        if met_bijdragen {
            kop.push("Bijdragen");
        }
        kop.extend(["Kosten", "Resultaat", "Nacalculatie tarief"]);
        let mut t = new_table(kop);
        let mut rij = |label: String, x: &Saldi| {
            let mut r = if met_bijdragen {
                money_row(&label, [x.opbrengst, x.bijdragen, x.kosten, x.resultaat])
            } else {
                money_row(&label, [x.opbrengst, x.kosten, x.resultaat])
            };
            r.push(right(
                x.nacalculatie_tarief
                    .map_or_else(|| "–".to_string(), tarief),
            ));
            t.add_row(r);
        };
        for j in &a.jaren {
            rij(j.jaar.to_string(), &j.saldi);
        }
        rij("Totaal".to_string(), &a.totaal);
        section(&mut out, "Over de afgerekende jaren", &t);
    }
    let uitleg = if met_bijdragen || !s.kostenposten.is_empty() {
        "Opbrengst: wat aan elke verzekeraar is gedeclareerd (zoals patz-calc declare). Kosten: \
         wat de deelnemers voor het hele jaar is uitbetaald (zoals patz-calc payout --per jaar), \
         de overige TAPA$-posten van het plan (huisvesting en eigen kostenposten per bijeenkomst \
         op de gehouden bijeenkomsten, eigen kostenposten per groep voor de groepen die een \
         bijeenkomst hielden; van een deels elders gefinancierde post alleen het TAPA$-deel) en \
         de overhead daarover. Bijdragen uit andere bronnen verlagen wat de verzekeraars moeten \
         dragen: resultaat = opbrengst + bijdragen − kosten. Het resultaat wordt verdeeld naar \
         wat aan elke verzekeraar is gedeclareerd, in hele centen die precies optellen tot het \
         resultaat (eerst naar nul afgerond; de overgebleven centen één voor één naar de \
         grootste resten). Nacalculatie: de kosten min de bijdragen gedeeld door de \
         verzekerdenjaren (de verzekerden van de kwartalen / 4), naar boven afgerond op de \
         cent.\n"
    } else {
        "Opbrengst: wat aan elke verzekeraar is gedeclareerd (zoals patz-calc declare). Kosten: \
         wat de deelnemers voor het hele jaar is uitbetaald (zoals patz-calc payout --per jaar), \
         de overige TAPA$-posten van het plan (huisvesting op de gehouden bijeenkomsten) en de \
         overhead daarover. Het resultaat wordt verdeeld naar wat aan elke verzekeraar is \
         gedeclareerd, in hele centen die precies optellen tot het resultaat (eerst naar nul \
         afgerond; de overgebleven centen één voor één naar de grootste resten). Nacalculatie: \
         de kosten gedeeld door de verzekerdenjaren (de verzekerden van de kwartalen / 4), naar \
         boven afgerond op de cent.\n"
    };
    note(&mut out, uitleg);
    out
}

fn year_tables(out: &mut String, s: &Scenario, j: &AfrekeningJaar) {
    let x = &j.saldi;
    let mut t = new_table(["Post", "Begroot", "Afgerekend", "Verschil"]);
    let mut rij = |label: &str, begroot: Decimal, werkelijk: Decimal| {
        t.add_row(money_row(label, [begroot, werkelijk, werkelijk - begroot]));
    };
    rij(
        "Uitbetaald aan deelnemers",
        x.uitbetaald_begroot,
        x.uitbetaald,
    );
    for p in &j.posten {
        rij(&post_label(p), p.begroot, p.werkelijk);
    }
    rij("Overhead penvoerder", x.overhead_begroot, x.overhead);
    rij("Kosten", x.kosten_begroot, x.kosten);
    let met_bijdragen = !s.bijdragen.is_empty();
    if met_bijdragen {
        for b in &j.bijdragen {
            let label = format!("Bijdrage: {} ({})", b.naam, b.financier);
            rij(&label, -b.bedrag, -b.bedrag);
        }
        rij(
            "Te dragen door de verzekeraars",
            x.kosten_begroot - x.bijdragen,
            x.kosten - x.bijdragen,
        );
    }
    let (h, g) = j.bijeenkomsten;
    section(
        out,
        &format!(
            "Afrekening {} · kosten ({h} van {g} geplande bijeenkomsten gehouden)",
            j.jaar
        ),
        &t,
    );

    let mut t = new_table([
        "Verzekeraar",
        "Aanbod",
        "Verzekerden (kwartalen)",
        "Gedeclareerd",
        "Aandeel resultaat",
    ]);
    for v in &j.verzekeraars {
        t.add_row(vec![
            Cell::new(verzekeraar(s, v.verzekeraar)),
            Cell::new(aanbod(s, v.aanbod).unwrap_or("geen aanbod")),
            right(format!("{} ({})", aantal(v.verzekerden), v.kwartalen)),
            right(euro(v.gedeclareerd)),
            right(v.aandeel_resultaat.map_or_else(|| "–".to_string(), euro)),
        ]);
    }
    t.add_row(vec![
        Cell::new("Totaal"),
        Cell::new(""),
        Cell::new(""),
        right(euro(x.opbrengst)),
        right(euro(x.resultaat)),
    ]);
    section(out, &format!("Afrekening {} · opbrengst", j.jaar), &t);
    let (bijdragen, te_dragen) = if met_bijdragen {
        (
            format!(" + bijdragen {}", euro(x.bijdragen)),
            format!("({} − {})", euro(x.kosten), euro(x.bijdragen)),
        )
    } else {
        (String::new(), euro(x.kosten))
    };
    out.push_str(&format!(
        "Resultaat {}: opbrengst {}{bijdragen} − kosten {} = {} ({}).\n",
        j.jaar,
        euro(x.opbrengst),
        euro(x.kosten),
        euro(x.resultaat),
        soort(x.resultaat)
    ));
    match x.nacalculatie_tarief {
        Some(t) => out.push_str(&format!(
            "Nacalculatie {}: {te_dragen} / {} verzekerdenjaren = {} per verzekerde per jaar.\n\n",
            j.jaar,
            dutch(x.verzekerdenjaren, 2),
            tarief(t)
        )),
        None => out.push_str(&format!(
            "Nacalculatie {}: niet te berekenen zonder verzekerden.\n\n",
            j.jaar
        )),
    }
}

fn settle_csv(s: &Scenario, a: &Afrekening, nl: bool) -> Vec<u8> {
    let mut csv = Csv::new(nl, &SETTLE_HEADER);
    for j in &a.jaren {
        let x = &j.saldi;
        let y = j.jaar.to_string();
        for v in &j.verzekeraars {
            let cells = vec![
                y.clone(),
                "opbrengst".into(),
                String::new(),
                text(verzekeraar(s, v.verzekeraar)),
                String::new(),
                csv.num(v.gedeclareerd, 2),
            ];
            csv.row(cells);
        }
        let mut kosten = vec![(UITBETALING, x.uitbetaald_begroot, x.uitbetaald)];
        kosten.extend(
            j.posten
                .iter()
                .map(|p| (p.id.as_str(), p.begroot, p.werkelijk)),
        );
        kosten.push(("overhead", x.overhead_begroot, x.overhead));
        for (post, begroot, bedrag) in kosten {
            let cells = vec![
                y.clone(),
                "kosten".into(),
                post.into(),
                String::new(),
                csv.num(begroot, 2),
                csv.num(bedrag, 2),
            ];
            csv.row(cells);
        }
        for b in &j.bijdragen {
            let cells = vec![
                y.clone(),
                "bijdrage".into(),
                text(&b.naam),
                String::new(),
                csv.num(b.bedrag, 2),
                csv.num(b.bedrag, 2),
            ];
            csv.row(cells);
        }
        let cells = vec![
            y.clone(),
            "resultaat".into(),
            String::new(),
            String::new(),
            String::new(),
            csv.num(x.resultaat, 2),
        ];
        csv.row(cells);
        for v in &j.verzekeraars {
            let cells = vec![
                y.clone(),
                "aandeel_resultaat".into(),
                String::new(),
                text(verzekeraar(s, v.verzekeraar)),
                String::new(),
                csv.opt(v.aandeel_resultaat, 2),
            ];
            csv.row(cells);
        }
        let cells = vec![
            y,
            "nacalculatie_tarief".into(),
            String::new(),
            String::new(),
            String::new(),
            csv.opt(x.nacalculatie_tarief, 2),
        ];
        csv.row(cells);
    }
    csv.finish()
}

fn saldi(x: &Saldi, met_bijdragen: bool) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("opbrengst".into(), dec(x.opbrengst, 2));
    m.insert("uitbetaald".into(), dec(x.uitbetaald, 2));
    m.insert("uitbetaald_begroot".into(), dec(x.uitbetaald_begroot, 2));
    m.insert("overige_kosten".into(), dec(x.overige_kosten, 2));
    m.insert("overige_begroot".into(), dec(x.overige_begroot, 2));
    m.insert("overhead".into(), dec(x.overhead, 2));
    m.insert("overhead_begroot".into(), dec(x.overhead_begroot, 2));
    m.insert("kosten".into(), dec(x.kosten, 2));
    m.insert("kosten_begroot".into(), dec(x.kosten_begroot, 2));
    if met_bijdragen {
        m.insert("bijdragen".into(), dec(x.bijdragen, 2));
    }
    m.insert("resultaat".into(), dec(x.resultaat, 2));
    m.insert("verzekerdenjaren".into(), dec(x.verzekerdenjaren, 2));
    m.insert("nacalculatie_tarief".into(), opt(x.nacalculatie_tarief, 2));
    m
}

fn settle_json(s: &Scenario, a: &Afrekening, b: &Bronnen<'_>) -> Vec<u8> {
    let met_bijdragen = !s.bijdragen.is_empty();
    let jaren: Vec<Value> = a
        .jaren
        .iter()
        .map(|j| {
            let verzekeraars: Vec<Value> = j
                .verzekeraars
                .iter()
                .map(|v| {
                    json!({
                        "naam": verzekeraar(s, v.verzekeraar),
                        "aanbod": aanbod(s, v.aanbod),
                        "verzekerden": v.verzekerden,
                        "kwartalen": v.kwartalen,
                        "gedeclareerd": dec(v.gedeclareerd, 2),
                        "aandeel_resultaat": opt(v.aandeel_resultaat, 2),
                    })
                })
                .collect();
            let posten: Vec<Value> = j
                .posten
                .iter()
                .map(|p| {
                    let mut m = Map::new();
                    m.insert("post".into(), json!(p.id));
                    m.insert("begroot".into(), dec(p.begroot, 2));
                    m.insert("bedrag".into(), dec(p.werkelijk, 2));
                    if let Some((h, g)) = p.bijeenkomsten {
                        m.insert("bijeenkomsten_gehouden".into(), json!(h));
                        m.insert("bijeenkomsten_gepland".into(), json!(g));
                    }
                    if let Some((h, g)) = p.groepen {
                        m.insert("groepen_met_bijeenkomst".into(), json!(h));
                        m.insert("groepen_gepland".into(), json!(g));
                    }
                    Value::Object(m)
                })
                .collect();
            let mut m = Map::new();
            m.insert("jaar".into(), json!(j.jaar));
            m.insert("bijeenkomsten_gehouden".into(), json!(j.bijeenkomsten.0));
            m.insert("bijeenkomsten_gepland".into(), json!(j.bijeenkomsten.1));
            m.insert("verzekeraars".into(), Value::Array(verzekeraars));
            m.insert("posten".into(), Value::Array(posten));
            if met_bijdragen {
                let bijdragen: Vec<Value> = j
                    .bijdragen
                    .iter()
                    .map(|b| {
                        json!({
                            "naam": b.naam,
                            "financier": b.financier,
                            "bedrag": dec(b.bedrag, 2),
                        })
                    })
                    .collect();
                m.insert("bijdrage_regels".into(), Value::Array(bijdragen));
            }
            m.extend(saldi(&j.saldi, met_bijdragen));
            Value::Object(m)
        })
        .collect();
    finish(&json!({
        "scenario": s.naam,
        "bronnen": { "verzekerden": b.verzekerden, "bijeenkomsten": b.bijeenkomsten },
        "jaren": jaren,
        "totaal": Value::Object(saldi(&a.totaal, met_bijdragen)),
    }))
}
