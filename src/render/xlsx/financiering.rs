//! The sheet Financiering: totals and tariff per year, the insurers' shares and every offer.
//! Pure, no I/O.

use rust_decimal::Decimal;
use rust_xlsxwriter::utility::row_col_to_cell;
use rust_xlsxwriter::{Worksheet, XlsxError};

use crate::calc::Resultaat;
use crate::calc::cost::Totalen;
use crate::calc::offers::{Aanbiedingen, VerzekeraarResultaat};
use crate::calc::overzicht::tekort_als_enige;
use crate::scenario::{Aanbod, Scenario, Verzekeraar};

use super::Werkmap;
use super::grafiek;
use super::invoer::InvoerCellen;
use super::kosten::KostenCellen;
use super::opmaak::{
    Opmaak, abs, afdruk, bedrag, exact, formule, jaar_blad, jaar_kolom, jaar_kop, kolom_vast_rij,
    kop_hoogte, kop_rij, optioneel, regels_nodig, som_totaal, tekst_formule, titel_en_noot,
    totaal_kolom, verzekeraar_naam,
};

pub(super) const FINANCIERING: &str = "Financiering";

/// The row of the year header above the totals.
const KOP: u32 = 3;

/// The columns of the insurer table.
const KOSTENAANDEEL: u16 = 3;
const OPBRENGST: u16 = 4;
const BREAK_EVEN: u16 = 5;
const TEKORT: u16 = 6;
/// The best offer last, so that a long label can run into the empty cells to its right.
const BESTE: u16 = 7;

/// A name or label in column A, wrapped within it, its row as high as its lines.
fn label(ws: &mut Worksheet, row: u32, tekst: &str, o: &Opmaak) -> Result<(), XlsxError> {
    ws.write_string_with_format(row, 0, tekst, &o.tekst_lang)?;
    let regels = regels_nodig(tekst, 52.0);
    if regels > 1 {
        ws.set_row_height(row, 15.0 * f64::from(regels) + 2.0)?;
    }
    Ok(())
}

/// What the best offer `beste` brings in over the horizon (0 without one).
fn beste_opbrengst(a: &Aanbiedingen, beste: Option<usize>) -> Decimal {
    beste
        .and_then(|b| a.totalen.iter().find(|t| t.aanbod == b))
        .map_or(Decimal::ZERO, |t| t.opbrengst)
}

/// Where the financing sheet keeps the totals per year (same columns as the years).
#[derive(Clone)]
pub(super) struct FinCellen {
    /// Per insurer (in `Aanbiedingen::verzekeraars` order): the row of its kostenaandeel.
    pub(super) aandeel_rij: Vec<u32>,
    /// Per offer (index into `Scenario::aanbiedingen`): the row of its opbrengst.
    pub(super) opbrengst_rij: Vec<u32>,
    pub(super) kosten_totaal: u32,
    pub(super) elders: u32,
    /// The `[[bijdrage]]`s per year, only when there are any.
    pub(super) bijdragen: Option<u32>,
    pub(super) te_financieren: u32,
    pub(super) tarief: u32,
}

