//! What every sheet shares: the cell formats, cell addresses (with the names of the sheets
//! Kosten and Kostenregels and the line items' columns, which other sheets refer to), the names
//! of posts, and formula cells that carry the CLI's exact result. Pure, no I/O.

use std::borrow::Cow;

use rust_decimal::Decimal;
use rust_xlsxwriter::utility::{column_number_to_name, row_col_to_cell, row_col_to_cell_absolute};
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Formula, Worksheet, XlsxError};

use crate::calc::cost::{Financiering, Post};
use crate::decimal::fixed;
use crate::scenario::Scenario;

/// The column of the first year in the year-wise blocks.
pub(super) const EERSTE_JAAR_KOLOM: u16 = 2;

/// The names of the sheets Kosten and Kostenregels, which other sheets refer to.
pub(super) const KOSTEN: &str = "Kosten";
pub(super) const REGELS: &str = "Kostenregels";

/// The columns of the line items.
pub(super) mod kol {
    pub(in super::super) const JAAR: u16 = 0;
    pub(in super::super) const GROEP: u16 = 1;
    pub(in super::super) const POST: u16 = 2;
    pub(in super::super) const ROL: u16 = 3;
    pub(in super::super) const UREN: u16 = 4;
    pub(in super::super) const AANTAL: u16 = 5;
    pub(in super::super) const BEDRAG: u16 = 6;
    pub(in super::super) const FINANCIERING: u16 = 7;
}

pub(super) struct Opmaak {
    pub(super) titel: Format,
    pub(super) noot: Format,
    /// A long text in one cell, wrapped within it.
    pub(super) tekst_lang: Format,
    /// A short text centred in its cell.
    pub(super) midden: Format,
    pub(super) kop: Format,
    pub(super) kop_rechts: Format,
    pub(super) sectie: Format,
    /// A text a little in from its cell's left edge, so that it never touches a number
    /// right-aligned in the cell before it.
    pub(super) tekst_inspring: Format,
    pub(super) tekst_vast: Format,
    pub(super) euro: Format,
    pub(super) euro_invoer: Format,
    pub(super) euro_totaal: Format,
    pub(super) getal: Format,
    pub(super) getal_invoer: Format,
    pub(super) getal_vast: Format,
    pub(super) uren: Format,
    pub(super) aantal: Format,
    pub(super) factor: Format,
    pub(super) procent: Format,
    pub(super) procent_vet: Format,
    pub(super) euro_vet: Format,
    pub(super) break_even: Format,
    pub(super) label_totaal: Format,
    /// A label at the top of its cell, beside a text that wraps over more lines.
    pub(super) label_boven: Format,
}

impl Opmaak {
    pub(super) fn new() -> Self {
        let euro = "\"€ \"#,##0.00;\"€ \"-#,##0.00";
        let invoer = Color::RGB(0xDD_EB_F7);
        let vast = Color::RGB(0xED_ED_ED);
        let totaal = |f: Format| f.set_bold().set_border_top(FormatBorder::Thin);
        Opmaak {
            titel: Format::new()
                .set_bold()
                .set_font_size(14)
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            noot: Format::new()
                .set_italic()
                .set_font_color(Color::RGB(0x59_59_59))
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            tekst_lang: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            midden: Format::new().set_align(FormatAlign::Center),
            kop: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xE9_EE_F3))
                .set_border_bottom(FormatBorder::Thin)
                .set_text_wrap()
                .set_indent(1),
            kop_rechts: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xE9_EE_F3))
                .set_border_bottom(FormatBorder::Thin)
                .set_align(FormatAlign::Right)
                .set_text_wrap(),
            sectie: Format::new()
                .set_bold()
                .set_font_size(12)
                .set_font_color(Color::RGB(0x1F_4E_79)),
            tekst_inspring: Format::new().set_indent(1),
            tekst_vast: Format::new()
                .set_background_color(vast)
                .set_indent(1)
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            euro: Format::new().set_num_format(euro),
            euro_invoer: Format::new()
                .set_num_format(euro)
                .set_background_color(invoer)
                .set_align(FormatAlign::Top),
            euro_totaal: totaal(Format::new().set_num_format(euro)),
            getal: Format::new().set_num_format("General"),
            getal_invoer: Format::new()
                .set_num_format("General")
                .set_background_color(invoer)
                .set_align(FormatAlign::Top),
            getal_vast: Format::new()
                .set_num_format("General")
                .set_background_color(vast)
                .set_align(FormatAlign::Top),
            uren: Format::new().set_num_format("#,##0.00"),
            aantal: Format::new().set_num_format("#,##0.0"),
            factor: Format::new().set_num_format("0.000000"),
            procent: Format::new().set_num_format("0.0"),
            procent_vet: Format::new().set_num_format("0.0").set_bold(),
            euro_vet: Format::new().set_num_format(euro).set_bold(),
            break_even: Format::new().set_num_format("0.000"),
            label_totaal: totaal(Format::new()),
            label_boven: Format::new().set_align(FormatAlign::Top),
        }
    }
}

