//! Exact decimal arithmetic of any size, for the one rounding of every amount (docs/rekenregels.md
//! "Numbers": every rounded amount is its formula's exact value rounded once). Pure, no I/O.
//!
//! A value is `mantissa × 10^-scale` with an integer mantissa of any size. `rust_decimal` keeps
//! 28 digits, so `I(y) = (1 + p/100)^(y − startjaar)` (up to `30 × 29` decimals) or a product of
//! several inputs can be cut before it is rounded to cents, and a value exactly on a half cent
//! can then round the wrong way. Here nothing is cut: products and sums are exact, and the
//! rounding to cents (half away from zero), to a whole number of tenths or thousandths, or up
//! (the tariff) is one integer division with its remainder.
//!
//! The mantissa is an `i128` while it fits and a [`BigInt`] beyond; both give the same value
//! (the property test below checks the `i128` path against the [`BigInt`] one).

use num_bigint::BigInt;
use rust_decimal::Decimal;

/// An exact decimal: `mantissa × 10^-scale`.
#[derive(Debug, Clone)]
pub struct Exact {
    m: Int,
    scale: u32,
}

/// `10^k` for every `k` whose power fits an `i128` (0..=38).
const POW10: [i128; 39] = {
    let mut p = [1i128; 39];
    let mut k = 1;
    while k < 39 {
        p[k] = p[k - 1] * 10;
        k += 1;
    }
    p
};

/// An integer of any size: `i128` while it fits.
#[derive(Debug, Clone)]
enum Int {
    Klein(i128),
    Groot(BigInt),
}

/// How a quotient is rounded to a whole number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Afronding {
    /// Half away from zero (money, ratios).
    HalfVanNulAf,
    /// Towards +∞ (the tariff).
    Omhoog,
}

impl Int {
    fn big(&self) -> BigInt {
        match self {
            Int::Klein(v) => BigInt::from(*v),
            Int::Groot(v) => v.clone(),
        }
    }

    #[inline]
    fn mul(&self, other: &Int) -> Int {
        match (self, other) {
            // Two factors below 2^63 in size (nearly all) cannot overflow an i128; this skips
            // the overflow check, which on 128 bits is a slow library call.
            (Int::Klein(a), Int::Klein(b))
                if a.unsigned_abs() >> 63 == 0 && b.unsigned_abs() >> 63 == 0 =>
            {
                Int::Klein(a * b)
            }
            _ => self.mul_slow(other),
        }
    }

    #[cold]
    #[inline(never)]
    fn mul_slow(&self, other: &Int) -> Int {
        match (self, other) {
            (Int::Klein(a), Int::Klein(b)) => match a.checked_mul(*b) {
                Some(p) => Int::Klein(p),
                None => Int::Groot(BigInt::from(*a) * BigInt::from(*b)),
            },
            _ => Int::Groot(self.big() * other.big()),
        }
    }

    #[inline]
    fn add(&self, other: &Int) -> Int {
        if let (Int::Klein(a), Int::Klein(b)) = (self, other)
            && let Some(s) = a.checked_add(*b)
        {
            return Int::Klein(s);
        }
        Int::Groot(self.big() + other.big())
    }

    /// `self × 10^k`.
    #[inline]
    fn shift(&self, k: u32) -> Int {
        match (k, POW10.get(k as usize)) {
            (0, _) => self.clone(),
            (_, Some(p)) => self.mul(&Int::Klein(*p)),
            _ => Int::Groot(self.big() * BigInt::from(10u8).pow(k)),
        }
    }

    /// `10^k`.
    #[inline]
    fn pow10(k: u32) -> Int {
        Int::Klein(1).shift(k)
    }

    #[inline]
    fn is_zero(&self) -> bool {
        match self {
            Int::Klein(v) => *v == 0,
            Int::Groot(v) => v.sign() == num_bigint::Sign::NoSign,
        }
    }

    /// `self / den` rounded to a whole number as `how` says; `None` when the result does not
    /// fit an `i128` (or `den` is zero).
    #[inline]
    fn div_round(&self, den: &Int, how: Afronding) -> Option<i128> {
        match (self, den) {
            (_, d) if d.is_zero() => None,
            (Int::Klein(n), Int::Klein(d)) => Some(round_quotient(*n, *d, how)),
            _ => self.div_round_slow(den, how),
        }
    }

