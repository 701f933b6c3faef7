//! The sheet Per verzekeraar: each insurer's own businesscase (its kostenaandeel, what its
//! chosen offer pays, the avoided costs among its own insured, netto and ROI) and the region's
//! view of all chosen offers together (opbrengst, tekort, dekking), per year and over the
//! horizon, as formulas on Financiering, Zorgreductie and Invoer (docs/rekenregels.md
//! "De businesscase per verzekeraar"). Pure, no I/O.

use rust_decimal::Decimal;
use rust_xlsxwriter::utility::row_col_to_cell;
use rust_xlsxwriter::{Format, Worksheet, XlsxError};

use crate::calc::Resultaat;
use crate::calc::per_verzekeraar::{VerzekeraarCijfers, VerzekeraarZaak};
use crate::scenario::Scenario;

use super::Werkmap;
use super::financiering::{FINANCIERING, FinCellen};
use super::grafiek;
use super::invoer::InvoerCellen;
use super::opmaak::{
    Opmaak, afdruk, bedrag, formule, jaar_bereik, jaar_blad, jaar_kolom, jaar_kop,
    jaar_kop_herhaald, kop_hoogte, noot, op, optioneel, regels_nodig, titel_en_noot, totaal_kolom,
    verzekeraar_naam,
};
use super::zorgreductie::{ZORGREDUCTIE, ZorgCellen};

pub(super) const VERZEKERAARS: &str = "Per verzekeraar";

/// The rows of one insurer's block, below its name.
const KOSTENAANDEEL: u32 = 0;
const BETALING: u32 = 1;
const VERMEDEN: u32 = 2;
const NETTO: u32 = 3;
const ROI: u32 = 4;

pub(super) fn verzekeraars(
    ws: &mut Worksheet,
    w: &Werkmap<'_>,
    fin: &FinCellen,
    zorg: Option<&ZorgCellen>,
) -> Result<(), XlsxError> {
    let Werkmap { s, r, inv, o } = *w;
    jaar_blad(ws, VERZEKERAARS, (44.0, 4.0))?;
    let tot = totaal_kolom(s);
    let breedte = 48.0 + 15.0 * f64::from(s.looptijd_jaren + 1);
    titel_en_noot(
        ws,
        ("Per verzekeraar", s),
        "Per verzekeraar: wat het gekozen aanbod (het gecontracteerde, anders het aanbod met de \
         hoogste opbrengst) betaalt tegenover het kostenaandeel en de vermeden kosten onder de \
         eigen verzekerden (marktaandeel maal de vermeden kosten van het jaar, op centen \
         afgerond). Daaronder de regio: alle gekozen aanbiedingen samen tegenover wat via TAPA$ \
         gefinancierd moet worden.",
        tot,
        breedte,
        o,
    )?;
    let pv = &r.per_verzekeraar;
    if pv.verzekeraars.is_empty() {
        let kop: u32 = 3;
        jaar_kop(ws, kop, s, o)?;
        let row = kop + 2;
        ws.write_string_with_format(row, 0, "Dit scenario noemt geen zorgverzekeraars.", &o.noot)?;
        afdruk(ws, row, tot, s.looptijd_jaren > 4)?;
        return Ok(());
    }
    // First the insurers over the horizon and their chart, then the blocks per year under a
    // year header that repeats on every page.
    let overzicht = Overzicht {
        kop: OVERZICHT_KOP,
        eerste: OVERZICHT_KOP + 1,
        n: u32::try_from(pv.verzekeraars.len()).unwrap_or(0),
        met_zorg: zorg.is_some(),
    };
    let grafiek_rij = overzicht.eerste + overzicht.n + 1;
    let kop = grafiek_rij + grafiek::RIJEN + 1;
    jaar_kop_herhaald(ws, kop, s, o)?;
    let mut row = kop + 2;
    let mut blokken = Vec::new();
    for zaak in &pv.verzekeraars {
        blokken.push(row + 1);
        row = verzekeraar(ws, s, r, inv, fin, zorg, zaak, row, o)? + 1;
    }
    let betaling_rijen: Vec<u32> = blokken.iter().map(|b0| b0 + BETALING).collect();
    let eind = regio(ws, s, r, fin, &betaling_rijen, row, o)?;
    let laatste_kolom = overzicht_tabel(ws, s, pv, &overzicht, &blokken, o)?;
    grafiek::per_verzekeraar(
        ws,
        VERZEKERAARS,
        "Per verzekeraar over de looptijd",
        (overzicht.eerste, overzicht.n, overzicht.kop),
        &overzicht.grafiek_kolommen(),
        grafiek_rij,
    )?;
    afdruk(ws, eind, tot.max(laatste_kolom), s.looptijd_jaren > 4)?;
    Ok(())
}

