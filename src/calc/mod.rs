//! Pure calculations from a validated [`Scenario`](crate::scenario::Scenario) to results:
//! no I/O, no printing, no clock.

pub mod businesscase;
pub mod cost;
pub mod expectations;
pub mod explain;
pub mod impact;
pub mod monitor;
pub mod offers;
pub mod overzicht;
pub mod payout;

use rust_decimal::Decimal;

/// A calculation that cannot be carried out: a value too large, or a division by zero that the
/// scenario's validation should have prevented. Never a wrong number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalcError {
    /// An intermediate value does not fit in a `Decimal`.
    #[error("{wat}: waarde te groot voor de berekening")]
    Overflow {
        /// Field path the value comes from (for the position in the file).
        path: String,
        /// Dutch description of what was being calculated.
        wat: String,
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
            CalcError::Overflow { path, .. } | CalcError::OnbekendeRol { path, .. } => path,
        }
    }
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

    /// A money amount: the product of `factors`, rounded to cents half away from zero. The
    /// product must still hold its third decimal; a product so large that `rust_decimal` had to
    /// round it to fewer decimals first (beyond 28 digits) could round to the wrong cent, and is
    /// an error.
    fn bedrag(&self, factors: &[Decimal]) -> Result<Decimal, CalcError> {
        Ok(crate::decimal::round_money(self.unrounded(factors)?))
    }

    /// The product of `factors` as [`Ops::bedrag`] forms it, before the rounding to cents.
    fn unrounded(&self, factors: &[Decimal]) -> Result<Decimal, CalcError> {
        let mut acc = match factors.split_first() {
            None => Decimal::ONE,
            Some((first, _)) => *first,
        };
        for f in factors.iter().skip(1) {
            acc = self.amount_step(acc, *f)?;
        }
        Ok(acc)
    }

    /// One multiplication of [`Ops::bedrag`]: `acc × f`, an error where `rust_decimal` would
    /// have to round the product to fewer than three decimals.
    fn amount_step(&self, acc: Decimal, f: Decimal) -> Result<Decimal, CalcError> {
        if let Some(r) = exact_product(acc, f) {
            return Ok(r);
        }
        let exact_scale = (acc.scale() + f.scale()).min(28);
        let r = self.mul(acc, f)?;
        if !r.is_zero() && r.scale() < exact_scale && r.scale() < 3 {
            return Err(self.err());
        }
        Ok(r)
    }

    fn sum(&self, items: impl IntoIterator<Item = Decimal>) -> Result<Decimal, CalcError> {
        // Non-negative terms of one scale add up on their mantissas while the sum fits 96 bits:
        // exactly what the decimal additions give (0 + x is x). From the first term that does
        // not, the additions go on as decimals from the sum so far.
        let mut items = items.into_iter();
        let mut fast: Option<(i128, u32)> = None;
        let mut acc = Decimal::ZERO;
        for x in items.by_ref() {
            let m = x.mantissa();
            // (Not for -0: the additions keep its sign.)
            if !x.is_sign_negative() {
                match fast {
                    None if acc.is_zero() => {
                        fast = Some((m, x.scale()));
                        continue;
                    }
                    Some((sum, scale)) if scale == x.scale() && sum + m < 1 << 96 => {
                        fast = Some((sum + m, scale));
                        continue;
                    }
                    _ => {}
                }
            }
            if let Some((sum, scale)) = fast.take() {
                acc = Decimal::try_from_i128_with_scale(sum, scale).map_err(|_| self.err())?;
            }
            acc = self.add(acc, x)?;
            break;
        }
        if let Some((sum, scale)) = fast {
            return Decimal::try_from_i128_with_scale(sum, scale).map_err(|_| self.err());
        }
        items.try_fold(acc, |acc, x| self.add(acc, x))
    }
}

/// `a × b` when the exact product fits a `Decimal` (mantissa below 2^96, at most 28 decimals),
/// worked out on the integer mantissas. `rust_decimal` gives the very same value and scale
/// there (and a zero of scale 0 for a zero product); it only differs where it has to round,
/// which is left to it. `None`: not exact this way.
pub(crate) fn exact_product(a: Decimal, b: Decimal) -> Option<Decimal> {
    let (m, scale) = exact_parts((a.mantissa(), a.scale()), (b.mantissa(), b.scale()))?;
    Decimal::try_from_i128_with_scale(m, scale).ok()
}

