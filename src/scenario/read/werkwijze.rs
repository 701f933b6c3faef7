//! `[werkwijze]` and a group's own werkwijze fields: read as written, then a group's values over
//! the defaults, with the required ones checked for every group and a missing one reported
//! once, where it belongs (in `[werkwijze]` when several groups lack it). Pure, no I/O.

use std::ops::Range;

use rust_decimal::Decimal;
use toml::de::DeValue;

use super::super::model::Werkwijze;
use super::super::pad::nearest;
use super::super::schema::{self, WERKWIJZE_NAMEN};
use super::cx::Cx;
use super::rollen::Rollen;
use super::tabel::Table;
use super::veld::{Field, FieldPath, Key};

/// The fields every group must have, from `[werkwijze]` or itself.
const VERPLICHT: [&str; 3] = ["bijeenkomsten_per_jaar", "duur_uren", "patienten_per_jaar"];

/// The `[werkwijze]` fields as written in one place (the defaults table or one group).
#[derive(Default, Clone)]
pub(super) struct WerkwijzeRaw {
    /// A field was present but invalid (already reported): report no missing fields.
    invalid: bool,
    /// Fields whose absence follows from a mistake already reported (a key spelled almost
    /// like them): not reported as missing.
    pub(super) bedoeld: Vec<&'static str>,
    bijeenkomsten_per_jaar: Option<u32>,
    duur_uren: Option<Decimal>,
    voorbereiding_uren: Option<Decimal>,
    reistijd_uren: Option<Decimal>,
    voorzitter_rol: Option<(String, String, Range<usize>)>,
    voorzitter_uren: Option<Decimal>,
    coordinatie_rol: Option<(String, String, Range<usize>)>,
    coordinatie_uren_per_patient: Option<Decimal>,
    telefonische_ondersteuning_uren: Option<Decimal>,
    patienten_per_jaar: Option<Decimal>,
}

impl WerkwijzeRaw {
    /// Reads the fields of [`schema::WERKWIJZE`], given in that order.
    pub(super) fn read(cx: &mut Cx, fields: [Option<Field<'_, '_, '_>>; 10]) -> Self {
        let [
            bijeenkomsten_per_jaar,
            duur_uren,
            voorbereiding_uren,
            reistijd_uren,
            voorzitter_rol,
            voorzitter_uren,
            coordinatie_rol,
            coordinatie_uren_per_patient,
            telefonische_ondersteuning_uren,
            patienten_per_jaar,
        ] = fields;
        let mut w = WerkwijzeRaw::default();
        let errors_before = cx.errors.len();
        let [b, duur, voorb, reis, _, vz, _, coord, tel, pat] = schema::WERKWIJZE;
        let hours =
            |cx: &mut Cx, f: Option<Field<'_, '_, '_>>, veld| f.and_then(|f| cx.getal(&f, &veld));
        w.duur_uren = hours(cx, duur_uren, duur);
        w.voorbereiding_uren = hours(cx, voorbereiding_uren, voorb);
        w.reistijd_uren = hours(cx, reistijd_uren, reis);
        w.voorzitter_uren = hours(cx, voorzitter_uren, vz);
        w.coordinatie_uren_per_patient = hours(cx, coordinatie_uren_per_patient, coord);
        w.telefonische_ondersteuning_uren = hours(cx, telefonische_ondersteuning_uren, tel);
        w.patienten_per_jaar = hours(cx, patienten_per_jaar, pat);
        w.bijeenkomsten_per_jaar = bijeenkomsten_per_jaar.and_then(|f| cx.aantal(&f, &b));
        let rol = |cx: &mut Cx, f: Option<Field<'_, '_, '_>>| {
            f.and_then(|f| {
                let span = f.value.span();
                cx.text(&f).map(|s| (s, f.path.build(), span))
            })
        };
        w.voorzitter_rol = rol(cx, voorzitter_rol);
        w.coordinatie_rol = rol(cx, coordinatie_rol);
        w.invalid = cx.errors.len() > errors_before;
        w
    }

    /// This group's values over the defaults, without the roles (see [`effective_werkwijze`]).
    pub(super) fn over(&self, base: &WerkwijzeRaw) -> WerkwijzeRaw {
        WerkwijzeRaw {
            invalid: self.invalid || base.invalid,
            bedoeld: self.bedoeld.iter().chain(&base.bedoeld).copied().collect(),
            bijeenkomsten_per_jaar: self.bijeenkomsten_per_jaar.or(base.bijeenkomsten_per_jaar),
            duur_uren: self.duur_uren.or(base.duur_uren),
            voorbereiding_uren: self.voorbereiding_uren.or(base.voorbereiding_uren),
            reistijd_uren: self.reistijd_uren.or(base.reistijd_uren),
            voorzitter_rol: None,
            voorzitter_uren: self.voorzitter_uren.or(base.voorzitter_uren),
            coordinatie_rol: None,
            coordinatie_uren_per_patient: self
                .coordinatie_uren_per_patient
                .or(base.coordinatie_uren_per_patient),
            telefonische_ondersteuning_uren: self
                .telefonische_ondersteuning_uren
                .or(base.telefonische_ondersteuning_uren),
            patienten_per_jaar: self.patienten_per_jaar.or(base.patienten_per_jaar),
        }
    }
}

