//! Exact decimal reading and the one place where numbers are rounded or formatted; the exact
//! arithmetic of every rounded amount is in [`exact`]. Pure: no I/O.

pub mod exact;

use rust_decimal::{Decimal, RoundingStrategy};

/// Why a piece of text is not an exact decimal.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NumberError {
    /// NaN or infinity.
    #[error("NaN en oneindig zijn geen getallen voor een berekening")]
    NotFinite,
    /// The value has more digits or magnitude than the calculation can hold.
    #[error(
        "past niet in de berekening (hoogstens 28 cijfers achter de komma en ongeveer 7,9 × 10^28 groot)"
    )]
    OutOfRange,
    /// Not a number at all.
    #[error("geen getal")]
    Invalid,
}

/// Reads a decimal from its written text (a TOML float or a decimal string), exactly.
///
/// Accepts `116.35`, `-0.5`, `1_000.5`, `1e3`, `2.5E-2`; rejects NaN, infinity and values that
/// do not fit in a `Decimal` without rounding.
pub fn parse_exact(text: &str) -> Result<Decimal, NumberError> {
    // The common plain form (`116`, `0.5`, `-3.25`): the general reading below would trim,
    // clean and lowercase nothing and hand exactly this text to `from_str_exact`.
    if !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
    {
        return Decimal::from_str_exact(text).map_err(classify);
    }
    let cleaned: String = text.trim().chars().filter(|c| *c != '_').collect();
    let lower = cleaned.to_ascii_lowercase();
    let unsigned = lower.trim_start_matches(['+', '-']);
    if unsigned == "nan" || unsigned == "inf" || unsigned == "infinity" {
        return Err(NumberError::NotFinite);
    }
    let (mantissa, exponent) = match lower.split_once('e') {
        Some((m, e)) => (m, Some(e)),
        None => (lower.as_str(), None),
    };
    if mantissa.is_empty()
        || !mantissa
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '+' | '-'))
    {
        return Err(NumberError::Invalid);
    }
    let mantissa = mantissa.strip_prefix('+').unwrap_or(mantissa);
    let mut value = Decimal::from_str_exact(mantissa).map_err(classify)?;
    if let Some(exponent) = exponent {
        let exponent: i64 = exponent.parse().map_err(|_| NumberError::Invalid)?;
        if exponent < 0 {
            let scale = i64::from(value.scale()) - exponent;
            let scale = u32::try_from(scale).map_err(|_| NumberError::OutOfRange)?;
            if scale > Decimal::MAX_SCALE {
                return Err(NumberError::OutOfRange);
            }
            value
                .set_scale(scale)
                .map_err(|_| NumberError::OutOfRange)?;
        } else {
            for _ in 0..exponent.min(40) {
                value = value
                    .checked_mul(Decimal::TEN)
                    .ok_or(NumberError::OutOfRange)?;
            }
            if exponent > 40 && !value.is_zero() {
                return Err(NumberError::OutOfRange);
            }
        }
    }
    Ok(value)
}

fn classify(err: rust_decimal::Error) -> NumberError {
    match err {
        rust_decimal::Error::ErrorString(msg) if !msg.contains("overflow") => NumberError::Invalid,
        rust_decimal::Error::ConversionTo(_) => NumberError::Invalid,
        _ => NumberError::OutOfRange,
    }
}

/// The common form of a TOML integer: up to 18 decimal digits without sign or underscores,
/// which fit an `i64` as they are; `None` for any other form.
pub fn plain_integer(digits: &str, radix: u32) -> Option<i64> {
    (radix == 10 && (1..=18).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| {
            digits
                .bytes()
                .fold(0i64, |n, b| n * 10 + i64::from(b - b'0'))
        })
}

/// Reads a TOML integer given as digits in `radix`, exactly.
pub fn parse_integer(digits: &str, radix: u32) -> Result<Decimal, NumberError> {
    if let Some(n) = plain_integer(digits, radix) {
        return Ok(Decimal::from(n));
    }
    let cleaned: std::borrow::Cow<'_, str> = if digits.contains('_') {
        digits
            .chars()
            .filter(|c| *c != '_')
            .collect::<String>()
            .into()
    } else {
        digits.into()
    };
    let value = i128::from_str_radix(&cleaned, radix).map_err(|e| match e.kind() {
        std::num::IntErrorKind::PosOverflow | std::num::IntErrorKind::NegOverflow => {
            NumberError::OutOfRange
        }
        _ => NumberError::Invalid,
    })?;
    Decimal::try_from_i128_with_scale(value, 0).map_err(|_| NumberError::OutOfRange)
}

/// Rounds a money amount to whole cents, half away from zero (docs/rekenregels.md: once per line item).
/// The cost engine rounds the exact value of each formula with [`exact::Exact`]; this rounds a
/// value that is already a `Decimal`, exactly.
pub fn round_money(value: Decimal) -> Decimal {
    normalise_zero(value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero))
}

/// Rounds a tariff UP to the whole cent: a contracted tariff must cover the costs.
pub fn round_tariff_up(value: Decimal) -> Decimal {
    normalise_zero(value.round_dp_with_strategy(2, RoundingStrategy::ToPositiveInfinity))
}

/// Rounds a ratio or expected count for display, half away from zero.
pub fn round_half_away(value: Decimal, dp: u32) -> Decimal {
    normalise_zero(value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero))
}

