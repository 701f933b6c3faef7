//! Pure calculations from a validated [`Scenario`](crate::scenario::Scenario) to results:
//! no I/O, no printing, no clock.

pub mod afrekening;
pub mod businesscase;
pub mod cost;
pub mod declaratie;
pub mod expectations;
pub mod explain;
pub mod financiering;
pub mod impact;
pub mod monitor;
pub mod offers;
pub mod overzicht;
pub mod payout;
pub mod per_verzekeraar;
mod post;
mod verdeling;

use rust_decimal::Decimal;

use crate::decimal::exact::Exact;

/// A calculation that cannot be carried out: an amount above the documented bound, a value too
/// large, or a division by zero that the scenario's validation should have prevented. Never a
/// wrong number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalcError {
    /// A line, a year total or a horizon total above [`GRENS_BEDRAG`] (README "Grenzen").
    #[error(
        "{wat}: waarde te groot voor de berekening (boven € 1.000.000.000.000); het bedrag volgt uit {}",
        .velden.join(", ")
    )]
    BedragTeGroot {
        /// Field path the line comes from (for the position in the file).
        path: String,
        /// Dutch description of the line or total.
        wat: String,
        /// Every field the amount is calculated from.
        velden: Vec<String>,
    },
    /// An intermediate value does not fit in a `Decimal`.
    #[error("{wat}: waarde te groot voor de berekening")]
    Overflow {
        /// Field path the value comes from (for the position in the file).
        path: String,
        /// Dutch description of what was being calculated.
        wat: String,
    },
    /// A year's `[[bijdrage]]`s exceed what TAPA$ would otherwise finance that year.
    #[error(
        "de bijdragen van {jaar} ({}) zijn groter dan wat in {jaar} via TAPA$ gefinancierd zou worden ({})",
        crate::decimal::euro(*.bijdragen),
        crate::decimal::euro(*.tapas)
    )]
    BijdrageTeGroot {
        /// Field path of the contribution that goes past it.
        path: String,
        /// The year.
        jaar: i32,
        /// Σ contributions of the year up to and including this one.
        bijdragen: Decimal,
        /// What TAPA$ would finance that year without contributions.
        tapas: Decimal,
    },
    /// A role used in a line has no hourly rate (only possible for scenarios built in code).
    #[error("rol '{rol}' heeft geen uurtarief")]
    OnbekendeRol {
        /// Field path of the use.
        path: String,
        /// The role.
        rol: String,
    },
}

impl CalcError {
    /// The field path the error is about.
    pub fn path(&self) -> &str {
        match self {
            CalcError::BedragTeGroot { path, .. }
            | CalcError::Overflow { path, .. }
            | CalcError::BijdrageTeGroot { path, .. }
            | CalcError::OnbekendeRol { path, .. } => path,
        }
    }

    /// What the user can do about it, in Dutch.
    pub fn hint(&self) -> &'static str {
        match self {
            CalcError::BedragTeGroot { .. } => {
                "kies kleinere waarden: een bedrag van de berekening is hoogstens € 1.000.000.000.000"
            }
            CalcError::Overflow { .. } => {
                "kies kleinere waarden: de berekening rekent met hoogstens 28 cijfers"
            }
            CalcError::BijdrageTeGroot { .. } => {
                "een bijdrage verlaagt alleen wat via TAPA$ gefinancierd wordt: verlaag de bijdrage \
                 of verdeel haar over de jaren van de looptijd"
            }
            CalcError::OnbekendeRol { .. } => "geef de rol een uurtarief in [uurtarieven]",
        }
    }
}

/// The largest amount the calculation produces, in cents: € 1.000.000.000.000 (10^12) for a
/// line, a year total and a horizon total (README "Grenzen"). Below it every amount is exact in
/// integer cents, and below 2^53 cents, so that a spreadsheet holding it as a double keeps
/// every cent.
pub const GRENS_BEDRAG: i128 = 100_000_000_000_000;

/// `cents` when within [`GRENS_BEDRAG`] either way.
pub(crate) fn binnen_grens(cents: Option<i128>) -> Option<i128> {
    cents.filter(|c| c.unsigned_abs() <= GRENS_BEDRAG.unsigned_abs())
}

/// An amount of whole cents as a `Decimal` with two decimals (always fits within the bound).
pub(crate) fn euro_bedrag(cents: i128) -> Decimal {
    crate::decimal::exact::units_decimal(cents, 2).unwrap_or(Decimal::MAX)
}

/// Checked arithmetic: every operation returns an error that names what overflowed, instead of
/// panicking or wrapping. The description is only built when an error occurs.
pub(crate) trait Ops {
    /// The error for an overflow here.
    fn err(&self) -> CalcError;

    fn mul(&self, a: Decimal, b: Decimal) -> Result<Decimal, CalcError> {
        a.checked_mul(b).ok_or_else(|| self.err())
    }

    /// Addition that never loses cents: beyond 28 significant digits `rust_decimal` drops
    /// decimals. Dropping digits past the cents of a long fraction is the usual 28-digit
    /// precision; dropping the cents of an amount (a result with fewer than two decimals where
    /// an input had them) would silently change a money figure, and is an error.
    fn add(&self, a: Decimal, b: Decimal) -> Result<Decimal, CalcError> {
        let r = a.checked_add(b).ok_or_else(|| self.err())?;
        // (A zero operand is returned as the other one, whatever its scale: exact.)
        if !a.is_zero() && !b.is_zero() && r.scale() < a.scale().max(b.scale()).min(2) {
            return Err(self.err());
        }
        Ok(r)
    }

