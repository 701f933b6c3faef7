//! The businesscase as an Excel workbook with live formulas (rust_xlsxwriter). Pure: returns bytes.
//!
//! Six sheets: `Invoer` (every input of the scenario), `Kosten` (the indexation factors, the
//! costs per post and their chart), `Financiering` (totals, tariff, insurers and offers, the
//! coverage chart), `Zorgreductie` (the six indicators), `Samenvatting` (the businesscase) and,
//! as an appendix, `Kostenregels` (every line item). Every calculated cell is a formula that
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

mod financiering;
mod grafiek;
mod invoer;
mod kosten;
mod opmaak;
mod samenvatting;
mod zorgreductie;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, Worksheet, XlsxError};

use crate::calc::Resultaat;
use crate::scenario::Scenario;

use self::opmaak::Opmaak;

use financiering::financiering;
use invoer::invoer;
use kosten::kosten;
use samenvatting::samenvatting;
use zorgreductie::zorgreductie;

/// Renders the workbook.
pub fn workbook(s: &Scenario, r: &Resultaat) -> Result<Vec<u8>, XlsxError> {
    let opmaak = Opmaak::new();
    let mut invoer_ws = Worksheet::new();
    let invoer = invoer(&mut invoer_ws, s, &opmaak)?;
    let mut kosten_ws = Worksheet::new();
    let mut regels_ws = Worksheet::new();
    let kosten = kosten(&mut kosten_ws, &mut regels_ws, s, r, &invoer, &opmaak)?;
    let mut fin_ws = Worksheet::new();
    let fin = financiering(&mut fin_ws, s, r, &invoer, &kosten, &opmaak)?;
    let mut zorg_ws = Worksheet::new();
    let zorg = zorgreductie(&mut zorg_ws, s, r, &invoer, &kosten, &opmaak)?;
    let mut sam_ws = Worksheet::new();
    samenvatting(&mut sam_ws, s, r, &invoer, &fin, zorg.as_ref(), &opmaak)?;

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
    wb.push_worksheet(regels_ws);
    wb.save_to_buffer()
}
