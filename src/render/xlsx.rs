//! The businesscase as an Excel workbook with live formulas (rust_xlsxwriter). Pure: returns bytes.
//!
//! Five sheets: `Invoer` (every input of the scenario), `Kosten` (the indexation factors, the
//! costs per post and every line item), `Financiering` (totals, tariff, insurers and offers),
//! `Zorgreductie` (the six indicators) and `Samenvatting` (the businesscase). Every calculated
//! cell is a formula that refers, directly or through other sheets, to `Invoer`, rounded as
//! SPEC.md rounds (`ROUND(…, 2)` per line, `ROUNDUP(…, 2)` for a tariff), and carries the
//! CLI's exact result as its cached value, so that a viewer that does not recalculate shows the
//! same numbers as `patz-calc`. Change an uurtarief in `Invoer` and every total follows.
//!
//! What is fixed is the structure: which groups run in which year, which lines exist, which
//! role chairs a group. Such changes need a new export from the scenario.
//!
//! In every sheet but `Invoer` and the line items, the years stand in the same columns (the
//! first year in column C), so that a reference to another sheet keeps its column.

use rust_decimal::Decimal;
use rust_xlsxwriter::utility::{column_number_to_name, row_col_to_cell, row_col_to_cell_absolute};
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Formula, Workbook,
    Worksheet, XlsxError,
};

use crate::calc::Resultaat;
use crate::calc::cost::{KostenJaar, Post, Regel};
use crate::calc::overzicht::{overhead_grondslag, per_post};
use crate::decimal::{fixed, round_money};
use crate::scenario::{IndicatorId, Scenario};

/// The column of the first year in the year-wise blocks.
const EERSTE_JAAR_KOLOM: u16 = 2;

/// Renders the workbook.
pub fn workbook(s: &Scenario, r: &Resultaat) -> Result<Vec<u8>, XlsxError> {
    let opmaak = Opmaak::new();
    let mut invoer_ws = Worksheet::new();
    let invoer = invoer(&mut invoer_ws, s, &opmaak)?;
    let mut kosten_ws = Worksheet::new();
    let kosten = kosten(&mut kosten_ws, s, r, &invoer, &opmaak)?;
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
    for ws in [
        &mut invoer_ws,
        &mut kosten_ws,
        &mut fin_ws,
        &mut zorg_ws,
        &mut sam_ws,
    ] {
        // A4 landscape, one page wide.
        ws.set_paper_size(9)
            .set_landscape()
            .set_print_fit_to_pages(1, 0);
    }
    wb.push_worksheet(invoer_ws);
    wb.push_worksheet(kosten_ws);
    wb.push_worksheet(fin_ws);
    wb.push_worksheet(zorg_ws);
    wb.push_worksheet(sam_ws);
    wb.save_to_buffer()
}

// ---------------------------------------------------------------------------------------------
// Formats, addresses and cells
// ---------------------------------------------------------------------------------------------

struct Opmaak {
    titel: Format,
    noot: Format,
    kop: Format,
    kop_rechts: Format,
    sectie: Format,
    tekst: Format,
    tekst_invoer: Format,
    tekst_vast: Format,
    euro: Format,
    euro_invoer: Format,
    euro_totaal: Format,
    getal: Format,
    getal_invoer: Format,
    getal_vast: Format,
    uren: Format,
    aantal: Format,
    factor: Format,
    procent: Format,
    procent_vet: Format,
    euro_vet: Format,
    break_even: Format,
    label_totaal: Format,
}

impl Opmaak {
    fn new() -> Self {
        let euro = "\"€ \"#,##0.00;\"€ \"-#,##0.00";
        let invoer = Color::RGB(0xDD_EB_F7);
        let vast = Color::RGB(0xED_ED_ED);
        let totaal = |f: Format| f.set_bold().set_border_top(FormatBorder::Thin);
        Opmaak {
            titel: Format::new().set_bold().set_font_size(14),
            noot: Format::new()
                .set_italic()
                .set_font_color(Color::RGB(0x59_59_59)),
            kop: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xE9_EE_F3))
                .set_border_bottom(FormatBorder::Thin)
                .set_text_wrap(),
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
            tekst: Format::new(),
            tekst_invoer: Format::new().set_background_color(invoer),
            tekst_vast: Format::new().set_background_color(vast),
            euro: Format::new().set_num_format(euro),
            euro_invoer: Format::new()
                .set_num_format(euro)
                .set_background_color(invoer),
            euro_totaal: totaal(Format::new().set_num_format(euro)),
            getal: Format::new().set_num_format("General"),
            getal_invoer: Format::new()
                .set_num_format("General")
                .set_background_color(invoer),
            getal_vast: Format::new()
                .set_num_format("General")
                .set_background_color(vast),
            uren: Format::new().set_num_format("#,##0.00"),
            aantal: Format::new().set_num_format("#,##0.0"),
            factor: Format::new().set_num_format("0.000000"),
            procent: Format::new().set_num_format("0.0"),
            procent_vet: Format::new().set_num_format("0.0").set_bold(),
            euro_vet: Format::new().set_num_format(euro).set_bold(),
            break_even: Format::new().set_num_format("0.000"),
            label_totaal: totaal(Format::new()),
        }
    }
}

/// `$C$5`.
fn abs(row: u32, col: u16) -> String {
    row_col_to_cell_absolute(row, col)
}

/// `Invoer!$C$5`.
fn op(blad: &str, row: u32, col: u16) -> String {
    format!("{blad}!{}", abs(row, col))
}

/// `C$4`: the column moves, the row does not.
fn kolom_vast_rij(row: u32, col: u16) -> String {
    format!("{}${}", column_number_to_name(col), row + 1)
}

/// A decimal as the exact text a spreadsheet reads as a number.
fn exact(v: Decimal) -> String {
    v.normalize().to_string()
}

/// A decimal as the nearest binary number (correctly rounded from its text).
fn as_f64(v: Decimal) -> f64 {
    v.to_string().parse().unwrap_or(0.0)
}

/// An amount as cached result: exactly two decimals.
fn bedrag(v: Decimal) -> String {
    fixed(v, 2)
}

