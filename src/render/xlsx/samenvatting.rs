//! The sheet Samenvatting: the businesscase as `business-case` gives it. Pure, no I/O.

use rust_decimal::Decimal;
use rust_xlsxwriter::utility::row_col_to_cell;
use rust_xlsxwriter::{Worksheet, XlsxError};

use crate::calc::Resultaat;
use crate::calc::businesscase::{BusinessCase, Saldo};
use crate::scenario::Scenario;

use super::Werkmap;
use super::financiering::{FINANCIERING, FinCellen};
use super::invoer::InvoerCellen;
use super::opmaak::{
    Opmaak, afdruk, bedrag, exact, formule, jaar_blad, jaar_kolom, jaar_kop_herhaald,
    kolom_vast_rij, noot, op, optioneel, som_totaal, titel_en_noot, totaal_kolom,
};
use super::zorgreductie::{ZORGREDUCTIE, ZorgCellen};

pub(super) fn samenvatting(
    ws: &mut Worksheet,
    w: &Werkmap<'_>,
    fin: &FinCellen,
    zorg: Option<&ZorgCellen>,
) -> Result<(), XlsxError> {
    let Werkmap { s, r, inv, o } = *w;
    jaar_blad(ws, "Samenvatting", (44.0, 18.0))?;
    let tot = totaal_kolom(s);
    let breedte = 62.0 + 15.0 * f64::from(s.looptijd_jaren + 1);
    titel_en_noot(
        ws,
        ("Samenvatting", s),
        "De businesscase per jaar en over de hele looptijd: kosten, financiering, vermeden \
         kosten en saldo; elke cel is een formule op de andere bladen.",
        tot,
        breedte,
        o,
    )?;
    let kop: u32 = 3;
    jaar_kop_herhaald(ws, kop, s, o)?;
    let (row, te_rij) = kostenrijen(ws, s, r, fin, o)?;
    let (Some(b), Some(z)) = (&r.businesscase, zorg) else {
        noot(
            ws,
            row + 1,
            "Dit scenario rekent geen verwachte zorgreductie; vermeden kosten en saldo zijn niet \
             berekend.",
            tot,
            breedte,
            o,
        )?;
        afdruk(ws, row + 1, tot, s.looptijd_jaren > 4)?;
        return Ok(());
    };
    let rij = Rijen {
        te: te_rij,
        vk: row,
        netto: row + 1,
        roi: row + 2,
        be: row + 3,
        disc: row + 4,
        cw: row + 5,
        ncw: row + 7,
    };
    labels(ws, &rij, o)?;
    per_jaar(ws, inv, b, z, &rij, o)?;
    totaal(ws, s, b, z, &rij, o)?;
    afdruk(ws, rij.ncw, tot, s.looptijd_jaren > 4)?;
    Ok(())
}

/// The rows of the businesscase part.
#[derive(Clone, Copy)]
struct Rijen {
    /// Te financieren (a cost row, from Financiering).
    te: u32,
    vk: u32,
    netto: u32,
    roi: u32,
    be: u32,
    disc: u32,
    cw: u32,
    ncw: u32,
}

