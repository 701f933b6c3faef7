//! Summary rows of many scenarios or variants (`batch`, `sweep`) and side-by-side comparison
//! (`compare`), in every format. Pure, no I/O.

use comfy_table::Cell;
use rust_decimal::Decimal;
use serde_json::{Map, Value, json};

use super::csv::{Csv, text};
use super::json::{finish, opt};
use super::table::{new_table, right};
use crate::calc::Resultaat;
use crate::calc::cost::Post;
use crate::calc::expectations::figure;
use crate::calc::overzicht::{Subtotaal, per_post};
use crate::decimal::{dutch, euro};
use crate::scenario::Grootheid;

/// The business-case columns of a summary row, in docs/rekenregels.md's order: every figure
/// but the break-even factor and the net present value.
pub const KOLOMMEN: [Grootheid; 7] = {
    let [
        a,
        b,
        c,
        d,
        e,
        f,
        g,
        Grootheid::BreakEvenFactor,
        Grootheid::NettoContanteWaarde,
    ] = Grootheid::ALL
    else {
        panic!("Grootheid::ALL ends with the break-even factor and the net present value")
    };
    [a, b, c, d, e, f, g]
};

/// Decimals a figure is printed with.
pub fn decimals(g: Grootheid) -> u32 {
    match g {
        Grootheid::RoiPercentage => 1,
        Grootheid::BreakEvenFactor => 3,
        _ => 2,
    }
}

/// A figure for people: `€ 1.234,56`, `12,3 %`, `2,224`, or `—` when it does not exist.
pub fn show(g: Grootheid, v: Option<Decimal>) -> String {
    match v {
        None => "—".to_string(),
        Some(x) => match g {
            Grootheid::RoiPercentage => format!("{} %", dutch(x, 1)),
            Grootheid::BreakEvenFactor => dutch(x, 3),
            _ => euro(x),
        },
    }
}

/// A difference for people: as [`show`], but a difference of two percentages is in
/// procentpunten (`7,1 procentpunt`), not a percentage.
fn show_verschil(g: Grootheid, v: Option<Decimal>) -> String {
    match (g, v) {
        (Grootheid::RoiPercentage, Some(x)) => format!("{} procentpunt", dutch(x, 1)),
        _ => show(g, v),
    }
}

/// One summary row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rij {
    /// The first, identifying cells (`bestand`, `naam`, `jaar`; or `parameter`, `waarde`).
    pub sleutel: Vec<String>,
    /// The [`KOLOMMEN`] values.
    pub waarden: Vec<Option<Decimal>>,
}

/// The summary rows of one result: the horizon totals, or per year then `totaal`.
pub fn rows(sleutel: &[String], r: &Resultaat, per_jaar: bool) -> Vec<Rij> {
    let values = |jaar: Option<i32>| {
        KOLOMMEN
            .iter()
            .map(|g| figure(&r.kosten, r.businesscase.as_ref(), *g, jaar))
            .collect()
    };
    let mut out = Vec::new();
    if per_jaar {
        for j in &r.kosten.jaren {
            let mut key = sleutel.to_vec();
            key.push(j.jaar.to_string());
            out.push(Rij {
                sleutel: key,
                waarden: values(Some(j.jaar)),
            });
        }
        let mut key = sleutel.to_vec();
        key.push("totaal".to_string());
        out.push(Rij {
            sleutel: key,
            waarden: values(None),
        });
    } else {
        out.push(Rij {
            sleutel: sleutel.to_vec(),
            waarden: values(None),
        });
    }
    out
}

/// The header of a summary CSV: the key columns, then [`KOLOMMEN`].
pub fn csv_header(keys: &[&str], nl: bool) -> Vec<u8> {
    let mut header: Vec<&str> = keys.to_vec();
    header.extend(KOLOMMEN.iter().map(|g| g.as_str()));
    Csv::new(nl, &header).finish()
}

