//! `[[verwachting]]`: bounds on businesscase figures, checked after every command. Pure, no
//! I/O.

use super::super::model::{Grootheid, Scenario, Verwachting};
use super::super::pad::nearest;
use super::super::schema::VERWACHTING_NAMEN;
use super::cx::Cx;
use super::tabel::required;
use super::veld::Field;

/// `[[verwachting]]` into `s`; `impact`: whether the file has `[impact]`, `horizon`: the first
/// and last year, when known.
pub(super) fn verwachtingen(
    cx: &mut Cx,
    verwachting_field: Option<Field<'_, '_, '_>>,
    impact_field_present: Option<()>,
    horizon: Option<(i32, i32)>,
    s: &mut Scenario,
) {
    if let Some(f) = verwachting_field {
        for t in cx.tables(&f) {
            let grootheid = required(cx, &t, "grootheid").and_then(|f| {
                let text = cx.text(&f)?;
                let Some(g) = Grootheid::parse(&text) else {
                    let names: Vec<&str> = Grootheid::ALL.iter().map(|g| g.as_str()).collect();
                    let hint = nearest(&text, names.iter().copied())
                        .map(|n| format!("bedoelde je '{n}'?"))
                        .or_else(|| Some(format!("kies uit: {}", names.join(", "))));
                    cx.error(&f, format!("onbekende grootheid '{text}'"), hint);
                    return None;
                };
                if g.vraagt_impact() && impact_field_present.is_none() {
                    cx.error(&f, format!("'{text}' vraagt een [impact]-sectie"), None);
                    return None;
                }
                Some(g)
            });
            let jaar = match t.get("jaar") {
                Some(f) => match cx.year_in(&f, horizon, None) {
                    Some(y) if grootheid == Some(Grootheid::NettoContanteWaarde) => {
                        cx.error(
                                &f,
                                format!("de netto contante waarde geldt voor de hele looptijd, niet voor {y}"),
                                Some("laat 'jaar' weg".into()),
                            );
                        None
                    }
                    y => y.map(Some),
                },
                None => Some(None),
            };
            let min = t.get("min").map(|f| cx.decimal(&f));
            let max = t.get("max").map(|f| cx.decimal(&f));
            if min.is_none() && max.is_none() {
                cx.missing(&t, "max", Some("geef 'min', 'max' of allebei".into()));
            }
            if let (Some(Some(lo)), Some(Some(hi))) = (min, max)
                && lo > hi
            {
                cx.error_at(
                    t.span.clone(),
                    &t.path,
                    format!("min ({lo}) is groter dan max ({hi})"),
                    None,
                );
            }
            t.finish(cx, &VERWACHTING_NAMEN);
            let path = t.path.clone();
            if let (Some(grootheid), Some(jaar), false, false) = (
                grootheid,
                jaar,
                matches!(min, Some(None)),
                matches!(max, Some(None)),
            ) {
                s.verwachtingen.push(Verwachting {
                    grootheid,
                    jaar,
                    min: min.flatten(),
                    max: max.flatten(),
                    path,
                });
            }
        }
    }
}
