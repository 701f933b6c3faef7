//! The businesscase: costs against avoided costs, per year and over the horizon (docs/rekenregels.md
//! "Businesscase per year and in total"). Pure, no I/O.

use rust_decimal::Decimal;

use super::CalcError;
use super::cost::{Kosten, Totalen};
use super::impact::ImpactResultaat;
use super::offers::ratio;
use crate::decimal::exact::{Afronding, Exact};
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
    /// Per year `(1 + d/100)^(y − startjaar)`, exactly where a `Decimal` holds it (else rounded
    /// once to the most decimals that fit).
    pub disconteringsfactoren: Vec<Decimal>,
    /// Per year the term of the net present value: `netto(y)` over that factor, in cents.
    pub contante_waarden: Vec<Decimal>,
}

/// An amount of the cost or impact result, exactly.
fn exact(d: Decimal) -> Exact {
    Exact::from(d)
}

/// The figures of a year or of the horizon: `netto = vermeden_kosten − te_financieren`,
/// `roi_percentage = netto / te_financieren × 100` (one decimal), `break_even_factor =
/// te_financieren / vermeden_kosten` (three decimals), each ratio rounded once from its exact
/// value.
fn saldo(kosten: Totalen, vermeden: Decimal) -> Result<Saldo, CalcError> {
    let netto = vermeden
        .checked_sub(kosten.te_financieren)
        .ok_or_else(|| CalcError::Overflow {
            path: "impact".into(),
            wat: "netto".into(),
        })?;
    let te = exact(kosten.te_financieren);
    let roi_percentage = ratio(&exact(netto).mul(&Exact::from(100u64)), &te, 1);
    let break_even_factor = ratio(&te, &exact(vermeden), 3);
    Ok(Saldo {
        kosten,
        vermeden_kosten: vermeden,
        netto,
        roi_percentage,
        break_even_factor,
    })
}

/// Combines costs and impact into the businesscase; the net present value is
/// `Σ netto(y) / (1 + d/100)^(y − startjaar)`, each year's term rounded once to cents.
pub fn evaluate(
    s: &Scenario,
    kosten: &Kosten,
    impact: &ImpactResultaat,
) -> Result<BusinessCase, CalcError> {
    let d = s
        .impact
        .as_ref()
        .map_or(Decimal::ZERO, |i| i.disconteringsvoet_percentage);
    let step = Exact::from(1u64).add(&Exact::from(d).procent());
    let mut discount = Exact::from(1u64);
    let mut jaren = Vec::with_capacity(kosten.jaren.len());
    let mut npv: i128 = 0;
    let mut factoren = Vec::with_capacity(kosten.jaren.len());
    let mut termen = Vec::with_capacity(kosten.jaren.len());
    for (k, (kj, ij)) in kosten.jaren.iter().zip(&impact.jaren).enumerate() {
        let sj = saldo(kj.totalen, ij.vermeden_kosten)?;
        if k > 0 {
            discount = discount.mul(&step);
        }
        let term = exact(sj.netto)
            .div_units(&discount, 2, Afronding::HalfVanNulAf)
            .ok_or_else(|| CalcError::Overflow {
                path: "impact.disconteringsvoet_percentage".into(),
                wat: "netto contante waarde".into(),
            })?;
        npv = npv.saturating_add(term);
        factoren.push(discount.to_decimal().unwrap_or_default());
        termen.push(crate::decimal::exact::units_decimal(term, 2).unwrap_or_default());
        jaren.push((kj.jaar, sj));
    }
    let totaal = saldo(kosten.totaal, impact.vermeden_kosten)?;
    Ok(BusinessCase {
        jaren,
        totaal,
        netto_contante_waarde: crate::decimal::exact::units_decimal(npv, 2).unwrap_or_default(),
        disconteringsvoet_percentage: d,
        disconteringsfactoren: factoren,
        contante_waarden: termen,
    })
}