pub(super) fn financiering(
    ws: &mut Worksheet,
    w: &Werkmap<'_>,
    kc: &KostenCellen,
) -> Result<FinCellen, XlsxError> {
    let Werkmap { s, r, inv, o } = *w;
    jaar_blad(ws, FINANCIERING, (52.0, 20.0))?;
    if totaal_kolom(s) < BESTE {
        // The best offer's label has the column to itself.
        ws.set_column_width(BESTE, 34)?;
    }
    let tot = totaal_kolom(s);
    let laatste_kolom = tot.max(BESTE);
    let breedte = 72.0 + 15.0 * f64::from(laatste_kolom.saturating_sub(1));
    titel_en_noot(
        ws,
        ("Financiering", s),
        "Totalen uit het blad Kostenregels; het kostendekkend tarief is naar boven afgerond op de \
         cent; in de kolom Totaal het vaste tarief per jaar dat de hele looptijd dekt. \
         Kostenaandelen en opbrengsten zijn per jaar op centen afgerond.",
        laatste_kolom,
        breedte,
        o,
    )?;
    jaar_kop(ws, KOP, s, o)?;
    let extra = u32::from(!s.bijdragen.is_empty());
    let mut cellen = FinCellen {
        aandeel_rij: Vec::new(),
        opbrengst_rij: Vec::new(),
        kosten_totaal: 4,
        elders: 5,
        bijdragen: (extra == 1).then_some(6),
        te_financieren: 6 + extra,
        tarief: 7 + extra,
    };
    totalen(ws, s, r, inv, kc, &cellen, o)?;

    if s.verzekeraars.is_empty() {
        ws.write_string_with_format(
            cellen.tarief + 2,
            0,
            "Dit scenario noemt geen zorgverzekeraars.",
            &o.noot,
        )?;
        afdruk(ws, cellen.tarief + 2, tot, true)?;
        return Ok(cellen);
    }

    let n_v = u32::try_from(s.verzekeraars.len()).unwrap_or(0);
    let tabel_titel = cellen.tarief + 2;
    let eerste_v = tabel_titel + 2;
    let aandeel_titel = eerste_v + n_v + 1;
    let eerste_aandeel = aandeel_titel + 2;
    let niet_toegerekend = eerste_aandeel + n_v;
    let aanbod_titel = niet_toegerekend + 2;
    cellen.aandeel_rij = (0..n_v).map(|vi| eerste_aandeel + vi).collect();
    let b = Blokken {
        tot,
        cellen: cellen.clone(),
        tabel_titel,
        tabel_kop: tabel_titel + 1,
        eerste_v,
        aandeel_titel,
        aandeel_kop: aandeel_titel + 1,
        eerste_aandeel,
        niet_toegerekend,
        aanbod_titel,
        aanbod_kop: aanbod_titel + 1,
        eerste_aanbod: aanbod_titel + 2,
    };
    cellen.opbrengst_rij = (0..s.aanbiedingen.len())
        .map(|ai| b.aanbod_rij(ai) + 1)
        .collect();
    let bron = Bron {
        s,
        r,
        inv,
        b: &b,
        o,
    };
    aandelen(ws, &bron)?;
    verzekeraar_tabel(ws, &bron)?;
    aanbiedingen(ws, &bron)?;
    let eind = if s.aanbiedingen.is_empty() {
        aanbod_titel
    } else {
        b.aanbod_rij(s.aanbiedingen.len())
    };
    // The chart on a page of its own rather than split over two.
    ws.set_page_breaks(&[eind + 1])?;
    let eind = grafiek::per_verzekeraar(
        ws,
        FINANCIERING,
        "Kostenaandeel en opbrengst van het beste aanbod, per verzekeraar (looptijd)",
        (eerste_v, n_v, b.tabel_kop),
        &[KOSTENAANDEEL, OPBRENGST],
        eind + 1,
    )?;
    afdruk(ws, eind, laatste_kolom, true)?;
    Ok(cellen)
}

/// What the insurer and offer blocks are written from: the scenario and its results, the cells of
/// Invoer, where the blocks stand and the formats.
#[derive(Clone, Copy)]
struct Bron<'a> {
    s: &'a Scenario,
    r: &'a Resultaat,
    inv: &'a InvoerCellen,
    b: &'a Blokken,
    o: &'a Opmaak,
}

/// Where the insurer and offer blocks stand (below the totals).
#[derive(Clone)]
struct Blokken {
    /// The total column and the rows of the totals.
    tot: u16,
    cellen: FinCellen,
    /// The insurer table: title, header, first insurer.
    tabel_titel: u32,
    tabel_kop: u32,
    eerste_v: u32,
    /// The kostenaandeel per insurer and year: title, header, first insurer, the rest.
    aandeel_titel: u32,
    aandeel_kop: u32,
    eerste_aandeel: u32,
    niet_toegerekend: u32,
    /// The offers per year: title, header, first offer.
    aanbod_titel: u32,
    aanbod_kop: u32,
    eerste_aanbod: u32,
}

impl Blokken {
    /// The first row of offer `ai`, which takes four: kostenaandeel, opbrengst, saldo, dekking.
    fn aanbod_rij(&self, ai: usize) -> u32 {
        self.eerste_aanbod + 4 * u32::try_from(ai).unwrap_or(0)
    }
}

