//! Reading the insured counts the insurers report (`declare --verzekerden`, `settle`) against a
//! scenario. Pure, no I/O.
//!
//! The file has the columns `periode,verzekeraar,verzekerden`: a quarter `2026-K1` … `2026-K4`
//! inside the horizon, a `[[verzekeraar]]` name (compared in NFC) and a whole number ≥ 0, written
//! without thousands separators. At most one row per insurer and quarter.

use std::collections::HashMap;

use super::csv::{Row, Tabel, naam_in};
use super::fouten::{Cx, Fouten};
use super::model::Telling;
use super::{eerder, kolom_at, lees, looptijd, vast};
use crate::naam;
use crate::scenario::Scenario;

/// The columns of the insured counts file, in their documented order.
pub const VERZEKERDEN_KOLOMMEN: [&str; 3] = ["periode", "verzekeraar", "verzekerden"];

/// The largest count accepted in one row: the bound of `scenario.verzekerden`.
pub const MAX_VERZEKERDEN: u64 = 100_000_000;

/// Reads the insured counts for scenario `s`, in file order.
pub fn read_verzekerden(text: &str, s: &Scenario) -> Result<Vec<Telling>, Fouten> {
    let lezer = Lezer {
        s,
        namen: s
            .verzekeraars
            .iter()
            .map(|v| naam::sleutel(&v.naam))
            .collect(),
    };
    let mut seen: HashMap<(usize, i32, u32), usize> = HashMap::new();
    let verplicht = vast(&VERZEKERDEN_KOLOMMEN);
    lees(
        text,
        "verzekerden",
        &VERZEKERDEN_KOLOMMEN,
        verplicht,
        |t, cols, row, cx| lezer.row(t, cols, row, &mut seen, cx),
    )
}

/// What one record is checked against.
struct Lezer<'a> {
    s: &'a Scenario,
    /// The NFC form of every insurer name, in file order.
    namen: Vec<std::borrow::Cow<'a, str>>,
}

impl Lezer<'_> {
    /// The count of `row`, or `None` when a cell is wrong (reported) or missing.
    fn row(
        &self,
        t: &Tabel<'_>,
        cols: &HashMap<&str, usize>,
        row: &Row,
        seen: &mut HashMap<(usize, i32, u32), usize>,
        cx: &mut Cx,
    ) -> Option<Telling> {
        let path = |col: &str| format!("verzekerden[{}].{col}", row.index);
        let cell = |name: &str| cols.get(name).and_then(|&c| row.cell(c));
        let periode = cell("periode").and_then(|(c, at)| {
            let checked = kwartaal(c).and_then(|(jaar, k)| {
                if jaar < self.s.startjaar || jaar > self.s.eindjaar() {
                    Err((
                        format!("{c} valt buiten de looptijd {}", looptijd(self.s)),
                        None,
                    ))
                } else {
                    Ok((jaar, k))
                }
            });
            checked
                .map_err(|e| cx.error_with(t.pos(at), || path("periode"), || e))
                .ok()
        });
        let verzekeraar =
            cell("verzekeraar").and_then(|(c, at)| self.verzekeraar(c, at, t, &path, cx));
        let verzekerden = cell("verzekerden").and_then(|(c, at)| {
            aantal(c)
                .map_err(|e| cx.error_with(t.pos(at), || path("verzekerden"), || e))
                .ok()
        });
        if let (Some(vi), Some((jaar, k))) = (verzekeraar, periode)
            && let Some(first) = eerder(seen, (vi, jaar, k), row.line)
        {
            let at = kolom_at(cols, row, "periode");
            let naam = self.s.verzekeraars.get(vi).map_or("", |v| v.naam.as_str());
            cx.error(
                t.pos(at),
                path("periode"),
                format!("verzekeraar '{naam}' heeft voor {jaar}-K{k} al een regel (regel {first})"),
                Some(
                    "één regel per verzekeraar en kwartaal: staat dezelfde telling er twee \
                         keer in? Dan wordt hij dubbel gedeclareerd"
                        .into(),
                ),
            );
        }
        let (jaar, kwartaal) = periode?;
        Some(Telling {
            verzekeraar: verzekeraar?,
            jaar,
            kwartaal,
            verzekerden: verzekerden?,
            regel: row.line,
        })
    }

    /// The insurer named in `cell` (compared in NFC).
    fn verzekeraar(
        &self,
        cell: &str,
        at: usize,
        t: &Tabel<'_>,
        path: &dyn Fn(&str) -> String,
        cx: &mut Cx,
    ) -> Option<usize> {
        let namen = self.s.verzekeraars.iter().map(|v| v.naam.as_str());
        let zonder = "het scenario heeft geen [[verzekeraar]]-secties; voeg de verzekeraars \
                      met hun marktaandeel toe";
        naam_in(
            cell,
            "verzekeraar",
            &self.namen,
            namen,
            Some(zonder),
            t.pos(at),
            path,
            cx,
        )
    }
}

