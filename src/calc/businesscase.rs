//! The businesscase: costs against avoided costs, per year and over the horizon (SPEC.md
//! "Businesscase per year and in total"). Pure, no I/O.

use rust_decimal::Decimal;

use super::cost::{Kosten, Totalen};
use super::impact::ImpactResultaat;
use super::{CalcError, Checked, Ops, pct};
use crate::decimal::{round_half_away, round_money};
use crate::scenario::Scenario;

/// The businesscase figures of one year or of the horizon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Saldo {
    /// The cost totals (over the horizon with the flat tariff).
    pub kosten: Totalen,
    /// Σ avoided costs.
    pub vermeden_kosten: Decimal,
    /// `vermeden_kosten − te_financieren`.
    pub netto: Decimal,
    /// `netto / te_financieren × 100`, one decimal; `None` when nothing is to be financed.
    pub roi_percentage: Option<Decimal>,
    /// `te_financieren / vermeden_kosten`, three decimals; `None` when nothing is avoided.
    pub break_even_factor: Option<Decimal>,
}

/// The whole businesscase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BusinessCase {
    /// Per year: `(jaar, figures)`.
    pub jaren: Vec<(i32, Saldo)>,
    /// Over the horizon.
    pub totaal: Saldo,
    /// `Σ netto(y) / (1 + d/100)^(y − startjaar)`, each year's term rounded to cents.
    pub netto_contante_waarde: Decimal,
    /// The discount rate used, in %.
    pub disconteringsvoet_percentage: Decimal,
}

fn saldo(c: &Checked<'_>, kosten: Totalen, vermeden: Decimal) -> Result<Saldo, CalcError> {
    let netto = c.add(vermeden, -kosten.te_financieren)?;
    let roi_percentage = if kosten.te_financieren.is_zero() {
        None
    } else {
        let r = c.div(netto, kosten.te_financieren)?;
        Some(round_half_away(c.mul(r, Decimal::ONE_HUNDRED)?, 1))
    };
    let break_even_factor = if vermeden.is_zero() {
        None
    } else {
        Some(round_half_away(c.div(kosten.te_financieren, vermeden)?, 3))
    };
    Ok(Saldo {
        kosten,
        vermeden_kosten: vermeden,
        netto,
        roi_percentage,
        break_even_factor,
    })
}

/// Combines costs and impact into the businesscase.
pub fn evaluate(
    s: &Scenario,
    kosten: &Kosten,
    impact: &ImpactResultaat,
) -> Result<BusinessCase, CalcError> {
    let c = Checked {
        path: "impact.disconteringsvoet_percentage",
        wat: "businesscase",
    };
    let d = s
        .impact
        .as_ref()
        .map_or(Decimal::ZERO, |i| i.disconteringsvoet_percentage);
    let step = c.add(Decimal::ONE, pct(d))?;
    let mut discount = Decimal::ONE;
    let mut jaren = Vec::with_capacity(kosten.jaren.len());
    let mut npv = Decimal::ZERO;
    for (i, (kj, ij)) in kosten.jaren.iter().zip(&impact.jaren).enumerate() {
        let sj = saldo(&c, kj.totalen, ij.vermeden_kosten)?;
        if i > 0 {
            discount = c.mul(discount, step)?;
        }
        npv = c.add(npv, round_money(c.div(sj.netto, discount)?))?;
        jaren.push((kj.jaar, sj));
    }
    let totaal = saldo(&c, kosten.totaal, impact.vermeden_kosten)?;
    Ok(BusinessCase {
        jaren,
        totaal,
        netto_contante_waarde: npv,
        disconteringsvoet_percentage: d,
    })
}
