//! The sheet Kostenregels: every line item of `cost`, one row each, its hours and amount as
//! formulas on Invoer and on the index factors of Kosten. Pure, no I/O.
//!
//! The sheet is the workbook's long one (some twenty lines per group and year), so each row
//! holds only what is not elsewhere already: year, group, post, role, hours, a count or base,
//! the amount and how it is financed. The rate and the index factor stand once in Invoer and
//! Kosten and are referred to from the amount; the rows are written in order, one at a time
//! (the sheet may be one that writes each finished row away, see [`super::workbook_met`]).
//!
//! A line partly financed elsewhere is two rows, as in `cost`: first the elsewhere part
//! `ROUND(B × p/100, 2)`, then the TAPA$ part `B − that`, where `B` is the whole line to the cent
//! and `p` the percentage of its rule in Invoer (docs/rekenregels.md, "Elders gefinancierd").

use std::borrow::Cow;

use rust_decimal::Decimal;
use rust_xlsxwriter::utility::row_col_to_cell;
use rust_xlsxwriter::{Worksheet, XlsxError};

use crate::calc::cost::{Financiering, KostenJaar, Post, Regel};
use crate::calc::financiering;
use crate::calc::overzicht::overhead_grondslag;
use crate::scenario::{KostenpostPer, Scenario};

use super::Werkmap;
use super::invoer::{GroepCellen, InvoerCellen};
use super::kosten::KostenCellen;
use super::opmaak::{
    KOSTEN, Opmaak, REGELS, abs, afdruk, bedrag, exact, financiering_tekst, formule, formule_kolom,
    kol, kolommen, kop_hoogte, kop_rij, op, post_tekst, rol_tekst, titel_en_noot,
};

/// The widths of the line items' columns, in characters.
const BREEDTES: [f64; 8] = [7.0, 24.0, 46.0, 24.0, 10.0, 15.0, 15.0, 13.0];

/// Fills the sheet Kostenregels (`ws`) at the rows `kc` fixed.
pub(super) fn kostenregels(
    ws: &mut Worksheet,
    w: &Werkmap<'_>,
    kc: &KostenCellen,
) -> Result<(), XlsxError> {
    let Werkmap { s, r, inv, o } = *w;
    let k = &r.kosten;
    let n_regels: usize = k.jaren.iter().map(|j| j.regels.len()).sum();
    let (regels_kop, eerste_regel, laatste_regel) =
        (kc.regels_kop, kc.eerste_regel, kc.laatste_regel);
    ws.set_name(REGELS)?;
    ws.set_formula_result_default("");
    kolommen(ws, &BREEDTES)?;
    // The line items' cells take their column's format (see `formule_kolom`).
    ws.set_column_format(kol::UREN, &o.uren)?;
    ws.set_column_format(kol::BEDRAG, &o.euro)?;
    ws.set_column_format(kol::FINANCIERING, &o.midden)?;
    // The texts after the year (a number) stand a little in from their left edge.
    for col in [kol::GROEP, kol::POST, kol::ROL] {
        ws.set_column_format(col, &o.tekst_inspring)?;
    }
    titel_en_noot(
        ws,
        ("Kostenregels", s),
        "Alle kostenregels per jaar. Elk bedrag is uren (of een aantal) maal het tarief uit het \
         blad Invoer maal de indexfactor van het jaar uit het blad Kosten, op centen afgerond. \
         Een regel die deels elders wordt betaald staat er twee keer: eerst het deel elders \
         (het percentage uit het blad Invoer), dan het deel via TAPA$.",
        kol::FINANCIERING,
        BREEDTES.iter().sum(),
        o,
    )?;
    let koppen = [
        "Jaar",
        "Groep",
        "Post",
        "Rol",
        "Uren",
        "Aantal of grondslag",
        "Bedrag",
        "Financiering",
    ];
    kop_rij(ws, regels_kop, &koppen, &[1, 2, 3, 7], o)?;
    ws.set_row_height(regels_kop, kop_hoogte(&koppen, &BREEDTES))?;
    ws.set_repeat_rows(regels_kop, regels_kop)?;
    ws.set_freeze_panes(eerste_regel, 0)?;
    let posten: Vec<Cow<'_, str>> = (0..s.kostenposten.len())
        .map(|i| post_tekst(s, Post::Kostenpost(u16::try_from(i).unwrap_or(u16::MAX))))
        .collect();
    let mut row = eerste_regel;
    for (yi, j) in k.jaren.iter().enumerate() {
        let index = op(KOSTEN, kc.index_rij, super::opmaak::jaar_kolom(yi));
        let ctx = Regelcontext {
            s,
            inv,
            index: &index,
            jaar_start: row,
            posten: &posten,
        };
        for regel in &j.regels {
            regel_rij(ws, row, regel, j, &ctx, o)?;
            row += 1;
        }
    }
    if n_regels > 0 {
        ws.autofilter(regels_kop, 0, laatste_regel, kol::FINANCIERING)?;
    }
    afdruk(ws, laatste_regel.max(regels_kop), kol::FINANCIERING, true)?;
    Ok(())
}