/// The header row of the insurers over the horizon.
const OVERZICHT_KOP: u32 = 4;

/// Where the insurers over the horizon stand: a header, then one row per insurer with the
/// totals of its block (columns C onwards); without avoided costs only kostenaandeel and
/// betaling.
struct Overzicht {
    kop: u32,
    eerste: u32,
    n: u32,
    met_zorg: bool,
}

impl Overzicht {
    /// The figures: the row of each in an insurer's block and the heading.
    fn cijfers(&self) -> &'static [(u32, &'static str)] {
        const ALLE: [(u32, &str); 4] = [
            (KOSTENAANDEEL, "Kostenaandeel"),
            (BETALING, "Betaling (gekozen aanbod)"),
            (VERMEDEN, "Vermeden kosten eigen verzekerden"),
            (NETTO, "Netto (vermeden − betaling)"),
        ];
        if self.met_zorg { &ALLE } else { &ALLE[..2] }
    }

    /// The columns of the chart: betaling against the avoided costs, or, without them, the
    /// kostenaandeel against the betaling.
    fn grafiek_kolommen(&self) -> Vec<u16> {
        if self.met_zorg {
            vec![OVERZICHT_KOLOM + 1, OVERZICHT_KOLOM + 2]
        } else {
            vec![OVERZICHT_KOLOM, OVERZICHT_KOLOM + 1]
        }
    }
}

/// The first column of the figures over the horizon.
const OVERZICHT_KOLOM: u16 = 2;

/// Per insurer its totals over the horizon, each a reference to the total of its block.
/// Returns the table's last column.
fn overzicht_tabel(
    ws: &mut Worksheet,
    s: &Scenario,
    pv: &crate::calc::per_verzekeraar::PerVerzekeraar,
    ov: &Overzicht,
    blokken: &[u32],
    o: &Opmaak,
) -> Result<u16, XlsxError> {
    ws.write_string_with_format(ov.kop - 1, 0, "De verzekeraars over de looptijd", &o.sectie)?;
    ws.write_string_with_format(ov.kop, 0, "Verzekeraar", &o.kop)?;
    ws.write_string_with_format(ov.kop, 1, "", &o.kop)?;
    let mut koppen = vec![""; usize::from(OVERZICHT_KOLOM)];
    let mut breedtes = vec![44.0, 4.0];
    let mut col = OVERZICHT_KOLOM;
    for (_, k) in ov.cijfers() {
        ws.write_string_with_format(ov.kop, col, *k, &o.kop_rechts)?;
        koppen.push(k);
        breedtes.push(15.0);
        col += 1;
    }
    ws.set_row_height(ov.kop, kop_hoogte(&koppen, &breedtes))?;
    let tot = totaal_kolom(s);
    for ((i, zaak), b0) in pv.verzekeraars.iter().enumerate().zip(blokken) {
        let row = ov.eerste + u32::try_from(i).unwrap_or(0);
        let naam = verzekeraar_naam(s, zaak.verzekeraar);
        ws.write_string(row, 0, naam)?;
        let t = &zaak.totaal;
        for (k, (m, _)) in ov.cijfers().iter().enumerate() {
            let waarde = match *m {
                KOSTENAANDEEL => Some(t.kostenaandeel),
                BETALING => Some(t.betaling),
                VERMEDEN => t.vermeden_kosten,
                _ => t.netto,
            };
            let col = OVERZICHT_KOLOM + u16::try_from(k).unwrap_or(0);
            formule(
                ws,
                row,
                col,
                &row_col_to_cell(b0 + m, tot),
                waarde.map_or_else(String::new, bedrag),
                &o.euro,
            )?;
        }
    }
    Ok(col.saturating_sub(1))
}

