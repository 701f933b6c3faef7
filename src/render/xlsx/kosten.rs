//! The sheet Kosten: the indexation factors, the costs per post (each a sum over the sheet
//! Kostenregels) and their chart. Pure, no I/O.

use rust_xlsxwriter::{Worksheet, XlsxError};

use crate::calc::Resultaat;
use crate::calc::cost::Post;
use crate::calc::overzicht::{Subtotaal, per_post};
use crate::scenario::Scenario;

use super::Werkmap;
use super::grafiek;
use super::opmaak::{
    KOSTEN, Opmaak, REGELS, abs, afdruk, bedrag, exact, formule, jaar_blad, jaar_kolom,
    jaar_kop_herhaald, kol, kolom_vast_rij, post_tekst, som_totaal, titel_en_noot, totaal_kolom,
};

/// Where the cost sheet keeps what other sheets need, and where the line items will stand.
pub(super) struct KostenCellen {
    /// `I(y)` per year, absolute (`Kosten!$C$5`); the same column as the year elsewhere.
    pub(super) index_rij: u32,
    /// The line items' columns `Jaar`, `Bedrag` and `Financiering`, as absolute ranges.
    pub(super) jaar_bereik: String,
    pub(super) bedrag_bereik: String,
    pub(super) financiering_bereik: String,
    /// The rows of the line items on Kostenregels: header, first and last line.
    pub(super) regels_kop: u32,
    pub(super) eerste_regel: u32,
    pub(super) laatste_regel: u32,
}

/// Fills the sheet Kosten; the line items it sums are written later, by
/// [`super::regels::kostenregels`], where [`KostenCellen`] says.
pub(super) fn kosten(ws: &mut Worksheet, w: &Werkmap<'_>) -> Result<KostenCellen, XlsxError> {
    let Werkmap { s, r, inv, o } = *w;
    let k = &r.kosten;
    jaar_blad(ws, KOSTEN, (44.0, 4.0))?;
    let breedte = 48.0 + 15.0 * f64::from(s.looptijd_jaren + 1);
    titel_en_noot(
        ws,
        ("Kosten", s),
        "Elke kostenpost is de som van zijn regels in het blad Kostenregels; elke regel is een \
         formule op het blad Invoer, per regel op centen afgerond; elk totaal is de som van de \
         afgeronde regels.",
        totaal_kolom(s),
        breedte,
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
        regels_kop: i.regels_kop,
        eerste_regel: i.eerste_regel,
        laatste_regel: i.laatste_regel,
    };
    let kop_jaar = i.kop_jaar;

    // Indexation factors.
    jaar_kop_herhaald(ws, kop_jaar, s, o)?;
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
    for (pi, (post, sub)) in posten.iter().enumerate() {
        let row = eerste_post + u32::try_from(pi).unwrap_or(0);
        ws.write_string(row, 0, post_tekst(s, *post).as_ref())?;
        for (yi, v) in sub.per_jaar.iter().enumerate() {
            let col = jaar_kolom(yi);
            let f = if matches!(post, Post::Kostenpost(_)) {
                // An own post by the text in column A, compared exactly: a name the region
                // typed never stands in a formula, and no character of it is a wildcard.
                format!(
                    "ROUND(SUMPRODUCT(({}={})*EXACT({},$A${}),{}),2)",
                    bereik(kol::JAAR),
                    kolom_vast_rij(kop_jaar, col),
                    bereik(kol::POST),
                    row + 1,
                    bereik(kol::BEDRAG)
                )
            } else {
                format!(
                    "ROUND(SUMIFS({},{},{},{},\"{}\"),2)",
                    bereik(kol::BEDRAG),
                    bereik(kol::JAAR),
                    kolom_vast_rij(kop_jaar, col),
                    bereik(kol::POST),
                    post.label()
                )
            };
            formule(ws, row, col, &f, bedrag(*v), &o.euro)?;
        }
        som_totaal(ws, s, row, sub.totaal, &o.euro)?;
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
    som_totaal(ws, s, post_totaal, k.totaal.kosten_totaal, &o.euro_totaal)?;
    Ok(())
}