/// Kosten totaal, elders gefinancierd, te financieren and the tariff, per year and in total.
fn totalen(
    ws: &mut Worksheet,
    s: &Scenario,
    r: &Resultaat,
    inv: &InvoerCellen,
    kc: &KostenCellen,
    cellen: &FinCellen,
    o: &Opmaak,
) -> Result<(), XlsxError> {
    let k = &r.kosten;
    let tot = totaal_kolom(s);
    ws.write_string(cellen.kosten_totaal, 0, "Kosten totaal")?;
    ws.write_string(cellen.elders, 0, "Elders gefinancierd")?;
    if let Some(b) = cellen.bijdragen {
        ws.write_string(b, 0, "Bijdragen uit andere bronnen")?;
    }
    ws.write_string(cellen.te_financieren, 0, "Te financieren via TAPA$")?;
    ws.write_string(cellen.tarief, 0, "Kostendekkend tarief per verzekerde")?;
    for (yi, j) in k.jaren.iter().enumerate() {
        totalen_jaar(ws, s, inv, kc, cellen, (yi, &j.totalen), o)?;
    }
    let mut rijen = vec![
        (cellen.kosten_totaal, k.totaal.kosten_totaal, &o.euro),
        (cellen.elders, k.totaal.elders_gefinancierd, &o.euro),
        (
            cellen.te_financieren,
            k.totaal.te_financieren,
            &o.euro_totaal,
        ),
    ];
    if let Some(b) = cellen.bijdragen {
        rijen.push((b, k.totaal.bijdragen, &o.euro));
    }
    for (row, v, fmt) in rijen {
        som_totaal(ws, s, row, v, fmt)?;
    }
    formule(
        ws,
        cellen.tarief,
        tot,
        &format!(
            "ROUNDUP({}/{},2)",
            row_col_to_cell(cellen.te_financieren, tot),
            inv.verzekerde_jaren
        ),
        bedrag(k.totaal.kostendekkend_tarief),
        &o.euro,
    )?;
    Ok(())
}

/// The totals of year `yi` (`t`): sums of the sheet Kostenregels, the contributions, what is
/// left to finance and the tariff.
fn totalen_jaar(
    ws: &mut Worksheet,
    s: &Scenario,
    inv: &InvoerCellen,
    kc: &KostenCellen,
    cellen: &FinCellen,
    (yi, t): (usize, &Totalen),
    o: &Opmaak,
) -> Result<(), XlsxError> {
    let col = jaar_kolom(yi);
    let jaar = kolom_vast_rij(KOP, col);
    formule(
        ws,
        cellen.kosten_totaal,
        col,
        &format!(
            "ROUND(SUMIFS({},{},{jaar}),2)",
            kc.bedrag_bereik, kc.jaar_bereik
        ),
        bedrag(t.kosten_totaal),
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
        bedrag(t.elders_gefinancierd),
        &o.euro,
    )?;
    // Each contribution to the cent, as the CLI takes it.
    let mut min = row_col_to_cell(cellen.elders, col);
    if let Some(b) = cellen.bijdragen {
        let jaar = s.startjaar + i32::try_from(yi).unwrap_or(0);
        let delen: Vec<String> = inv
            .bijdragen
            .iter()
            .filter(|(j, _)| *j == jaar)
            .map(|(_, cel)| format!("ROUND({cel},2)"))
            .collect();
        let f = if delen.is_empty() {
            "0".to_string()
        } else {
            format!("ROUND({},2)", delen.join("+"))
        };
        formule(ws, b, col, &f, bedrag(t.bijdragen), &o.euro)?;
        min = format!("{min}-{}", row_col_to_cell(b, col));
    }
    formule(
        ws,
        cellen.te_financieren,
        col,
        &format!(
            "ROUND({}-{min},2)",
            row_col_to_cell(cellen.kosten_totaal, col),
        ),
        bedrag(t.te_financieren),
        &o.euro_totaal,
    )?;
    formule(
        ws,
        cellen.tarief,
        col,
        &format!(
            "ROUNDUP({}/{},2)",
            row_col_to_cell(cellen.te_financieren, col),
            inv.verzekerden_jaar.get(yi).unwrap_or(&inv.verzekerden)
        ),
        bedrag(t.kostendekkend_tarief),
        &o.euro,
    )
}

