//! Results -> bytes: tables for people, CSV and JSON for scripts. Pure: returns bytes, writes
//! nothing.

pub mod afrekening;
pub mod betaallijst;
pub mod csv;
pub mod declaratie;
pub mod docx;
pub mod grafiek;
pub(crate) mod herkomst;
pub mod html;
pub mod json;
pub mod monitor;
pub mod onzekerheid;
pub mod per_verzekeraar;
pub mod summary;
pub mod table;
pub(crate) mod teksten;
pub mod verantwoording;
pub mod xlsx;

use crate::calc::Resultaat;
use crate::calc::businesscase::BusinessCase;
use crate::calc::cost::Kosten;
use crate::calc::explain::Uitleg;
use crate::calc::impact::ImpactResultaat;
use crate::calc::per_verzekeraar::PerVerzekeraar;
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

/// Renders the result of `impact`.
pub fn impact(s: &Scenario, r: &ImpactResultaat, opts: Options) -> Vec<u8> {
    match opts.format {
        Format::Table => table::impact(s, r).into_bytes(),
        Format::Csv => csv::impact(r, opts.csv_nl),
        Format::Json => json::impact(s, r),
    }
}

/// Renders the result of `offers`; `per_verzekeraar` (`--per verzekeraar`): the CSV has one row
/// per insurer and year, and the table shows each insurer's businesscase also without a
/// contracted offer. JSON carries it whenever there are insurers ([`per_verzekeraar::in_json`]).
pub fn offers(s: &Scenario, r: &Resultaat, per_verzekeraar: bool, opts: Options) -> Vec<u8> {
    let (k, a) = (&r.kosten, &r.aanbiedingen);
    let p =
        (per_verzekeraar || crate::calc::per_verzekeraar::getoond(s)).then_some(&r.per_verzekeraar);
    match opts.format {
        Format::Table => {
            let p = p.map(|p| per_verzekeraar::tabel(s, k, p));
            table::offers(s, k, a, p.as_deref()).into_bytes()
        }
        Format::Csv if per_verzekeraar => per_verzekeraar::csv(s, &r.per_verzekeraar, opts.csv_nl),
        Format::Csv => csv::offers(s, a, opts.csv_nl),
        Format::Json => json::offers(
            s,
            k,
            a,
            per_verzekeraar::in_json(s, per_verzekeraar)
                .then(|| per_verzekeraar::json(s, &r.per_verzekeraar)),
        ),
    }
}

/// Renders the result of `business-case`.
pub fn business_case(
    s: &Scenario,
    k: &Kosten,
    r: &ImpactResultaat,
    b: &BusinessCase,
    p: &PerVerzekeraar,
    opts: Options,
) -> Vec<u8> {
    let p = crate::calc::per_verzekeraar::getoond(s).then_some(p);
    match opts.format {
        Format::Table => {
            let p = p.map(|p| per_verzekeraar::tabel(s, k, p));
            table::business_case(s, k, r, b, p.as_deref()).into_bytes()
        }
        Format::Csv => csv::business_case(s, b, opts.csv_nl),
        Format::Json => json::business_case(s, b),
    }
}

/// Renders the audit trail of `explain`: one line per figure, or CSV/JSON rows.
pub fn explain(s: &Scenario, lines: &[Uitleg], opts: Options) -> Vec<u8> {
    match opts.format {
        Format::Table => {
            let mut out = format!(
                "Rekenspoor — {}\nElke regel: post · rol · groep · jaar: formule = uitkomst (met de \
                 exacte waarde vóór afronding waar die verschilt).\n\n",
                s.naam
            );
            for l in lines {
                out.push_str(&l.line());
                out.push('\n');
            }
            if lines.is_empty() {
                out.push_str("Geen regels voor deze selectie.\n");
            }
            out.into_bytes()
        }
        Format::Csv => csv::explain(lines, opts.csv_nl),
        Format::Json => json::explain(s, lines),
    }
}