fn formule(
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

/// A text formula whose cached result is `text`; written as plain text when a spreadsheet
/// would take the text for a number.
fn tekst_formule(
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
fn optioneel(v: Option<Decimal>, dp: u32) -> String {
    v.map_or_else(String::new, |x| fixed(x, dp))
}

/// A header row; the columns in `tekst` hold text (left-aligned), the others numbers.
fn kop_rij(
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
fn jaar_kop(ws: &mut Worksheet, row: u32, s: &Scenario, o: &Opmaak) -> Result<(), XlsxError> {
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

fn jaar_kolom(yi: usize) -> u16 {
    EERSTE_JAAR_KOLOM.saturating_add(u16::try_from(yi).unwrap_or(u16::MAX))
}

fn totaal_kolom(s: &Scenario) -> u16 {
    jaar_kolom(s.looptijd_jaren as usize)
}

/// `C5:E5`: the year cells of a row.
fn jaar_bereik(s: &Scenario, row: u32) -> String {
    format!(
        "{}:{}",
        row_col_to_cell(row, EERSTE_JAAR_KOLOM),
        row_col_to_cell(row, jaar_kolom(s.looptijd_jaren.saturating_sub(1) as usize))
    )
}

// ---------------------------------------------------------------------------------------------
// Invoer
// ---------------------------------------------------------------------------------------------

const INVOER: &str = "Invoer";

/// Where each input stands in `Invoer`, as absolute references.
struct InvoerCellen {
    startjaar: String,
    looptijd: String,
    verzekerden: String,
    indexatie: String,
    /// Per role of `[uurtarieven]`: rate and the "elders gefinancierd" cell.
    tarief: Vec<String>,
    elders: Vec<String>,
    ict: String,
    huisvesting: String,
    projectleiding_uren: String,
    projectleiding_uurtarief: String,
    monitoring: String,
    startkosten: String,
    scholing: String,
    overhead: String,
    groepen: Vec<GroepCellen>,
    /// The start years and patients of all groups, for `SUMIFS`.
    start_bereik: String,
    patienten_bereik: String,
    verzekeraar_aandeel: Vec<String>,
    aanbod_label: Vec<String>,
    aanbod_tarief: Vec<String>,
    aanbod_plafond: Vec<String>,
    kanker: String,
    disconto: String,
    /// Per indicator in `IndicatorId::ALL` order: basis, reductie, kosten per geval.
    indicator: Vec<(IndicatorId, String, String, String)>,
}

struct GroepCellen {
    deelnemers: Vec<String>,
    deelnemers_bereik: String,
    bijeenkomsten: String,
    duur: String,
    voorbereiding: String,
    reistijd: String,
    voorzitter_uren: String,
    coordinatie: String,
    telefonisch: String,
    patienten: String,
}

fn invoer(ws: &mut Worksheet, s: &Scenario, o: &Opmaak) -> Result<InvoerCellen, XlsxError> {
    ws.set_name(INVOER)?;
    ws.set_column_width(0, 38)?;
    ws.set_column_range_width(1, 40, 14)?;
    ws.write_string_with_format(0, 0, format!("Invoer — {}", s.naam), &o.titel)?;
    ws.write_string_with_format(
        1,
        0,
        "Blauwe cellen zijn invoer: wijzig ze en alle formules in de andere bladen rekenen mee. \
         Grijze cellen bepalen welke regels er zijn (groepen, jaren, rollen); wijzig die in het \
         scenario en exporteer opnieuw.",
        &o.noot,
    )?;
    let mut row: u32 = 3;

    // Scenario.
    ws.write_string_with_format(row, 0, "Scenario", &o.sectie)?;
    row += 1;
    ws.write_string(row, 0, "Naam")?;
    ws.write_string_with_format(row, 1, &s.naam, &o.tekst)?;
    row += 1;
    ws.write_string(row, 0, "Regio")?;
    ws.write_string_with_format(row, 1, s.regio.as_deref().unwrap_or(""), &o.tekst)?;
    row += 1;
    ws.write_string(row, 0, "Startjaar")?;
    ws.write_number_with_format(row, 1, f64::from(s.startjaar), &o.getal_vast)?;
    let startjaar = op(INVOER, row, 1);
    row += 1;
    ws.write_string(row, 0, "Looptijd (jaren)")?;
    ws.write_number_with_format(row, 1, f64::from(s.looptijd_jaren), &o.getal_vast)?;
    let looptijd = op(INVOER, row, 1);
    row += 1;
    ws.write_string(row, 0, "Verzekerden")?;
    ws.write_number_with_format(row, 1, as_f64(s.verzekerden), &o.getal_invoer)?;
    let verzekerden = op(INVOER, row, 1);
    row += 1;
    ws.write_string(row, 0, "Indexatie (% per jaar)")?;
    ws.write_number_with_format(row, 1, as_f64(s.indexatie_percentage), &o.getal_invoer)?;
    let indexatie = op(INVOER, row, 1);
    row += 2;

    // Uurtarieven.
    ws.write_string_with_format(row, 0, "Uurtarieven", &o.sectie)?;
    row += 1;
    kop_rij(
        ws,
        row,
        &["Rol", "€ per uur", "Elders gefinancierd (ja/nee)"],
        &[0, 2],
        o,
    )?;
    ws.set_row_height(row, 30)?;
    row += 1;
    let mut tarief = Vec::new();
    let mut elders = Vec::new();
    for u in &s.uurtarieven {
        ws.write_string_with_format(row, 0, &*u.rol, &o.tekst_vast)?;
        ws.write_number_with_format(row, 1, as_f64(u.bedrag), &o.euro_invoer)?;
        let ja = if s.is_elders_gefinancierd(&u.rol) {
            "ja"
        } else {
            "nee"
        };
        ws.write_string_with_format(row, 2, ja, &o.tekst_invoer)?;
        tarief.push(op(INVOER, row, 1));
        elders.push(op(INVOER, row, 2));
        row += 1;
    }
    row += 1;

    // Ondersteuning.
    ws.write_string_with_format(row, 0, "Ondersteuning", &o.sectie)?;
    row += 1;
    let od = &s.ondersteuning;
    let veld = |ws: &mut Worksheet,
                row: &mut u32,
                label: &str,
                v: Decimal,
                fmt: &Format|
     -> Result<String, XlsxError> {
        ws.write_string(*row, 0, label)?;
        ws.write_number_with_format(*row, 1, as_f64(v), fmt)?;
        let cel = op(INVOER, *row, 1);
        *row += 1;
        Ok(cel)
    };
    let ict = veld(
        ws,
        &mut row,
        "ICT per actieve groep per jaar",
        od.ict_per_groep,
        &o.euro_invoer,
    )?;
    let huisvesting = veld(
        ws,
        &mut row,
        "Huisvesting per bijeenkomst",
        od.huisvesting_per_bijeenkomst,
        &o.euro_invoer,
    )?;
    let projectleiding_uren = veld(
        ws,
        &mut row,
        "Projectleiding (uren per jaar)",
        od.projectleiding_uren,
        &o.getal_invoer,
    )?;
    let projectleiding_uurtarief = veld(
        ws,
        &mut row,
        "Projectleiding (€ per uur)",
        od.projectleiding_uurtarief,
        &o.euro_invoer,
    )?;
    let monitoring = veld(
        ws,
        &mut row,
        "Monitoring en evaluatie per jaar",
        od.monitoring_per_jaar,
        &o.euro_invoer,
    )?;
    let startkosten = veld(
        ws,
        &mut row,
        "Startkosten per nieuwe groep (eenmalig)",
        od.startkosten_per_nieuwe_groep,
        &o.euro_invoer,
    )?;
    let scholing = veld(
        ws,
        &mut row,
        "Scholing per nieuwe deelnemer (eenmalig)",
        od.scholing_per_nieuwe_deelnemer,
        &o.euro_invoer,
    )?;
    let overhead = veld(
        ws,
        &mut row,
        "Overhead penvoerder (% van de TAPA$-regels)",
        od.overhead_percentage,
        &o.getal_invoer,
    )?;
    row += 1;

    // Groups and their werkwijze.
    ws.write_string_with_format(row, 0, "Groepen en werkwijze", &o.sectie)?;
    row += 1;
    let mut koppen: Vec<String> = vec!["Groep".into(), "Start".into(), "Nieuw".into()];
    koppen.extend(
        s.uurtarieven
            .iter()
            .map(|u| format!("Deelnemers {}", u.rol)),
    );
    koppen.extend(
        [
            "Bijeenkomsten per jaar",
            "Duur (uur)",
            "Voorbereiding (uur)",
            "Reistijd (uur)",
            "Voorzitter (rol)",
            "Voorzitter (uur per bijeenkomst)",
            "Coördinatie (rol)",
            "Coördinatie (uur per patiënt)",
            "Telefonische ondersteuning (uur per jaar)",
            "Patiënten per jaar",
        ]
        .map(String::from),
    );
    let koppen_ref: Vec<&str> = koppen.iter().map(String::as_str).collect();
    let n = s.uurtarieven.len();
    kop_rij(ws, row, &koppen_ref, &[0, 2, 3 + n + 4, 3 + n + 6], o)?;
    ws.set_row_height(row, 45)?;
    row += 1;
    let eerste_groep = row;
    let n_rollen = u16::try_from(s.uurtarieven.len()).unwrap_or(u16::MAX);
    let werk = 3 + n_rollen;
    let mut groepen = Vec::new();
    for g in &s.groepen {
        let w = &g.werkwijze;
        ws.write_string_with_format(row, 0, &g.naam, &o.tekst_vast)?;
        ws.write_number_with_format(row, 1, f64::from(g.start), &o.getal_vast)?;
        ws.write_string_with_format(row, 2, if g.nieuw { "ja" } else { "nee" }, &o.tekst_vast)?;
        let mut deelnemers = Vec::new();
        for (ri, u) in s.uurtarieven.iter().enumerate() {
            let col = 3 + u16::try_from(ri).unwrap_or(u16::MAX);
            ws.write_number_with_format(row, col, f64::from(g.aantal(&u.rol)), &o.getal_invoer)?;
            deelnemers.push(op(INVOER, row, col));
        }
        let deelnemers_bereik = if n_rollen == 0 {
            "0".to_string()
        } else {
            format!("{INVOER}!{}:{}", abs(row, 3), abs(row, 3 + n_rollen - 1))
        };
        let num = |ws: &mut Worksheet, col: u16, v: Decimal| -> Result<String, XlsxError> {
            ws.write_number_with_format(row, werk + col, as_f64(v), &o.getal_invoer)?;
            Ok(op(INVOER, row, werk + col))
        };
        let bijeenkomsten = num(ws, 0, Decimal::from(w.bijeenkomsten_per_jaar))?;
        let duur = num(ws, 1, w.duur_uren)?;
        let voorbereiding = num(ws, 2, w.voorbereiding_uren)?;
        let reistijd = num(ws, 3, w.reistijd_uren)?;
        ws.write_string_with_format(row, werk + 4, &*w.voorzitter_rol, &o.tekst_vast)?;
        let voorzitter_uren = num(ws, 5, w.voorzitter_uren)?;
        ws.write_string_with_format(row, werk + 6, &*w.coordinatie_rol, &o.tekst_vast)?;
        let coordinatie = num(ws, 7, w.coordinatie_uren_per_patient)?;
        let telefonisch = num(ws, 8, w.telefonische_ondersteuning_uren)?;
        let patienten = num(ws, 9, w.patienten_per_jaar)?;
        groepen.push(GroepCellen {
            deelnemers,
            deelnemers_bereik,
            bijeenkomsten,
            duur,
            voorbereiding,
            reistijd,
            voorzitter_uren,
            coordinatie,
            telefonisch,
            patienten,
        });
        row += 1;
    }
    let laatste_groep = row.saturating_sub(1).max(eerste_groep);
    let start_bereik = format!(
        "{INVOER}!{}:{}",
        abs(eerste_groep, 1),
        abs(laatste_groep, 1)
    );
    let patienten_bereik = format!(
        "{INVOER}!{}:{}",
        abs(eerste_groep, werk + 9),
        abs(laatste_groep, werk + 9)
    );
    row += 1;

    // Insurers and offers.
    let mut verzekeraar_aandeel = Vec::new();
    let mut aanbod_label = Vec::new();
    let mut aanbod_tarief = Vec::new();
    let mut aanbod_plafond = Vec::new();
    if !s.verzekeraars.is_empty() {
        ws.write_string_with_format(row, 0, "Verzekeraars", &o.sectie)?;
        row += 1;
        kop_rij(ws, row, &["Verzekeraar", "Marktaandeel (%)"], &[0], o)?;
        ws.set_row_height(row, 30)?;
        row += 1;
        for v in &s.verzekeraars {
            ws.write_string_with_format(row, 0, &v.naam, &o.tekst_vast)?;
            ws.write_number_with_format(
                row,
                1,
                as_f64(v.marktaandeel_percentage),
                &o.getal_invoer,
            )?;
            verzekeraar_aandeel.push(op(INVOER, row, 1));
            row += 1;
        }
        row += 1;
    }
    if !s.aanbiedingen.is_empty() {
        ws.write_string_with_format(row, 0, "Aanbiedingen", &o.sectie)?;
        row += 1;
        kop_rij(
            ws,
            row,
            &[
                "Aanbod",
                "Verzekeraar",
                "Tarief per verzekerde per jaar",
                "Plafond per jaar (leeg: geen)",
                "Jaren",
            ],
            &[0, 1, 4],
            o,
        )?;
        ws.set_row_height(row, 30)?;
        row += 1;
        for a in &s.aanbiedingen {
            ws.write_string_with_format(row, 0, &a.label, &o.tekst_vast)?;
            ws.write_string_with_format(row, 1, &a.verzekeraar, &o.tekst_vast)?;
            ws.write_number_with_format(row, 2, as_f64(a.tarief_per_verzekerde), &o.euro_invoer)?;
            match a.plafond {
                Some(p) => ws.write_number_with_format(row, 3, as_f64(p), &o.euro_invoer)?,
                None => ws.write_blank(row, 3, &o.euro_invoer)?,
            };
            let jaren: Vec<String> = a.jaren.iter().map(|j| j.to_string()).collect();
            ws.write_string_with_format(row, 4, jaren.join(", "), &o.tekst_vast)?;
            aanbod_label.push(op(INVOER, row, 0));
            aanbod_tarief.push(op(INVOER, row, 2));
            aanbod_plafond.push(op(INVOER, row, 3));
            row += 1;
        }
        row += 1;
    }

    // Impact.
    let mut kanker = String::new();
    let mut disconto = String::new();
    let mut indicator = Vec::new();
    if let Some(imp) = &s.impact {
        ws.write_string_with_format(row, 0, "Impact", &o.sectie)?;
        row += 1;
        ws.write_string(row, 0, "Aandeel patiënten met kanker (%)")?;
        ws.write_number_with_format(
            row,
            1,
            as_f64(imp.aandeel_kanker_percentage),
            &o.getal_invoer,
        )?;
        kanker = op(INVOER, row, 1);
        row += 1;
        ws.write_string(row, 0, "Disconteringsvoet (% per jaar)")?;
        ws.write_number_with_format(
            row,
            1,
            as_f64(imp.disconteringsvoet_percentage),
            &o.getal_invoer,
        )?;
        disconto = op(INVOER, row, 1);
        row += 2;
        ws.write_string_with_format(row, 0, "Indicatoren (laatste 30 dagen)", &o.sectie)?;
        row += 1;
        kop_rij(
            ws,
            row,
            &[
                "Indicator",
                "Basis (% van de patiënten)",
                "Reductie (%)",
                "Kosten per geval",
                "Bron",
            ],
            &[0, 4],
            o,
        )?;
        ws.set_row_height(row, 30)?;
        row += 1;
        for ind in &imp.indicatoren {
            ws.write_string_with_format(row, 0, ind.id.omschrijving(), &o.tekst_vast)?;
            ws.write_number_with_format(row, 1, as_f64(ind.basis_percentage), &o.getal_invoer)?;
            ws.write_number_with_format(row, 2, as_f64(ind.reductie_percentage), &o.getal_invoer)?;
            ws.write_number_with_format(row, 3, as_f64(ind.kosten_per_geval), &o.euro_invoer)?;
            ws.write_string(row, 4, &ind.bron)?;
            indicator.push((
                ind.id,
                op(INVOER, row, 1),
                op(INVOER, row, 2),
                op(INVOER, row, 3),
            ));
            row += 1;
        }
    }

    Ok(InvoerCellen {
        startjaar,
        looptijd,
        verzekerden,
        indexatie,
        tarief,
        elders,
        ict,
        huisvesting,
        projectleiding_uren,
        projectleiding_uurtarief,
        monitoring,
        startkosten,
        scholing,
        overhead,
        groepen,
        start_bereik,
        patienten_bereik,
        verzekeraar_aandeel,
        aanbod_label,
        aanbod_tarief,
        aanbod_plafond,
        kanker,
        disconto,
        indicator,
    })
}

// ---------------------------------------------------------------------------------------------
// Kosten
// ---------------------------------------------------------------------------------------------

const KOSTEN: &str = "Kosten";

/// Where the cost sheet keeps what other sheets need.
struct KostenCellen {
    /// `I(y)` per year, absolute (`Kosten!$C$5`); the same column as the year elsewhere.
    index_rij: u32,
    /// The line items' columns `Jaar`, `Bedrag` and `Financiering`, as absolute ranges.
    jaar_bereik: String,
    bedrag_bereik: String,
    financiering_bereik: String,
}

/// The columns of the line items.
mod kol {
    pub(super) const JAAR: u16 = 0;
    pub(super) const GROEP: u16 = 1;
    pub(super) const POST: u16 = 2;
    pub(super) const ROL: u16 = 3;
    pub(super) const UREN: u16 = 4;
    pub(super) const TARIEF: u16 = 5;
    pub(super) const AANTAL: u16 = 6;
    pub(super) const INDEX: u16 = 7;
    pub(super) const BEDRAG: u16 = 8;
    pub(super) const FINANCIERING: u16 = 9;
}

fn kosten(
    ws: &mut Worksheet,
    s: &Scenario,
    r: &Resultaat,
    inv: &InvoerCellen,
    o: &Opmaak,
) -> Result<KostenCellen, XlsxError> {
    let k = &r.kosten;
    ws.set_name(KOSTEN)?;
    ws.set_column_width(0, 44)?;
    ws.set_column_width(1, 22)?;
    ws.set_column_width(2, 26)?;
    ws.set_column_range_width(3, 40, 15)?;
    ws.write_string_with_format(0, 0, format!("Kosten — {}", s.naam), &o.titel)?;
    ws.write_string_with_format(
        1,
        0,
        "Elke regel is een formule die naar het blad Invoer verwijst, per regel op centen \
         afgerond (ROUND); elk totaal is de som van de afgeronde regels.",
        &o.noot,
    )?;

    let posten = per_post(k);
    let n_regels: usize = k.jaren.iter().map(|j| j.regels.len()).sum();

    // Layout.
    let kop_jaar: u32 = 3;
    let index_rij: u32 = 4;
    let post_kop: u32 = 6;
    let eerste_post = post_kop + 1;
    let n_posten = u32::try_from(posten.len()).unwrap_or(0);
    let post_totaal = eerste_post + n_posten;
    let regels_titel = post_totaal + 2;
    let regels_kop = regels_titel + 1;
    let eerste_regel = regels_kop + 1;
    let laatste_regel = eerste_regel + u32::try_from(n_regels.max(1)).unwrap_or(0) - 1;
    let bereik = |col: u16| {
        format!(
            "{KOSTEN}!{}:{}",
            abs(eerste_regel, col),
            abs(laatste_regel, col)
        )
    };
    let cellen = KostenCellen {
        index_rij,
        jaar_bereik: bereik(kol::JAAR),
        bedrag_bereik: bereik(kol::BEDRAG),
        financiering_bereik: bereik(kol::FINANCIERING),
    };

    // Indexation factors.
    jaar_kop(ws, kop_jaar, s, o)?;
    ws.write_string(
        index_rij,
        0,
        "Indexfactor I(jaar) = (1 + indexatie/100)^(jaar − startjaar)",
    )?;
    for (yi, j) in k.jaren.iter().enumerate() {
        let col = jaar_kolom(yi);
        formule(
            ws,
            index_rij,
            col,
            &format!(
                "(1+{}/100)^({}-{})",
                inv.indexatie,
                kolom_vast_rij(kop_jaar, col),
                inv.startjaar
            ),
            exact(j.indexfactor),
            &o.factor,
        )?;
    }

    // Costs per post.
    ws.write_string_with_format(post_kop, 0, "Kosten per post", &o.sectie)?;
    let tot_col = totaal_kolom(s);
    for (pi, (post, sub)) in posten.iter().enumerate() {
        let row = eerste_post + u32::try_from(pi).unwrap_or(0);
        ws.write_string(row, 0, post.label())?;
        ws.write_string(row, 1, post.as_str())?;
        for (yi, v) in sub.per_jaar.iter().enumerate() {
            let col = jaar_kolom(yi);
            formule(
                ws,
                row,
                col,
                &format!(
                    "ROUND(SUMIFS({},{},{},{},\"{}\"),2)",
                    bereik(kol::BEDRAG),
                    bereik(kol::JAAR),
                    kolom_vast_rij(kop_jaar, col),
                    bereik(kol::POST),
                    post.as_str()
                ),
                bedrag(*v),
                &o.euro,
            )?;
        }
        formule(
            ws,
            row,
            tot_col,
            &format!("ROUND(SUM({}),2)", jaar_bereik(s, row)),
            bedrag(sub.totaal),
            &o.euro,
        )?;
    }
    ws.write_string_with_format(post_totaal, 0, "Totaal", &o.label_totaal)?;
    ws.write_string_with_format(post_totaal, 1, "", &o.label_totaal)?;
    for (yi, j) in k.jaren.iter().enumerate() {
        let col = jaar_kolom(yi);
        formule(
            ws,
            post_totaal,
            col,
            &format!(
                "ROUND(SUMIFS({},{},{}),2)",
                bereik(kol::BEDRAG),
                bereik(kol::JAAR),
                kolom_vast_rij(kop_jaar, col)
            ),
            bedrag(j.totalen.kosten_totaal),
            &o.euro_totaal,
        )?;
    }
    formule(
        ws,
        post_totaal,
        tot_col,
        &format!("ROUND(SUM({}),2)", jaar_bereik(s, post_totaal)),
        bedrag(k.totaal.kosten_totaal),
        &o.euro_totaal,
    )?;

    // Line items.
    ws.write_string_with_format(
        regels_titel,
        0,
        "Regels (zoals patz-calc cost --format csv)",
        &o.sectie,
    )?;
    kop_rij(
        ws,
        regels_kop,
        &[
            "Jaar",
            "Groep",
            "Post",
            "Rol",
            "Uren",
            "Tarief of bedrag per eenheid",
            "Aantal of grondslag",
            "Indexfactor",
            "Bedrag",
            "Financiering",
        ],
        &[1, 2, 3, 9],
        o,
    )?;
    ws.set_row_height(regels_kop, 30)?;
    let mut row = eerste_regel;
    for (yi, j) in k.jaren.iter().enumerate() {
        let index = abs(index_rij, jaar_kolom(yi));
        let jaar_start = row;
        for regel in &j.regels {
            let ctx = Regelcontext {
                s,
                inv,
                index: &index,
                jaar_start,
            };
            regel_rij(ws, row, regel, j, &ctx, o)?;
            row += 1;
        }
    }
    if n_regels > 0 {
        ws.autofilter(regels_kop, 0, laatste_regel, kol::FINANCIERING)?;
    }
    Ok(cellen)
}

struct Regelcontext<'a> {
    s: &'a Scenario,
    inv: &'a InvoerCellen,
    /// The absolute reference of this year's `I(y)`.
    index: &'a str,
    /// The row of the year's first line (the overhead sums the year's lines above it).
    jaar_start: u32,
}

fn regel_rij(
    ws: &mut Worksheet,
    row: u32,
    regel: &Regel,
    jaar: &KostenJaar,
    c: &Regelcontext<'_>,
    o: &Opmaak,
) -> Result<(), XlsxError> {
    let s = c.s;
    let inv = c.inv;
    ws.write_number(row, kol::JAAR, f64::from(regel.jaar))?;
    if let Some(g) = regel.groep.and_then(|gi| s.groepen.get(gi)) {
        ws.write_string(row, kol::GROEP, &g.naam)?;
    }
    ws.write_string(row, kol::POST, regel.post.as_str())?;
    if let Some(rol) = &regel.rol {
        ws.write_string(row, kol::ROL, &**rol)?;
    }
    let cel = |col: u16| row_col_to_cell(row, col);
    // A line's amount: the product of two of its cells and the index factor, to the cent.
    let indexed = |a: u16, b: u16| format!("ROUND({}*{}*{},2)", cel(a), cel(b), cel(kol::INDEX));
    formule(
        ws,
        row,
        kol::INDEX,
        c.index,
        exact(jaar.indexfactor),
        &o.factor,
    )?;
    let rol_index = regel
        .rol
        .as_deref()
        .and_then(|rol| s.uurtarieven.iter().position(|u| &*u.rol == rol));
    let groep = regel.groep.and_then(|gi| inv.groepen.get(gi));
    let groep_model = regel.groep.and_then(|gi| s.groepen.get(gi));
    let uren_formule: Option<String> = match (regel.post, groep, rol_index) {
        (Post::Bijeenkomsten, Some(g), Some(ri)) => g.deelnemers.get(ri).map(|n| {
            format!(
                "{}*{n}*({}+{}+{})",
                g.bijeenkomsten, g.duur, g.voorbereiding, g.reistijd
            )
        }),
        (Post::Voorzitter, Some(g), _) => {
            Some(format!("{}*{}", g.bijeenkomsten, g.voorzitter_uren))
        }
        (Post::Coordinatie, Some(g), _) => Some(format!("{}*{}", g.patienten, g.coordinatie)),
        (Post::TelefonischeOndersteuning, Some(g), _) => Some(g.telefonisch.clone()),
        (Post::Projectleiding, _, _) => Some(inv.projectleiding_uren.clone()),
        _ => None,
    };
    if let (Some(f), Some(u)) = (&uren_formule, regel.uren) {
        formule(ws, row, kol::UREN, f, exact(u), &o.uren)?;
    }
    let bedrag_cel = bedrag(regel.bedrag);
    match regel.post {
        Post::Bijeenkomsten
        | Post::Voorzitter
        | Post::Coordinatie
        | Post::TelefonischeOndersteuning => {
            let Some(ri) = rol_index else {
                ws.write_number_with_format(row, kol::BEDRAG, as_f64(regel.bedrag), &o.euro)?;
                return Ok(());
            };
            let tarief = inv.tarief.get(ri).cloned().unwrap_or_default();
            let t = s.uurtarieven.get(ri).map_or(Decimal::ZERO, |u| u.bedrag);
            formule(ws, row, kol::TARIEF, &tarief, exact(t), &o.euro)?;
            formule(
                ws,
                row,
                kol::BEDRAG,
                &indexed(kol::UREN, kol::TARIEF),
                bedrag_cel,
                &o.euro,
            )?;
            let elders = inv.elders.get(ri).cloned().unwrap_or_default();
            formule(
                ws,
                row,
                kol::FINANCIERING,
                &format!("IF({elders}=\"ja\",\"elders\",\"tapas\")"),
                regel.financiering.as_str().to_string(),
                &o.tekst,
            )?;
            return Ok(());
        }
        Post::Projectleiding => {
            let t = s.ondersteuning.projectleiding_uurtarief;
            formule(
                ws,
                row,
                kol::TARIEF,
                &inv.projectleiding_uurtarief,
                exact(t),
                &o.euro,
            )?;
            formule(
                ws,
                row,
                kol::BEDRAG,
                &indexed(kol::UREN, kol::TARIEF),
                bedrag_cel,
                &o.euro,
            )?;
        }
        Post::Ict | Post::Startkosten | Post::Monitoring => {
            let (f, t) = match regel.post {
                Post::Ict => (&inv.ict, s.ondersteuning.ict_per_groep),
                Post::Startkosten => (
                    &inv.startkosten,
                    s.ondersteuning.startkosten_per_nieuwe_groep,
                ),
                _ => (&inv.monitoring, s.ondersteuning.monitoring_per_jaar),
            };
            formule(ws, row, kol::TARIEF, f, exact(t), &o.euro)?;
            formule(
                ws,
                row,
                kol::BEDRAG,
                &format!("ROUND({}*{},2)", cel(kol::TARIEF), cel(kol::INDEX)),
                bedrag_cel,
                &o.euro,
            )?;
        }
        Post::Huisvesting | Post::Scholing => {
            let (Some(g), Some(gm)) = (groep, groep_model) else {
                ws.write_number_with_format(row, kol::BEDRAG, as_f64(regel.bedrag), &o.euro)?;
                return Ok(());
            };
            let (tf, t, af, a) = if regel.post == Post::Huisvesting {
                (
                    &inv.huisvesting,
                    s.ondersteuning.huisvesting_per_bijeenkomst,
                    g.bijeenkomsten.clone(),
                    Decimal::from(gm.werkwijze.bijeenkomsten_per_jaar),
                )
            } else {
                (
                    &inv.scholing,
                    s.ondersteuning.scholing_per_nieuwe_deelnemer,
                    format!("SUM({})", g.deelnemers_bereik),
                    Decimal::from(gm.totaal_deelnemers()),
                )
            };
            formule(ws, row, kol::TARIEF, tf, exact(t), &o.euro)?;
            formule(ws, row, kol::AANTAL, &af, exact(a), &o.getal)?;
            formule(
                ws,
                row,
                kol::BEDRAG,
                &indexed(kol::TARIEF, kol::AANTAL),
                bedrag_cel,
                &o.euro,
            )?;
        }
        Post::Overhead => {
            // The base: this year's TAPA$ lines above this one (the overhead is the year's last
            // line, so the range never contains the formula itself).
            let grondslag = overhead_grondslag(jaar);
            let eind = row.saturating_sub(1).max(c.jaar_start);
            let f = if row > c.jaar_start {
                format!(
                    "SUMIFS({}:{},{}:{},\"tapas\")",
                    abs(c.jaar_start, kol::BEDRAG),
                    abs(eind, kol::BEDRAG),
                    abs(c.jaar_start, kol::FINANCIERING),
                    abs(eind, kol::FINANCIERING)
                )
            } else {
                "0".to_string()
            };
            formule(
                ws,
                row,
                kol::TARIEF,
                &inv.overhead,
                exact(s.ondersteuning.overhead_percentage),
                &o.getal,
            )?;
            formule(ws, row, kol::AANTAL, &f, bedrag(grondslag), &o.euro)?;
            formule(
                ws,
                row,
                kol::BEDRAG,
                &format!("ROUND({}/100*{},2)", cel(kol::TARIEF), cel(kol::AANTAL)),
                bedrag_cel,
                &o.euro,
            )?;
        }
    }
    ws.write_string(row, kol::FINANCIERING, regel.financiering.as_str())?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Financiering
// ---------------------------------------------------------------------------------------------

const FINANCIERING: &str = "Financiering";

/// Where the financing sheet keeps the totals per year (same columns as the years).
struct FinCellen {
    kosten_totaal: u32,
    elders: u32,
    te_financieren: u32,
    tarief: u32,
}

fn financiering(
    ws: &mut Worksheet,
    s: &Scenario,
    r: &Resultaat,
    inv: &InvoerCellen,
    kc: &KostenCellen,
    o: &Opmaak,
) -> Result<FinCellen, XlsxError> {
    let k = &r.kosten;
    let a = &r.aanbiedingen;
    ws.set_name(FINANCIERING)?;
    ws.set_column_width(0, 44)?;
    ws.set_column_width(1, 20)?;
    ws.set_column_range_width(2, 40, 15)?;
    ws.write_string_with_format(0, 0, format!("Financiering — {}", s.naam), &o.titel)?;
    ws.write_string_with_format(
        1,
        0,
        "Totalen uit het blad Kosten; het kostendekkend tarief is naar boven afgerond op de cent \
         (ROUNDUP); in de kolom Totaal het vaste tarief per jaar dat de hele looptijd dekt. \
         Kostenaandelen en opbrengsten zijn per jaar op centen afgerond.",
        &o.noot,
    )?;
    let kop: u32 = 3;
    jaar_kop(ws, kop, s, o)?;
    let tot = totaal_kolom(s);
    let cellen = FinCellen {
        kosten_totaal: 4,
        elders: 5,
        te_financieren: 6,
        tarief: 7,
    };
    ws.write_string(cellen.kosten_totaal, 0, "Kosten totaal")?;
    ws.write_string(cellen.elders, 0, "Elders gefinancierd")?;
    ws.write_string(cellen.te_financieren, 0, "Te financieren via TAPA$")?;
    ws.write_string(cellen.tarief, 0, "Kostendekkend tarief per verzekerde")?;
    for (yi, j) in k.jaren.iter().enumerate() {
        let col = jaar_kolom(yi);
        let jaar = kolom_vast_rij(kop, col);
        formule(
            ws,
            cellen.kosten_totaal,
            col,
            &format!(
                "ROUND(SUMIFS({},{},{jaar}),2)",
                kc.bedrag_bereik, kc.jaar_bereik
            ),
            bedrag(j.totalen.kosten_totaal),
            &o.euro,
        )?;
        formule(
            ws,
            cellen.elders,
            col,
            &format!(
                "ROUND(SUMIFS({},{},{jaar},{},\"elders\"),2)",
                kc.bedrag_bereik, kc.jaar_bereik, kc.financiering_bereik
            ),
            bedrag(j.totalen.elders_gefinancierd),
            &o.euro,
        )?;
        formule(
            ws,
            cellen.te_financieren,
            col,
            &format!(
                "ROUND({}-{},2)",
                row_col_to_cell(cellen.kosten_totaal, col),
                row_col_to_cell(cellen.elders, col)
            ),
            bedrag(j.totalen.te_financieren),
            &o.euro_totaal,
        )?;
        formule(
            ws,
            cellen.tarief,
            col,
            &format!(
                "ROUNDUP({}/{},2)",
                row_col_to_cell(cellen.te_financieren, col),
                inv.verzekerden
            ),
            bedrag(j.totalen.kostendekkend_tarief),
            &o.euro,
        )?;
    }
    for (row, v, fmt) in [
        (cellen.kosten_totaal, k.totaal.kosten_totaal, &o.euro),
        (cellen.elders, k.totaal.elders_gefinancierd, &o.euro),
        (
            cellen.te_financieren,
            k.totaal.te_financieren,
            &o.euro_totaal,
        ),
    ] {
        formule(
            ws,
            row,
            tot,
            &format!("ROUND(SUM({}),2)", jaar_bereik(s, row)),
            bedrag(v),
            fmt,
        )?;
    }
    formule(
        ws,
        cellen.tarief,
        tot,
        &format!(
            "ROUNDUP({}/({}*{}),2)",
            row_col_to_cell(cellen.te_financieren, tot),
            inv.verzekerden,
            inv.looptijd
        ),
        bedrag(k.totaal.kostendekkend_tarief),
        &o.euro,
    )?;

    if s.verzekeraars.is_empty() {
        ws.write_string_with_format(
            cellen.tarief + 2,
            0,
            "Dit scenario noemt geen zorgverzekeraars.",
            &o.noot,
        )?;
        return Ok(cellen);
    }

    // Layout of the insurer and offer blocks.
    let n_v = u32::try_from(s.verzekeraars.len()).unwrap_or(0);
    let tabel_titel = cellen.tarief + 2;
    let tabel_kop = tabel_titel + 1;
    let eerste_v = tabel_kop + 1;
    let aandeel_titel = eerste_v + n_v + 1;
    let aandeel_kop = aandeel_titel + 1;
    let eerste_aandeel = aandeel_kop + 1;
    let niet_toegerekend = eerste_aandeel + n_v;
    let aanbod_titel = niet_toegerekend + 2;
    let aanbod_kop = aanbod_titel + 1;
    let eerste_aanbod = aanbod_kop + 1;
    // Each offer takes four rows: kostenaandeel, opbrengst, saldo, dekking.
    let aanbod_rij = |ai: usize| eerste_aanbod + 4 * u32::try_from(ai).unwrap_or(0);
    let te_tot = abs(cellen.te_financieren, tot);

    // Kostenaandeel per insurer and year.
    ws.write_string_with_format(aandeel_titel, 0, "Kostenaandeel per verzekeraar", &o.sectie)?;
    jaar_kop(ws, aandeel_kop, s, o)?;
    for (vi, v) in a.verzekeraars.iter().enumerate() {
        let row = eerste_aandeel + u32::try_from(vi).unwrap_or(0);
        let naam = s
            .verzekeraars
            .get(v.verzekeraar)
            .map_or("", |x| x.naam.as_str());
        let aandeel = inv.verzekeraar_aandeel.get(vi).cloned().unwrap_or_default();
        ws.write_string(row, 0, naam)?;
        ws.write_string(row, 1, "kostenaandeel")?;
        for (yi, x) in v.kostenaandeel_per_jaar.iter().enumerate() {
            let col = jaar_kolom(yi);
            formule(
                ws,
                row,
                col,
                &format!("ROUND({}*{aandeel}/100,2)", abs(cellen.te_financieren, col)),
                bedrag(*x),
                &o.euro,
            )?;
        }
        formule(
            ws,
            row,
            tot,
            &format!("ROUND(SUM({}),2)", jaar_bereik(s, row)),
            bedrag(v.kostenaandeel),
            &o.euro,
        )?;
    }
    ws.write_string_with_format(
        niet_toegerekend,
        0,
        "Niet toegerekend aan een verzekeraar",
        &o.label_totaal,
    )?;
    ws.write_string_with_format(niet_toegerekend, 1, "", &o.label_totaal)?;
    for (yi, (_, x)) in a.niet_toegerekend.iter().enumerate() {
        let col = jaar_kolom(yi);
        formule(
            ws,
            niet_toegerekend,
            col,
            &format!(
                "ROUND({}-SUM({}:{}),2)",
                abs(cellen.te_financieren, col),
                row_col_to_cell(eerste_aandeel, col),
                row_col_to_cell(niet_toegerekend - 1, col)
            ),
            bedrag(*x),
            &o.euro_totaal,
        )?;
    }
    formule(
        ws,
        niet_toegerekend,
        tot,
        &format!("ROUND(SUM({}),2)", jaar_bereik(s, niet_toegerekend)),
        bedrag(a.niet_toegerekend_totaal),
        &o.euro_totaal,
    )?;

    // The insurer table: the best offer last, so that a long label can run into the empty
    // cells to its right.
    const TEKORT: u16 = 5;
    const BESTE: u16 = 6;
    ws.write_string_with_format(tabel_titel, 0, "Per verzekeraar (looptijd)", &o.sectie)?;
    kop_rij(
        ws,
        tabel_kop,
        &[
            "Verzekeraar",
            "Marktaandeel (%)",
            "Verzekerden",
            "Kostenaandeel",
            "Break-even tarief",
            "Tekort als alleen deze tekent",
            "Beste aanbod",
        ],
        &[0, 6],
        o,
    )?;
    ws.set_row_height(tabel_kop, 30)?;
    for (vi, v) in a.verzekeraars.iter().enumerate() {
        let row = eerste_v + u32::try_from(vi).unwrap_or(0);
        let Some(vz) = s.verzekeraars.get(v.verzekeraar) else {
            continue;
        };
        let aandeel = inv.verzekeraar_aandeel.get(vi).cloned().unwrap_or_default();
        ws.write_string(row, 0, &vz.naam)?;
        formule(
            ws,
            row,
            1,
            &aandeel,
            exact(vz.marktaandeel_percentage),
            &o.getal,
        )?;
        formule(
            ws,
            row,
            2,
            &format!("{}*{aandeel}/100", inv.verzekerden),
            exact(v.verzekerden),
            &o.aantal,
        )?;
        let aandeel_tot = abs(eerste_aandeel + u32::try_from(vi).unwrap_or(0), tot);
        formule(ws, row, 3, &aandeel_tot, bedrag(v.kostenaandeel), &o.euro)?;
        formule(
            ws,
            row,
            4,
            &format!(
                "IF({}=0,\"\",ROUNDUP({aandeel_tot}/({}*{}),2))",
                row_col_to_cell(row, 2),
                row_col_to_cell(row, 2),
                inv.looptijd
            ),
            optioneel(v.break_even_tarief, 2),
            &o.euro,
        )?;
        // The insurer's offers: their total opbrengst cells and labels.
        let eigen: Vec<(usize, String, String)> = s
            .aanbiedingen
            .iter()
            .enumerate()
            .filter(|(_, x)| x.verzekeraar == vz.naam)
            .map(|(ai, _)| {
                (
                    ai,
                    abs(aanbod_rij(ai) + 1, tot),
                    inv.aanbod_label.get(ai).cloned().unwrap_or_default(),
                )
            })
            .collect();
        let beste_label = v
            .beste_aanbod
            .and_then(|b| s.aanbiedingen.get(b))
            .map(|x| x.label.clone());
        let beste_opbrengst = v
            .beste_aanbod
            .and_then(|b| a.totalen.get(b))
            .map_or(Decimal::ZERO, |t| t.opbrengst);
        let tekort = k.totaal.te_financieren - beste_opbrengst;
        if eigen.is_empty() {
            ws.write_string(row, BESTE, "geen aanbod")?;
            formule(
                ws,
                row,
                TEKORT,
                &format!("ROUND({te_tot},2)"),
                bedrag(tekort),
                &o.euro,
            )?;
        } else {
            let max = format!(
                "MAX({})",
                eigen
                    .iter()
                    .map(|(_, c, _)| c.as_str())
                    .collect::<Vec<_>>()
                    .join(",")
            );
            let mut f = "\"\"".to_string();
            for (_, cel, label) in eigen.iter().rev() {
                f = format!("IF({cel}={max},{label},{f})");
            }
            tekst_formule(
                ws,
                row,
                BESTE,
                &f,
                beste_label.as_deref().unwrap_or(""),
                &o.tekst,
            )?;
            formule(
                ws,
                row,
                TEKORT,
                &format!("ROUND({te_tot}-{max},2)"),
                bedrag(tekort),
                &o.euro,
            )?;
        }
    }

    // Offers per year.
    if s.aanbiedingen.is_empty() {
        ws.write_string_with_format(
            aanbod_titel,
            0,
            "Dit scenario bevat geen aanbiedingen.",
            &o.noot,
        )?;
        return Ok(cellen);
    }
    ws.write_string_with_format(aanbod_titel, 0, "Aanbiedingen per jaar", &o.sectie)?;
    jaar_kop(ws, aanbod_kop, s, o)?;
    for (ai, x) in s.aanbiedingen.iter().enumerate() {
        let base = aanbod_rij(ai);
        let Some(vi) = s.verzekeraars.iter().position(|v| v.naam == x.verzekeraar) else {
            continue;
        };
        let verz_v = abs(eerste_v + u32::try_from(vi).unwrap_or(0), 2);
        let tarief = inv.aanbod_tarief.get(ai).cloned().unwrap_or_default();
        let plafond = inv.aanbod_plafond.get(ai).cloned().unwrap_or_default();
        for (m, naam) in ["kostenaandeel", "opbrengst", "saldo", "dekking (%)"]
            .iter()
            .enumerate()
        {
            let row = base + u32::try_from(m).unwrap_or(0);
            ws.write_string(row, 0, &x.label)?;
            ws.write_string(row, 1, *naam)?;
        }
        for (yi, jaar) in s.jaren().enumerate() {
            let Some(rj) = a.regels.iter().find(|r| r.aanbod == ai && r.jaar == jaar) else {
                continue;
            };
            let col = jaar_kolom(yi);
            let ka = row_col_to_cell(base, col);
            let ob = row_col_to_cell(base + 1, col);
            formule(
                ws,
                base,
                col,
                &row_col_to_cell(eerste_aandeel + u32::try_from(vi).unwrap_or(0), col),
                bedrag(rj.kostenaandeel),
                &o.euro,
            )?;
            formule(
                ws,
                base + 1,
                col,
                &format!(
                    "ROUND(IF({plafond}=\"\",{tarief}*{verz_v},MIN({tarief}*{verz_v},{plafond})),2)"
                ),
                bedrag(rj.opbrengst),
                &o.euro,
            )?;
            formule(
                ws,
                base + 2,
                col,
                &format!("ROUND({ob}-{ka},2)"),
                bedrag(rj.saldo),
                &o.euro,
            )?;
            formule(
                ws,
                base + 3,
                col,
                &format!("IF({ka}=0,\"\",ROUND({ob}/{ka}*100,1))"),
                optioneel(rj.dekking_percentage, 1),
                &o.procent,
            )?;
        }
        let Some(t) = a.totalen.iter().find(|t| t.aanbod == ai) else {
            continue;
        };
        for (m, v) in [t.kostenaandeel, t.opbrengst, t.saldo].iter().enumerate() {
            let row = base + u32::try_from(m).unwrap_or(0);
            formule(
                ws,
                row,
                tot,
                &format!("ROUND(SUM({}),2)", jaar_bereik(s, row)),
                bedrag(*v),
                &o.euro_vet,
            )?;
        }
        let ka = row_col_to_cell(base, tot);
        let ob = row_col_to_cell(base + 1, tot);
        formule(
            ws,
            base + 3,
            tot,
            &format!("IF({ka}=0,\"\",ROUND({ob}/{ka}*100,1))"),
            optioneel(t.dekking_percentage, 1),
            &o.procent_vet,
        )?;
    }
    Ok(cellen)
}

// ---------------------------------------------------------------------------------------------
// Zorgreductie
// ---------------------------------------------------------------------------------------------

const ZORGREDUCTIE: &str = "Zorgreductie";

/// The row of the avoided costs per year in `Zorgreductie`.
struct ZorgCellen {
    vermeden_kosten: u32,
}

fn zorgreductie(
    ws: &mut Worksheet,
    s: &Scenario,
    r: &Resultaat,
    inv: &InvoerCellen,
    kc: &KostenCellen,
    o: &Opmaak,
) -> Result<Option<ZorgCellen>, XlsxError> {
    ws.set_name(ZORGREDUCTIE)?;
    ws.set_column_width(0, 44)?;
    ws.set_column_width(1, 18)?;
    ws.set_column_range_width(2, 40, 15)?;
    ws.write_string_with_format(0, 0, format!("Zorgreductie — {}", s.naam), &o.titel)?;
    let (Some(i), Some(imp)) = (&r.impact, &s.impact) else {
        ws.write_string_with_format(
            1,
            0,
            "Dit scenario bevat geen [impact]-sectie; de zorgreductie is niet berekend.",
            &o.noot,
        )?;
        return Ok(None);
    };
    ws.write_string_with_format(
        1,
        0,
        "Verwachte aantallen overleden palliatieve patiënten per indicator (laatste 30 dagen), niet \
         afgerond; vermeden kosten per indicator en jaar op centen afgerond (ROUND).",
        &o.noot,
    )?;
    let kop: u32 = 3;
    jaar_kop(ws, kop, s, o)?;
    let tot = totaal_kolom(s);
    let pat_rij: u32 = 4;
    ws.write_string(pat_rij, 0, "Patiënten van de actieve groepen P(jaar)")?;
    for (yi, j) in i.jaren.iter().enumerate() {
        let col = jaar_kolom(yi);
        formule(
            ws,
            pat_rij,
            col,
            &format!(
                "SUMIFS({},{},\"<=\"&{})",
                inv.patienten_bereik,
                inv.start_bereik,
                kolom_vast_rij(kop, col)
            ),
            exact(j.patienten),
            &o.aantal,
        )?;
    }
    formule(
        ws,
        pat_rij,
        tot,
        &format!("SUM({})", jaar_bereik(s, pat_rij)),
        exact(i.patienten),
        &o.aantal,
    )?;

    let eerste = pat_rij + 2;
    let blok = |k: usize| eerste + 5 * u32::try_from(k).unwrap_or(0);
    for (k, (id, basis, reductie, kosten)) in inv.indicator.iter().enumerate() {
        let b = blok(k);
        if !imp.indicatoren.iter().any(|x| x.id == *id) {
            continue;
        }
        ws.write_string_with_format(b, 0, id.omschrijving(), &o.sectie)?;
        for (m, naam) in ["zonder PaTz", "vermeden", "met PaTz", "vermeden kosten"]
            .iter()
            .enumerate()
        {
            let row = b + 1 + u32::try_from(m).unwrap_or(0);
            ws.write_string(row, 0, id.omschrijving())?;
            ws.write_string(row, 1, *naam)?;
        }
        for (yi, j) in i.jaren.iter().enumerate() {
            let col = jaar_kolom(yi);
            let Some(x) = j.indicatoren.iter().find(|x| x.indicator == *id) else {
                continue;
            };
            let p = abs(pat_rij, col);
            let kanker = if *id == IndicatorId::Chemotherapie {
                format!("*{}/100", inv.kanker)
            } else {
                String::new()
            };
            formule(
                ws,
                b + 1,
                col,
                &format!("{p}*{basis}/100{kanker}"),
                exact(x.basis),
                &o.aantal,
            )?;
            let basis_cel = row_col_to_cell(b + 1, col);
            let vermeden_cel = row_col_to_cell(b + 2, col);
            formule(
                ws,
                b + 2,
                col,
                &format!("{basis_cel}*{reductie}/100"),
                exact(x.vermeden),
                &o.aantal,
            )?;
            formule(
                ws,
                b + 3,
                col,
                &format!("{basis_cel}-{vermeden_cel}"),
                exact(x.met_patz),
                &o.aantal,
            )?;
            formule(
                ws,
                b + 4,
                col,
                &format!(
                    "ROUND({vermeden_cel}*{kosten}*{},2)",
                    op(KOSTEN, kc.index_rij, col)
                ),
                bedrag(x.vermeden_kosten),
                &o.euro,
            )?;
        }
        let Some(t) = i.totaal.iter().find(|x| x.indicator == *id) else {
            continue;
        };
        for (m, v) in [t.basis, t.vermeden, t.met_patz].iter().enumerate() {
            let row = b + 1 + u32::try_from(m).unwrap_or(0);
            formule(
                ws,
                row,
                tot,
                &format!("SUM({})", jaar_bereik(s, row)),
                exact(*v),
                &o.aantal,
            )?;
        }
        formule(
            ws,
            b + 4,
            tot,
            &format!("ROUND(SUM({}),2)", jaar_bereik(s, b + 4)),
            bedrag(t.vermeden_kosten),
            &o.euro,
        )?;
    }
    let vk = blok(inv.indicator.len());
    ws.write_string_with_format(vk, 0, "Vermeden kosten totaal", &o.label_totaal)?;
    ws.write_string_with_format(vk, 1, "", &o.label_totaal)?;
    let cellen_vk = |col: u16| -> String {
        (0..inv.indicator.len())
            .map(|k| row_col_to_cell(blok(k) + 4, col))
            .collect::<Vec<_>>()
            .join(",")
    };
    for (yi, j) in i.jaren.iter().enumerate() {
        let col = jaar_kolom(yi);
        formule(
            ws,
            vk,
            col,
            &format!("ROUND(SUM({}),2)", cellen_vk(col)),
            bedrag(j.vermeden_kosten),
            &o.euro_totaal,
        )?;
    }
    formule(
        ws,
        vk,
        tot,
        &format!("ROUND(SUM({}),2)", jaar_bereik(s, vk)),
        bedrag(i.vermeden_kosten),
        &o.euro_totaal,
    )?;
    Ok(Some(ZorgCellen {
        vermeden_kosten: vk,
    }))
}

// ---------------------------------------------------------------------------------------------
// Samenvatting
// ---------------------------------------------------------------------------------------------

fn samenvatting(
    ws: &mut Worksheet,
    s: &Scenario,
    r: &Resultaat,
    inv: &InvoerCellen,
    fin: &FinCellen,
    zorg: Option<&ZorgCellen>,
    o: &Opmaak,
) -> Result<(), XlsxError> {
    ws.set_name("Samenvatting")?;
    ws.set_column_width(0, 44)?;
    ws.set_column_width(1, 18)?;
    ws.set_column_range_width(2, 40, 15)?;
    ws.write_string_with_format(0, 0, format!("Samenvatting — {}", s.naam), &o.titel)?;
    ws.write_string_with_format(
        1,
        0,
        "De businesscase zoals patz-calc business-case hem geeft; elke cel is een formule.",
        &o.noot,
    )?;
    let kop: u32 = 3;
    jaar_kop(ws, kop, s, o)?;
    let tot = totaal_kolom(s);
    let k = &r.kosten;
    let n = s.looptijd_jaren as usize;
    let mut row = kop + 1;
    // The cost totals, taken from Financiering.
    let rijen: [(&str, u32, Vec<Decimal>, Decimal); 4] = [
        (
            "Kosten totaal",
            fin.kosten_totaal,
            k.jaren.iter().map(|j| j.totalen.kosten_totaal).collect(),
            k.totaal.kosten_totaal,
        ),
        (
            "Elders gefinancierd",
            fin.elders,
            k.jaren
                .iter()
                .map(|j| j.totalen.elders_gefinancierd)
                .collect(),
            k.totaal.elders_gefinancierd,
        ),
        (
            "Te financieren via TAPA$",
            fin.te_financieren,
            k.jaren.iter().map(|j| j.totalen.te_financieren).collect(),
            k.totaal.te_financieren,
        ),
        (
            "Kostendekkend tarief per verzekerde",
            fin.tarief,
            k.jaren
                .iter()
                .map(|j| j.totalen.kostendekkend_tarief)
                .collect(),
            k.totaal.kostendekkend_tarief,
        ),
    ];
    let mut te_rij = row;
    for (label, bron, per_jaar, totaal) in rijen {
        ws.write_string(row, 0, label)?;
        if bron == fin.te_financieren {
            te_rij = row;
        }
        for yi in 0..=n {
            let col = jaar_kolom(yi);
            let v = if yi == n {
                totaal
            } else {
                per_jaar.get(yi).copied().unwrap_or_default()
            };
            formule(
                ws,
                row,
                col,
                &op(FINANCIERING, bron, col),
                bedrag(v),
                &o.euro,
            )?;
        }
        row += 1;
    }
    let (Some(b), Some(z)) = (&r.businesscase, zorg) else {
        ws.write_string_with_format(
            row + 1,
            0,
            "Dit scenario bevat geen [impact]-sectie; vermeden kosten en saldo zijn niet berekend.",
            &o.noot,
        )?;
        return Ok(());
    };
    let vk_rij = row;
    let netto_rij = row + 1;
    let roi_rij = row + 2;
    let be_rij = row + 3;
    let disc_rij = row + 4;
    let cw_rij = row + 5;
    let ncw_rij = row + 7;
    ws.write_string(vk_rij, 0, "Vermeden kosten")?;
    ws.write_string_with_format(
        netto_rij,
        0,
        "Netto (vermeden − te financieren)",
        &o.label_totaal,
    )?;
    ws.write_string_with_format(netto_rij, 1, "", &o.label_totaal)?;
    ws.write_string(roi_rij, 0, "ROI (%)")?;
    ws.write_string(be_rij, 0, "Break-even factor")?;
    ws.write_string(
        disc_rij,
        0,
        "Disconteringsfactor (1 + voet/100)^(jaar − startjaar)",
    )?;
    ws.write_string(cw_rij, 0, "Contante waarde van netto")?;
    ws.write_string_with_format(ncw_rij, 0, "Netto contante waarde", &o.label_totaal)?;
    ws.write_string_with_format(ncw_rij, 1, "", &o.label_totaal)?;

    // The discounted netto of each year, as the CLI sums it.
    let d = s
        .impact
        .as_ref()
        .map_or(Decimal::ZERO, |i| i.disconteringsvoet_percentage);
    let step = Decimal::ONE
        .checked_add(d.checked_div(Decimal::ONE_HUNDRED).unwrap_or_default())
        .unwrap_or(Decimal::ONE);
    let mut discount = Decimal::ONE;
    for (yi, (_, x)) in b.jaren.iter().enumerate() {
        if yi > 0 {
            discount = discount.checked_mul(step).unwrap_or(discount);
        }
        let col = jaar_kolom(yi);
        let cel = |r: u32| row_col_to_cell(r, col);
        formule(
            ws,
            vk_rij,
            col,
            &op(ZORGREDUCTIE, z.vermeden_kosten, col),
            bedrag(x.vermeden_kosten),
            &o.euro,
        )?;
        formule(
            ws,
            netto_rij,
            col,
            &format!("ROUND({}-{},2)", cel(vk_rij), cel(te_rij)),
            bedrag(x.netto),
            &o.euro_totaal,
        )?;
        formule(
            ws,
            roi_rij,
            col,
            &format!(
                "IF({te}=0,\"\",ROUND({}/{te}*100,1))",
                cel(netto_rij),
                te = cel(te_rij)
            ),
            optioneel(x.roi_percentage, 1),
            &o.procent,
        )?;
        formule(
            ws,
            be_rij,
            col,
            &format!(
                "IF({vk}=0,\"\",ROUND({}/{vk},3))",
                cel(te_rij),
                vk = cel(vk_rij)
            ),
            optioneel(x.break_even_factor, 3),
            &o.break_even,
        )?;
        formule(
            ws,
            disc_rij,
            col,
            &format!(
                "(1+{}/100)^({}-{})",
                inv.disconto,
                kolom_vast_rij(kop, col),
                inv.startjaar
            ),
            exact(discount),
            &o.factor,
        )?;
        let cw = x
            .netto
            .checked_div(discount)
            .map(round_money)
            .unwrap_or_default();
        formule(
            ws,
            cw_rij,
            col,
            &format!("ROUND({}/{},2)", cel(netto_rij), cel(disc_rij)),
            bedrag(cw),
            &o.euro,
        )?;
    }
    let t = &b.totaal;
    let cel = |r: u32| row_col_to_cell(r, tot);
    formule(
        ws,
        vk_rij,
        tot,
        &op(ZORGREDUCTIE, z.vermeden_kosten, tot),
        bedrag(t.vermeden_kosten),
        &o.euro,
    )?;
    formule(
        ws,
        netto_rij,
        tot,
        &format!("ROUND({}-{},2)", cel(vk_rij), cel(te_rij)),
        bedrag(t.netto),
        &o.euro_totaal,
    )?;
    formule(
        ws,
        roi_rij,
        tot,
        &format!(
            "IF({te}=0,\"\",ROUND({}/{te}*100,1))",
            cel(netto_rij),
            te = cel(te_rij)
        ),
        optioneel(t.roi_percentage, 1),
        &o.procent,
    )?;
    formule(
        ws,
        be_rij,
        tot,
        &format!(
            "IF({vk}=0,\"\",ROUND({}/{vk},3))",
            cel(te_rij),
            vk = cel(vk_rij)
        ),
        optioneel(t.break_even_factor, 3),
        &o.break_even,
    )?;
    formule(
        ws,
        cw_rij,
        tot,
        &format!("ROUND(SUM({}),2)", jaar_bereik(s, cw_rij)),
        bedrag(b.netto_contante_waarde),
        &o.euro,
    )?;
    formule(
        ws,
        ncw_rij,
        tot,
        &cel(cw_rij),
        bedrag(b.netto_contante_waarde),
        &o.euro_totaal,
    )?;
    ws.write_string_with_format(ncw_rij, 1, format!("voet {} %", exact(d)), &o.label_totaal)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mixed_reference_fixes_the_row_only() {
        assert_eq!(kolom_vast_rij(3, 2), "C$4");
    }
}