/// A role as a person writes it: `medisch specialist`, not the scenario's key.
pub(super) fn rol_tekst(rol: &str) -> String {
    rol.replace('_', " ")
}

/// A post as the workbook names it: its label, or for an own cost post whose name another post
/// already has (a spreadsheet compares texts without case), the name with its number.
pub(super) fn post_tekst(s: &Scenario, post: Post) -> Cow<'_, str> {
    let label = post.label_in(s);
    let Post::Kostenpost(i) = post else {
        return Cow::Borrowed(label);
    };
    let lager = label.to_lowercase();
    let dubbel = Post::ALL
        .iter()
        .filter(|p| !matches!(p, Post::Kostenpost(_)))
        .any(|p| p.label().to_lowercase() == lager)
        || s.kostenposten
            .iter()
            .enumerate()
            .any(|(j, k)| j != usize::from(i) && k.naam.to_lowercase() == lager);
    if dubbel {
        Cow::Owned(format!("{label} (eigen kostenpost {})", usize::from(i) + 1))
    } else {
        Cow::Borrowed(label)
    }
}

/// The name of the scenario's insurer number `i` (empty if there is none).
pub(super) fn verzekeraar_naam(s: &Scenario, i: usize) -> &str {
    s.verzekeraars.get(i).map_or("", |v| v.naam.as_str())
}

/// How a line is financed, as the workbook shows it.
pub(super) fn financiering_tekst(f: Financiering) -> &'static str {
    match f {
        Financiering::Tapas => "TAPA$",
        Financiering::Elders => "elders",
    }
}

/// The widths of the first columns, in characters.
pub(super) fn kolommen(ws: &mut Worksheet, breedtes: &[f64]) -> Result<(), XlsxError> {
    for (c, b) in breedtes.iter().enumerate() {
        ws.set_column_width(u16::try_from(c).unwrap_or(u16::MAX), *b)?;
    }
    Ok(())
}

/// The number of lines `tekst` takes when wrapped at whole words in `breedte` characters (a
/// word longer than the width takes lines of its own).
pub(super) fn regels_nodig(tekst: &str, breedte: f64) -> u32 {
    // Characters of the default font per width unit, a little below 1 to be safe.
    let per_regel = (breedte - 1.0).max(1.0) as usize;
    let mut regels = 0u32;
    for alinea in tekst.split('\n') {
        let mut regel = 0usize;
        regels += 1;
        for woord in alinea.split_whitespace() {
            let n = woord.chars().count();
            if regel > 0 && regel + 1 + n > per_regel {
                regels += 1;
                regel = 0;
            }
            if n > per_regel {
                regels += u32::try_from((n - 1) / per_regel).unwrap_or(0);
                regel = n % per_regel;
            } else {
                regel += if regel > 0 { n + 1 } else { n };
            }
        }
    }
    regels.max(1)
}

/// The height in points of a header row whose headings wrap in columns of `breedtes`, so that
/// every heading shows whole and no word is split.
pub(super) fn kop_hoogte(koppen: &[&str], breedtes: &[f64]) -> f64 {
    let regels = koppen
        .iter()
        .zip(breedtes)
        .map(|(k, b)| regels_nodig(k, b * 0.95))
        .max()
        .unwrap_or(1);
    15.0 * f64::from(regels) + 3.0
}

/// A sheet's title (`blad — scenario`) in row 0 and what the sheet shows in row 1, each over
/// the columns `0..=laatste_kolom` (`breedte` characters together) of the print area, wrapped
/// there rather than cut off at its edge.
pub(super) fn titel_en_noot(
    ws: &mut Worksheet,
    (blad, s): (&str, &Scenario),
    uitleg: &str,
    laatste_kolom: u16,
    breedte: f64,
    o: &Opmaak,
) -> Result<(), XlsxError> {
    titel(
        ws,
        &format!("{blad} — {}", s.naam),
        laatste_kolom,
        breedte,
        o,
    )?;
    noot(ws, 1, uitleg, laatste_kolom, breedte, o)
}