/// Writes `per_jaar` and `totaal` into `row`: per year the formula `f(yi, col)` with its cached
/// value, and in the total column `totaal_f(tot)`.
fn rij(
    ws: &mut Worksheet,
    s: &Scenario,
    row: u32,
    waarden: (Vec<String>, String),
    f: impl Fn(usize, u16) -> String,
    totaal_f: impl Fn(u16) -> String,
    (fmt, fmt_tot): (&Format, &Format),
) -> Result<(), XlsxError> {
    let (per_jaar, totaal) = waarden;
    for (yi, v) in per_jaar.into_iter().enumerate() {
        let col = jaar_kolom(yi);
        formule(ws, row, col, &f(yi, col), v, fmt)?;
    }
    let tot = totaal_kolom(s);
    formule(ws, row, tot, &totaal_f(tot), totaal, fmt_tot)?;
    Ok(())
}

/// Writes `waarden` into `row` with the same formula `f(col)` in every year and in total.
fn rij_gelijk(
    ws: &mut Worksheet,
    s: &Scenario,
    row: u32,
    waarden: (Vec<String>, String),
    f: impl Fn(u16) -> String,
    fmts: (&Format, &Format),
) -> Result<(), XlsxError> {
    rij(ws, s, row, waarden, |_, col| f(col), &f, fmts)
}

/// The total of `row`: the sum of its year cells, to the cent.
fn som_jaren(s: &Scenario, row: u32) -> impl Fn(u16) -> String + '_ {
    move |_| format!("ROUND(SUM({}),2)", jaar_bereik(s, row))
}

/// The cached texts of one figure per year and in total.
fn waarden(
    zaak: &VerzekeraarZaak,
    pick: impl Fn(&VerzekeraarCijfers) -> String,
) -> (Vec<String>, String) {
    (
        zaak.jaren.iter().map(|(_, c)| pick(c)).collect(),
        pick(&zaak.totaal),
    )
}

