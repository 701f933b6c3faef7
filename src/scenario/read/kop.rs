//! `formaat` and `[scenario]`: the format version, the name, the horizon and the insured
//! persons. Pure, no I/O.

use rust_decimal::Decimal;

use super::super::model::Scenario;
use super::super::schema::{self, SCENARIO_NAMEN};
use super::FORMAAT;
use super::cx::{Cx, Field, GRENZEN_HINT, Table, need};

/// `formaat`: must be [`FORMAAT`].
pub(super) fn formaat(cx: &mut Cx, top: &Table<'_, '_>, formaat_field: Option<Field<'_, '_, '_>>) {
    match formaat_field {
        Some(f) => {
            if let Some(n) = cx.whole(&f, 0, i64::from(u32::MAX))
                && n != i64::from(FORMAAT)
            {
                cx.error(
                    &f,
                    format!(
                        "formaat {n} wordt niet ondersteund; deze versie leest formaat {FORMAAT}"
                    ),
                    None,
                );
            }
        }
        None => cx.missing(
            top,
            "formaat",
            Some(format!("zet 'formaat = {FORMAAT}' bovenaan het bestand")),
        ),
    }
}

/// `[scenario]` into `s`; gives whether it is complete and whether the horizon is known.
pub(super) fn scenario(
    cx: &mut Cx,
    top: &Table<'_, '_>,
    scenario_field: Option<Field<'_, '_, '_>>,
    s: &mut Scenario,
) -> (bool, bool) {
    let mut scenario_ok = false;
    let mut horizon_ok = false;
    match scenario_field {
        Some(f) => {
            if let Some(t) = cx.table(&f) {
                let [naam, regio, startjaar, looptijd, verzekerden] = t.fields(&SCENARIO_NAMEN);
                let naam = need(cx, &t, naam, "naam").and_then(|f| cx.text(&f));
                let regio = regio.and_then(|f| cx.string(&f));
                let startjaar = need(cx, &t, startjaar, "startjaar").and_then(|f| cx.year(&f));
                let [_, _, _, looptijd_veld, verzekerden_veld] = schema::SCENARIO;
                let looptijd = need(cx, &t, looptijd, "looptijd_jaren")
                    .and_then(|f| cx.aantal(&f, &looptijd_veld));
                let verzekerden = need(cx, &t, verzekerden, "verzekerden").and_then(|f| {
                    let v = cx.decimal(&f)?;
                    if v <= Decimal::ZERO || v.fract() != Decimal::ZERO {
                        cx.error(
                            &f,
                            format!("moet een geheel getal groter dan 0 zijn (gevonden: {v})"),
                            Some(
                                "het aantal verzekerden waarover het tarief wordt verdeeld".into(),
                            ),
                        );
                        return None;
                    }
                    if let Some(g) = verzekerden_veld.grens
                        && !g.bevat(v)
                    {
                        cx.error(
                            &f,
                            format!(
                                "moet een geheel getal van {} tot en met {} zijn (gevonden: {v})",
                                schema::duizendtallen(g.min),
                                schema::duizendtallen(g.max)
                            ),
                            Some(GRENZEN_HINT.into()),
                        );
                        return None;
                    }
                    Some(v)
                });
                t.finish_fields(cx);
                if let (Some(startjaar), Some(looptijd)) = (startjaar, looptijd) {
                    s.startjaar = startjaar;
                    s.looptijd_jaren = looptijd;
                    horizon_ok = true;
                }
                if let (Some(naam), Some(startjaar), Some(looptijd), Some(verzekerden)) =
                    (naam, startjaar, looptijd, verzekerden)
                {
                    s.naam = naam;
                    s.regio = regio;
                    s.startjaar = startjaar;
                    s.looptijd_jaren = looptijd;
                    s.verzekerden = verzekerden;
                    scenario_ok = true;
                }
            }
        }
        None => cx.missing(
            top,
            "scenario",
            Some(
                "voeg een sectie [scenario] toe met naam, startjaar, looptijd_jaren en verzekerden"
                    .into(),
            ),
        ),
    }
    (scenario_ok, horizon_ok)
}