/// A sheet's title in row 0, over the columns `0..=laatste_kolom`, wrapped.
fn titel(
    ws: &mut Worksheet,
    tekst: &str,
    laatste_kolom: u16,
    breedte: f64,
    o: &Opmaak,
) -> Result<(), XlsxError> {
    // A character of the 14 pt bold title is about 1.4 of the columns' 11 pt characters.
    let regels = regels_nodig(tekst, breedte / 1.4);
    if laatste_kolom == 0 {
        ws.write_string_with_format(0, 0, tekst, &o.titel)?;
    } else {
        ws.merge_range(0, 0, 0, laatste_kolom, tekst, &o.titel)?;
    }
    ws.set_row_height(0, 19.0 * f64::from(regels) + 3.0)?;
    Ok(())
}

/// A note over the columns `0..=laatste_kolom` (`breedte` characters together), wrapped, with
/// the row as high as its lines.
pub(super) fn noot(
    ws: &mut Worksheet,
    row: u32,
    tekst: &str,
    laatste_kolom: u16,
    breedte: f64,
    o: &Opmaak,
) -> Result<(), XlsxError> {
    lang(ws, row, tekst, laatste_kolom, breedte, &o.noot)
}

/// A long text over the columns `0..=laatste_kolom`, wrapped, the row as high as its lines.
pub(super) fn lang(
    ws: &mut Worksheet,
    row: u32,
    tekst: &str,
    laatste_kolom: u16,
    breedte: f64,
    fmt: &Format,
) -> Result<(), XlsxError> {
    let hoogte = 15.0 * f64::from(regels_nodig(tekst, breedte)) + 2.0;
    if laatste_kolom == 0 {
        ws.write_string_with_format(row, 0, tekst, fmt)?;
    } else {
        ws.merge_range(row, 0, row, laatste_kolom, tekst, fmt)?;
    }
    ws.set_row_height(row, hoogte)?;
    Ok(())
}

/// How a sheet prints: A4, landscape or portrait, everything up to `laatste_rij` and
/// `laatste_kolom`, one page wide, with the sheet's name and the page number at the foot.
pub(super) fn afdruk(
    ws: &mut Worksheet,
    laatste_rij: u32,
    laatste_kolom: u16,
    liggend: bool,
) -> Result<(), XlsxError> {
    ws.set_paper_size(9);
    if liggend {
        ws.set_landscape();
    } else {
        ws.set_portrait();
    }
    ws.set_print_area(0, 0, laatste_rij, laatste_kolom)?;
    ws.set_print_fit_to_pages(1, 0);
    ws.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
    ws.set_footer("&L&A&RPagina &P van &N");
    Ok(())
}

/// `$C$5`.
pub(super) fn abs(row: u32, col: u16) -> String {
    row_col_to_cell_absolute(row, col)
}

/// `Invoer!$C$5`.
pub(super) fn op(blad: &str, row: u32, col: u16) -> String {
    format!("{blad}!{}", abs(row, col))
}

/// `C$4`: the column moves, the row does not.
pub(super) fn kolom_vast_rij(row: u32, col: u16) -> String {
    format!("{}${}", column_number_to_name(col), row + 1)
}

/// A decimal as the exact text a spreadsheet reads as a number.
pub(super) fn exact(v: Decimal) -> String {
    v.normalize().to_string()
}

/// A decimal as the nearest binary number (correctly rounded from its text).
pub(super) fn as_f64(v: Decimal) -> f64 {
    v.to_string().parse().unwrap_or(0.0)
}

/// An amount as cached result: exactly two decimals.
pub(super) fn bedrag(v: Decimal) -> String {
    fixed(v, 2)
}

pub(super) fn formule(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    f: &str,
    result: String,
    fmt: &Format,
) -> Result<(), XlsxError> {
    ws.write_formula_with_format(row, col, Formula::new(f).set_result(result), fmt)?;
    Ok(())
}

/// A formula cell without a format of its own: it shows its column's format (the columns of the
/// line items have one), which spares a format look-up for each of the many cells of a long table.
pub(super) fn formule_kolom(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    f: &str,
    result: String,
) -> Result<(), XlsxError> {
    ws.write_formula(row, col, Formula::new(f).set_result(result))?;
    Ok(())
}