/// One insurer's block: its name and chosen offer, then kostenaandeel, betaling, vermeden
/// kosten, netto and ROI. Returns the row after it.
#[allow(clippy::too_many_arguments)]
fn verzekeraar(
    ws: &mut Worksheet,
    s: &Scenario,
    r: &Resultaat,
    inv: &InvoerCellen,
    fin: &FinCellen,
    zorg: Option<&ZorgCellen>,
    zaak: &VerzekeraarZaak,
    row: u32,
    o: &Opmaak,
) -> Result<u32, XlsxError> {
    let a = &r.aanbiedingen;
    verzekeraar_kop(ws, s, zaak, row, o)?;
    let vi = a
        .verzekeraars
        .iter()
        .position(|v| v.verzekeraar == zaak.verzekeraar);
    let b0 = row + 1;
    let labels = [
        (KOSTENAANDEEL, "Kostenaandeel"),
        (BETALING, "Betaling (gekozen aanbod)"),
        (VERMEDEN, "Vermeden kosten eigen verzekerden"),
        (NETTO, "Netto (vermeden − betaling)"),
        (ROI, "ROI (%)"),
    ];
    let n = if zorg.is_some() { labels.len() } else { 2 };
    for (m, label) in labels.iter().take(n) {
        ws.write_string(b0 + m, 0, *label)?;
    }
    let aandeel_rij = vi.and_then(|vi| fin.aandeel_rij.get(vi)).copied();
    rij(
        ws,
        s,
        b0 + KOSTENAANDEEL,
        waarden(zaak, |c| bedrag(c.kostenaandeel)),
        |_, col| aandeel_rij.map_or_else(|| "0".into(), |ar| op(FINANCIERING, ar, col)),
        som_jaren(s, b0 + KOSTENAANDEEL),
        (&o.euro, &o.euro_vet),
    )?;
    // The chosen offer's opbrengst in a year it covers, else 0.
    let opbrengst_rij = zaak
        .gekozen_aanbod
        .and_then(|g| fin.opbrengst_rij.get(g).map(|rij| (g, *rij)));
    rij(
        ws,
        s,
        b0 + BETALING,
        waarden(zaak, |c| bedrag(c.betaling)),
        |yi, col| {
            let jaar = s.startjaar + i32::try_from(yi).unwrap_or(0);
            match opbrengst_rij {
                Some((g, orij)) if a.regels.iter().any(|x| x.aanbod == g && x.jaar == jaar) => {
                    op(FINANCIERING, orij, col)
                }
                _ => "0".into(),
            }
        },
        som_jaren(s, b0 + BETALING),
        (&o.euro, &o.euro_vet),
    )?;
    let Some(z) = zorg else {
        noot(
            ws,
            b0 + VERMEDEN,
            "Vermeden kosten, netto en ROI: zonder verwachte zorgreductie niet berekend.",
            totaal_kolom(s),
            48.0 + 15.0 * f64::from(s.looptijd_jaren + 1),
            o,
        )?;
        return Ok(b0 + VERMEDEN + 1);
    };
    let aandeel = vi
        .and_then(|vi| inv.verzekeraar_aandeel.get(vi))
        .cloned()
        .unwrap_or_else(|| "0".into());
    zorg_rijen(ws, s, zaak, (z, &aandeel), b0, o)?;
    Ok(b0 + ROI + 1)
}

/// An insurer's name and its chosen offer (over the year columns, wrapped there) in `row`.
fn verzekeraar_kop(
    ws: &mut Worksheet,
    s: &Scenario,
    zaak: &VerzekeraarZaak,
    row: u32,
    o: &Opmaak,
) -> Result<(), XlsxError> {
    let naam = verzekeraar_naam(s, zaak.verzekeraar);
    let gekozen = zaak
        .gekozen_aanbod
        .and_then(|g| s.aanbiedingen.get(g))
        .map_or_else(
            || "geen aanbod".to_string(),
            |x| {
                let hoe = if x.gecontracteerd {
                    "gecontracteerd"
                } else {
                    "hoogste opbrengst"
                };
                format!("gekozen aanbod: {} ({hoe})", x.label)
            },
        );
    ws.write_string_with_format(row, 0, naam, &o.sectie)?;
    let tot = totaal_kolom(s);
    ws.merge_range(row, 2, row, tot.max(3), &gekozen, &o.noot)?;
    let regels = regels_nodig(&gekozen, 15.0 * f64::from(tot.max(3) - 1));
    ws.set_row_height(row, 15.0 * f64::from(regels.max(1)) + 3.0)?;
    Ok(())
}

