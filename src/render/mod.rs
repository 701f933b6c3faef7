//! Results -> bytes: tables for people, CSV and JSON for scripts. Pure: returns bytes, writes
//! nothing.

pub mod csv;
pub mod json;
pub mod table;

use rust_decimal::Decimal;

use crate::calc::cost::Kosten;
use crate::scenario::Scenario;

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// comfy-table tables with Dutch labels.
    Table,
    /// RFC 4180 CSV.
    Csv,
    /// JSON with amounts as decimal strings.
    Json,
}

/// How to render.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// The format.
    pub format: Format,
    /// CSV for Dutch spreadsheets: `;` and decimal comma.
    pub csv_nl: bool,
}

/// Renders the result of `cost`.
pub fn cost(s: &Scenario, k: &Kosten, opts: Options) -> Vec<u8> {
    match opts.format {
        Format::Table => table::cost(s, k).into_bytes(),
        Format::Csv => csv::cost(s, k, opts.csv_nl),
        Format::Json => json::cost(s, k),
    }
}

/// The group name of a line, if it has one.
pub(crate) fn groep_naam(s: &Scenario, groep: Option<usize>) -> Option<&str> {
    groep
        .and_then(|i| s.groepen.get(i))
        .map(|g| g.naam.as_str())
}

/// Sums amounts that were each rounded to cents; a sum of cents can only overflow when a
/// single total already did in the calculation, which is then an error there.
pub(crate) fn sum(items: impl IntoIterator<Item = Decimal>) -> Decimal {
    items.into_iter().fold(Decimal::ZERO, |a, b| {
        a.checked_add(b).unwrap_or(Decimal::MAX)
    })
}
