//! `[[onzekerheid]]`: uncertain inputs with their distributions, and the check that each names
//! a numeric value of the scenario. Pure, no I/O.

use std::ops::Range;

use rust_decimal::Decimal;

use super::super::model::{Onzekerheid, Scenario, Verdeling};
use super::super::pad::nearest;
use super::super::param::Param;
use super::super::schema::ONZEKERHEID_NAMEN;
use super::cx::Cx;
use super::tabel::{Table, required};
use super::veld::Field;

/// `[[onzekerheid]]` into `s`; gives the place of each parameter path, for [`parameters`].
pub(super) fn onzekerheden(
    cx: &mut Cx,
    onzekerheid_field: Option<Field<'_, '_, '_>>,
    s: &mut Scenario,
) -> Vec<Range<usize>> {
    let mut onzeker_spans: Vec<Range<usize>> = Vec::new();
    if let Some(f) = onzekerheid_field {
        for t in cx.tables(&f) {
            let parameter = required(cx, &t, "parameter").and_then(|f| {
                let span = f.value.span();
                cx.text(&f).map(|p| (p, span))
            });
            let verdeling = read_verdeling(cx, &t);
            t.finish(cx, &ONZEKERHEID_NAMEN);
            if let (Some((parameter, span)), Some(verdeling)) = (parameter, verdeling) {
                onzeker_spans.push(span);
                s.onzekerheden.push(Onzekerheid {
                    parameter,
                    verdeling,
                    path: t.path.clone(),
                });
            }
        }
    }
    onzeker_spans
}

/// Checks that each parameter names a numeric value of `s` (`spans`: from [`onzekerheden`]).
pub(super) fn parameters(cx: &mut Cx, s: &Scenario, spans: &[Range<usize>]) {
    // Uncertain parameters must name a numeric value of this scenario. A parameter is not
    // checked when a section it depends on has an error: then what it names may be missing
    // only because one of its values was refused (already reported), not because it is not
    // in the file.
    for (o, span) in s.onzekerheden.iter().zip(spans) {
        let sections = depends_on(&o.parameter);
        let refused = cx.errors.iter().any(|e| {
            sections.iter().any(|sec| {
                e.path
                    .strip_prefix(sec)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
            })
        });
        if refused {
            continue;
        }
        if let Err(message) = Param::resolve(s, &o.parameter) {
            cx.error_at(
                span.clone(),
                &format!("{}.parameter", o.path),
                message,
                Some("bijv. uurtarieven.huisarts, werkwijze.patienten_per_jaar, groep[2].duur_uren, indicator.ic_opname.reductie_percentage of reductie_factor".into()),
            );
        }
    }
}

/// The sections whose values the parameter `path` of an `[[onzekerheid]]` is found in.
fn depends_on(path: &str) -> &'static [&'static str] {
    let first = path.split(['.', '[']).next().unwrap_or("");
    match first {
        "uurtarieven" => &["uurtarieven"],
        // A group is left out when one of its roles has no valid rate.
        "werkwijze" | "groep" => &["groep", "werkwijze", "uurtarieven"],
        "aanbod" => &["aanbod", "verzekeraar"],
        "impact" | "indicator" | "reductie_factor" => &["impact", "indicator"],
        "ondersteuning" => &["ondersteuning"],
        "indexatie" => &["indexatie"],
        "verzekeraar" => &["verzekeraar"],
        _ => &["scenario"],
    }
}