/// An insurer's vermeden kosten (its share `aandeel` of the sheet Zorgreductie's), netto and ROI,
/// each referring to the rows above it in the block that starts at `b0`.
fn zorg_rijen(
    ws: &mut Worksheet,
    s: &Scenario,
    zaak: &VerzekeraarZaak,
    (z, aandeel): (&ZorgCellen, &str),
    b0: u32,
    o: &Opmaak,
) -> Result<(), XlsxError> {
    let cel = |m: u32, col: u16| row_col_to_cell(b0 + m, col);
    let leeg = |c: &VerzekeraarCijfers, v: fn(&VerzekeraarCijfers) -> Option<Decimal>| {
        v(c).map_or_else(String::new, bedrag)
    };
    rij(
        ws,
        s,
        b0 + VERMEDEN,
        waarden(zaak, |c| leeg(c, |c| c.vermeden_kosten)),
        |_, col| {
            format!(
                "ROUND({}*{aandeel}/100,2)",
                op(ZORGREDUCTIE, z.vermeden_kosten, col)
            )
        },
        som_jaren(s, b0 + VERMEDEN),
        (&o.euro, &o.euro_vet),
    )?;
    rij_gelijk(
        ws,
        s,
        b0 + NETTO,
        waarden(zaak, |c| leeg(c, |c| c.netto)),
        |col| format!("ROUND({}-{},2)", cel(VERMEDEN, col), cel(BETALING, col)),
        (&o.euro, &o.euro_vet),
    )?;
    rij_gelijk(
        ws,
        s,
        b0 + ROI,
        waarden(zaak, |c| optioneel(c.roi_percentage, 1)),
        |col| {
            let (n, b) = (cel(NETTO, col), cel(BETALING, col));
            format!("IF({b}=0,\"\",ROUND({n}/{b}*100,1))")
        },
        (&o.procent, &o.procent_vet),
    )
}

/// The region: te financieren, opbrengst of all chosen offers, tekort and dekking. Returns its
/// last row.
fn regio(
    ws: &mut Worksheet,
    s: &Scenario,
    r: &Resultaat,
    fin: &FinCellen,
    betaling_rijen: &[u32],
    row: u32,
    o: &Opmaak,
) -> Result<u32, XlsxError> {
    let g = &r.per_verzekeraar.regio;
    ws.write_string_with_format(row, 0, "De regio: alle gekozen aanbiedingen", &o.sectie)?;
    let b0 = row + 1;
    let labels = [
        "Te financieren via TAPA$",
        "Opbrengst gekozen aanbiedingen",
        "Tekort (negatief: overschot)",
        "Dekking (%)",
    ];
    for (m, label) in labels.iter().enumerate() {
        ws.write_string(b0 + u32::try_from(m).unwrap_or(0), 0, *label)?;
    }
    let cel = |m: u32, col: u16| row_col_to_cell(b0 + m, col);
    let per = |f: fn(&crate::calc::per_verzekeraar::RegioCijfers) -> String| {
        (
            g.jaren.iter().map(|(_, c)| f(c)).collect::<Vec<_>>(),
            f(&g.totaal),
        )
    };
    rij_gelijk(
        ws,
        s,
        b0,
        per(|c| bedrag(c.te_financieren)),
        |col| op(FINANCIERING, fin.te_financieren, col),
        (&o.euro, &o.euro_vet),
    )?;
    let opbrengst = |col: u16| {
        let delen: Vec<String> = betaling_rijen
            .iter()
            .map(|br| row_col_to_cell(*br, col))
            .collect();
        format!("ROUND({},2)", delen.join("+"))
    };
    rij_gelijk(
        ws,
        s,
        b0 + 1,
        per(|c| bedrag(c.opbrengst)),
        opbrengst,
        (&o.euro, &o.euro_vet),
    )?;
    rij_gelijk(
        ws,
        s,
        b0 + 2,
        per(|c| bedrag(c.tekort)),
        |col| format!("ROUND({}-{},2)", cel(0, col), cel(1, col)),
        (&o.euro, &o.euro_vet),
    )?;
    rij_gelijk(
        ws,
        s,
        b0 + 3,
        per(|c| optioneel(c.dekking_percentage, 1)),
        |col| {
            let (t, ob) = (cel(0, col), cel(1, col));
            format!("IF({t}=0,\"\",ROUND({ob}/{t}*100,1))")
        },
        (&o.procent, &o.procent_vet),
    )?;
    Ok(b0 + 3)
}
