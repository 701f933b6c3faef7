//! The readers of one number: any number exactly from its written text, a number of a schema
//! field inside its documented bounds, a percentage, a whole number (with a shortcut for a plain
//! integer), a year; each reports a problem at the value's place. Pure, no I/O.

use rust_decimal::Decimal;
use toml::de::DeValue;

use super::super::diagnostic::{Diagnostic, Severity};
use super::super::schema::{self, Grens, Soort, Veld};
use super::cx::{Cx, type_name};
use super::syntax::{dutch_number, thousands_points, with_underscores};
use super::veld::Field;
use crate::decimal::{self, NumberError};
use crate::naam;

/// Earliest and latest calendar year accepted anywhere in a scenario.
const JAAR_MIN: i64 = 1900;
const JAAR_MAX: i64 = 2200;

/// The hint of a range error.
pub(super) const GRENZEN_HINT: &str =
    "binnen deze grenzen blijft elke berekening exact tot op de cent; zie 'Grenzen' in de README";

impl Cx {
    /// Any number, read exactly from its written text.
    pub(super) fn decimal(&mut self, field: &Field<'_, '_, '_>) -> Option<Decimal> {
        let result = match field.value.get_ref() {
            DeValue::Integer(i) => decimal::parse_integer(i.as_str(), i.radix()),
            DeValue::Float(f) => decimal::parse_exact(f.as_str()),
            DeValue::String(s) => decimal::parse_exact(s),
            other => {
                self.error(
                    field,
                    format!("verwacht een getal, gevonden: {}", type_name(other)),
                    None,
                );
                return None;
            }
        };
        match result {
            Ok(v) => {
                self.remember(field.path, field.value.span());
                Some(v)
            }
            Err(e) => {
                let (message, hint) = match (&e, field.value.get_ref()) {
                    (NumberError::Invalid, DeValue::String(text))
                        if let Some(fix) = dutch_number(text) =>
                    {
                        (fix.message(text), Some(fix.hint()))
                    }
                    (NumberError::Invalid, DeValue::String(text)) => (
                        format!("'{}' is geen getal", naam::zichtbaar(text)),
                        Some(if text.contains(',') {
                            format!(
                                "gebruik een punt als decimaalteken: {}",
                                text.replace('.', "").replace(',', ".")
                            )
                        } else {
                            "schrijf een getal, bijv. 116.35".to_string()
                        }),
                    ),
                    _ => (format!("ongeldig getal: {e}"), None),
                };
                self.error(field, message, hint);
                None
            }
        }
    }

    /// A number of the schema field `veld`, inside its documented bounds.
    pub(super) fn getal(&mut self, field: &Field<'_, '_, '_>, veld: &Veld) -> Option<Decimal> {
        let grens = veld.grens.unwrap_or(Grens { min: 0, max: 0 });
        match veld.soort {
            Soort::Percentage => self.percentage(field),
            Soort::Aantal => self
                .whole_in(field, i64::from(grens.min), i64::from(grens.max), true)
                .map(Decimal::from),
            _ => {
                let v = self.amount(field)?;
                if veld.soort == Soort::Bedrag {
                    self.three_decimals(field, v, veld.grens);
                }
                if veld.grens.is_some() && v > grens.max() {
                    self.error(
                        field,
                        format!(
                            "moet tussen {} en {} liggen ({}; gevonden: {v})",
                            schema::duizendtallen(grens.min),
                            schema::duizendtallen(grens.max),
                            veld.eenheid
                        ),
                        Some(GRENZEN_HINT.into()),
                    );
                    return None;
                }
                Some(v)
            }
        }
    }

    /// A whole number of the schema field `veld` (a count), inside its bounds.
    pub(super) fn aantal(&mut self, field: &Field<'_, '_, '_>, veld: &Veld) -> Option<u32> {
        let grens = veld.grens.unwrap_or(Grens {
            min: 0,
            max: u32::MAX,
        });
        self.whole_in(field, i64::from(grens.min), i64::from(grens.max), true)
            .and_then(|n| u32::try_from(n).ok())
    }

    /// A number >= 0.
    pub(super) fn amount(&mut self, field: &Field<'_, '_, '_>) -> Option<Decimal> {
        let v = self.decimal(field)?;
        if v.is_sign_negative() && !v.is_zero() {
            self.error(
                field,
                format!("mag niet negatief zijn (gevonden: {v})"),
                None,
            );
            return None;
        }
        Some(v)
    }