/// The werkwijze fields that the unknown keys of `t` (not in `known`) are probably misspelt
/// from: those keys are reported as unknown, with the field as the hint.
pub(super) fn typos(t: &Table<'_, '_>, known: &[&str]) -> Vec<&'static str> {
    let mut out = Vec::new();
    for (key, _) in t.table.iter() {
        let name: &str = key.get_ref();
        if known.contains(&name) {
            continue;
        }
        if let Some(meant) = nearest(name, WERKWIJZE_NAMEN.iter().copied()) {
            out.push(meant);
        }
    }
    out
}

/// The defaults of every group, and where they are written.
pub(super) struct Defaults {
    /// The fields as written.
    pub(super) raw: WerkwijzeRaw,
    /// Where `[werkwijze]` stands; `None` when the file has none.
    span: Option<Range<usize>>,
    /// A mistake already reported stands for the whole section (a typo in its name, its header
    /// left out): report nothing missing.
    reported: bool,
}

/// `[werkwijze]`: the defaults of every group. Without it, `[werkwijze]` fields written in
/// `[uurtarieven]` (its header left out, already reported there) are read as the defaults;
/// `section_meant`: a section name spelled almost like `werkwijze` was reported.
pub(super) fn defaults(
    cx: &mut Cx,
    werkwijze_field: Option<Field<'_, '_, '_>>,
    uurtarieven_field: Option<Field<'_, '_, '_>>,
    section_meant: bool,
) -> Defaults {
    // The werkwijze fields written in [uurtarieven].
    let misplaced = uurtarieven_field.and_then(|f| match f.value.get_ref() {
        DeValue::Table(t) => {
            let table = Table::new(t, f.value.span(), f.path.build());
            let any = WERKWIJZE_NAMEN.iter().any(|k| table.value(k).is_some());
            any.then_some(table)
        }
        _ => None,
    });
    match werkwijze_field {
        Some(f) => match cx.table(&f) {
            Some(t) => {
                let mut w = WerkwijzeRaw::read(cx, t.fields(&WERKWIJZE_NAMEN));
                w.bedoeld = typos(&t, &WERKWIJZE_NAMEN);
                if let Some(m) = &misplaced {
                    w.bedoeld
                        .extend(WERKWIJZE_NAMEN.iter().filter(|k| m.value(k).is_some()));
                }
                t.finish_fields(cx);
                Defaults {
                    raw: w,
                    span: Some(t.span.clone()),
                    reported: false,
                }
            }
            None => Defaults {
                raw: WerkwijzeRaw::default(),
                span: Some(f.value.span()),
                reported: true,
            },
        },
        None => match misplaced {
            Some(m) => Defaults {
                raw: WerkwijzeRaw::read(cx, m.fields(&WERKWIJZE_NAMEN)),
                span: None,
                reported: true,
            },
            None => Defaults {
                raw: WerkwijzeRaw::default(),
                span: None,
                reported: section_meant,
            },
        },
    }
}

