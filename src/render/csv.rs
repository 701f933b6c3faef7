//! CSV output (RFC 4180; `--csv-nl`: `;` and decimal comma). Formula-like text cells are
//! neutralised. Pure, no I/O.

use rust_decimal::Decimal;

use crate::calc::cost::Kosten;
use crate::decimal::fixed;
use crate::scenario::Scenario;

/// A CSV document being built in memory.
pub(crate) struct Csv {
    writer: ::csv::Writer<Vec<u8>>,
    nl: bool,
}

impl Csv {
    pub(crate) fn new(nl: bool, header: &[&str]) -> Self {
        let writer = ::csv::WriterBuilder::new()
            .delimiter(if nl { b';' } else { b',' })
            .terminator(::csv::Terminator::CRLF)
            .from_writer(Vec::new());
        let mut csv = Csv { writer, nl };
        csv.row(header.iter().map(|h| (*h).to_string()));
        csv
    }

    /// A number cell with exactly `dp` decimals.
    pub(crate) fn num(&self, value: Decimal, dp: u32) -> String {
        let s = fixed(value, dp);
        if self.nl { s.replace('.', ",") } else { s }
    }

    /// An optional number cell (empty when absent).
    pub(crate) fn opt(&self, value: Option<Decimal>, dp: u32) -> String {
        value.map(|v| self.num(v, dp)).unwrap_or_default()
    }

    pub(crate) fn row(&mut self, cells: impl IntoIterator<Item = String>) {
        // Writing to a Vec cannot fail.
        let _ = self
            .writer
            .write_record(cells.into_iter().collect::<Vec<_>>());
    }

    pub(crate) fn finish(self) -> Vec<u8> {
        self.writer.into_inner().unwrap_or_default()
    }
}

/// Neutralises a text cell that a spreadsheet would run as a formula (SPEC.md): a leading
/// `=`, `+`, `-`, `@`, tab or carriage return gets a `'` in front.
pub fn text(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    }
}

/// `cost`: one row per line item.
pub fn cost(s: &Scenario, k: &Kosten, nl: bool) -> Vec<u8> {
    let mut csv = Csv::new(
        nl,
        &[
            "jaar",
            "groep",
            "post",
            "rol",
            "uren",
            "bedrag",
            "financiering",
        ],
    );
    for j in &k.jaren {
        for r in &j.regels {
            let row = [
                r.jaar.to_string(),
                text(super::groep_naam(s, r.groep).unwrap_or("")),
                r.post.as_str().to_string(),
                text(r.rol.as_deref().unwrap_or("")),
                csv.opt(r.uren, 2),
                csv.num(r.bedrag, 2),
                r.financiering.as_str().to_string(),
            ];
            csv.row(row);
        }
    }
    csv.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_text_is_neutralised_and_plain_text_is_not() {
        assert_eq!(text("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(text("+31"), "'+31");
        assert_eq!(text("-1"), "'-1");
        assert_eq!(text("@SUM"), "'@SUM");
        assert_eq!(text("\tx"), "'\tx");
        assert_eq!(text("Delft Noord"), "Delft Noord");
    }
}
