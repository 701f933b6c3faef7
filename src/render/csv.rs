//! CSV output (RFC 4180; `--csv-nl`: `;` and decimal comma). Formula-like text cells are
//! neutralised. Pure, no I/O.

use rust_decimal::Decimal;

use crate::calc::businesscase::BusinessCase;
use crate::calc::cost::Kosten;
use crate::calc::explain::Uitleg;
use crate::calc::impact::ImpactResultaat;
use crate::calc::offers::Aanbiedingen;
use crate::decimal::fixed;
use crate::scenario::Scenario;

/// A CSV document being built in memory.
pub(crate) struct Csv {
    writer: ::csv::Writer<Vec<u8>>,
    nl: bool,
}

/// The UTF-8 byte-order mark that starts a `--csv-nl` document, so that Excel on Windows reads
/// it as UTF-8 ("Zutphen – Eefde", not "Zutphen â€“ Eefde").
pub const BOM: &str = "\u{FEFF}";

impl Csv {
    /// A document: with `nl`, the byte-order mark, then the header row.
    pub(crate) fn new(nl: bool, header: &[&str]) -> Self {
        let start = if nl {
            BOM.as_bytes().to_vec()
        } else {
            Vec::new()
        };
        let mut csv = Csv::op(nl, start, 8 * 1024);
        csv.row(header.iter().map(|h| (*h).to_string()));
        csv
    }

    /// A writer without a header row and without a byte-order mark (for rows streamed after a
    /// header).
    pub(crate) fn headless(nl: bool) -> Self {
        // A few rows at a time (`batch` writes one per file): a small buffer, not the
        // writer's default of 8 KB, zeroed for every file.
        Csv::op(nl, Vec::new(), 512)
    }

    fn op(nl: bool, start: Vec<u8>, buffer: usize) -> Self {
        let writer = ::csv::WriterBuilder::new()
            .delimiter(if nl { b';' } else { b',' })
            .terminator(::csv::Terminator::CRLF)
            .buffer_capacity(buffer)
            .from_writer(start);
        Csv { writer, nl }
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

/// Neutralises a text cell that a spreadsheet would run as a formula (docs/rekenregels.md): a leading
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
                r.post.naam(s).to_string(),
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

/// `impact`: one row per year × indicator.
pub fn impact(r: &ImpactResultaat, nl: bool) -> Vec<u8> {
    let mut csv = Csv::new(
        nl,
        &[
            "jaar",
            "indicator",
            "basis",
            "vermeden",
            "met_patz",
            "vermeden_kosten",
        ],
    );
    for j in &r.jaren {
        for i in &j.indicatoren {
            let row = [
                j.jaar.to_string(),
                i.indicator.as_str().to_string(),
                csv.num(i.basis, 1),
                csv.num(i.vermeden, 1),
                csv.num(i.met_patz, 1),
                csv.num(i.vermeden_kosten, 2),
            ];
            csv.row(row);
        }
    }
    csv.finish()
}

/// `offers`: one row per year × offer.
pub fn offers(s: &Scenario, a: &Aanbiedingen, nl: bool) -> Vec<u8> {
    let mut csv = Csv::new(
        nl,
        &[
            "jaar",
            "aanbod",
            "verzekeraar",
            "kostenaandeel",
            "opbrengst",
            "saldo",
            "dekking_percentage",
        ],
    );
    for r in &a.regels {
        let Some(aanbod) = s.aanbiedingen.get(r.aanbod) else {
            continue;
        };
        let row = [
            r.jaar.to_string(),
            text(&aanbod.label),
            text(&aanbod.verzekeraar),
            csv.num(r.kostenaandeel, 2),
            csv.num(r.opbrengst, 2),
            csv.num(r.saldo, 2),
            csv.opt(r.dekking_percentage, 1),
        ];
        csv.row(row);
    }
    csv.finish()
}

/// `business-case`: one row per year, then `totaal`. The column `bijdragen` comes last and
/// only for a scenario with `[[bijdrage]]`s, so that the other columns keep their place and a
/// scenario without them gives the same bytes as before.
pub fn business_case(sc: &Scenario, b: &BusinessCase, nl: bool) -> Vec<u8> {
    let met_bijdragen = !sc.bijdragen.is_empty();
    let mut kolommen = vec!["jaar"];
    kolommen.extend(crate::calc::explain::JAARCIJFERS);
    if met_bijdragen {
        kolommen.push(crate::calc::explain::BIJDRAGEN);
    }
    let mut csv = Csv::new(nl, &kolommen);
    let rows = b
        .jaren
        .iter()
        .map(|(j, s)| (j.to_string(), s))
        .chain(std::iter::once(("totaal".to_string(), &b.totaal)));
    for (jaar, s) in rows {
        let row = [
            jaar,
            csv.num(s.kosten.kosten_totaal, 2),
            csv.num(s.kosten.elders_gefinancierd, 2),
            csv.num(s.kosten.te_financieren, 2),
            csv.num(s.kosten.kostendekkend_tarief, 2),
            csv.num(s.vermeden_kosten, 2),
            csv.num(s.netto, 2),
            csv.opt(s.roi_percentage, 1),
            csv.num(s.kosten.bijdragen, 2),
        ];
        csv.row(row.into_iter().take(kolommen.len()));
    }
    csv.finish()
}

/// `explain`: one row per explained figure.
pub fn explain(lines: &[Uitleg], nl: bool) -> Vec<u8> {
    let mut csv = Csv::new(
        nl,
        &[
            "jaar", "groep", "post", "rol", "formule", "exact", "uitkomst",
        ],
    );
    for l in lines {
        let row = [
            l.jaar
                .map_or_else(|| "totaal".to_string(), |j| j.to_string()),
            text(l.groep.as_deref().unwrap_or("")),
            l.post.clone(),
            text(l.rol.as_deref().unwrap_or("")),
            text(&l.formule),
            l.exact
                .map(|x| {
                    let s = x.normalize().to_string();
                    if nl { s.replace('.', ",") } else { s }
                })
                .unwrap_or_default(),
            csv.num(l.uitkomst, l.eenheid.decimals()),
        ];
        csv.row(row);
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
