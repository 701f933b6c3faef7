//! The businesscase as an Excel workbook with live formulas (rust_xlsxwriter). Pure: returns bytes.
//!
//! Seven sheets: `Invoer` (every input of the scenario), `Kosten` (the indexation factors, the
//! costs per post and their chart), `Financiering` (totals, tariff, insurers and offers, the
//! coverage chart), `Zorgreductie` (the six indicators), `Samenvatting` (the businesscase),
//! `Per verzekeraar` (each insurer's businesscase and the region's view) and, as an appendix,
//! `Kostenregels` (every line item). Every calculated cell is a formula that
//! refers, directly or through other sheets, to `Invoer`, rounded as docs/rekenregels.md
//! rounds (`ROUND(…, 2)` per line, `ROUNDUP(…, 2)` for a tariff), and carries the
//! CLI's exact result as its cached value, so that a viewer that does not recalculate shows the
//! same numbers as `patz-calc`. Change an uurtarief in `Invoer` and every total follows.
//!
//! What is fixed is the structure: which groups run in which year, which lines exist, which
//! role chairs a group. Such changes need a new export from the scenario.
//!
//! In every sheet but `Invoer` and `Kostenregels`, the years stand in the same columns (the
//! first year in column C), so that a reference to another sheet keeps its column.
//!
//! Every sheet prints on A4, one page wide, within its print area, with its header row repeated
//! on long sheets and its name and page number at the foot; texts wrap within their cells.
//!
//! The line items are most of the workbook (some twenty rows per group and year). [`workbook`]
//! keeps them in memory like the other sheets; [`workbook_met`] lets the caller make their sheet,
//! e.g. one of rust_xlsxwriter's "low memory" sheets, which writes each finished row to a
//! temporary file: the application layer does that for `export`, so that memory stays flat in
//! the number of groups while this module itself does no I/O.

mod financiering;
mod grafiek;
mod invoer;
mod kosten;
mod opmaak;
mod regels;
mod samenvatting;
mod verzekeraars;
mod zorgreductie;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, Worksheet, XlsxError};

use crate::calc::Resultaat;
use crate::scenario::Scenario;

use self::opmaak::Opmaak;

use financiering::financiering;
use invoer::invoer;
use kosten::kosten;
use regels::kostenregels;
use samenvatting::samenvatting;
use verzekeraars::verzekeraars;
use zorgreductie::zorgreductie;

/// What every sheet after Invoer is written from: the scenario and its results, the cells of
/// Invoer and the formats.
#[derive(Clone, Copy)]
struct Werkmap<'a> {
    s: &'a Scenario,
    r: &'a Resultaat,
    inv: &'a invoer::InvoerCellen,
    o: &'a Opmaak,
}

/// A new sheet whose formulas without a cached value (a ratio with a zero denominator) keep an
/// empty one, not rust_xlsxwriter's default 0.
fn blad() -> Worksheet {
    let mut ws = Worksheet::new();
    ws.set_formula_result_default("");
    ws
}

/// Renders the workbook, every sheet in memory.
pub fn workbook(s: &Scenario, r: &Resultaat) -> Result<Vec<u8>, XlsxError> {
    workbook_met(s, r, |wb| Ok(wb.add_worksheet()))
}

/// Renders the workbook; `regels_blad` adds the (last) sheet that takes the line items to the
/// workbook, e.g. [`Workbook::add_worksheet_with_low_memory`]. The rows of that sheet are
/// written in order, each once.
pub fn workbook_met<F>(s: &Scenario, r: &Resultaat, regels_blad: F) -> Result<Vec<u8>, XlsxError>
where
    F: for<'w> FnOnce(&'w mut Workbook) -> Result<&'w mut Worksheet, XlsxError>,
{
    let opmaak = Opmaak::new();
    let mut invoer_ws = blad();
    let invoer = invoer(&mut invoer_ws, s, &opmaak)?;
    let w = Werkmap {
        s,
        r,
        inv: &invoer,
        o: &opmaak,
    };
    let mut kosten_ws = blad();
    let kosten = kosten(&mut kosten_ws, &w)?;
    let mut fin_ws = blad();
    let fin = financiering(&mut fin_ws, &w, &kosten)?;
    let mut zorg_ws = blad();
    let zorg = zorgreductie(&mut zorg_ws, &w, &kosten)?;
    let mut sam_ws = blad();
    samenvatting(&mut sam_ws, &w, &fin, zorg.as_ref())?;
    let mut verz_ws = blad();
    verzekeraars(&mut verz_ws, &w, &fin, zorg.as_ref())?;

    let mut wb = Workbook::new();
    // A fixed creation date (the DOS epoch, as the zip entries have), so that the same scenario
    // always gives the same file.
    let datum = ExcelDateTime::from_ymd(1980, 1, 1)?;
    // Level 1: the worksheets are long, regular XML; a higher level costs much time for little.
    wb.set_zip_compression_level(1);
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!("Businesscase — {}", s.naam))
            .set_subject("Businesscase PaTz via TAPA$-prestatie 1")
            .set_author("patz-calc")
            .set_comment(format!(
                "Gemaakt met patz-calc {}; elke berekende cel is een formule",
                env!("CARGO_PKG_VERSION")
            ))
            .set_creation_datetime(&datum),
    );
    wb.push_worksheet(invoer_ws);
    wb.push_worksheet(kosten_ws);
    wb.push_worksheet(fin_ws);
    wb.push_worksheet(zorg_ws);
    wb.push_worksheet(sam_ws);
    wb.push_worksheet(verz_ws);
    kostenregels(regels_blad(&mut wb)?, &w, &kosten)?;
    wb.save_to_buffer()
}
