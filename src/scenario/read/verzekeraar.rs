//! `[[verzekeraar]]` (insurers and market shares) and `[[aanbod]]` (their offers), names
//! compared in NFC. Pure, no I/O.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use super::super::model::{Aanbod, Scenario, Verzekeraar};
use super::super::pad::nearest;
use super::super::schema::{self, AANBOD_NAMEN, VERZEKERAAR_NAMEN};
use super::cx::{Cx, al_gebruikt};
use super::tabel::need;
use super::veld::{Field, items_of};
use crate::naam;

/// `[[verzekeraar]]` into `s`; the shares together at most 100 %.
pub(super) fn verzekeraars(
    cx: &mut Cx,
    verzekeraar_field: Option<Field<'_, '_, '_>>,
    s: &mut Scenario,
) {
    let mut shares = Decimal::ZERO;
    let mut shares_span = None;
    if let Some(f) = verzekeraar_field {
        shares_span = Some((f.value.span(), f.path));
        for t in cx.tables(&f) {
            let [naam, aandeel] = t.fields(&VERZEKERAAR_NAMEN);
            let naam = need(cx, &t, naam, "naam").and_then(|f| {
                let n = cx.text(&f)?;
                if let Some(v) = s.verzekeraars.iter().find(|v| naam::zelfde(&v.naam, &n)) {
                    cx.error(&f, al_gebruikt("verzekeraar", &n, &v.naam, ""), None);
                    return None;
                }
                Some(n)
            });
            let aandeel =
                need(cx, &t, aandeel, "marktaandeel_percentage").and_then(|f| cx.percentage(&f));
            t.finish_fields(cx);
            if let (Some(naam), Some(aandeel)) = (naam, aandeel) {
                shares += aandeel;
                s.verzekeraars.push(Verzekeraar {
                    naam,
                    marktaandeel_percentage: aandeel,
                });
            }
        }
    }
    if shares > Decimal::ONE_HUNDRED
        && let Some((span, path)) = shares_span
    {
        cx.error_at(
            span,
            &path.build(),
            format!("de marktaandelen tellen op tot {shares} %, meer dan 100 %"),
            None,
        );
    }
}

/// `[[aanbod]]` into `s`; `horizon`: the first and last year, when known.
pub(super) fn aanbiedingen(
    cx: &mut Cx,
    aanbod_field: Option<Field<'_, '_, '_>>,
    horizon: Option<(i32, i32)>,
    s: &mut Scenario,
) {
    if let Some(f) = aanbod_field {
        for t in cx.tables(&f) {
            let [verzekeraar, label, tarief, plafond, jaren, gecontracteerd] =
                t.fields(&AANBOD_NAMEN);
            let verzekeraar = need(cx, &t, verzekeraar, "verzekeraar").and_then(|f| {
                let n = cx.text(&f)?;
                // The insurer's name as its [[verzekeraar]] writes it (equal in NFC).
                let Some(v) = s.verzekeraars.iter().find(|v| naam::zelfde(&v.naam, &n)) else {
                    let hint = nearest(&n, s.verzekeraars.iter().map(|v| v.naam.as_str()))
                        .map(|r| format!("bedoelde je '{r}'?"))
                        .or_else(|| Some("voeg een [[verzekeraar]] met deze naam toe".into()));
                    cx.error(&f, format!("onbekende verzekeraar '{n}'"), hint);
                    return None;
                };
                Some(v.naam.clone())
            });
            let label = need(cx, &t, label, "label").and_then(|f| {
                let n = cx.text(&f)?;
                if let Some(a) = s.aanbiedingen.iter().find(|a| naam::zelfde(&a.label, &n)) {
                    cx.error(&f, al_gebruikt("aanbod", &n, &a.label, ""), None);
                    return None;
                }
                Some(n)
            });
            let [_, _, tarief_veld, plafond_veld, _, _] = schema::AANBOD;
            let tarief = need(cx, &t, tarief, "tarief_per_verzekerde")
                .and_then(|f| cx.getal(&f, &tarief_veld));
            let plafond = match plafond {
                Some(f) => cx.getal(&f, &plafond_veld).map(Some),
                None => Some(None),
            };
            let jaren = match jaren {
                Some(f) => read_years(cx, &f, horizon, None),
                None => horizon.map(|(a, b)| (a..=b).collect()),
            };
            let gecontracteerd = match gecontracteerd {
                Some(f) => cx.boolean(&f).and_then(|g| {
                    let Some(v) = verzekeraar.as_deref() else {
                        return Some(g);
                    };
                    let eerder = s
                        .aanbiedingen
                        .iter()
                        .find(|a| a.gecontracteerd && a.verzekeraar == v);
                    match eerder {
                        Some(a) if g => {
                            cx.error(
                                &f,
                                format!(
                                    "verzekeraar '{v}' heeft al een gecontracteerd aanbod: '{}'",
                                    a.label
                                ),
                                Some(
                                    "een verzekeraar tekent hoogstens één aanbod; zet \
                                     'gecontracteerd = true' bij één ervan"
                                        .into(),
                                ),
                            );
                            None
                        }
                        _ => Some(g),
                    }
                }),
                None => Some(false),
            };
            t.finish_fields(cx);
            if let (
                Some(verzekeraar),
                Some(label),
                Some(tarief),
                Some(plafond),
                Some(jaren),
                Some(gecontracteerd),
            ) = (verzekeraar, label, tarief, plafond, jaren, gecontracteerd)
            {
                s.aanbiedingen.push(Aanbod {
                    verzekeraar,
                    label,
                    tarief_per_verzekerde: tarief,
                    plafond,
                    jaren,
                    gecontracteerd,
                });
            }
        }
    }
}

/// A list of distinct years inside `horizon`, ascending (an offer's or a cost post's `jaren`);
/// `buiten`: the fix for a year outside the horizon.
pub(super) fn read_years(
    cx: &mut Cx,
    f: &Field<'_, '_, '_>,
    horizon: Option<(i32, i32)>,
    buiten: Option<&str>,
) -> Option<Vec<i32>> {
    let items = cx.array(f)?;
    let mut years = BTreeSet::new();
    let mut ok = true;
    let parent = f.path.build();
    for field in items_of(&parent, items) {
        let Some(y) = cx.year_in(&field, horizon, buiten) else {
            ok = false;
            continue;
        };
        if !years.insert(y) {
            cx.error(&field, format!("jaar {y} staat er twee keer in"), None);
            ok = false;
        }
    }
    if items.is_empty() {
        cx.error(
            f,
            "de lijst met jaren is leeg".to_string(),
            Some("laat 'jaren' weg voor de hele looptijd".into()),
        );
        ok = false;
    }
    ok.then(|| years.into_iter().collect())
}