    #[cold]
    #[inline(never)]
    fn div_round_slow(&self, den: &Int, how: Afronding) -> Option<i128> {
        let (n, d) = (self.big(), den.big());
        let (q, r) = (&n / &d, &n % &d);
        let q = i128::try_from(&q).ok()?;
        if r.sign() == num_bigint::Sign::NoSign {
            return Some(q);
        }
        // The sign of the exact quotient; the truncated `q` lies towards zero from it.
        let negative =
            (n.sign() == num_bigint::Sign::Minus) != (d.sign() == num_bigint::Sign::Minus);
        let step = match how {
            Afronding::Omhoog => !negative,
            Afronding::HalfVanNulAf => r.magnitude() * 2u8 >= *d.magnitude(),
        };
        if !step {
            Some(q)
        } else if negative {
            q.checked_sub(1)
        } else {
            q.checked_add(1)
        }
    }
}

/// `a × 10^k` on `i128` when `a` is below 2^63 in size and `k` at most 18 (so that it cannot
/// overflow); `None` otherwise.
#[inline]
fn align(a: i128, k: u32) -> Option<i128> {
    match (k, POW10.get(k as usize)) {
        (0, _) => Some(a),
        (1..=18, Some(p)) if a.unsigned_abs() >> 63 == 0 => Some(a * p),
        _ => None,
    }
}

/// `m × 10^-scale` in whole units of `10^-dp`, rounded as `how` says, on `i128`; `None` where
/// that needs more than an `i128` (then the general path decides).
#[inline]
fn small_units(m: i128, scale: u32, dp: u32, how: Afronding) -> Option<i128> {
    if dp >= scale {
        align(m, dp - scale)
    } else {
        POW10
            .get((scale - dp) as usize)
            .map(|p| round_quotient(m, *p, how))
    }
}

/// `n / d` rounded as `how` says, on `i128` (`d` not zero). The quotient of `i128::MIN / -1`
/// is the one that does not fit; it saturates, far above any bound of the calculation.
#[inline]
fn round_quotient(n: i128, d: i128, how: Afronding) -> i128 {
    // Most quotients have both sides below 2^64 in size, where the processor divides; on 128
    // bits division is a slow library call. (The same quotient and remainder.)
    let (q, r) = match (
        u64::try_from(n.unsigned_abs()),
        u64::try_from(d.unsigned_abs()),
    ) {
        (Ok(a), Ok(b)) if b != 0 => {
            let (q, r) = (i128::from(a / b), i128::from(a % b));
            (
                if (n < 0) != (d < 0) { -q } else { q },
                if n < 0 { -r } else { r },
            )
        }
        _ => (
            n.checked_div(d).unwrap_or(i128::MAX),
            n.checked_rem(d).unwrap_or(0),
        ),
    };
    if r == 0 {
        return q;
    }
    let negative = (n < 0) != (d < 0);
    let step = match how {
        Afronding::Omhoog => !negative,
        // |r| ≥ |d| − |r| is 2|r| ≥ |d| without the overflow of 2|r|.
        Afronding::HalfVanNulAf => r.unsigned_abs() >= d.unsigned_abs() - r.unsigned_abs(),
    };
    match (step, negative) {
        (false, _) => q,
        (true, true) => q.saturating_sub(1),
        (true, false) => q.saturating_add(1),
    }
}

impl From<Decimal> for Exact {
    #[inline]
    fn from(d: Decimal) -> Exact {
        Exact {
            m: Int::Klein(d.mantissa()),
            scale: d.scale(),
        }
    }
}

impl From<u64> for Exact {
    #[inline]
    fn from(n: u64) -> Exact {
        Exact {
            m: Int::Klein(i128::from(n)),
            scale: 0,
        }
    }
}

impl Exact {
    /// `n` cents.
    #[inline]
    pub fn cents(n: i128) -> Exact {
        Exact {
            m: Int::Klein(n),
            scale: 2,
        }
    }

    /// `self / 100`: a percentage as a fraction.
    #[inline]
    pub fn procent(&self) -> Exact {
        Exact {
            m: self.m.clone(),
            scale: self.scale + 2,
        }
    }

    /// `−self`.
    pub fn neg(&self) -> Exact {
        let m = match &self.m {
            Int::Klein(v) => match v.checked_neg() {
                Some(n) => Int::Klein(n),
                None => Int::Groot(-BigInt::from(*v)),
            },
            Int::Groot(v) => Int::Groot(-v.clone()),
        };
        Exact {
            m,
            scale: self.scale,
        }
    }

