//! Businesscase figures by name, and the `[[verwachting]]` checks on them. Pure, no I/O.

use rust_decimal::Decimal;

use super::businesscase::{BusinessCase, Saldo};
use super::cost::{Kosten, Totalen};
use crate::scenario::{Grootheid, Scenario, Verwachting};

/// The value of `g` in `jaar` (or over the horizon); `None` when it does not exist (an impact
/// figure without `[impact]`, or a ratio with a zero denominator).
pub fn figure(
    kosten: &Kosten,
    bc: Option<&BusinessCase>,
    g: Grootheid,
    jaar: Option<i32>,
) -> Option<Decimal> {
    let totalen: &Totalen = match jaar {
        Some(j) => &kosten.jaren.iter().find(|y| y.jaar == j)?.totalen,
        None => &kosten.totaal,
    };
    let saldo: Option<&Saldo> = match (bc, jaar) {
        (Some(b), Some(j)) => b.jaren.iter().find(|(y, _)| *y == j).map(|(_, s)| s),
        (Some(b), None) => Some(&b.totaal),
        (None, _) => None,
    };
    match g {
        Grootheid::KostenTotaal => Some(totalen.kosten_totaal),
        Grootheid::EldersGefinancierd => Some(totalen.elders_gefinancierd),
        Grootheid::TeFinancieren => Some(totalen.te_financieren),
        Grootheid::KostendekkendTarief => Some(totalen.kostendekkend_tarief),
        Grootheid::VermedenKosten => saldo.map(|s| s.vermeden_kosten),
        Grootheid::Netto => saldo.map(|s| s.netto),
        Grootheid::RoiPercentage => saldo.and_then(|s| s.roi_percentage),
        Grootheid::BreakEvenFactor => saldo.and_then(|s| s.break_even_factor),
        Grootheid::NettoContanteWaarde => match jaar {
            None => bc.map(|b| b.netto_contante_waarde),
            Some(_) => None,
        },
    }
}

/// The outcome of one expectation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uitkomst<'s> {
    /// The expectation.
    pub verwachting: &'s Verwachting,
    /// The figure, if it exists.
    pub waarde: Option<Decimal>,
    /// How far outside the bounds (positive: above max; negative: below min); zero when met.
    pub afwijking: Decimal,
    /// Whether it holds.
    pub gehaald: bool,
}

/// Checks every expectation of `s`.
pub fn check<'s>(s: &'s Scenario, kosten: &Kosten, bc: Option<&BusinessCase>) -> Vec<Uitkomst<'s>> {
    s.verwachtingen
        .iter()
        .map(|v| {
            let waarde = figure(kosten, bc, v.grootheid, v.jaar);
            let (gehaald, afwijking) = match waarde {
                None => (false, Decimal::ZERO),
                Some(x) => match (v.min, v.max) {
                    (Some(lo), _) if x < lo => (false, x.saturating_sub(lo)),
                    (_, Some(hi)) if x > hi => (false, x.saturating_sub(hi)),
                    _ => (true, Decimal::ZERO),
                },
            };
            Uitkomst {
                verwachting: v,
                waarde,
                afwijking,
                gehaald,
            }
        })
        .collect()
}
