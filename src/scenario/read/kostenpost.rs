//! `[[kostenpost]]`: the region's own cost posts (an id, a label, an amount per year, group or
//! meeting, the years and a source). Pure, no I/O.

use super::super::model::{Kostenpost, KostenpostPer, Scenario};
use super::super::schema::{self, KOSTENPOST_NAMEN};
use super::cx::{Cx, leeg};
use super::tabel::need;
use super::veld::Field;
use super::verzekeraar::read_years;

/// `[[kostenpost]]` into `s`; `horizon`: the first and last year, when known.
pub(super) fn kostenposten(
    cx: &mut Cx,
    kostenpost_field: Option<Field<'_, '_, '_>>,
    horizon: Option<(i32, i32)>,
    s: &mut Scenario,
) {
    let Some(f) = kostenpost_field else {
        return;
    };
    for t in cx.tables(&f) {
        let [id, naam, bedrag, per, jaren, bron] = t.fields(&KOSTENPOST_NAMEN);
        let [_, _, bedrag_veld, _, _, bron_veld] = schema::KOSTENPOST;
        let id = need(cx, &t, id, "id").and_then(|f| {
            let id = cx.text_ref(&f)?;
            id_fout(id, s).map_or(Some(id.to_string()), |(message, hint)| {
                cx.error(&f, message, Some(hint));
                None
            })
        });
        if naam.is_none() {
            cx.missing(
                &t,
                "naam",
                Some(
                    "geef de naam die in tabellen en documenten staat, bijv. naam = \
                     \"Voorlichting en advies\""
                        .into(),
                ),
            );
        }
        let naam = naam.and_then(|f| cx.text(&f));
        let bedrag = need(cx, &t, bedrag, "bedrag").and_then(|f| cx.getal(&f, &bedrag_veld));
        let per = match per {
            None => Some(KostenpostPer::Jaar),
            Some(f) => cx.text_ref(&f).and_then(|p| {
                let per = [
                    KostenpostPer::Jaar,
                    KostenpostPer::Groep,
                    KostenpostPer::Bijeenkomst,
                ]
                .into_iter()
                .find(|k| k.as_str() == p);
                if per.is_none() {
                    cx.error(
                        &f,
                        format!("onbekende eenheid '{p}'"),
                        Some("kies \"jaar\", \"groep\" of \"bijeenkomst\"".into()),
                    );
                }
                per
            }),
        };
        let jaren = match jaren {
            Some(f) => read_years(
                cx,
                &f,
                horizon,
                Some("kies jaren van de looptijd, of laat 'jaren' weg voor de hele looptijd"),
            ),
            None => horizon.map(|(a, b)| (a..=b).collect()),
        };
        let max = bron_veld.grens.map_or(schema::BRON_MAX, |g| g.max);
        let bron = match bron {
            None => Some(None),
            Some(f) => cx.str_ref_max(&f, max).and_then(|b| {
                if leeg(b) {
                    cx.error(
                        &f,
                        "mag niet leeg zijn".to_string(),
                        Some("laat 'bron' weg of noem waar het bedrag vandaan komt".into()),
                    );
                    return None;
                }
                Some(Some(b.to_string()))
            }),
        };
        t.finish_fields(cx);
        if let (Some(id), Some(naam), Some(bedrag), Some(per), Some(jaren), Some(bron)) =
            (id, naam, bedrag, per, jaren, bron)
        {
            s.kostenposten.push(Kostenpost {
                id,
                naam,
                bedrag,
                per,
                jaren,
                bron,
                path: t.path.clone(),
            });
        }
    }
}

/// Why `id` cannot be the id of a new cost post: not snake_case, a built-in post, or taken.
/// `(message, hint)`.
fn id_fout(id: &str, s: &Scenario) -> Option<(String, String)> {
    let snake = id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !snake {
        let voorstel: String = id
            .trim()
            .chars()
            .map(|c| match c {
                'a'..='z' | '0'..='9' => c,
                'A'..='Z' => c.to_ascii_lowercase(),
                _ => '_',
            })
            .collect();
        return Some((
            format!("id '{id}' is geen snake_case"),
            format!(
                "een id bestaat uit kleine letters, cijfers en '_' en begint met een letter, bijv. '{}'",
                voorstel.trim_matches('_')
            ),
        ));
    }
    let ingebouwd = schema::POSTEN_MET_ROL
        .iter()
        .chain(&schema::POSTEN_ZONDER_ROL)
        .chain(std::iter::once(&schema::POST_OVERHEAD));
    if ingebouwd.clone().any(|p| *p == id) {
        return Some((
            format!("id '{id}' is de naam van een vaste post"),
            format!("kies een andere id, bijv. 'eigen_{id}'"),
        ));
    }
    if let Some(k) = s.kostenposten.iter().find(|k| k.id == id) {
        return Some((
            format!("id '{id}' komt al voor in {}", k.path),
            "elke kostenpost heeft een eigen id".into(),
        ));
    }
    None
}
