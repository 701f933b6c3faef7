//! `formaat` and `[scenario]`: the format version, the name, the horizon and the insured
//! persons. Pure, no I/O.

use rust_decimal::Decimal;

use super::super::model::Scenario;
use super::super::schema::{self, SCENARIO_NAMEN};
use super::FORMAAT;
use super::cx::Cx;
use super::getal::GRENZEN_HINT;
use super::tabel::{Table, need};
use super::veld::{Field, items_of};
use toml::de::DeValue;

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
                let verzekerden = need(cx, &t, verzekerden, "verzekerden")
                    .and_then(|f| read_verzekerden(cx, &f, &verzekerden_veld, looptijd));
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
                    let (eerste, per_jaar) = verzekerden;
                    s.verzekerden = eerste;
                    s.verzekerden_per_jaar = per_jaar;
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

/// `verzekerden`: one whole number for every year, or an array of exactly `looptijd` whole
/// numbers, one per year (docs/rekenregels.md, "Verzekerden per jaar"). Gives the first year's
/// number and, for an array, every year's.
fn read_verzekerden(
    cx: &mut Cx,
    f: &Field<'_, '_, '_>,
    veld: &schema::Veld,
    looptijd: Option<u32>,
) -> Option<(Decimal, Option<Vec<Decimal>>)> {
    let DeValue::Array(items) = f.value.get_ref() else {
        return verzekerden_getal(cx, f, veld).map(|v| (v, None));
    };
    let parent = f.path.build();
    let mut per_jaar = Vec::with_capacity(items.len());
    let mut ok = true;
    for field in items_of(&parent, items) {
        match verzekerden_getal(cx, &field, veld) {
            Some(v) => per_jaar.push(v),
            None => ok = false,
        }
    }
    if let Some(n) = looptijd
        && usize::try_from(n).ok() != Some(items.len())
    {
        let gevonden = match items.len() {
            1 => "1 getal".to_string(),
            k => format!("{k} getallen"),
        };
        cx.error(
            f,
            format!(
                "verwacht {n} {}, één per jaar van de looptijd (looptijd_jaren = {n}); \
                 gevonden: {gevonden}",
                if n == 1 { "getal" } else { "getallen" }
            ),
            Some(
                "geef voor elk jaar het aantal verzekerden, in volgorde, of één getal voor \
                 alle jaren"
                    .into(),
            ),
        );
        return None;
    }
    let eerste = per_jaar.first().copied();
    match eerste {
        Some(eerste) if ok => Some((eerste, Some(per_jaar))),
        _ => None,
    }
}

/// One number of insured persons: a whole number inside the bounds of `verzekerden`.
fn verzekerden_getal(cx: &mut Cx, f: &Field<'_, '_, '_>, veld: &schema::Veld) -> Option<Decimal> {
    let v = cx.decimal(f)?;
    if !cx.written_whole(f, v) {
        return None;
    }
    if v <= Decimal::ZERO || v.fract() != Decimal::ZERO {
        cx.error(
            f,
            format!("moet een geheel getal groter dan 0 zijn (gevonden: {v})"),
            Some("het aantal verzekerden waarover het tarief wordt verdeeld".into()),
        );
        return None;
    }
    if let Some(g) = veld.grens
        && !g.bevat(v)
    {
        cx.error(
            f,
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
}