/// [`exact_product`] on `(mantissa, scale)` pairs: the product's mantissa and scale.
pub(crate) fn exact_parts(
    (am, ascale): (i128, u32),
    (bm, bscale): (i128, u32),
) -> Option<(i128, u32)> {
    let scale = ascale + bscale;
    if scale > Decimal::MAX_SCALE {
        return None;
    }
    let (a, b) = (am.unsigned_abs(), bm.unsigned_abs());
    // Mantissas of up to 64 bits (nearly all) multiply without an overflow check, which on
    // 128 bits is a slow library call.
    let m = if a >> 64 == 0 && b >> 64 == 0 {
        a * b
    } else {
        a.checked_mul(b)?
    };
    if m == 0 {
        return Some((0, 0));
    }
    if m >= 1 << 96 {
        return None;
    }
    // Below 2^96, so it fits an i128 with either sign.
    let m = m as i128;
    Some((if (am < 0) != (bm < 0) { -m } else { m }, scale))
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

/// [`Ops`] whose field path and description are built by a closure, only on overflow (for the
/// hot loops, where formatting them up front would cost more than the arithmetic).
pub(crate) struct Lazy<F>(pub(crate) F);

impl<F: Fn() -> (String, String)> Ops for Lazy<F> {
    fn err(&self) -> CalcError {
        let (path, wat) = (self.0)();
        CalcError::Overflow { path, wat }
    }
}

/// `x / 100`, exact.
pub(crate) fn pct(x: Decimal) -> Decimal {
    // Dividing by 100 only moves the decimal point; it cannot overflow, and `checked_div` keeps
    // it panic-free should the scale already be at its maximum.
    x.checked_div(Decimal::ONE_HUNDRED).unwrap_or(Decimal::ZERO)
}

/// The indexation factor `I(y) = (1 + p/100)^(y - startjaar)` for every year of the horizon.
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
    Ok(Resultaat {
        kosten,
        impact,
        aanbiedingen,
        businesscase,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Sums as the plain chain of checked decimal additions (what `Ops::sum` must equal).
    fn chained(c: &Checked<'_>, items: &[Decimal]) -> Result<Decimal, CalcError> {
        items
            .iter()
            .try_fold(Decimal::ZERO, |acc, x| c.add(acc, *x))
    }

    fn decimal() -> impl Strategy<Value = Decimal> {
        prop_oneof![
            // Amounts of one scale, as most sums are.
            (0i64..10_000_000).prop_map(|m| Decimal::new(m, 2)),
            // Any sign, scale and size, zeros included.
            (any::<i64>(), 0u32..=28).prop_map(|(m, s)| Decimal::new(m, s)),
            Just(Decimal::ZERO),
            Just(Decimal::new(0, 2)),
            Just({
                let mut minus_zero = Decimal::new(0, 1);
                minus_zero.set_sign_negative(true);
                minus_zero
            }),
            Just(Decimal::MAX),
        ]
    }

    proptest! {
        /// The fast path gives the same value, scale and error as the chain of additions.
        #[test]
        fn sum_equals_the_chain_of_additions(items in prop::collection::vec(decimal(), 0..12)) {
            let c = Checked { path: "p", wat: "w" };
            let fast = c.sum(items.iter().copied());
            let slow = chained(&c, &items);
            prop_assert_eq!(&fast, &slow);
            if let (Ok(a), Ok(b)) = (fast, slow) {
                prop_assert_eq!(a.scale(), b.scale());
                prop_assert_eq!(a.is_sign_negative(), b.is_sign_negative());
            }
        }

        /// Exact products on the mantissas are rust_decimal's products, scale included.
        #[test]
        fn exact_product_is_rust_decimals(a in decimal(), b in decimal()) {
            if let Some(p) = exact_product(a, b) {
                let r = a.checked_mul(b);
                prop_assert_eq!(Some(p), r);
                prop_assert_eq!(p.scale(), r.map_or(0, |r| r.scale()));
            }
        }
    }
}
