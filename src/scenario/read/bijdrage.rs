//! `[[bijdrage]]`: contributions from other sources (a label, an amount that is not indexed,
//! the year and who pays). Whether a year's contributions exceed what TAPA$ would otherwise
//! finance needs the costs: the cost engine checks it. Pure, no I/O.

use super::super::model::{Bijdrage, Scenario};
use super::super::schema::{self, BIJDRAGE_NAMEN};
use super::cx::Cx;
use super::tabel::{FINANCIER_HINT, need, need_with};
use super::veld::Field;

/// `[[bijdrage]]` into `s`; `horizon`: the first and last year, when known.
pub(super) fn bijdragen(
    cx: &mut Cx,
    bijdrage_field: Option<Field<'_, '_, '_>>,
    horizon: Option<(i32, i32)>,
    s: &mut Scenario,
) {
    let Some(f) = bijdrage_field else {
        return;
    };
    for t in cx.tables(&f) {
        let [naam, bedrag, jaar, financier] = t.fields(&BIJDRAGE_NAMEN);
        let [_, bedrag_veld, _, _] = schema::BIJDRAGE;
        let naam = need(cx, &t, naam, "naam").and_then(|f| cx.text(&f));
        let bedrag = need(cx, &t, bedrag, "bedrag").and_then(|f| cx.getal(&f, &bedrag_veld));
        let jaar = need(cx, &t, jaar, "jaar").and_then(|f| {
            cx.year_in(
                &f,
                horizon,
                Some("een bijdrage hoort bij een jaar van de looptijd"),
            )
        });
        let financier =
            need_with(cx, &t, financier, "financier", FINANCIER_HINT).and_then(|f| cx.text(&f));
        t.finish_fields(cx);
        if let (Some(naam), Some(bedrag), Some(jaar), Some(financier)) =
            (naam, bedrag, jaar, financier)
        {
            s.bijdragen.push(Bijdrage {
                naam,
                bedrag,
                jaar,
                financier,
                path: t.path.clone(),
            });
        }
    }
}