/// The distribution of an `[[onzekerheid]]`: `verdeling` and the fields it needs, checked.
// Over 100 lines: the fields each distribution needs, then one arm per distribution with its
// own checks (min ≤ modus ≤ max, sd ≥ 0, the beta's variance); kept together so that one
// distribution's rules stand in one place.
pub(super) fn read_verdeling(cx: &mut Cx, t: &Table<'_, '_>) -> Option<Verdeling> {
    let naam_field = required(cx, t, "verdeling")?;
    let naam = cx.text(&naam_field)?;
    let kinds = [
        "driehoek",
        "uniform",
        "pert",
        "normaal",
        "lognormaal",
        "beta",
    ];
    let (needed, optional): (&[&str], &[&str]) = match naam.as_str() {
        "driehoek" | "pert" => (&["min", "modus", "max"], &[]),
        "uniform" => (&["min", "max"], &[]),
        "normaal" => (&["gemiddelde", "sd"], &["min", "max"]),
        "lognormaal" | "beta" => (&["gemiddelde", "sd"], &[]),
        _ => {
            let hint = nearest(&naam, kinds.iter().copied())
                .map(|k| format!("bedoelde je '{k}'?"))
                .unwrap_or_else(|| format!("kies uit: {}", kinds.join(", ")));
            cx.error(
                &naam_field,
                format!("onbekende verdeling '{naam}'"),
                Some(hint),
            );
            return None;
        }
    };
    let mut values: Vec<(&str, Decimal)> = Vec::new();
    let mut ok = true;
    for key in ["min", "modus", "max", "gemiddelde", "sd"] {
        let Some(f) = t.get(key) else {
            if needed.contains(&key) {
                cx.missing(t, key, Some(format!("{naam} vraagt {}", needed.join(", "))));
                ok = false;
            }
            continue;
        };
        if !needed.contains(&key) && !optional.contains(&key) {
            cx.error(
                &f,
                format!("'{key}' hoort niet bij verdeling {naam}"),
                Some(format!("{naam} vraagt {}", needed.join(", "))),
            );
            ok = false;
            continue;
        }
        match cx.decimal(&f) {
            Some(v) => values.push((key, v)),
            None => ok = false,
        }
    }
    if !ok {
        return None;
    }
    let get = |k: &str| values.iter().find(|(n, _)| *n == k).map(|(_, v)| *v);
    let v = |k: &str| get(k).unwrap_or_default();
    let span = naam_field.value.span();
    let bad = |cx: &mut Cx, msg: String| {
        cx.error_at(span.clone(), &t.path, msg, None);
    };
    let verdeling = match naam.as_str() {
        "driehoek" | "pert" => {
            let (min, modus, max) = (v("min"), v("modus"), v("max"));
            if !(min <= modus && modus <= max) {
                bad(
                    cx,
                    format!("min ≤ modus ≤ max geldt niet ({min}, {modus}, {max})"),
                );
                return None;
            }
            if naam == "pert" {
                Verdeling::Pert { min, modus, max }
            } else {
                Verdeling::Driehoek { min, modus, max }
            }
        }
        "uniform" => {
            let (min, max) = (v("min"), v("max"));
            if min > max {
                bad(cx, format!("min ({min}) is groter dan max ({max})"));
                return None;
            }
            Verdeling::Uniform { min, max }
        }
        _ => {
            let (gemiddelde, sd) = (v("gemiddelde"), v("sd"));
            if sd < Decimal::ZERO {
                bad(cx, format!("sd mag niet negatief zijn ({sd})"));
                return None;
            }
            match naam.as_str() {
                "normaal" => {
                    let (min, max) = (get("min"), get("max"));
                    if let (Some(lo), Some(hi)) = (min, max)
                        && lo > hi
                    {
                        bad(cx, format!("min ({lo}) is groter dan max ({hi})"));
                        return None;
                    }
                    Verdeling::Normaal {
                        gemiddelde,
                        sd,
                        min,
                        max,
                    }
                }
                "lognormaal" => {
                    if gemiddelde <= Decimal::ZERO {
                        bad(
                            cx,
                            "een lognormale verdeling vraagt een gemiddelde groter dan 0".into(),
                        );
                        return None;
                    }
                    Verdeling::Lognormaal { gemiddelde, sd }
                }
                _ => {
                    // Beta on 0–100: the variance must be below m(100 − m).
                    let inside = gemiddelde > Decimal::ZERO && gemiddelde < Decimal::ONE_HUNDRED;
                    let room = Decimal::ONE_HUNDRED
                        .checked_sub(gemiddelde)
                        .and_then(|r| r.checked_mul(gemiddelde));
                    let too_wide = match (sd.checked_mul(sd), room) {
                        (Some(var), Some(room)) => !sd.is_zero() && var >= room,
                        _ => true,
                    };
                    if !inside || too_wide {
                        bad(
                            cx,
                            format!(
                                "een beta-verdeling vraagt 0 < gemiddelde < 100 en sd² < gemiddelde × (100 − gemiddelde) (gemiddelde {gemiddelde}, sd {sd})"
                            ),
                        );
                        return None;
                    }
                    Verdeling::Beta { gemiddelde, sd }
                }
            }
        }
    };
    Some(verdeling)
}