/// A quarter written `JJJJ-K1` … `JJJJ-K4` (the `K` in either case).
fn kwartaal(cell: &str) -> Result<(i32, u32), (String, Option<String>)> {
    let hint = || Some("schrijf het kwartaal als JJJJ-K1 … JJJJ-K4, bijv. 2026-K1".to_string());
    if cell.is_empty() {
        return Err(("leeg; vul het kwartaal in".into(), hint()));
    }
    let parsed = cell.split_once('-').and_then(|(y, q)| {
        let digits = y.len() == 4 && y.chars().all(|c| c.is_ascii_digit());
        let k = q.strip_prefix(['K', 'k'])?;
        let k = match k {
            "1" => 1,
            "2" => 2,
            "3" => 3,
            "4" => 4,
            _ => return None,
        };
        digits.then(|| y.parse::<i32>().ok().map(|y| (y, k)))?
    });
    parsed.ok_or_else(|| (format!("'{cell}' is geen kwartaal"), hint()))
}

/// A whole number of insured ≥ 0, written with digits only (no thousands separator, no
/// decimals), at most [`MAX_VERZEKERDEN`].
fn aantal(cell: &str) -> Result<u64, (String, Option<String>)> {
    if cell.is_empty() {
        return Err((
            "leeg; vul het aantal verzekerden in (0 als er geen waren)".into(),
            None,
        ));
    }
    let (neg, body) = match cell.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cell),
    };
    let digits_only = !body.is_empty() && body.chars().all(|c| c.is_ascii_digit());
    if neg && (digits_only || grouped(body)) {
        return Err((
            format!("{cell}: een aantal verzekerden kan niet negatief zijn"),
            None,
        ));
    }
    if grouped(body) {
        let plain: String = body.chars().filter(char::is_ascii_digit).collect();
        return Err((
            format!(
                "'{cell}': een aantal schrijf je zonder scheidingsteken voor duizendtallen \
                 (een punt of komma is hier een decimaalteken)"
            ),
            Some(format!("schrijf {plain}")),
        ));
    }
    if !digits_only {
        let decimal = body.chars().filter(|c| matches!(c, '.' | ',')).count() == 1
            && body
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | ','));
        return Err(if decimal {
            (
                format!("{cell}: geen geheel getal; verzekerden tel je in hele personen"),
                None,
            )
        } else {
            (format!("'{cell}' is geen aantal"), None)
        });
    }
    match body.parse::<u64>() {
        Ok(n) if n <= MAX_VERZEKERDEN => Ok(n),
        _ => Err((
            format!("{cell}: te groot; hoogstens 100.000.000 verzekerden per verzekeraar"),
            None,
        )),
    }
}

/// Digits in groups of three behind a first group of one to three, separated by one kind of
/// `.` or `,`: how a number with thousands separators is written (`1.000`, `12,500,000`).
fn grouped(body: &str) -> bool {
    let sep = if body.contains('.') { '.' } else { ',' };
    let mut parts = body.split(sep);
    let first = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    let digits = |p: &str| p.chars().all(|c| c.is_ascii_digit());
    !rest.is_empty()
        && (1..=3).contains(&first.len())
        && digits(first)
        && rest.iter().all(|p| p.len() == 3 && digits(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters_are_a_year_and_k1_to_k4() {
        assert_eq!(kwartaal("2026-K1"), Ok((2026, 1)));
        assert_eq!(kwartaal("2027-k4"), Ok((2027, 4)));
        assert!(kwartaal("2026-K5").is_err());
        assert!(kwartaal("2026-Q1").is_err());
        assert!(kwartaal("26-K1").is_err());
        assert!(kwartaal("2026K1").is_err());
        assert!(kwartaal("2026-K").is_err());
    }

    #[test]
    fn counts_are_whole_digits_and_a_thousands_separator_gets_its_fix() {
        assert_eq!(aantal("0"), Ok(0));
        assert_eq!(aantal("100000000"), Ok(100_000_000));
        assert!(aantal("100000001").is_err());
        let (m, hint) = aantal("1.000").unwrap_err();
        assert!(m.contains("scheidingsteken voor duizendtallen"), "{m}");
        assert_eq!(hint.as_deref(), Some("schrijf 1000"));
        assert_eq!(
            aantal("12.500.000").unwrap_err().1.as_deref(),
            Some("schrijf 12500000")
        );
        assert!(aantal("-5").unwrap_err().0.contains("niet negatief"));
        assert!(aantal("12.5").unwrap_err().0.contains("geen geheel getal"));
        assert!(aantal("1e3").unwrap_err().0.contains("geen aantal"));
        assert!(aantal("").is_err());
    }
}