    /// The exact product.
    #[inline]
    pub fn mul(&self, other: &Exact) -> Exact {
        Exact {
            m: self.m.mul(&other.m),
            scale: self.scale + other.scale,
        }
    }

    /// The exact sum.
    #[inline]
    pub fn add(&self, other: &Exact) -> Exact {
        // Both small with the same scale (a sum over the years, of the groups' patients): added
        // here, inline; else aligned first.
        if let (Int::Klein(a), Int::Klein(b)) = (&self.m, &other.m)
            && self.scale == other.scale
            && let Some(s) = a.checked_add(*b)
        {
            return Exact {
                m: Int::Klein(s),
                scale: self.scale,
            };
        }
        self.add_uitgelijnd(other)
    }

    /// [`Exact::add`] of two values of different scales or sizes.
    #[inline(never)]
    fn add_uitgelijnd(&self, other: &Exact) -> Exact {
        let scale = self.scale.max(other.scale);
        // Both small: aligned and added on `i128` without a detour.
        if let (Int::Klein(a), Int::Klein(b)) = (&self.m, &other.m)
            && let (Some(a), Some(b)) = (
                align(*a, scale - self.scale),
                align(*b, scale - other.scale),
            )
            && let Some(s) = a.checked_add(b)
        {
            return Exact {
                m: Int::Klein(s),
                scale,
            };
        }
        Exact {
            m: self
                .m
                .shift(scale - self.scale)
                .add(&other.m.shift(scale - other.scale)),
            scale,
        }
    }

    /// The product of `factors` (1 for none).
    pub fn product<'a>(factors: impl IntoIterator<Item = &'a Exact>) -> Exact {
        factors
            .into_iter()
            .fold(Exact::from(1u64), |acc, f| acc.mul(f))
    }

    /// `self^k`.
    pub fn pow(&self, k: u32) -> Exact {
        (0..k).fold(Exact::from(1u64), |acc, _| acc.mul(self))
    }

    /// Whether the value is zero.
    #[inline]
    pub fn is_zero(&self) -> bool {
        self.m.is_zero()
    }

    /// The value in whole units of `10^-dp`, rounded as `how` says: `to_units(2, HalfVanNulAf)`
    /// is the amount in cents. `None` when that number does not fit an `i128`.
    #[inline]
    pub fn to_units(&self, dp: u32, how: Afronding) -> Option<i128> {
        match &self.m {
            Int::Klein(m) => {
                small_units(*m, self.scale, dp, how).or_else(|| self.to_units_slow(dp, how))
            }
            Int::Groot(_) => self.to_units_slow(dp, how),
        }
    }

    /// `self × other` in whole units of `10^-dp`, rounded as `how` says: exactly
    /// `self.mul(other).to_units(dp, how)`. When both mantissas are below 2^63 in size (every
    /// line of the cost engine within the documented bounds, for the first years of
    /// indexation) the product is rounded on `i128` without building it as an [`Exact`]. With
    /// the per-year split of src/calc/cost/snel.rs (`Verdelingen`) it took `calc::evaluate_totals`
    /// from 94.7 M to 85.5 M instructions on 400 generated files (9,009 groups, callgrind):
    /// about 2 % of `batch`, below issue 13's 5 % bar on its own. Guarded by the property test
    /// below and by tests/cli/properties/aanvullingen.rs.
    #[inline]
    pub fn mul_units(&self, other: &Exact, dp: u32, how: Afronding) -> Option<i128> {
        if let (Int::Klein(a), Int::Klein(b)) = (&self.m, &other.m)
            && a.unsigned_abs() >> 63 == 0
            && b.unsigned_abs() >> 63 == 0
            && let Some(units) = small_units(a * b, self.scale + other.scale, dp, how)
        {
            return Some(units);
        }
        self.mul_units_slow(other, dp, how)
    }

    #[cold]
    #[inline(never)]
    fn mul_units_slow(&self, other: &Exact, dp: u32, how: Afronding) -> Option<i128> {
        self.mul(other).to_units(dp, how)
    }

    #[cold]
    #[inline(never)]
    fn to_units_slow(&self, dp: u32, how: Afronding) -> Option<i128> {
        if dp >= self.scale {
            match self.m.shift(dp - self.scale) {
                Int::Klein(v) => Some(v),
                Int::Groot(v) => i128::try_from(&v).ok(),
            }
        } else {
            self.m.div_round(&Int::pow10(self.scale - dp), how)
        }
    }

    /// `self / other` in whole units of `10^-dp`, rounded as `how` says; `None` when `other`
    /// is zero or the result does not fit an `i128`.
    pub fn div_units(&self, other: &Exact, dp: u32, how: Afronding) -> Option<i128> {
        // (m₁ / 10^s₁) / (m₂ / 10^s₂) × 10^dp = m₁ × 10^(s₂ + dp) / (m₂ × 10^s₁)
        let num = self.m.shift(other.scale + dp);
        let den = other.m.shift(self.scale);
        num.div_round(&den, how)
    }

    /// The mantissa and scale (`m × 10^-scale`) when the value is not negative and its mantissa
    /// fits a `u64`: the 64-bit fast path of src/calc/cost/snel.rs (`centen_64`).
    #[inline]
    pub fn u64_delen(&self) -> Option<(u64, u32)> {
        match self.m {
            Int::Klein(m) => u64::try_from(m).ok().map(|m| (m, self.scale)),
            Int::Groot(_) => None,
        }
    }

    /// Whether [`Exact::to_decimal`] gives a value (its integer part fits a `Decimal`).
    #[inline]
    pub fn fits_decimal(&self) -> bool {
        match self.m {
            Int::Klein(m) => m.unsigned_abs() >> 96 == 0 || self.to_decimal().is_some(),
            Int::Groot(_) => self.to_decimal().is_some(),
        }
    }

    /// The value as a `Decimal`: exactly when it fits one, else rounded once (half away from
    /// zero) to the most decimals that fit; `None` when even its integer part does not fit.
    pub fn to_decimal(&self) -> Option<Decimal> {
        if let Int::Klein(m) = self.m
            && self.scale <= Decimal::MAX_SCALE
            && let Ok(d) = Decimal::try_from_i128_with_scale(m, self.scale)
        {
            return Some(d);
        }
        let most = self.scale.min(Decimal::MAX_SCALE);
        (0..=most).rev().find_map(|dp| {
            let units = self.to_units(dp, Afronding::HalfVanNulAf)?;
            Decimal::try_from_i128_with_scale(units, dp).ok()
        })
    }
}

