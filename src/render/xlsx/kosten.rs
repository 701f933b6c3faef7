//! The sheets Kosten (the indexation factors, the costs per post and their chart) and
//! Kostenregels (every line item as a formula on Invoer). Pure, no I/O.

use rust_decimal::Decimal;
use rust_xlsxwriter::utility::row_col_to_cell;
use rust_xlsxwriter::{Worksheet, XlsxError};

use crate::calc::Resultaat;
use crate::calc::cost::{Financiering, KostenJaar, Post, Regel};
use crate::calc::overzicht::{Subtotaal, overhead_grondslag, per_post};
use crate::scenario::Scenario;

use super::grafiek;
use super::invoer::{GroepCellen, InvoerCellen};
use super::opmaak::{
    Opmaak, abs, afdruk, as_f64, bedrag, exact, financiering_tekst, formule, formule_kolom,
    jaar_bereik, jaar_kolom, jaar_kop, kolom_vast_rij, kolommen, kop_hoogte, kop_rij, noot, op,
    rol_tekst, titel, totaal_kolom,
};

pub(super) const KOSTEN: &str = "Kosten";
pub(super) const REGELS: &str = "Kostenregels";

/// Where the cost sheet keeps what other sheets need.
pub(super) struct KostenCellen {
    /// `I(y)` per year, absolute (`Kosten!$C$5`); the same column as the year elsewhere.
    pub(super) index_rij: u32,
    /// The line items' columns `Jaar`, `Bedrag` and `Financiering`, as absolute ranges.
    pub(super) jaar_bereik: String,
    pub(super) bedrag_bereik: String,
    pub(super) financiering_bereik: String,
}

/// The widths of the line items' columns, in characters.
const BREEDTES: [f64; 10] = [7.0, 24.0, 46.0, 24.0, 10.0, 14.0, 13.0, 12.0, 15.0, 14.0];

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

/// Fills the sheet Kosten (`ws`) and the sheet Kostenregels (`regels`).
pub(super) fn kosten(
    ws: &mut Worksheet,
    regels: &mut Worksheet,
    s: &Scenario,
    r: &Resultaat,
    inv: &InvoerCellen,
    o: &Opmaak,
) -> Result<KostenCellen, XlsxError> {
    let k = &r.kosten;
    ws.set_name(KOSTEN)?;
    ws.set_column_width(0, 44)?;
    ws.set_column_width(1, 4)?;
    ws.set_column_range_width(2, 40, 15)?;
    titel(ws, &format!("Kosten — {}", s.naam), o)?;
    noot(
        ws,
        1,
        "Elke kostenpost is de som van zijn regels in het blad Kostenregels; elke regel is een \
         formule op het blad Invoer, per regel op centen afgerond; elk totaal is de som van de \
         afgeronde regels.",
        totaal_kolom(s),
        48.0 + 15.0 * f64::from(s.looptijd_jaren + 1),
        o,
    )?;

    let posten = per_post(k);
    let n_regels: usize = k.jaren.iter().map(|j| j.regels.len()).sum();
    let n_posten = u32::try_from(posten.len()).unwrap_or(0);
    let eerste_post = 7;
    let post_totaal = eerste_post + n_posten;
    let regels_kop = 3;
    let eerste_regel = regels_kop + 1;
    let i = Indeling {
        kop_jaar: 3,
        eerste_post,
        post_totaal,
        regels_kop,
        eerste_regel,
        laatste_regel: eerste_regel + u32::try_from(n_regels.max(1)).unwrap_or(0) - 1,
    };
    let index_rij: u32 = 4;
    let cellen = KostenCellen {
        index_rij,
        jaar_bereik: i.bereik(kol::JAAR),
        bedrag_bereik: i.bereik(kol::BEDRAG),
        financiering_bereik: i.bereik(kol::FINANCIERING),
    };
    let kop_jaar = i.kop_jaar;

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
    posten_blok(ws, s, r, &posten, &i, o)?;
    let eind = grafiek::kosten_per_post(ws, s, &posten, kop_jaar, eerste_post, post_totaal + 2)?;
    afdruk(ws, eind, totaal_kolom(s), s.looptijd_jaren > 4)?;
    regels_blok(regels, s, r, inv, index_rij, &i, o)?;
    Ok(cellen)
}

