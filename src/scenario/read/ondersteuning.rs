//! `[ondersteuning]` (regional support costs) and `[indexatie]`. Pure, no I/O.

use rust_decimal::Decimal;

use super::super::model::{Ondersteuning, Scenario};
use super::super::schema::{self, INDEXATIE_NAMEN, ONDERSTEUNING_NAMEN};
use super::cx::Cx;
use super::tabel::need;
use super::veld::Field;

/// `[ondersteuning]` into `s`; every field defaults to 0.
pub(super) fn ondersteuning(
    cx: &mut Cx,
    ondersteuning_field: Option<Field<'_, '_, '_>>,
    s: &mut Scenario,
) {
    if let Some(f) = ondersteuning_field
        && let Some(t) = cx.table(&f)
    {
        let [
            ict_per_groep,
            huisvesting_per_bijeenkomst,
            projectleiding_uren,
            projectleiding_uurtarief,
            monitoring_per_jaar,
            startkosten_per_nieuwe_groep,
            scholing_per_nieuwe_deelnemer,
            overhead_percentage,
        ] = t.fields(&ONDERSTEUNING_NAMEN);
        let o = &mut s.ondersteuning;
        let [ict, huis, pl_uren, pl_tarief, mon, start, scholing, _] = schema::ONDERSTEUNING;
        let amt = |cx: &mut Cx, f: Option<Field<'_, '_, '_>>, veld| {
            f.and_then(|f| cx.getal(&f, &veld)).unwrap_or(Decimal::ZERO)
        };
        *o = Ondersteuning {
            ict_per_groep: amt(cx, ict_per_groep, ict),
            huisvesting_per_bijeenkomst: amt(cx, huisvesting_per_bijeenkomst, huis),
            projectleiding_uren: amt(cx, projectleiding_uren, pl_uren),
            projectleiding_uurtarief: amt(cx, projectleiding_uurtarief, pl_tarief),
            monitoring_per_jaar: amt(cx, monitoring_per_jaar, mon),
            startkosten_per_nieuwe_groep: amt(cx, startkosten_per_nieuwe_groep, start),
            scholing_per_nieuwe_deelnemer: amt(cx, scholing_per_nieuwe_deelnemer, scholing),
            overhead_percentage: Decimal::ZERO,
        };
        o.overhead_percentage = overhead_percentage
            .and_then(|f| cx.percentage(&f))
            .unwrap_or(Decimal::ZERO);
        t.finish_fields(cx);
    }
}

/// `[indexatie]` into `s`.
pub(super) fn indexatie(cx: &mut Cx, indexatie_field: Option<Field<'_, '_, '_>>, s: &mut Scenario) {
    if let Some(f) = indexatie_field
        && let Some(t) = cx.table(&f)
    {
        let [kosten] = t.fields(&INDEXATIE_NAMEN);
        s.indexatie_percentage = need(cx, &t, kosten, "kosten_percentage_per_jaar")
            .and_then(|f| cx.percentage(&f))
            .unwrap_or(Decimal::ZERO);
        t.finish_fields(cx);
    }
}