/// Summary rows as CSV lines without a header (to stream after [`csv_header`]).
pub fn csv_rows(rows: &[Rij], nl: bool) -> Vec<u8> {
    let mut csv = Csv::headless(nl);
    for r in rows {
        let mut cells: Vec<String> = r.sleutel.iter().map(|k| text(k)).collect();
        cells.extend(
            KOLOMMEN
                .iter()
                .zip(&r.waarden)
                .map(|(g, v)| csv.opt(*v, decimals(*g))),
        );
        csv.row(cells);
    }
    csv.finish()
}

/// One summary row as a JSON object (to stream inside a JSON array).
pub fn json_row(keys: &[&str], r: &Rij) -> Value {
    let mut m = Map::new();
    for (k, v) in keys.iter().zip(&r.sleutel) {
        let value = if *k == "jaar" {
            v.parse::<i64>().map_or_else(|_| json!(v), |n| json!(n))
        } else {
            json!(v)
        };
        m.insert((*k).to_string(), value);
    }
    for (g, v) in KOLOMMEN.iter().zip(&r.waarden) {
        m.insert(g.as_str().to_string(), opt(*v, decimals(*g)));
    }
    Value::Object(m)
}

/// Summary rows as one table (Dutch labels; the machine formats keep the column names).
pub fn table(keys: &[&str], rows: &[Rij]) -> String {
    let mut header: Vec<String> = keys
        .iter()
        .map(|k| {
            let mut c = k.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        })
        .collect();
    header.extend(KOLOMMEN.iter().map(|g| g.label().to_string()));
    let mut t = new_table(header);
    for r in rows {
        let mut cells: Vec<Cell> = r.sleutel.iter().map(Cell::new).collect();
        cells.extend(
            KOLOMMEN
                .iter()
                .zip(&r.waarden)
                .map(|(g, v)| right(show(*g, *v))),
        );
        t.add_row(cells);
    }
    let mut out = t.to_string();
    out.push('\n');
    out
}

/// A scenario in a comparison.
#[derive(Debug, Clone, Copy)]
pub struct Variant<'a> {
    /// File name as shown.
    pub bestand: &'a str,
    /// Scenario name.
    pub naam: &'a str,
    /// Its results.
    pub resultaat: &'a Resultaat,
}

/// One compared figure: its label, and per variant the value.
struct Vergelijking {
    key: String,
    label: String,
    grootheid: Grootheid,
    waarden: Vec<Option<Decimal>>,
}