struct Regelcontext<'a> {
    s: &'a Scenario,
    inv: &'a InvoerCellen,
    /// The absolute reference of this year's `I(y)`.
    index: &'a str,
    /// The row of the year's first line (the overhead sums the year's lines above it).
    jaar_start: u32,
    /// The own cost posts' texts in the Post column.
    posten: &'a [Cow<'a, str>],
}

/// How a line is written: its hours (a formula on Invoer, for the posts paid by the hour), its
/// count or base with the cached value, and its whole amount `B` as a formula of the hours.
struct Regelformule {
    uren: Option<String>,
    aantal: Option<(String, String)>,
    /// `B` from the hours' formula or cell (`{uren}` stands for it).
    bedrag: String,
}

/// Which part of a line a row is.
enum Deel<'a> {
    /// The whole line.
    Geheel,
    /// The elsewhere part, by the rule whose percentage is the Invoer cell given.
    Elders(&'a str),
    /// The TAPA$ part: `B` less the elsewhere part in the row above.
    Tapas,
}

/// One line item: its columns, then its hours and amount as formulas on Invoer.
fn regel_rij(
    ws: &mut Worksheet,
    row: u32,
    regel: &Regel,
    jaar: &KostenJaar,
    c: &Regelcontext<'_>,
    o: &Opmaak,
) -> Result<(), XlsxError> {
    beschrijving(ws, row, regel, c)?;
    if regel.post == Post::Overhead {
        return overhead(ws, row, regel, jaar, c, o);
    }
    let Some(f) = formules(regel, c) else {
        // A line the workbook has no formula for: its amount as the CLI has it.
        ws.write_number(row, kol::BEDRAG, super::opmaak::as_f64(regel.bedrag))?;
        return Ok(());
    };
    let deel = deel(regel, c);
    let bedrag_cel = bedrag(regel.bedrag);
    if let Some((af, av)) = &f.aantal {
        formule_kolom(ws, row, kol::AANTAL, af, av.clone())?;
    }
    let uren_waarde = regel.uren.map(exact).unwrap_or_default();
    if let Deel::Geheel = deel {
        let b = match &f.uren {
            Some(u) => {
                formule_kolom(ws, row, kol::UREN, u, uren_waarde)?;
                f.bedrag.replace("{uren}", &row_col_to_cell(row, kol::UREN))
            }
            None => f.bedrag,
        };
        return formule_kolom(ws, row, kol::BEDRAG, &b, bedrag_cel);
    }
    // The part of the line's hours or amount `x` in column `col`: the elsewhere share, or the
    // TAPA$ rest after the elsewhere part in the row above.
    let deel_formule = |x: &str, col: u16| match deel {
        Deel::Elders(p) if col == kol::BEDRAG => format!("ROUND({x}*{p}/100,2)"),
        Deel::Elders(p) => format!("{x}*{p}/100"),
        _ => format!("{x}-{}", row_col_to_cell(row.saturating_sub(1), col)),
    };
    let b = match &f.uren {
        Some(u) => {
            let u = format!("({u})");
            formule_kolom(
                ws,
                row,
                kol::UREN,
                &deel_formule(&u, kol::UREN),
                uren_waarde,
            )?;
            f.bedrag.replace("{uren}", &u)
        }
        None => f.bedrag,
    };
    formule_kolom(
        ws,
        row,
        kol::BEDRAG,
        &deel_formule(&b, kol::BEDRAG),
        bedrag_cel,
    )
}