/// Every insurer's kostenaandeel per year, and what no insurer carries.
fn aandelen(ws: &mut Worksheet, x: &Bron<'_>) -> Result<(), XlsxError> {
    let Bron { s, r, inv, b, o } = *x;
    let (cellen, eerste_aandeel, niet_toegerekend) =
        (&b.cellen, b.eerste_aandeel, b.niet_toegerekend);
    let a = &r.aanbiedingen;
    // Kostenaandeel per insurer and year.
    ws.write_string_with_format(
        b.aandeel_titel,
        0,
        "Kostenaandeel per verzekeraar",
        &o.sectie,
    )?;
    jaar_kop(ws, b.aandeel_kop, s, o)?;
    for (vi, v) in a.verzekeraars.iter().enumerate() {
        let row = eerste_aandeel + u32::try_from(vi).unwrap_or(0);
        let naam = verzekeraar_naam(s, v.verzekeraar);
        let aandeel = inv.verzekeraar_aandeel.get(vi).cloned().unwrap_or_default();
        label(ws, row, naam, o)?;
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
        som_totaal(ws, s, row, v.kostenaandeel, &o.euro)?;
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
    som_totaal(
        ws,
        s,
        niet_toegerekend,
        a.niet_toegerekend_totaal,
        &o.euro_totaal,
    )?;
    Ok(())
}

/// The insurer table: the best offer last, so that a long label can run into the empty cells to
/// its right.
fn verzekeraar_tabel(ws: &mut Worksheet, x: &Bron<'_>) -> Result<(), XlsxError> {
    let Bron { s, r, b, o, .. } = *x;
    ws.write_string_with_format(b.tabel_titel, 0, "Per verzekeraar (looptijd)", &o.sectie)?;
    let koppen = [
        "Verzekeraar",
        "Marktaandeel (%)",
        "Verzekerden",
        "Kostenaandeel",
        "Opbrengst beste aanbod",
        "Break-even tarief",
        "Tekort als alleen deze tekent",
        "Beste aanbod",
    ];
    kop_rij(ws, b.tabel_kop, &koppen, &[0, 7], o)?;
    ws.set_row_height(
        b.tabel_kop,
        kop_hoogte(&koppen, &[52.0, 20.0, 15.0, 15.0, 15.0, 15.0, 15.0, 15.0]),
    )?;
    for (vi, v) in r.aanbiedingen.verzekeraars.iter().enumerate() {
        let Some(vz) = s.verzekeraars.get(v.verzekeraar) else {
            continue;
        };
        let rij = VerzekeraarRij {
            row: b.eerste_v + u32::try_from(vi).unwrap_or(0),
            vi,
            vz,
            v,
        };
        verzekeraar_rij(ws, x, &rij)?;
        beste_aanbod(ws, x, &rij)?;
    }
    Ok(())
}

/// An insurer in the insurer table: its row, its place in `Aanbiedingen::verzekeraars` and
/// `Scenario::verzekeraars`' entry.
struct VerzekeraarRij<'a> {
    row: u32,
    vi: usize,
    vz: &'a Verzekeraar,
    v: &'a VerzekeraarResultaat,
}

/// An insurer's row up to its kostenaandeel and break-even tariff.
fn verzekeraar_rij(
    ws: &mut Worksheet,
    x: &Bron<'_>,
    rij: &VerzekeraarRij<'_>,
) -> Result<(), XlsxError> {
    let Bron { s, inv, b, o, .. } = *x;
    let VerzekeraarRij { row, vi, vz, v } = *rij;
    let aandeel = inv.verzekeraar_aandeel.get(vi).cloned().unwrap_or_default();
    label(ws, row, &vz.naam, o)?;
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
    let aandeel_tot = abs(b.eerste_aandeel + u32::try_from(vi).unwrap_or(0), b.tot);
    formule(
        ws,
        row,
        KOSTENAANDEEL,
        &aandeel_tot,
        bedrag(v.kostenaandeel),
        &o.euro,
    )?;
    formule(
        ws,
        row,
        BREAK_EVEN,
        &if s.verzekerden_per_jaar.is_some() {
            // Σ verzekerden_v(y): the insurer's share of every year's verzekerden.
            format!(
                "IF({}=0,\"\",ROUNDUP({aandeel_tot}/({}*{aandeel}/100),2))",
                inv.verzekerde_jaren, inv.verzekerde_jaren
            )
        } else {
            format!(
                "IF({}=0,\"\",ROUNDUP({aandeel_tot}/({}*{}),2))",
                row_col_to_cell(row, 2),
                row_col_to_cell(row, 2),
                inv.looptijd
            )
        },
        optioneel(v.break_even_tarief, 2),
        &o.euro,
    )
}