    /// A percentage 0..=100.
    pub(super) fn percentage(&mut self, field: &Field<'_, '_, '_>) -> Option<Decimal> {
        let v = self.decimal(field)?;
        if v < Decimal::ZERO || v > Decimal::ONE_HUNDRED {
            self.error(
                field,
                format!("een percentage moet tussen 0 en 100 liggen (gevonden: {v})"),
                Some("percentages worden als percentage geschreven: 25 betekent 25 %".into()),
            );
            return None;
        }
        Some(v)
    }

    /// A whole number in `min..=max`.
    pub(super) fn whole(&mut self, field: &Field<'_, '_, '_>, min: i64, max: i64) -> Option<i64> {
        self.whole_in(field, min, max, false)
    }

    /// A whole number in `min..=max`; `dutch`: the bounds written with points between
    /// thousands (a count, not a year).
    pub(super) fn whole_in(
        &mut self,
        field: &Field<'_, '_, '_>,
        min: i64,
        max: i64,
        dutch: bool,
    ) -> Option<i64> {
        self.plain_whole(field, min, max)
            .or_else(|| self.whole_any(field, min, max, dutch))
    }

    /// The value of `field` when it is a plain integer (decimal digits only) in `min..=max`,
    /// recorded as [`Cx::whole_any`] records it; `None` for anything else. Nearly every count
    /// and year is one: read straight into an i64, without a Decimal and the checks of its
    /// written form, which it passes (on 400 generated files, 51,000 values: about 6 M
    /// instructions).
    fn plain_whole(&mut self, field: &Field<'_, '_, '_>, min: i64, max: i64) -> Option<i64> {
        let DeValue::Integer(i) = field.value.get_ref() else {
            return None;
        };
        let n =
            decimal::plain_integer(i.as_str(), i.radix()).filter(|n| (min..=max).contains(n))?;
        self.remember(field.path, field.value.span());
        Some(n)
    }

    /// [`Cx::whole_in`] for any value: read as a decimal, checked for its written form, whole
    /// and inside `min..=max`.
    fn whole_any(
        &mut self,
        field: &Field<'_, '_, '_>,
        min: i64,
        max: i64,
        dutch: bool,
    ) -> Option<i64> {
        let v = self.decimal(field)?;
        if !self.written_whole(field, v) {
            return None;
        }
        // Integers arrive with scale 0: nothing to check or cut off.
        let whole = if v.scale() == 0 {
            v
        } else {
            if v.fract() != Decimal::ZERO {
                self.error(
                    field,
                    format!("moet een geheel getal zijn (gevonden: {v})"),
                    None,
                );
                return None;
            }
            v.trunc()
        };
        let n = i64::try_from(whole.mantissa())
            .ok()
            .filter(|n| (min..=max).contains(n));
        if n.is_none() {
            let show = |b: i64| match u32::try_from(b) {
                Ok(b) if dutch => schema::duizendtallen(b),
                _ => b.to_string(),
            };
            self.error(
                field,
                format!(
                    "moet een geheel getal van {} tot en met {} zijn (gevonden: {v})",
                    show(min),
                    show(max)
                ),
                None,
            );
        }
        n
    }

    /// Whether the whole number `v` of a count or year is written as one: an integer, or text
    /// without a point or exponent. A TOML float is refused even when its value is whole:
    /// `verzekerden = 140.000` is 140 in TOML, which a Dutch writer never means
    /// (docs/rekenregels.md, "Hele getallen"). A value with a fraction is left to the caller.
    pub(super) fn written_whole(&mut self, field: &Field<'_, '_, '_>, v: Decimal) -> bool {
        let text = match field.value.get_ref() {
            DeValue::Float(f) => f.as_str(),
            DeValue::String(t) if t.contains(['.', 'e', 'E']) => t,
            _ => return true,
        };
        let meant = thousands_points(text);
        if meant.is_none() && v.fract() != Decimal::ZERO {
            return true;
        }
        let whole = v.normalize();
        let (message, hint) = match meant {
            Some(meant) => (
                format!(
                    "{text} is in TOML {whole}; schrijf {meant} of {}",
                    with_underscores(&meant).unwrap_or_else(|| meant.clone())
                ),
                "een punt is hier een decimaalteken, geen scheiding tussen duizendtallen; \
                 een geheel getal schrijft u zonder punt"
                    .to_string(),
            ),
            None => (
                format!("moet een geheel getal zijn, zonder punt of exponent (gevonden: {text})"),
                format!("schrijf {whole}"),
            ),
        };
        self.error(field, message, Some(hint));
        false
    }