/// The total column of `row`: the sum of its year cells rounded to cents, with `totaal` as
/// its cached value.
pub(super) fn som_totaal(
    ws: &mut Worksheet,
    s: &Scenario,
    row: u32,
    totaal: Decimal,
    fmt: &Format,
) -> Result<(), XlsxError> {
    formule(
        ws,
        row,
        totaal_kolom(s),
        &format!("ROUND(SUM({}),2)", jaar_bereik(s, row)),
        bedrag(totaal),
        fmt,
    )
}

/// A text formula whose cached result is `text`; written as plain text when a spreadsheet
/// would take the text for a number.
pub(super) fn tekst_formule(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    f: &str,
    text: &str,
    fmt: &Format,
) -> Result<(), XlsxError> {
    if text.trim().parse::<f64>().is_ok() || text.is_empty() {
        ws.write_string_with_format(row, col, text, fmt)?;
        Ok(())
    } else {
        formule(ws, row, col, f, text.to_string(), fmt)
    }
}

/// A ratio that is empty for a zero denominator.
pub(super) fn optioneel(v: Option<Decimal>, dp: u32) -> String {
    v.map_or_else(String::new, |x| fixed(x, dp))
}

/// A header row; the columns in `tekst` hold text (left-aligned), the others numbers.
pub(super) fn kop_rij(
    ws: &mut Worksheet,
    row: u32,
    koppen: &[&str],
    tekst: &[usize],
    o: &Opmaak,
) -> Result<(), XlsxError> {
    for (c, k) in koppen.iter().enumerate() {
        let col = u16::try_from(c).unwrap_or(u16::MAX);
        let fmt = if tekst.contains(&c) {
            &o.kop
        } else {
            &o.kop_rechts
        };
        ws.write_string_with_format(row, col, *k, fmt)?;
    }
    Ok(())
}

/// The year header of a year-wise block: `Jaar`, (blank), the years, `Totaal`.
pub(super) fn jaar_kop(
    ws: &mut Worksheet,
    row: u32,
    s: &Scenario,
    o: &Opmaak,
) -> Result<(), XlsxError> {
    ws.write_string_with_format(row, 0, "Jaar", &o.kop)?;
    ws.write_string_with_format(row, 1, "", &o.kop)?;
    let mut col = EERSTE_JAAR_KOLOM;
    for j in s.jaren() {
        ws.write_number_with_format(row, col, f64::from(j), &o.kop_rechts)?;
        col += 1;
    }
    ws.write_string_with_format(row, col, "Totaal", &o.kop_rechts)?;
    Ok(())
}

/// The year header of a sheet's year-wise blocks, repeated at the top of every printed page.
pub(super) fn jaar_kop_herhaald(
    ws: &mut Worksheet,
    row: u32,
    s: &Scenario,
    o: &Opmaak,
) -> Result<(), XlsxError> {
    jaar_kop(ws, row, s, o)?;
    ws.set_repeat_rows(row, row)?;
    Ok(())
}

/// The name of a year-wise sheet and its columns: `a` and `b` characters for the labels in A
/// and B, then 15 for each year and the total.
pub(super) fn jaar_blad(
    ws: &mut Worksheet,
    naam: &str,
    (a, b): (f64, f64),
) -> Result<(), XlsxError> {
    ws.set_name(naam)?;
    ws.set_column_width(0, a)?;
    ws.set_column_width(1, b)?;
    ws.set_column_range_width(2, 40, 15)?;
    Ok(())
}

pub(super) fn jaar_kolom(yi: usize) -> u16 {
    EERSTE_JAAR_KOLOM.saturating_add(u16::try_from(yi).unwrap_or(u16::MAX))
}

pub(super) fn totaal_kolom(s: &Scenario) -> u16 {
    jaar_kolom(s.looptijd_jaren as usize)
}

/// `C5:E5`: the year cells of a row.
pub(super) fn jaar_bereik(s: &Scenario, row: u32) -> String {
    format!(
        "{}:{}",
        row_col_to_cell(row, EERSTE_JAAR_KOLOM),
        row_col_to_cell(row, jaar_kolom(s.looptijd_jaren.saturating_sub(1) as usize))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mixed_reference_fixes_the_row_only() {
        assert_eq!(kolom_vast_rij(3, 2), "C$4");
    }
}