/// An insurer's best offer, what it brings in and the shortfall if it alone signs: formulas over
/// the offers' rows.
fn beste_aanbod(
    ws: &mut Worksheet,
    x: &Bron<'_>,
    rij: &VerzekeraarRij<'_>,
) -> Result<(), XlsxError> {
    let Bron { s, r, inv, b, o } = *x;
    let VerzekeraarRij { row, vz, v, .. } = *rij;
    let (k, a, tot) = (&r.kosten, &r.aanbiedingen, b.tot);
    let te_tot = abs(b.cellen.te_financieren, tot);
    // The insurer's offers: their total opbrengst cells and labels.
    let eigen: Vec<(usize, String, String)> = s
        .aanbiedingen
        .iter()
        .enumerate()
        .filter(|(_, x)| x.verzekeraar == vz.naam)
        .map(|(ai, _)| {
            (
                ai,
                abs(b.aanbod_rij(ai) + 1, tot),
                inv.aanbod_label.get(ai).cloned().unwrap_or_default(),
            )
        })
        .collect();
    let beste_label = v
        .beste_aanbod
        .and_then(|b| s.aanbiedingen.get(b))
        .map(|x| x.label.clone());
    let tekort = tekort_als_enige(k, a, v);
    let opbrengst = beste_opbrengst(a, v.beste_aanbod);
    if eigen.is_empty() {
        ws.write_string_with_format(row, BESTE, "geen aanbod", &o.tekst_inspring)?;
        formule(ws, row, OPBRENGST, "0", bedrag(opbrengst), &o.euro)?;
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
            &o.tekst_inspring,
        )?;
        formule(ws, row, OPBRENGST, &max, bedrag(opbrengst), &o.euro)?;
        formule(
            ws,
            row,
            TEKORT,
            &format!("ROUND({te_tot}-{max},2)"),
            bedrag(tekort),
            &o.euro,
        )?;
    }
    Ok(())
}

/// Every offer per year: kostenaandeel, opbrengst, saldo and dekking.
fn aanbiedingen(ws: &mut Worksheet, bron: &Bron<'_>) -> Result<(), XlsxError> {
    let Bron { s, b, o, .. } = *bron;
    if s.aanbiedingen.is_empty() {
        ws.write_string_with_format(
            b.aanbod_titel,
            0,
            "Dit scenario bevat geen aanbiedingen.",
            &o.noot,
        )?;
        return Ok(());
    }
    ws.write_string_with_format(b.aanbod_titel, 0, "Aanbiedingen per jaar", &o.sectie)?;
    jaar_kop(ws, b.aanbod_kop, s, o)?;
    for (ai, aanbod) in s.aanbiedingen.iter().enumerate() {
        aanbod_blok(ws, bron, (ai, aanbod))?;
    }
    Ok(())
}

/// Offer `ai`'s four rows (kostenaandeel, opbrengst, saldo, dekking), which refer to one
/// another, year by year and in total.
fn aanbod_blok(
    ws: &mut Worksheet,
    bron: &Bron<'_>,
    (ai, x): (usize, &Aanbod),
) -> Result<(), XlsxError> {
    let Bron { s, r, inv, b, o } = *bron;
    let a = &r.aanbiedingen;
    let base = b.aanbod_rij(ai);
    let Some(vi) = s.verzekeraars.iter().position(|v| v.naam == x.verzekeraar) else {
        return Ok(());
    };
    let verz_v = abs(b.eerste_v + u32::try_from(vi).unwrap_or(0), 2);
    let aandeel = inv.verzekeraar_aandeel.get(vi).cloned().unwrap_or_default();
    // `verzekerden_v(y)`: the insurer table's number, or with verzekerden per year the
    // insurer's share of that year's.
    let verz_jaar = |yi: usize| match (&s.verzekerden_per_jaar, inv.verzekerden_jaar.get(yi)) {
        (Some(_), Some(cel)) => format!("({cel}*{aandeel}/100)"),
        _ => verz_v.clone(),
    };
    let tarief = inv.aanbod_tarief.get(ai).cloned().unwrap_or_default();
    let plafond = inv.aanbod_plafond.get(ai).cloned().unwrap_or_default();
    for (m, naam) in ["kostenaandeel", "opbrengst", "saldo", "dekking (%)"]
        .iter()
        .enumerate()
    {
        let row = base + u32::try_from(m).unwrap_or(0);
        label(ws, row, &x.label, o)?;
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
            &row_col_to_cell(b.eerste_aandeel + u32::try_from(vi).unwrap_or(0), col),
            bedrag(rj.kostenaandeel),
            &o.euro,
        )?;
        formule(
            ws,
            base + 1,
            col,
            &format!(
                "ROUND(IF({plafond}=\"\",{tarief}*{verz_v},MIN({tarief}*{verz_v},{plafond})),2)",
                verz_v = verz_jaar(yi)
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
        return Ok(());
    };
    for (m, v) in [t.kostenaandeel, t.opbrengst, t.saldo].iter().enumerate() {
        let row = base + u32::try_from(m).unwrap_or(0);
        som_totaal(ws, s, row, *v, &o.euro_vet)?;
    }
    let ka = row_col_to_cell(base, b.tot);
    let ob = row_col_to_cell(base + 1, b.tot);
    formule(
        ws,
        base + 3,
        b.tot,
        &format!("IF({ka}=0,\"\",ROUND({ob}/{ka}*100,1))"),
        optioneel(t.dekking_percentage, 1),
        &o.procent_vet,
    )?;
    Ok(())
}
