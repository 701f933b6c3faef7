//! `[werkwijze]` and a group's own werkwijze fields: read as written, then a group's values over
//! the defaults, with the required ones checked per group. Pure, no I/O.

use std::ops::Range;

use rust_decimal::Decimal;

use super::super::model::Werkwijze;
use super::super::schema::{self, WERKWIJZE_NAMEN};
use super::cx::{Cx, Field, FieldPath, Key, Table};
use super::rollen::Rollen;

/// The `[werkwijze]` fields as written in one place (the defaults table or one group).
#[derive(Default, Clone)]
pub(super) struct WerkwijzeRaw {
    /// A field was present but invalid (already reported): report no missing fields.
    invalid: bool,
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

/// `[werkwijze]`: the defaults of every group.
pub(super) fn defaults(cx: &mut Cx, werkwijze_field: Option<Field<'_, '_, '_>>) -> WerkwijzeRaw {
    match werkwijze_field {
        Some(f) => match cx.table(&f) {
            Some(t) => {
                let w = WerkwijzeRaw::read(cx, t.fields(&WERKWIJZE_NAMEN));
                t.finish_fields(cx);
                w
            }
            None => WerkwijzeRaw::default(),
        },
        None => WerkwijzeRaw::default(),
    }
}

/// A group's werkwijze: its own values (`own`) over the defaults of `[werkwijze]` (`base`).
pub(super) fn effective_werkwijze(
    cx: &mut Cx,
    t: &Table<'_, '_>,
    own: WerkwijzeRaw,
    base: &WerkwijzeRaw,
    rollen: &Rollen<'_>,
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
        if !present && !w.invalid {
            cx.missing(
                t,
                key,
                Some(format!(
                    "geef '{key}' op in [werkwijze] (voor alle groepen) of in deze groep"
                )),
            );
            ok = false;
        }
    }
    let mut role = |raw: Option<&(String, String, Range<usize>)>, key| match raw {
        Some((rol, path, span)) => {
            let path = FieldPath {
                parent: path,
                key: Key::Whole,
            };
            rollen.check(cx, rol, path, span.clone())
        }
        None => rollen.check(cx, "huisarts", t.child(key), t.span.clone()),
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