/// The required fields one group lacks: the group's path and place, and the fields.
pub(super) type Ontbrekend = (String, Range<usize>, Vec<&'static str>);

/// Reports the required fields the groups lack, each cause once: a field no group has and
/// `[werkwijze]` does not give is missing in `[werkwijze]` (one error, at `[werkwijze]`, or
/// one error that the section is missing); a field only one group lacks is missing in that
/// group.
pub(super) fn report_missing(cx: &mut Cx, defaults: &Defaults, missing: &[Ontbrekend]) {
    if defaults.reported || missing.is_empty() {
        return;
    }
    let lacking = |key: &str| -> Vec<&Ontbrekend> {
        missing
            .iter()
            .filter(|(_, _, keys)| keys.contains(&key))
            .collect()
    };
    let shared: Vec<&str> = VERPLICHT
        .iter()
        .copied()
        .filter(|k| lacking(k).len() > 1)
        .collect();
    let groups = |of: &[&Ontbrekend]| -> String {
        let paths: Vec<&str> = of.iter().map(|(p, _, _)| p.as_str()).collect();
        match paths.as_slice() {
            [a, b, c, d, rest @ ..] if !rest.is_empty() => {
                format!("{a}, {b}, {c}, {d} en {} andere", rest.len())
            }
            _ => paths.join(", "),
        }
    };
    match &defaults.span {
        // No [werkwijze] at all and several groups lack fields: the section is what is missing.
        None if !shared.is_empty() => {
            let all: Vec<&str> = VERPLICHT
                .iter()
                .copied()
                .filter(|k| !lacking(k).is_empty())
                .collect();
            let first = missing.first().map(|(_, span, _)| span.clone());
            cx.error_at(
                first.unwrap_or_default(),
                "werkwijze",
                format!(
                    "sectie [werkwijze] ontbreekt: {} groepen geven {} niet zelf op",
                    missing.len(),
                    en_lijst(&all)
                ),
                Some(format!(
                    "voeg vóór de eerste [[groep]] een sectie [werkwijze] toe met {} (voor alle \
                     groepen); een groep kan elk veld daarna zelf anders opgeven",
                    en_lijst(&all)
                )),
            );
            return;
        }
        Some(span) => {
            for key in &shared {
                let of = lacking(key);
                cx.error_at(
                    span.clone(),
                    &format!("werkwijze.{key}"),
                    format!(
                        "verplicht veld '{key}' ontbreekt in [werkwijze], en {} groepen geven \
                         het niet zelf op ({})",
                        of.len(),
                        groups(&of)
                    ),
                    Some(format!(
                        "geef '{key}' op in [werkwijze] (voor alle groepen)"
                    )),
                );
            }
        }
        None => {}
    }
    for (path, span, keys) in missing {
        for key in keys.iter().filter(|k| !shared.contains(k)) {
            cx.error_at(
                span.clone(),
                &format!("{path}.{key}"),
                format!("verplicht veld '{key}' ontbreekt"),
                Some(format!(
                    "geef '{key}' op in [werkwijze] (voor alle groepen) of in deze groep"
                )),
            );
        }
    }
}

/// `a, b en c`.
fn en_lijst(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} en {last}", rest.join(", ")),
    }
}

/// A group's werkwijze: its own values (`own`) over the defaults of `[werkwijze]` (`base`).
/// The required fields it lacks (not explained by a mistake already reported) are added to
/// `missing`, for [`report_missing`].
pub(super) fn effective_werkwijze(
    cx: &mut Cx,
    t: &Table<'_, '_>,
    own: WerkwijzeRaw,
    base: &WerkwijzeRaw,
    rollen: &Rollen<'_>,
    missing: &mut Vec<&'static str>,
) -> Option<Werkwijze> {
    let voorzitter = own.voorzitter_rol.as_ref().or(base.voorzitter_rol.as_ref());
    let coordinatie = own
        .coordinatie_rol
        .as_ref()
        .or(base.coordinatie_rol.as_ref());
    let w = own.over(base);
    let mut ok = true;
    for (key, present) in [
        ("bijeenkomsten_per_jaar", w.bijeenkomsten_per_jaar.is_some()),
        ("duur_uren", w.duur_uren.is_some()),
        ("patienten_per_jaar", w.patienten_per_jaar.is_some()),
    ] {
        if !present {
            ok = false;
        }
        if !present && !w.invalid && !w.bedoeld.contains(&key) {
            missing.push(key);
        }
    }
    let mut role = |raw: Option<&(String, String, Range<usize>)>, key| match raw {
        Some((rol, path, span)) => {
            let path = FieldPath {
                parent: path,
                pad: None,
                key: Key::Whole,
            };
            rollen.check(cx, rol, path, span.clone())
        }
        None => rollen.check_default(cx, "huisarts", t.child(key), t.span.clone()),
    };
    let voorzitter_rol = role(voorzitter, "voorzitter_rol");
    let coordinatie_rol = role(coordinatie, "coordinatie_rol");
    if !ok {
        return None;
    }
    Some(Werkwijze {
        bijeenkomsten_per_jaar: w.bijeenkomsten_per_jaar?,
        duur_uren: w.duur_uren?,
        voorbereiding_uren: w.voorbereiding_uren.unwrap_or_default(),
        reistijd_uren: w.reistijd_uren.unwrap_or_default(),
        voorzitter_rol: voorzitter_rol?,
        voorzitter_uren: w.voorzitter_uren.unwrap_or_default(),
        coordinatie_rol: coordinatie_rol?,
        coordinatie_uren_per_patient: w.coordinatie_uren_per_patient.unwrap_or_default(),
        telefonische_ondersteuning_uren: w.telefonische_ondersteuning_uren.unwrap_or_default(),
        patienten_per_jaar: w.patienten_per_jaar?,
    })
}