/// A line item's descriptive columns: year, group, post, role and financing.
fn beschrijving(
    ws: &mut Worksheet,
    row: u32,
    regel: &Regel,
    c: &Regelcontext<'_>,
) -> Result<(), XlsxError> {
    ws.write_number(row, kol::JAAR, f64::from(regel.jaar))?;
    if let Some(g) = regel.groep.and_then(|gi| c.s.groepen.get(gi)) {
        ws.write_string(row, kol::GROEP, &g.naam)?;
    }
    match regel.post {
        Post::Kostenpost(i) => {
            let t = c.posten.get(usize::from(i)).map_or("", |t| t.as_ref());
            ws.write_string(row, kol::POST, t)?;
        }
        post => {
            ws.write_string(row, kol::POST, post.label())?;
        }
    }
    if let Some(rol) = &regel.rol {
        ws.write_string(row, kol::ROL, rol_tekst(rol))?;
    }
    ws.write_string(
        row,
        kol::FINANCIERING,
        financiering_tekst(regel.financiering),
    )?;
    Ok(())
}

/// Which part of its costs a line is: the whole, or one side of a partial elsewhere financing.
fn deel<'a>(regel: &Regel, c: &Regelcontext<'a>) -> Deel<'a> {
    let s = c.s;
    let pct = financiering::elders_regel(s, regel.rol.as_deref(), regel.post, regel.jaar)
        .filter(|e| !e.geheel())
        .and_then(|e| {
            s.financiering_elders
                .iter()
                .position(|x| std::ptr::eq(x, e))
        })
        .and_then(|i| c.inv.elders_percentage.get(i));
    match (pct, regel.financiering) {
        (None, _) => Deel::Geheel,
        (Some(p), Financiering::Elders) => Deel::Elders(p),
        (Some(_), Financiering::Tapas) => Deel::Tapas,
    }
}

