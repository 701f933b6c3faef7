//! The sheet Zorgreductie: patients and the six indicators per year. Pure, no I/O.

use rust_xlsxwriter::utility::row_col_to_cell;
use rust_xlsxwriter::{Worksheet, XlsxError};

use crate::calc::impact::ImpactResultaat;
use crate::scenario::{IndicatorId, Scenario};

use super::Werkmap;
use super::invoer::InvoerCellen;
use super::kosten::KostenCellen;
use super::opmaak::{
    KOSTEN, Opmaak, abs, afdruk, bedrag, exact, formule, jaar_bereik, jaar_blad, jaar_kolom,
    jaar_kop_herhaald, kolom_vast_rij, op, som_totaal, titel_en_noot, totaal_kolom,
};

pub(super) const ZORGREDUCTIE: &str = "Zorgreductie";

/// The row of the avoided costs per year in `Zorgreductie`.
pub(super) struct ZorgCellen {
    pub(super) vermeden_kosten: u32,
}

pub(super) fn zorgreductie(
    ws: &mut Worksheet,
    w: &Werkmap<'_>,
    kc: &KostenCellen,
) -> Result<Option<ZorgCellen>, XlsxError> {
    let Werkmap { s, r, inv, o } = *w;
    jaar_blad(ws, ZORGREDUCTIE, (44.0, 18.0))?;
    let tot = totaal_kolom(s);
    let breedte = 62.0 + 15.0 * f64::from(s.looptijd_jaren + 1);
    let (Some(i), Some(imp)) = (&r.impact, &s.impact) else {
        titel_en_noot(
            ws,
            (ZORGREDUCTIE, s),
            "Dit scenario rekent geen verwachte zorgreductie; de vermeden kosten zijn niet \
             berekend.",
            tot,
            breedte,
            o,
        )?;
        afdruk(ws, 1, tot, false)?;
        return Ok(None);
    };
    titel_en_noot(
        ws,
        (ZORGREDUCTIE, s),
        "Verwachte aantallen overleden palliatieve patiënten per indicator (laatste 30 dagen), niet \
         afgerond; vermeden kosten per indicator en jaar op centen afgerond.",
        tot,
        breedte,
        o,
    )?;
    let kop: u32 = 3;
    jaar_kop_herhaald(ws, kop, s, o)?;
    let pat_rij: u32 = 4;
    patienten(ws, s, i, inv, kop, pat_rij, o)?;
    let c = Blad {
        s,
        i,
        inv,
        kc,
        o,
        pat_rij,
        tot,
    };
    let eerste = pat_rij + 2;
    let blok = |k: usize| eerste + 5 * u32::try_from(k).unwrap_or(0);
    for (k, cellen) in inv.indicator.iter().enumerate() {
        let b = blok(k);
        if !imp.indicatoren.iter().any(|x| x.id == cellen.0) {
            continue;
        }
        indicator_blok(ws, &c, b, cellen)?;
    }
    let vk = blok(inv.indicator.len());
    let rijen: Vec<u32> = (0..inv.indicator.len()).map(|k| blok(k) + 4).collect();
    vermeden_totaal(ws, &c, vk, &rijen)?;
    afdruk(ws, vk, tot, s.looptijd_jaren > 4)?;
    Ok(Some(ZorgCellen {
        vermeden_kosten: vk,
    }))
}

/// The patients of the active groups per year, `P(jaar)`, and over the horizon.
fn patienten(
    ws: &mut Worksheet,
    s: &Scenario,
    i: &ImpactResultaat,
    inv: &InvoerCellen,
    kop: u32,
    pat_rij: u32,
    o: &Opmaak,
) -> Result<(), XlsxError> {
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
        totaal_kolom(s),
        &format!("SUM({})", jaar_bereik(s, pat_rij)),
        exact(i.patienten),
        &o.aantal,
    )?;
    Ok(())
}

/// The avoided costs of all indicators in row `vk`: the sum of the indicators' rows `rijen`.
fn vermeden_totaal(
    ws: &mut Worksheet,
    c: &Blad<'_>,
    vk: u32,
    rijen: &[u32],
) -> Result<(), XlsxError> {
    let Blad { s, i, o, .. } = *c;
    ws.write_string_with_format(vk, 0, "Vermeden kosten totaal", &o.label_totaal)?;
    ws.write_string_with_format(vk, 1, "", &o.label_totaal)?;
    let cellen_vk = |col: u16| -> String {
        rijen
            .iter()
            .map(|r| row_col_to_cell(*r, col))
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
    som_totaal(ws, s, vk, i.vermeden_kosten, &o.euro_totaal)?;
    Ok(())
}

/// What every indicator block needs.
#[derive(Clone, Copy)]
struct Blad<'a> {
    s: &'a Scenario,
    i: &'a ImpactResultaat,
    inv: &'a InvoerCellen,
    kc: &'a KostenCellen,
    o: &'a Opmaak,
    /// The row of the patients per year, and the total column.
    pat_rij: u32,
    tot: u16,
}

/// One indicator's block from row `b`: its title, then without PaTz, avoided, with PaTz and the
/// avoided costs, per year and over the horizon.
fn indicator_blok(
    ws: &mut Worksheet,
    c: &Blad<'_>,
    b: u32,
    cellen: &(IndicatorId, String, String, String),
) -> Result<(), XlsxError> {
    let Blad {
        s,
        i,
        inv,
        kc,
        o,
        pat_rij,
        tot,
    } = *c;
    let (id, basis, reductie, kosten) = cellen;
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
        return Ok(());
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
    som_totaal(ws, s, b + 4, t.vermeden_kosten, &o.euro)?;
    Ok(())
}