/// A whole number of units of `10^-dp` as a `Decimal` with `dp` decimals; `None` when it does
/// not fit.
pub fn units_decimal(units: i128, dp: u32) -> Option<Decimal> {
    Decimal::try_from_i128_with_scale(units, dp).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap_or_default()
    }

    fn x(s: &str) -> Exact {
        Exact::from(d(s))
    }

    /// The exact value as `BigInt` arithmetic only, to check the `i128` path against.
    fn big(e: &Exact) -> Exact {
        Exact {
            m: Int::Groot(e.m.big()),
            scale: e.scale,
        }
    }

    const CENTS: Afronding = Afronding::HalfVanNulAf;

    #[test]
    fn a_product_exactly_on_a_half_cent_rounds_away_from_zero() {
        // 0.125 → 0.13 and −0.125 → −0.13 (banker's rounding would give 0.12).
        assert_eq!(x("0.125").to_units(2, CENTS), Some(13));
        assert_eq!(x("-0.125").to_units(2, CENTS), Some(-13));
        assert_eq!(x("2.004999").to_units(2, CENTS), Some(200));
        assert_eq!(x("450").to_units(2, CENTS), Some(45_000));
    }

    #[test]
    fn a_product_beyond_28_digits_is_rounded_once_from_its_exact_value() {
        // Issue 13: 1000000000000000000000044.665 × 1.03 = 1030000000000000000000046.00495
        // exactly (44.665 × 1.03 = 46.00495), which rounds to …046.00; cut to 28 digits first
        // it would be …046.005 and round to …046.01.
        let line = x("1000000000000000000000044.665").mul(&x("1.03"));
        assert_eq!(
            line.to_units(2, CENTS),
            Some(103_000_000_000_000_000_000_004_600)
        );
        // 1.025^10 = 41^10 / 40^10 has 30 decimals; 2^27 × 5^8 × 41^10 / 40^10 = 41^10 / 200
        // = 13422659310152401 / 200 = 67113296550762.005 exactly → …762.01.
        let factor = x("1.025").pow(10);
        let line = x("52428800000000").mul(&factor);
        assert_eq!(line.to_units(2, CENTS), Some(6_711_329_655_076_201));
    }

    #[test]
    fn a_quotient_rounds_up_for_the_tariff_and_half_away_for_a_ratio() {
        // 3300.01 / 3000 = 1.1000033… → up 1.11, half away 1.10.
        let t = Exact::cents(330_001);
        let v = Exact::from(3000u64);
        assert_eq!(t.div_units(&v, 2, Afronding::Omhoog), Some(111));
        assert_eq!(t.div_units(&v, 2, CENTS), Some(110));
        // 3000.00 / 3000 = 1 exactly: not raised.
        assert_eq!(
            Exact::cents(300_000).div_units(&v, 2, Afronding::Omhoog),
            Some(100)
        );
        // −1 / 3 = −0.333… → up −0.33, half away −0.33; −2 / 3 → half away −0.67.
        let three = Exact::from(3u64);
        assert_eq!(
            Exact::from(d("-1")).div_units(&three, 2, Afronding::Omhoog),
            Some(-33)
        );
        assert_eq!(Exact::from(d("-2")).div_units(&three, 2, CENTS), Some(-67));
        assert_eq!(t.div_units(&Exact::from(0u64), 2, CENTS), None);
    }

    #[test]
    fn a_value_is_a_decimal_exactly_when_it_fits_and_rounded_once_when_not() {
        assert_eq!(x("9.375").to_decimal(), Some(d("9.375")));
        // 1.025^10 = 1.280084544196357822418212890625 (30 decimals) → 28.
        assert_eq!(
            x("1.025").pow(10).to_decimal(),
            Some(d("1.2800845441963578224182128906"))
        );
        // A value whose integer part does not fit a Decimal.
        assert_eq!(
            x("79228162514264337593543950335").mul(&x("2")).to_decimal(),
            None
        );
    }

    fn decimal() -> impl Strategy<Value = Decimal> {
        prop_oneof![
            (any::<i64>(), 0u32..=28).prop_map(|(m, s)| Decimal::new(m, s)),
            (
                any::<u32>(),
                any::<u32>(),
                any::<u32>(),
                any::<bool>(),
                0u32..=28
            )
                .prop_map(|(lo, mid, hi, neg, s)| Decimal::from_parts(lo, mid, hi, neg, s)),
        ]
    }

    proptest! {
        /// The `i128` path gives what the `BigInt` path gives: products, sums, every rounding.
        #[test]
        fn the_i128_path_is_the_bigint_path(
            a in decimal(), b in decimal(), c in decimal(), k in 0u32..4, dp in 0u32..4,
        ) {
            let small = Exact::from(a).mul(&Exact::from(b).pow(k)).add(&Exact::from(c));
            let large = big(&Exact::from(a)).mul(&big(&Exact::from(b)).pow(k)).add(&big(&Exact::from(c)));
            for how in [Afronding::HalfVanNulAf, Afronding::Omhoog] {
                prop_assert_eq!(small.to_units(dp, how), large.to_units(dp, how));
                prop_assert_eq!(
                    small.div_units(&Exact::from(c), dp, how),
                    large.div_units(&big(&Exact::from(c)), dp, how)
                );
            }
            prop_assert_eq!(small.to_decimal(), large.to_decimal());
        }

        /// The rounded product without the product is the rounded product.
        #[test]
        fn a_rounded_product_is_the_product_rounded(
            a in decimal(), b in decimal(), k in 0u32..4, dp in 0u32..4,
        ) {
            let (a, b) = (Exact::from(a), Exact::from(b).pow(k));
            for how in [Afronding::HalfVanNulAf, Afronding::Omhoog] {
                prop_assert_eq!(a.mul_units(&b, dp, how), big(&a).mul(&big(&b)).to_units(dp, how));
            }
        }

        /// Rounding a `Decimal` this way is `rust_decimal`'s own rounding of it (exact there),
        /// compared in whole cents.
        #[test]
        fn rounding_a_decimal_is_rust_decimals_rounding(a in decimal()) {
            use rust_decimal::RoundingStrategy as R;
            let in_cents = |r: Decimal| r.mantissa() * 10i128.pow(2 - r.scale().min(2));
            for (how, strategy) in [
                (Afronding::HalfVanNulAf, R::MidpointAwayFromZero),
                (Afronding::Omhoog, R::ToPositiveInfinity),
            ] {
                let want = in_cents(a.round_dp_with_strategy(2, strategy));
                prop_assert_eq!(Exact::from(a).to_units(2, how), Some(want));
            }
        }
    }
}