    /// Warns when the money amount `v` is written with exactly three decimals after one to
    /// three digits (`plafond = 30.000`): a Dutch writer may have meant thirty thousand. Not
    /// when that reading lies above the field's bound (`huisarts = 116.355` is never € 116.355
    /// an hour).
    fn three_decimals(&mut self, field: &Field<'_, '_, '_>, v: Decimal, grens: Option<Grens>) {
        let text = match field.value.get_ref() {
            DeValue::Float(f) => f.as_str(),
            DeValue::String(t) => t,
            _ => return,
        };
        let Some(meant) = thousands_points(text) else {
            return;
        };
        let plausible =
            Decimal::from_str_exact(&meant).is_ok_and(|m| grens.is_none_or(|g| m <= g.max()));
        if plausible {
            let pos = self.posities.pos(field.value.span().start);
            let euro = |d: Decimal| format!("€ {}", decimal::dutch(d, d.scale()));
            let as_written = v.normalize();
            // Written without the trailing zeros, the amount no longer has three decimals; an
            // amount with a third decimal keeps its value with a fourth.
            let plain = if as_written.scale() < 3 {
                as_written.to_string()
            } else {
                format!("{text}0")
            };
            self.warnings.push(Diagnostic {
                severity: Severity::Waarschuwing,
                pos,
                path: field.path.build(),
                message: format!(
                    "{text} is hier {}: een punt is in een scenario een decimaalteken, geen \
                     scheiding tussen duizendtallen",
                    euro(as_written)
                ),
                hint: Some(format!(
                    "bedoelt u {}, schrijf dan {meant} of {}; bedoelt u {}, schrijf dan {plain}",
                    euro(Decimal::from_str_exact(&meant).unwrap_or(v)),
                    with_underscores(&meant).unwrap_or_else(|| meant.clone()),
                    euro(as_written),
                )),
            });
        }
    }

    pub(super) fn year(&mut self, field: &Field<'_, '_, '_>) -> Option<i32> {
        self.whole(field, JAAR_MIN, JAAR_MAX)
            .and_then(|n| i32::try_from(n).ok())
    }

    /// A year inside `horizon` (first and last year, when known); outside it an error with the
    /// fix `buiten`.
    pub(super) fn year_in(
        &mut self,
        field: &Field<'_, '_, '_>,
        horizon: Option<(i32, i32)>,
        buiten: Option<&str>,
    ) -> Option<i32> {
        let y = self.year(field)?;
        if let Some((a, b)) = horizon
            && (y < a || y > b)
        {
            self.error(
                field,
                format!("jaar {y} ligt buiten de looptijd {a}–{b}"),
                buiten.map(str::to_string),
            );
            return None;
        }
        Some(y)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::model::{Paden, Posities};
    use crate::scenario::read::tabel::Table;
    use proptest::prelude::*;
    use toml::de::DeTable;

    fn cx(src: &str) -> Cx {
        Cx {
            errors: Vec::new(),
            warnings: Vec::new(),
            posities: Posities::new(src),
            paden: Paden::default(),
            secties_bedoeld: Vec::new(),
        }
    }

    proptest! {
        /// The shortcut of `whole_in` for a plain integer gives what the full reading gives:
        /// the value, the errors and the recorded path.
        #[test]
        fn a_whole_number_read_by_the_shortcut_is_read_as_the_full_reading_reads_it(
            text in "[0-9]{1,20}|[1-9][0-9]{0,3}_[0-9]{3}|[+-][0-9]{1,4}|0x[0-9a-f]{1,4}|[0-9]{1,3}\\.[0-9]{1,3}|[0-9]e[0-9]",
            min in -5i64..=5,
            max in 0i64..=2_000_000,
            dutch in any::<bool>(),
        ) {
            let src = format!("x = {text}\n");
            // Leading zeros are not TOML.
            let Ok(doc) = DeTable::parse(&src) else {
                return Ok(());
            };
            let mut table = Table::new(doc.get_ref(), 0..src.len(), "t".to_string());
            table.pad = Some(0);
            let field = table.get("x");
            prop_assume!(field.is_some());
            let Some(field) = field else { return Ok(()) };
            let (mut kort, mut vol) = (cx(&src), cx(&src));
            kort.paden.push_with(0, |out| out.push('t'));
            vol.paden.push_with(0, |out| out.push('t'));
            let snel = kort.whole_in(&field, min, max, dutch);
            let lang = vol.whole_any(&field, min, max, dutch);
            prop_assert_eq!(snel, lang);
            prop_assert_eq!(&kort.errors, &vol.errors);
            prop_assert_eq!(&kort.paden, &vol.paden);
        }
    }
}