    fn div(&self, a: Decimal, b: Decimal) -> Result<Decimal, CalcError> {
        a.checked_div(b).ok_or_else(|| self.err())
    }

    fn product(&self, factors: &[Decimal]) -> Result<Decimal, CalcError> {
        match factors.split_first() {
            None => Ok(Decimal::ONE),
            Some((first, rest)) => rest.iter().try_fold(*first, |acc, f| self.mul(acc, *f)),
        }
    }

    fn sum(&self, items: impl IntoIterator<Item = Decimal>) -> Result<Decimal, CalcError> {
        items
            .into_iter()
            .try_fold(Decimal::ZERO, |acc, x| self.add(acc, x))
    }
}

/// [`Ops`] with a fixed field path and description.
pub(crate) struct Checked<'a> {
    pub(crate) path: &'a str,
    pub(crate) wat: &'a str,
}

impl Ops for Checked<'_> {
    fn err(&self) -> CalcError {
        CalcError::Overflow {
            path: self.path.to_string(),
            wat: self.wat.to_string(),
        }
    }
}

/// [`Ops`] whose field path and description are built by a closure, only on overflow.
pub(crate) struct Lazy<F>(pub(crate) F);

impl<F: Fn() -> (String, String)> Ops for Lazy<F> {
    fn err(&self) -> CalcError {
        let (path, wat) = (self.0)();
        CalcError::Overflow { path, wat }
    }
}

/// `x / 100`, exact up to `rust_decimal`'s 28 digits (the amounts use [`Exact::procent`]).
pub(crate) fn pct(x: Decimal) -> Decimal {
    // Dividing by 100 only moves the decimal point; it cannot overflow, and `checked_div` keeps
    // it panic-free should the scale already be at its maximum.
    x.checked_div(Decimal::ONE_HUNDRED).unwrap_or(Decimal::ZERO)
}

/// The indexation factor `I(y) = (1 + p/100)^(y - startjaar)` for every year of the horizon, as
/// `Decimal`s for display (each year's factor the previous one × `1 + p/100` within 28 digits).
/// The amounts are calculated with [`indexfactoren`], which are exact.
pub fn index_factors(s: &crate::scenario::Scenario) -> Result<Vec<Decimal>, CalcError> {
    let c = Checked {
        path: "indexatie.kosten_percentage_per_jaar",
        wat: "indexatiefactor",
    };
    let step = c.add(Decimal::ONE, pct(s.indexatie_percentage))?;
    let mut out = Vec::with_capacity(s.looptijd_jaren as usize);
    let mut f = Decimal::ONE;
    for i in 0..s.looptijd_jaren {
        if i > 0 {
            f = c.mul(f, step)?;
        }
        out.push(f);
    }
    Ok(out)
}

/// `I(y) = (1 + p/100)^(y − startjaar)` for every year of the horizon, exactly.
pub(crate) fn indexfactoren(s: &crate::scenario::Scenario) -> Vec<Exact> {
    let step = Exact::from(1u64).add(&Exact::from(s.indexatie_percentage).procent());
    let mut out: Vec<Exact> = Vec::with_capacity(s.looptijd_jaren as usize);
    let mut f = Exact::from(1u64);
    for k in 0..s.looptijd_jaren {
        if k > 0 {
            f = f.mul(&step);
        }
        out.push(f.clone());
    }
    out
}

/// Everything the commands report for one scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resultaat {
    /// Line items and totals.
    pub kosten: cost::Kosten,
    /// Zorgreductie; `None` without `[impact]`.
    pub impact: Option<impact::ImpactResultaat>,
    /// The insurers' offers against their share of the costs.
    pub aanbiedingen: offers::Aanbiedingen,
    /// Costs against avoided costs; `None` without `[impact]`.
    pub businesscase: Option<businesscase::BusinessCase>,
    /// Each insurer's own businesscase and the region's view of all chosen offers.
    pub per_verzekeraar: per_verzekeraar::PerVerzekeraar,
}

/// Calculates costs, impact, offers and the businesscase of `s`.
pub fn evaluate(s: &crate::scenario::Scenario) -> Result<Resultaat, CalcError> {
    finish(s, cost::evaluate(s)?)
}

/// [`evaluate`] without the cost line items (every `kosten.jaren[..].regels` is empty): the
/// same totals, offers, impact and businesscase, for callers that report only those.
pub fn evaluate_totals(s: &crate::scenario::Scenario) -> Result<Resultaat, CalcError> {
    finish(s, cost::evaluate_totals(s)?)
}

fn finish(s: &crate::scenario::Scenario, kosten: cost::Kosten) -> Result<Resultaat, CalcError> {
    let impact = impact::evaluate(s)?.ok();
    let aanbiedingen = offers::evaluate(s, &kosten)?;
    let businesscase = match &impact {
        Some(i) => Some(businesscase::evaluate(s, &kosten, i)?),
        None => None,
    };
    let per_verzekeraar = per_verzekeraar::evaluate(s, &kosten, &aanbiedingen, impact.as_ref())?;
    Ok(Resultaat {
        kosten,
        impact,
        aanbiedingen,
        businesscase,
        per_verzekeraar,
    })
}
