//! `declare` output: the declaration to the insurers as a table, CSV and JSON. Pure, no I/O.

use comfy_table::Cell;
use rust_decimal::Decimal;
use serde_json::{Value, json};

use super::csv::{Csv, text};
use super::json::{dec, finish, opt};
use super::monitor::{note, section};
use super::table::{heading, new_table, right};
use super::{Format, Options};
use crate::calc::declaratie::{Declaratie, Regel};
use crate::calc::payout::Per;
use crate::decimal::{dutch, euro};
use crate::scenario::Scenario;

/// The CSV header of `declare` (stable: the declaratiesysteem reads it).
pub const DECLARE_HEADER: [&str; 6] = [
    "verzekeraar",
    "periode",
    "aanbod",
    "verzekerden",
    "tarief_per_verzekerde",
    "bedrag",
];

/// Renders the result of `declare`. `bron` is the counts file as shown.
pub fn declare(s: &Scenario, d: &Declaratie, bron: &str, opts: Options) -> Vec<u8> {
    match opts.format {
        Format::Table => declare_table(s, d, bron).into_bytes(),
        Format::Csv => declare_csv(s, d, opts.csv_nl),
        Format::Json => declare_json(s, d),
    }
}

fn verzekeraar(s: &Scenario, vi: usize) -> &str {
    s.verzekeraars.get(vi).map_or("", |v| v.naam.as_str())
}

fn aanbod(s: &Scenario, ai: Option<usize>) -> Option<&str> {
    ai.and_then(|ai| s.aanbiedingen.get(ai))
        .map(|a| a.label.as_str())
}

/// The decimals a tariff is shown with: its own, at least two.
pub(crate) fn tarief_dp(t: Decimal) -> u32 {
    t.normalize().scale().max(2)
}

/// A tariff as `€ 0,355`.
pub(crate) fn tarief(t: Decimal) -> String {
    format!("€ {}", dutch(t, tarief_dp(t)))
}

/// A whole count as `12.500`.
pub(crate) fn aantal(n: u64) -> String {
    dutch(Decimal::from(n), 0)
}

fn per_label(per: Per) -> &'static str {
    match per {
        Per::Kwartaal => "kwartaal",
        Per::Jaar => "jaar",
    }
}

fn declare_table(s: &Scenario, d: &Declaratie, bron: &str) -> String {
    let mut out = String::new();
    heading(&mut out, "Declaratie aan de verzekeraars", s);
    out.push_str(&format!(
        "Bron: de verzekerden per verzekeraar en kwartaal in {bron} · per {}\n\n",
        per_label(d.per)
    ));
    let mut t = new_table([
        "Verzekeraar",
        "Periode",
        "Aanbod",
        "Verzekerden",
        "Tarief",
        "Bedrag",
        "Opmerking",
    ]);
    for r in &d.regels {
        t.add_row(row(s, r));
    }
    t.add_row(vec![
        Cell::new("Totaal"),
        Cell::new(""),
        Cell::new(""),
        Cell::new(""),
        Cell::new(""),
        right(euro(d.totaal)),
        Cell::new(""),
    ]);
    let title = match d.per {
        Per::Kwartaal => "Per verzekeraar en kwartaal",
        Per::Jaar => "Per verzekeraar en jaar",
    };
    section(&mut out, title, &t);
    if d.regels.is_empty() {
        out.push_str("Er is niets te declareren: het bestand bevat geen tellingen.\n\n");
    }

    let mut t = new_table(["Verzekeraar", "Jaar", "Aanbod", "Plafond", "Bedrag"]);
    for j in &d.jaren {
        t.add_row(vec![
            Cell::new(verzekeraar(s, j.verzekeraar)),
            Cell::new(j.jaar.to_string()),
            Cell::new(aanbod(s, j.aanbod).unwrap_or("geen aanbod")),
            right(j.plafond.map_or_else(|| "–".to_string(), euro)),
            right(j.bedrag.map_or_else(|| "–".to_string(), euro)),
        ]);
    }
    for (vi, sum) in &d.per_verzekeraar {
        t.add_row(vec![
            Cell::new(format!("Totaal {}", verzekeraar(s, *vi))),
            Cell::new(""),
            Cell::new(""),
            Cell::new(""),
            right(euro(*sum)),
        ]);
    }
    section(&mut out, "Per verzekeraar en jaar", &t);
    note(
        &mut out,
        "Bedrag per kwartaal: tarief per verzekerde × verzekerden van dat kwartaal / 4, op centen \
         afgerond (het tarief wordt niet geïndexeerd). Met een plafond krijgen de kwartalen van \
         een jaar op volgorde wat er nog onder het plafond past, nooit minder dan € 0,00. Het \
         aanbod is het gecontracteerde aanbod van de verzekeraar, anders zijn beste aanbod.\n",
    );
    out
}