/// Where the blocks of the cost sheet stand.
struct Indeling {
    /// The row of the years' header.
    kop_jaar: u32,
    /// The first post's row and the total under the posts.
    eerste_post: u32,
    post_totaal: u32,
    /// The header of the line items, and their first and last row.
    regels_kop: u32,
    eerste_regel: u32,
    laatste_regel: u32,
}

impl Indeling {
    /// The line items' column `col`, as an absolute range on the sheet Kostenregels.
    fn bereik(&self, col: u16) -> String {
        format!(
            "{REGELS}!{}:{}",
            abs(self.eerste_regel, col),
            abs(self.laatste_regel, col)
        )
    }
}

/// The costs per post and year, each a `SUMIFS` over the line items, and their total.
fn posten_blok(
    ws: &mut Worksheet,
    s: &Scenario,
    r: &Resultaat,
    posten: &[(Post, Subtotaal)],
    i: &Indeling,
    o: &Opmaak,
) -> Result<(), XlsxError> {
    let k = &r.kosten;
    let (kop_jaar, eerste_post, post_totaal) = (i.kop_jaar, i.eerste_post, i.post_totaal);
    let bereik = |col: u16| i.bereik(col);
    let post_kop = eerste_post - 1;
    ws.write_string_with_format(post_kop, 0, "Kosten per post", &o.sectie)?;
    let tot_col = totaal_kolom(s);
    for (pi, (post, sub)) in posten.iter().enumerate() {
        let row = eerste_post + u32::try_from(pi).unwrap_or(0);
        ws.write_string(row, 0, post.label())?;
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
                    post.label()
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
    Ok(())
}

/// Every line item as a row of formulas, with an autofilter.
fn regels_blok(
    ws: &mut Worksheet,
    s: &Scenario,
    r: &Resultaat,
    inv: &InvoerCellen,
    index_rij: u32,
    i: &Indeling,
    o: &Opmaak,
) -> Result<(), XlsxError> {
    let k = &r.kosten;
    let n_regels: usize = k.jaren.iter().map(|j| j.regels.len()).sum();
    let (regels_kop, eerste_regel, laatste_regel) = (i.regels_kop, i.eerste_regel, i.laatste_regel);
    ws.set_name(REGELS)?;
    titel(ws, &format!("Kostenregels — {}", s.naam), o)?;
    noot(
        ws,
        1,
        "Alle kostenregels per jaar. Uren, tarieven en aantallen komen uit het blad Invoer, de \
         indexfactor uit het blad Kosten; elk bedrag is op centen afgerond.",
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
        "Tarief of bedrag per eenheid",
        "Aantal of grondslag",
        "Indexfactor",
        "Bedrag",
        "Financiering",
    ];
    kolommen(ws, &BREEDTES)?;
    kop_rij(ws, regels_kop, &koppen, &[1, 2, 3, 9], o)?;
    ws.set_row_height(regels_kop, kop_hoogte(&koppen, &BREEDTES))?;
    ws.set_repeat_rows(regels_kop, regels_kop)?;
    ws.set_freeze_panes(eerste_regel, 0)?;
    // The line items' cells take their column's format (see `formule_kolom`).
    ws.set_column_format(kol::UREN, &o.uren)?;
    ws.set_column_format(kol::TARIEF, &o.euro)?;
    ws.set_column_format(kol::INDEX, &o.factor)?;
    ws.set_column_format(kol::BEDRAG, &o.euro)?;
    ws.set_column_format(kol::FINANCIERING, &o.midden)?;
    let mut row = eerste_regel;
    for (yi, j) in k.jaren.iter().enumerate() {
        let index = op(KOSTEN, index_rij, jaar_kolom(yi));
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
}

/// One line item: its columns, then its hours and amount as formulas on Invoer. (One arm per
/// kind of line, each docs/rekenregels.md's formula for it; they share the row's cell closures, so the match
/// stays in one function.)
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
    ws.write_string(row, kol::POST, regel.post.label())?;
    if let Some(rol) = &regel.rol {
        ws.write_string(row, kol::ROL, rol_tekst(rol))?;
    }
    let cel = |col: u16| row_col_to_cell(row, col);
    // A line's amount: the product of two of its cells and the index factor, to the cent.
    let indexed = |a: u16, b: u16| format!("ROUND({}*{}*{},2)", cel(a), cel(b), cel(kol::INDEX));
    formule_kolom(ws, row, kol::INDEX, c.index, exact(jaar.indexfactor))?;
    let rol_index = regel
        .rol
        .as_deref()
        .and_then(|rol| s.uurtarieven.iter().position(|u| &*u.rol == rol));
    let groep = regel.groep.and_then(|gi| inv.groepen.get(gi));
    let groep_model = regel.groep.and_then(|gi| s.groepen.get(gi));
    let uren_formule = uren_formule(regel, inv, groep, rol_index);
    if let (Some(f), Some(u)) = (&uren_formule, regel.uren) {
        formule_kolom(ws, row, kol::UREN, f, exact(u))?;
    }
    let bedrag_cel = bedrag(regel.bedrag);
    match regel.post {
        Post::Bijeenkomsten
        | Post::Voorzitter
        | Post::Coordinatie
        | Post::TelefonischeOndersteuning => {
            let Some(ri) = rol_index else {
                ws.write_number(row, kol::BEDRAG, as_f64(regel.bedrag))?;
                return Ok(());
            };
            let tarief = inv.tarief.get(ri).cloned().unwrap_or_default();
            let t = s.uurtarieven.get(ri).map_or(Decimal::ZERO, |u| u.bedrag);
            formule_kolom(ws, row, kol::TARIEF, &tarief, exact(t))?;
            formule_kolom(
                ws,
                row,
                kol::BEDRAG,
                &indexed(kol::UREN, kol::TARIEF),
                bedrag_cel,
            )?;
            let elders = inv.elders.get(ri).cloned().unwrap_or_default();
            formule_kolom(
                ws,
                row,
                kol::FINANCIERING,
                &format!(
                    "IF({elders}=\"ja\",\"{}\",\"{}\")",
                    financiering_tekst(Financiering::Elders),
                    financiering_tekst(Financiering::Tapas)
                ),
                financiering_tekst(regel.financiering).to_string(),
            )?;
            return Ok(());
        }
        Post::Projectleiding => {
            let t = s.ondersteuning.projectleiding_uurtarief;
            formule_kolom(
                ws,
                row,
                kol::TARIEF,
                &inv.projectleiding_uurtarief,
                exact(t),
            )?;
            formule_kolom(
                ws,
                row,
                kol::BEDRAG,
                &indexed(kol::UREN, kol::TARIEF),
                bedrag_cel,
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
            formule_kolom(ws, row, kol::TARIEF, f, exact(t))?;
            formule_kolom(
                ws,
                row,
                kol::BEDRAG,
                &format!("ROUND({}*{},2)", cel(kol::TARIEF), cel(kol::INDEX)),
                bedrag_cel,
            )?;
        }
        Post::Huisvesting | Post::Scholing => {
            let (Some(g), Some(gm)) = (groep, groep_model) else {
                ws.write_number(row, kol::BEDRAG, as_f64(regel.bedrag))?;
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
            formule_kolom(ws, row, kol::TARIEF, tf, exact(t))?;
            formule_kolom(ws, row, kol::AANTAL, &af, exact(a))?;
            formule_kolom(
                ws,
                row,
                kol::BEDRAG,
                &indexed(kol::TARIEF, kol::AANTAL),
                bedrag_cel,
            )?;
        }
        Post::Overhead => overhead(ws, row, regel, jaar, c, o)?,
        // A [[kostenpost]] of the region's own: its amount as the CLI has it.
        Post::Kostenpost(_) => {
            ws.write_number_with_format(row, kol::BEDRAG, as_f64(regel.bedrag), &o.euro)?;
        }
    }
    ws.write_string(
        row,
        kol::FINANCIERING,
        financiering_tekst(regel.financiering),
    )?;
    Ok(())
}

/// The formula of a line's hours on Invoer, for the posts paid by the hour.
fn uren_formule(
    regel: &Regel,
    inv: &InvoerCellen,
    groep: Option<&GroepCellen>,
    rol_index: Option<usize>,
) -> Option<String> {
    match (regel.post, groep, rol_index) {
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
    let cel = |col: u16| row_col_to_cell(row, col);
    let (s, inv) = (c.s, c.inv);
    let bedrag_cel = bedrag(regel.bedrag);
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
    formule(
        ws,
        row,
        kol::TARIEF,
        &inv.overhead,
        exact(s.ondersteuning.overhead_percentage),
        &o.getal,
    )?;
    formule(ws, row, kol::AANTAL, &f, bedrag(grondslag), &o.euro)?;
    formule_kolom(
        ws,
        row,
        kol::BEDRAG,
        &format!("ROUND({}/100*{},2)", cel(kol::TARIEF), cel(kol::AANTAL)),
        bedrag_cel,
    )?;
    Ok(())
}