/// The cost totals, taken from Financiering; returns the next row and that of te financieren.
fn kostenrijen(
    ws: &mut Worksheet,
    s: &Scenario,
    r: &Resultaat,
    fin: &FinCellen,
    o: &Opmaak,
) -> Result<(u32, u32), XlsxError> {
    let kop: u32 = 3;
    let k = &r.kosten;
    let n = s.looptijd_jaren as usize;
    let mut row = kop + 1;
    // The cost totals, taken from Financiering.
    let mut rijen: Vec<(&str, u32, Vec<Decimal>, Decimal)> = vec![
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
    if let Some(b) = fin.bijdragen {
        rijen.insert(
            2,
            (
                "Bijdragen uit andere bronnen",
                b,
                k.jaren.iter().map(|j| j.totalen.bijdragen).collect(),
                k.totaal.bijdragen,
            ),
        );
    }
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
    Ok((row, te_rij))
}

/// The labels of the businesscase rows.
fn labels(ws: &mut Worksheet, rij: &Rijen, o: &Opmaak) -> Result<(), XlsxError> {
    ws.write_string(rij.vk, 0, "Vermeden kosten")?;
    ws.write_string_with_format(
        rij.netto,
        0,
        "Netto (vermeden − te financieren)",
        &o.label_totaal,
    )?;
    ws.write_string_with_format(rij.netto, 1, "", &o.label_totaal)?;
    ws.write_string(rij.roi, 0, "ROI (%)")?;
    ws.write_string(rij.be, 0, "Break-even factor")?;
    ws.write_string(
        rij.disc,
        0,
        "Disconteringsfactor (1 + voet/100)^(jaar − startjaar)",
    )?;
    ws.write_string(rij.cw, 0, "Contante waarde van netto")?;
    ws.write_string_with_format(rij.ncw, 0, "Netto contante waarde", &o.label_totaal)?;
    ws.write_string_with_format(rij.ncw, 1, "", &o.label_totaal)?;

    Ok(())
}

/// Every year's avoided costs, netto, ROI, break-even factor and discounted netto.
fn per_jaar(
    ws: &mut Worksheet,
    inv: &InvoerCellen,
    b: &BusinessCase,
    z: &ZorgCellen,
    rij: &Rijen,
    o: &Opmaak,
) -> Result<(), XlsxError> {
    let kop: u32 = 3;
    for (yi, (_, x)) in b.jaren.iter().enumerate() {
        // The factor and the discounted netto of each year, as the CLI sums them.
        let discount = b.disconteringsfactoren.get(yi).copied().unwrap_or_default();
        let cw = b.contante_waarden.get(yi).copied().unwrap_or_default();
        let col = jaar_kolom(yi);
        let cel = |r: u32| row_col_to_cell(r, col);
        saldo(ws, z, rij, col, x, o)?;
        formule(
            ws,
            rij.disc,
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
        formule(
            ws,
            rij.cw,
            col,
            &format!("ROUND({}/{},2)", cel(rij.netto), cel(rij.disc)),
            bedrag(cw),
            &o.euro,
        )?;
    }
    Ok(())
}

/// The avoided costs, netto, ROI and break-even factor of column `col` (a year, or the
/// horizon in the total column): the same formulas on that column's cells.
fn saldo(
    ws: &mut Worksheet,
    z: &ZorgCellen,
    rij: &Rijen,
    col: u16,
    x: &Saldo,
    o: &Opmaak,
) -> Result<(), XlsxError> {
    let cel = |r: u32| row_col_to_cell(r, col);
    formule(
        ws,
        rij.vk,
        col,
        &op(ZORGREDUCTIE, z.vermeden_kosten, col),
        bedrag(x.vermeden_kosten),
        &o.euro,
    )?;
    formule(
        ws,
        rij.netto,
        col,
        &format!("ROUND({}-{},2)", cel(rij.vk), cel(rij.te)),
        bedrag(x.netto),
        &o.euro_totaal,
    )?;
    formule(
        ws,
        rij.roi,
        col,
        &format!(
            "IF({te}=0,\"\",ROUND({}/{te}*100,1))",
            cel(rij.netto),
            te = cel(rij.te)
        ),
        optioneel(x.roi_percentage, 1),
        &o.procent,
    )?;
    formule(
        ws,
        rij.be,
        col,
        &format!(
            "IF({vk}=0,\"\",ROUND({}/{vk},3))",
            cel(rij.te),
            vk = cel(rij.vk)
        ),
        optioneel(x.break_even_factor, 3),
        &o.break_even,
    )?;
    Ok(())
}

/// The horizon's avoided costs, netto, ROI, break-even factor and netto contante waarde.
fn totaal(
    ws: &mut Worksheet,
    s: &Scenario,
    b: &BusinessCase,
    z: &ZorgCellen,
    rij: &Rijen,
    o: &Opmaak,
) -> Result<(), XlsxError> {
    let tot = totaal_kolom(s);
    let cel = |r: u32| row_col_to_cell(r, tot);
    saldo(ws, z, rij, tot, &b.totaal, o)?;
    som_totaal(ws, s, rij.cw, b.netto_contante_waarde, &o.euro)?;
    formule(
        ws,
        rij.ncw,
        tot,
        &cel(rij.cw),
        bedrag(b.netto_contante_waarde),
        &o.euro_totaal,
    )?;
    let d = b.disconteringsvoet_percentage;
    ws.write_string_with_format(rij.ncw, 1, format!("voet {} %", exact(d)), &o.label_totaal)?;
    Ok(())
}