fn row(s: &Scenario, r: &Regel) -> Vec<Cell> {
    let opmerking = match (r.aanbod, r.bedrag) {
        (None, _) => format!("geen aanbod voor {}", r.periode.jaar),
        (Some(_), _) if !r.afgetopt.is_zero() => {
            format!("plafond: {} minder", euro(r.afgetopt))
        }
        _ => String::new(),
    };
    vec![
        Cell::new(verzekeraar(s, r.verzekeraar)),
        Cell::new(r.periode.label()),
        Cell::new(aanbod(s, r.aanbod).unwrap_or("–")),
        right(aantal(r.verzekerden)),
        right(r.tarief.map_or_else(|| "–".to_string(), tarief)),
        right(r.bedrag.map_or_else(|| "–".to_string(), euro)),
        Cell::new(opmerking),
    ]
}

fn declare_csv(s: &Scenario, d: &Declaratie, nl: bool) -> Vec<u8> {
    let mut csv = Csv::new(nl, &DECLARE_HEADER);
    for r in &d.regels {
        let cells = vec![
            text(verzekeraar(s, r.verzekeraar)),
            r.periode.label(),
            aanbod(s, r.aanbod).map(text).unwrap_or_default(),
            r.verzekerden.to_string(),
            r.tarief
                .map(|t| csv.num(t, tarief_dp(t)))
                .unwrap_or_default(),
            csv.opt(r.bedrag, 2),
        ];
        csv.row(cells);
    }
    csv.finish()
}

fn declare_json(s: &Scenario, d: &Declaratie) -> Vec<u8> {
    let regels: Vec<Value> = d
        .regels
        .iter()
        .map(|r| {
            json!({
                "verzekeraar": verzekeraar(s, r.verzekeraar),
                "periode": r.periode.label(),
                "aanbod": aanbod(s, r.aanbod),
                "verzekerden": r.verzekerden,
                "tarief_per_verzekerde": r.tarief.map_or(Value::Null, |t| dec(t, tarief_dp(t))),
                "bedrag": opt(r.bedrag, 2),
                "afgetopt": dec(r.afgetopt, 2),
            })
        })
        .collect();
    let verzekeraars: Vec<Value> = d
        .per_verzekeraar
        .iter()
        .map(|(vi, sum)| {
            let jaren: Vec<Value> = d
                .jaren
                .iter()
                .filter(|j| j.verzekeraar == *vi)
                .map(|j| {
                    json!({
                        "jaar": j.jaar,
                        "aanbod": aanbod(s, j.aanbod),
                        "kwartalen": j.kwartalen,
                        "verzekerden": j.verzekerden,
                        "plafond": opt(j.plafond, 2),
                        "afgetopt": dec(j.afgetopt, 2),
                        "bedrag": opt(j.bedrag, 2),
                    })
                })
                .collect();
            json!({
                "naam": verzekeraar(s, *vi),
                "jaren": jaren,
                "totaal": { "bedrag": dec(*sum, 2) },
            })
        })
        .collect();
    let jaren: Vec<Value> = d
        .per_jaar
        .iter()
        .map(|(y, sum)| json!({ "jaar": y, "bedrag": dec(*sum, 2) }))
        .collect();
    finish(&json!({
        "scenario": s.naam,
        "per": per_label(d.per),
        "regels": regels,
        "verzekeraars": verzekeraars,
        "jaren": jaren,
        "totaal": { "bedrag": dec(d.totaal, 2) },
    }))
}