fn comparisons(variants: &[Variant<'_>]) -> Vec<Vergelijking> {
    let mut out = Vec::new();
    let mut figures: Vec<Grootheid> = KOLOMMEN.to_vec();
    figures.extend([Grootheid::BreakEvenFactor, Grootheid::NettoContanteWaarde]);
    for g in figures {
        out.push(Vergelijking {
            key: g.as_str().to_string(),
            label: g.label().to_string(),
            grootheid: g,
            waarden: variants
                .iter()
                .map(|v| {
                    figure(
                        &v.resultaat.kosten,
                        v.resultaat.businesscase.as_ref(),
                        g,
                        None,
                    )
                })
                .collect(),
        });
    }
    let posten: Vec<Vec<(Post, Subtotaal)>> = variants
        .iter()
        .map(|v| per_post(&v.resultaat.kosten))
        .collect();
    for post in Post::ALL {
        let waarden: Vec<Option<Decimal>> = posten
            .iter()
            .map(|p| {
                let totaal = p.iter().find(|(x, _)| *x == post).map(|(_, t)| t.totaal);
                Some(totaal.unwrap_or(Decimal::ZERO))
            })
            .collect();
        if waarden.iter().any(|w| w.is_some_and(|x| !x.is_zero())) {
            out.push(Vergelijking {
                key: format!("post.{}", post.as_str()),
                label: format!("post: {}", post.label()),
                grootheid: Grootheid::KostenTotaal,
                waarden,
            });
        }
    }
    out
}

/// `value − reference` and the same as % of the reference's size (one decimal; `None` for a
/// zero reference).
fn delta(value: Option<Decimal>, reference: Option<Decimal>) -> (Option<Decimal>, Option<Decimal>) {
    match (value, reference) {
        (Some(v), Some(r)) => {
            let d = v.checked_sub(r);
            // Against the size of the reference, so that a worse negative figure shows a
            // negative percentage.
            let pct = if r.is_zero() {
                None
            } else {
                d.and_then(|d| d.checked_div(r.abs()))
                    .and_then(|x| x.checked_mul(Decimal::ONE_HUNDRED))
                    .map(|x| crate::decimal::round_half_away(x, 1))
            };
            (d, pct)
        }
        _ => (None, None),
    }
}

/// `compare` in the chosen format; `reference` indexes `variants`.
pub fn compare(variants: &[Variant<'_>], reference: usize, opts: super::Options) -> Vec<u8> {
    let rows = comparisons(variants);
    match opts.format {
        super::Format::Table => {
            let mut header = vec!["Over de looptijd".to_string()];
            for (i, v) in variants.iter().enumerate() {
                header.push(v.bestand.to_string());
                if i != reference {
                    header.push("verschil".to_string());
                    header.push("%".to_string());
                }
            }
            let mut t = new_table(header);
            for row in &rows {
                let mut cells = vec![Cell::new(&row.label)];
                let reference_value = row.waarden.get(reference).copied().flatten();
                for (i, w) in row.waarden.iter().enumerate() {
                    cells.push(right(show(row.grootheid, *w)));
                    if i != reference {
                        let (d, pct) = delta(*w, reference_value);
                        cells.push(right(show_verschil(row.grootheid, d)));
                        cells.push(right(
                            pct.map_or("—".into(), |p| format!("{} %", dutch(p, 1))),
                        ));
                    }
                }
                t.add_row(cells);
            }
            let mut out = String::new();
            out.push_str(&format!(
                "Vergelijking met {} ({}) als referentie\n",
                variants[reference].bestand, variants[reference].naam
            ));
            out.push_str(&t.to_string());
            out.push('\n');
            out.into_bytes()
        }
        super::Format::Csv => {
            let mut csv = Csv::new(
                opts.csv_nl,
                &[
                    "grootheid",
                    "bestand",
                    "naam",
                    "waarde",
                    "verschil",
                    "verschil_percentage",
                ],
            );
            for row in &rows {
                let dp = decimals(row.grootheid);
                let reference_value = row.waarden.get(reference).copied().flatten();
                for (v, w) in variants.iter().zip(&row.waarden) {
                    let (d, pct) = delta(*w, reference_value);
                    let cells = vec![
                        row.key.clone(),
                        text(v.bestand),
                        text(v.naam),
                        csv.opt(*w, dp),
                        csv.opt(d, dp),
                        csv.opt(pct, 1),
                    ];
                    csv.row(cells);
                }
            }
            csv.finish()
        }
        super::Format::Json => {
            let figures: Vec<Value> = rows
                .iter()
                .map(|row| {
                    let dp = decimals(row.grootheid);
                    let reference_value = row.waarden.get(reference).copied().flatten();
                    let per: Vec<Value> = variants
                        .iter()
                        .zip(&row.waarden)
                        .map(|(v, w)| {
                            let (d, pct) = delta(*w, reference_value);
                            json!({
                                "bestand": v.bestand,
                                "naam": v.naam,
                                "waarde": opt(*w, dp),
                                "verschil": opt(d, dp),
                                "verschil_percentage": opt(pct, 1),
                            })
                        })
                        .collect();
                    json!({ "grootheid": row.key, "scenarios": per })
                })
                .collect();
            finish(&json!({
                "referentie": variants[reference].bestand,
                "grootheden": figures,
            }))
        }
    }
}
