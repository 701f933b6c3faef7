//! The workbook's native charts: the costs per year and post (sheet Kosten), what each
//! insurer's best offer covers of its share (sheet Financiering) and what each insurer's chosen
//! offer pays against its avoided costs (sheet Per verzekeraar). They refer to the cells of
//! their sheet, so they follow every change a user makes in Invoer. Pure, no I/O.

use rust_xlsxwriter::{Chart, ChartLegendPosition, ChartType, Worksheet, XlsxError};

use crate::calc::cost::Post;
use crate::calc::overzicht::Subtotaal;
use crate::scenario::Scenario;

use super::opmaak::{EERSTE_JAAR_KOLOM, KOSTEN, jaar_kolom};

/// Width and height of a chart in pixels, and the rows it covers (rows of 20 pixels).
const BREEDTE: u32 = 760;
const HOOGTE: u32 = 360;
pub(super) const RIJEN: u32 = HOOGTE / 20 + 1;

/// The euro format of the value axes.
const EURO: &str = "\"€ \"#,##0";

/// A stacked column per year, one colour per post, under the costs per post. Returns the last
/// row the chart covers.
pub(super) fn kosten_per_post(
    ws: &mut Worksheet,
    s: &Scenario,
    posten: &[(Post, Subtotaal)],
    kop_jaar: u32,
    eerste_post: u32,
    rij: u32,
) -> Result<u32, XlsxError> {
    if posten.is_empty() || s.looptijd_jaren == 0 {
        return Ok(rij);
    }
    let laatste_jaar = jaar_kolom(s.looptijd_jaren.saturating_sub(1) as usize);
    let mut chart = Chart::new(ChartType::ColumnStacked);
    for pi in 0..posten.len() {
        let row = eerste_post + u32::try_from(pi).unwrap_or(0);
        chart
            .add_series()
            .set_name((KOSTEN, row, 0))
            .set_categories((KOSTEN, kop_jaar, EERSTE_JAAR_KOLOM, kop_jaar, laatste_jaar))
            .set_values((KOSTEN, row, EERSTE_JAAR_KOLOM, row, laatste_jaar))
            .set_gap(60);
    }
    chart.title().set_name("Kosten per jaar en post");
    chart.x_axis().set_name("Jaar");
    chart.y_axis().set_num_format(EURO);
    chart.legend().set_position(ChartLegendPosition::Right);
    chart.set_width(BREEDTE).set_height(HOOGTE);
    ws.insert_chart(rij, 0, &chart)?;
    Ok(rij + RIJEN)
}

/// A clustered column chart of `blad` at row `rij`, titled `titel`: one column per insurer
/// (the names in column A of rows `eerste..eerste + n`) for each of `kolommen`, named by its
/// heading in row `kop`. Financiering: each insurer's kostenaandeel against its best offer's
/// opbrengst; Per verzekeraar: the chosen offer's betaling against the avoided costs. Returns
/// the last row the chart covers.
pub(super) fn per_verzekeraar(
    ws: &mut Worksheet,
    blad: &str,
    titel: &str,
    (eerste, n, kop): (u32, u32, u32),
    kolommen: &[u16],
    rij: u32,
) -> Result<u32, XlsxError> {
    if n == 0 {
        return Ok(rij);
    }
    let laatste = eerste + n - 1;
    let mut chart = Chart::new(ChartType::Column);
    for col in kolommen {
        chart
            .add_series()
            .set_name((blad, kop, *col))
            .set_categories((blad, eerste, 0, laatste, 0))
            .set_values((blad, eerste, *col, laatste, *col))
            .set_gap(80);
    }
    chart.title().set_name(titel);
    chart.y_axis().set_num_format(EURO);
    chart.legend().set_position(ChartLegendPosition::Bottom);
    chart.set_width(BREEDTE).set_height(HOOGTE);
    ws.insert_chart(rij, 0, &chart)?;
    Ok(rij + RIJEN)
}