/// Turns `-0` (of any scale) into `0`, so that nothing prints as `-0.00`.
pub fn normalise_zero(value: Decimal) -> Decimal {
    if value.is_zero() {
        let mut zero = Decimal::ZERO;
        // Keep the scale so that `0.00` stays `0.00`; set_scale only fails above 28.
        let _ = zero.set_scale(value.scale());
        zero
    } else {
        value
    }
}

/// Formats `value` with exactly `dp` decimals and `.` as separator (machine formats).
/// Rounds half away from zero first, so a value with more decimals is never truncated.
pub fn fixed(value: Decimal, dp: u32) -> String {
    let rounded = round_half_away(value, dp);
    format!("{:.*}", dp as usize, rounded)
}

/// Formats `value` with exactly `dp` decimals in Dutch notation: `12.345,67`.
pub fn dutch(value: Decimal, dp: u32) -> String {
    let plain = fixed(value, dp);
    let (sign, digits) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain.as_str()),
    };
    let (int_part, frac_part) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let mut grouped = String::with_capacity(int_part.len() + int_part.len() / 3);
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    match frac_part {
        Some(f) => format!("{sign}{grouped},{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// Formats a money amount as `€ 12.345,67` (negative: `€ -12.345,67`).
pub fn euro(value: Decimal) -> String {
    format!("€ {}", dutch(value, 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn reads_decimal_text_exactly_even_where_f64_would_not() {
        assert_eq!(parse_exact("0.1").unwrap(), d("0.1"));
        assert_eq!(
            parse_exact("1234567890.123456789").unwrap(),
            d("1234567890.123456789")
        );
        assert_eq!(parse_exact("1e-30"), Err(NumberError::OutOfRange));
        assert_eq!(
            parse_exact("1e-28").unwrap(),
            d("0.0000000000000000000000000001")
        );
        assert_eq!(parse_exact("2.5E-2").unwrap(), d("0.025"));
        assert_eq!(parse_exact("1e3").unwrap(), d("1000"));
        assert_eq!(parse_exact("1_000.5").unwrap(), d("1000.5"));
        assert_eq!(parse_exact("+3.0").unwrap(), d("3.0"));
    }

    #[test]
    fn rejects_nan_infinity_and_values_that_do_not_fit() {
        assert_eq!(parse_exact("nan"), Err(NumberError::NotFinite));
        assert_eq!(parse_exact("-inf"), Err(NumberError::NotFinite));
        assert_eq!(parse_exact("1e30"), Err(NumberError::OutOfRange));
        assert_eq!(
            parse_exact("79228162514264337593543950336"),
            Err(NumberError::OutOfRange)
        );
        assert_eq!(
            parse_exact("0.12345678901234567890123456789"),
            Err(NumberError::OutOfRange)
        );
        assert_eq!(parse_exact("12abc"), Err(NumberError::Invalid));
        assert_eq!(parse_exact(""), Err(NumberError::Invalid));
        assert_eq!(
            parse_integer("170141183460469231731687303715884105728", 10),
            Err(NumberError::OutOfRange)
        );
        assert_eq!(parse_integer("ff", 16).unwrap(), d("255"));
        // The plain decimal form, read directly, and around its edge.
        assert_eq!(parse_integer("0", 10).unwrap(), d("0"));
        assert_eq!(parse_integer("116", 10).unwrap(), d("116"));
        assert_eq!(
            parse_integer("999999999999999999", 10).unwrap(),
            d("999999999999999999")
        );
        assert_eq!(
            parse_integer("9999999999999999999", 10).unwrap(),
            d("9999999999999999999")
        );
        assert_eq!(parse_integer("1_000", 10).unwrap(), d("1000"));
        assert_eq!(parse_integer("-7", 10).unwrap(), d("-7"));
        assert_eq!(parse_integer("7", 10).unwrap().scale(), 0);
    }

    #[test]
    fn money_rounds_half_away_from_zero_not_to_even() {
        assert_eq!(round_money(d("0.125")), d("0.13")); // banker's would give 0.12
        assert_eq!(round_money(d("0.135")), d("0.14"));
        assert_eq!(round_money(d("-0.125")), d("-0.13"));
        assert_eq!(round_money(d("2.004999")), d("2.00"));
        assert_eq!(round_money(d("-0.001")).to_string(), "0.00");
    }

    #[test]
    fn tariff_rounds_up_to_the_next_cent() {
        assert_eq!(round_tariff_up(d("0.3400001")), d("0.35"));
        assert_eq!(round_tariff_up(d("0.34")), d("0.34"));
        assert_eq!(round_tariff_up(d("0.341")), d("0.35"));
    }

    #[test]
    fn formats_dutch_amounts_with_thousands_dots_and_decimal_comma() {
        assert_eq!(euro(d("12345.67")), "€ 12.345,67");
        assert_eq!(euro(d("1234567.5")), "€ 1.234.567,50");
        assert_eq!(euro(d("-12.3")), "€ -12,30");
        assert_eq!(euro(d("0")), "€ 0,00");
        assert_eq!(euro(d("-0.004")), "€ 0,00");
        assert_eq!(dutch(d("999.999"), 2), "1.000,00");
        assert_eq!(fixed(d("5"), 2), "5.00");
        assert_eq!(fixed(d("0.125"), 2), "0.13");
        assert_eq!(fixed(d("-0.04"), 1), "0.0");
    }
}
