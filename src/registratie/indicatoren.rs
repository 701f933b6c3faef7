//! Reading the observed indicators (`--indicatoren`) against a scenario. Pure, no I/O.

use std::collections::HashMap;

use super::csv::{Row, Tabel, count, nearest};
use super::fouten::{Cx, Fouten};
use super::model::Waarneming;
use super::{eerder, kolom_at, lees, looptijd, vast};
use crate::scenario::{IndicatorId, Scenario};

/// The columns of the indicators file, in their documented order.
pub const INDICATOR_KOLOMMEN: [&str; 4] = ["jaar", "indicator", "overleden_patienten", "gevallen"];

/// Reads the observed indicators for scenario `s`: `jaar,indicator,overleden_patienten,gevallen`,
/// at most one row per year and indicator.
pub fn read_indicatoren(text: &str, s: &Scenario) -> Result<Vec<Waarneming>, Fouten> {
    let mut seen: HashMap<(i32, IndicatorId), usize> = HashMap::new();
    let verplicht = vast(&INDICATOR_KOLOMMEN);
    lees(
        text,
        "indicatoren",
        &INDICATOR_KOLOMMEN,
        verplicht,
        |t, cols, row, cx| waarneming(s, t, cols, row, &mut seen, cx),
    )
}

/// The observation of `row`, or `None` when a cell is wrong (reported) or missing.
fn waarneming(
    s: &Scenario,
    t: &Tabel<'_>,
    cols: &HashMap<&str, usize>,
    row: &Row,
    seen: &mut HashMap<(i32, IndicatorId), usize>,
    cx: &mut Cx,
) -> Option<Waarneming> {
    let path = |col: &str| format!("indicatoren[{}].{col}", row.index);
    let cell = |name: &str| cols.get(name).and_then(|&c| row.cell(c));
    let jaar = cell("jaar").and_then(|(c, at)| jaar(s, t, c, at, &path, cx));
    let indicator = cell("indicator").and_then(|(c, at)| indicator(t, c, at, &path, cx));
    let overleden = cell("overleden_patienten").and_then(|(c, at)| {
        let p = path("overleden_patienten");
        match count(c, t.semicolon) {
            Err((m, h)) => {
                cx.error(t.pos(at), p, m, h);
                None
            }
            Ok(0) => {
                cx.error(
                    t.pos(at),
                    p,
                    "0: er moet minstens één overleden patiënt zijn om een percentage te \
                     berekenen"
                        .into(),
                    Some("laat de rij weg als er in dat jaar geen gegevens zijn".into()),
                );
                None
            }
            Ok(n) => Some(n),
        }
    });
    let gevallen = cell("gevallen").and_then(|(c, at)| {
        let p = path("gevallen");
        match count(c, t.semicolon) {
            Err((m, h)) => {
                cx.error(t.pos(at), p, m, h);
                None
            }
            Ok(n) => match overleden {
                Some(o) if n > o => {
                    let m = format!("{n} gevallen is meer dan de {o} overleden patiënten");
                    cx.error(t.pos(at), p, m, None);
                    None
                }
                _ => Some(n),
            },
        }
    });
    if let (Some(y), Some(id)) = (jaar, indicator)
        && let Some(first) = eerder(seen, (y, id), row.line)
    {
        let at = kolom_at(cols, row, "indicator");
        cx.error(
            t.pos(at),
            path("indicator"),
            format!("{} staat voor {y} al op regel {first}", id.as_str()),
            Some("geef per jaar en indicator één rij".into()),
        );
    }
    Some(Waarneming {
        jaar: jaar?,
        indicator: indicator?,
        overleden_patienten: overleden?,
        gevallen: gevallen?,
        regel: row.line,
    })
}

/// The year in `cell`: digits only, inside the horizon.
fn jaar(
    s: &Scenario,
    t: &Tabel<'_>,
    cell: &str,
    at: usize,
    path: &dyn Fn(&str) -> String,
    cx: &mut Cx,
) -> Option<i32> {
    let p = path("jaar");
    let parsed = cell
        .parse::<i32>()
        .ok()
        .filter(|_| cell.chars().all(|c| c.is_ascii_digit()));
    match parsed {
        None => {
            let message = if cell.is_empty() {
                "leeg; vul het jaar in, bijv. 2026".to_string()
            } else {
                format!("'{cell}' is geen jaartal")
            };
            cx.error(t.pos(at), p, message, None);
            None
        }
        Some(y) if y < s.startjaar || y > s.eindjaar() => {
            let message = format!("{y} valt buiten de looptijd {}", looptijd(s));
            cx.error(t.pos(at), p, message, None);
            None
        }
        Some(y) => Some(y),
    }
}

/// The indicator id in `cell`.
fn indicator(
    t: &Tabel<'_>,
    cell: &str,
    at: usize,
    path: &dyn Fn(&str) -> String,
    cx: &mut Cx,
) -> Option<IndicatorId> {
    let found = IndicatorId::parse(cell);
    if found.is_none() {
        let ids = IndicatorId::ALL.map(IndicatorId::as_str);
        let hint = nearest(cell, ids.iter().copied())
            .map(|n| format!("bedoelde je '{n}'?"))
            .or_else(|| Some(format!("kies uit: {}", ids.join(", "))));
        let message = if cell.is_empty() {
            "leeg; vul een van de zes indicator-ids in".to_string()
        } else {
            format!("'{cell}' is geen indicator-id")
        };
        cx.error(t.pos(at), path("indicator"), message, hint);
    }
    found
}