/// The formulas of a line other than the overhead (docs/rekenregels.md's formula for its post),
/// or `None` when a cell it needs is missing.
fn formules(regel: &Regel, c: &Regelcontext<'_>) -> Option<Regelformule> {
    let (s, inv, i) = (c.s, c.inv, c.index);
    let rol_index = regel
        .rol
        .as_deref()
        .and_then(|rol| s.uurtarieven.iter().position(|u| &*u.rol == rol));
    let groep = regel.groep.and_then(|gi| inv.groepen.get(gi));
    let groep_model = regel.groep.and_then(|gi| s.groepen.get(gi));
    let uur = |uren: String, tarief: &str| Regelformule {
        uren: Some(uren),
        aantal: None,
        bedrag: format!("ROUND({{uren}}*{tarief}*{i},2)"),
    };
    let vast = |tarief: &str| Regelformule {
        uren: None,
        aantal: None,
        bedrag: format!("ROUND({tarief}*{i},2)"),
    };
    let per = |tarief: &str, aantal: String, waarde: Decimal| Regelformule {
        uren: None,
        bedrag: format!("ROUND({tarief}*{aantal}*{i},2)"),
        aantal: Some((aantal, exact(waarde))),
    };
    Some(match regel.post {
        Post::Bijeenkomsten
        | Post::Voorzitter
        | Post::Coordinatie
        | Post::TelefonischeOndersteuning => {
            let ri = rol_index?;
            let tarief = inv.tarief.get(ri)?;
            uur(uren_formule(regel.post, groep?, ri)?, tarief)
        }
        Post::Projectleiding => uur(
            inv.projectleiding_uren.clone(),
            &inv.projectleiding_uurtarief,
        ),
        Post::Ict => vast(&inv.ict),
        Post::Startkosten => vast(&inv.startkosten),
        Post::Monitoring => vast(&inv.monitoring),
        Post::Huisvesting => {
            let (g, gm) = (groep?, groep_model?);
            let b = Decimal::from(gm.werkwijze.bijeenkomsten_per_jaar);
            per(&inv.huisvesting, g.bijeenkomsten.clone(), b)
        }
        Post::Scholing => {
            let (g, gm) = (groep?, groep_model?);
            let n = Decimal::from(gm.totaal_deelnemers());
            per(&inv.scholing, format!("SUM({})", g.deelnemers_bereik), n)
        }
        Post::Kostenpost(ki) => {
            let k = s.kostenposten.get(usize::from(ki))?;
            let tarief = inv.kostenpost.get(usize::from(ki))?;
            match (k.per, groep, groep_model) {
                (KostenpostPer::Bijeenkomst, Some(g), Some(gm)) => {
                    let b = Decimal::from(gm.werkwijze.bijeenkomsten_per_jaar);
                    per(tarief, g.bijeenkomsten.clone(), b)
                }
                (KostenpostPer::Bijeenkomst, _, _) => return None,
                _ => vast(tarief),
            }
        }
        Post::Overhead => return None,
    })
}

/// The formula of a line's hours on Invoer, for the posts paid by the hour of a group.
fn uren_formule(post: Post, g: &GroepCellen, ri: usize) -> Option<String> {
    match post {
        Post::Bijeenkomsten => g.deelnemers.get(ri).map(|n| {
            format!(
                "{}*{n}*({}+{}+{})",
                g.bijeenkomsten, g.duur, g.voorbereiding, g.reistijd
            )
        }),
        Post::Voorzitter => Some(format!("{}*{}", g.bijeenkomsten, g.voorzitter_uren)),
        Post::Coordinatie => Some(format!("{}*{}", g.patienten, g.coordinatie)),
        Post::TelefonischeOndersteuning => Some(g.telefonisch.clone()),
        _ => None,
    }
}

/// The overhead line: the rate times its base, this year's TAPA$ lines above it.
fn overhead(
    ws: &mut Worksheet,
    row: u32,
    regel: &Regel,
    jaar: &KostenJaar,
    c: &Regelcontext<'_>,
    o: &Opmaak,
) -> Result<(), XlsxError> {
    // The base: this year's TAPA$ lines above this one (the overhead is the year's last
    // line, so the range never contains the formula itself).
    let grondslag = overhead_grondslag(jaar);
    let eind = row.saturating_sub(1).max(c.jaar_start);
    let f = if row > c.jaar_start {
        format!(
            "SUMIFS({}:{},{}:{},\"{}\")",
            abs(c.jaar_start, kol::BEDRAG),
            abs(eind, kol::BEDRAG),
            abs(c.jaar_start, kol::FINANCIERING),
            abs(eind, kol::FINANCIERING),
            financiering_tekst(Financiering::Tapas)
        )
    } else {
        "0".to_string()
    };
    formule(ws, row, kol::AANTAL, &f, bedrag(grondslag), &o.euro)?;
    formule_kolom(
        ws,
        row,
        kol::BEDRAG,
        &format!(
            "ROUND({}/100*{},2)",
            c.inv.overhead,
            row_col_to_cell(row, kol::AANTAL)
        ),
        bedrag(regel.bedrag),
    )?;
    Ok(())
}
